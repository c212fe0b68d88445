/**
 * `kubectl rollout status|history|undo|pause|resume|restart` for Deployments, with the messages of
 * kubectl's polymorphichelpers (rollout_status.go, history.go, rollback.go, objectpauser.go,
 * objectresumer.go, objectrestarter.go).
 */
import { validatedUpdate } from '../../cluster/apply.ts';
import type { SimCluster } from '../../cluster/cluster.ts';
import * as util from '../../cluster/controllers/deployment/util.ts';
import { groupResource, kindSlashName, type ResourceInfo } from '../../k8s/resources.ts';
import { timestamp } from '../../k8s/time.ts';
import type { Deployment, ReplicaSet } from '../../k8s/types.ts';
import {
  type Command,
  type CommandContext,
  type WatchSession,
  KubectlError,
  getOrThrow,
  resolveTargets,
} from '../command.ts';
import { flagBool, flagInt, flagString, parseDuration } from '../parse.ts';
import { podTemplateText } from '../printers/describe-template.ts';
import { tabwrite } from '../printers/tabwriter.ts';

export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

/**
 * DeploymentStatusViewer.Status: the line `kubectl rollout status` prints for a Deployment now.
 */
export function deploymentRolloutStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = d.metadata.annotations?.[util.RevisionAnnotation];
    if (String(revision) !== current)
      return {
        message: '',
        done: false,
        error: `desired revision (${revision}) is different from the running revision (${current ?? ''})`,
      };
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const cond = util.getDeploymentCondition(s, 'Progressing');
    if (cond?.reason === util.TimedOutReason)
      return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < replicas)
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
        done: false,
      };
    if ((s.replicas ?? 0) > updated)
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
        done: false,
      };
    if ((s.availableReplicas ?? 0) < updated)
      return {
        message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: `Waiting for deployment spec update to be observed...\n`, done: false };
}

/** The ReplicaSets a Deployment controls. */
export function replicaSetsOf(cluster: SimCluster, d: Deployment): ReplicaSet[] {
  return cluster.store.listControlledBy<ReplicaSet>(d.metadata.uid ?? '', 'ReplicaSet');
}

function deploymentTarget(ctx: CommandContext, verb: string): { info: ResourceInfo; names: string[] } {
  const targets = resolveTargets(ctx.args.positional, true, verb);
  for (const t of targets) {
    if (t.info.kind !== 'Deployment') {
      const what: Record<string, string> = {
        status: `no status viewer has been implemented for ${t.info.kind}`,
        history: `no history viewer has been implemented for "${t.info.kind}"`,
        undo: `no rollbacker has been implemented for "${t.info.kind}"`,
        pause: `${kindSlashName(t.info, t.names[0] ?? '')} pausing is not supported`,
        resume: `${kindSlashName(t.info, t.names[0] ?? '')} resuming is not supported`,
        restart: `${kindSlashName(t.info, t.names[0] ?? '')} restarts are not supported`,
      };
      throw new KubectlError(what[verb] ?? `${t.info.kind} is not supported`);
    }
  }
  const t = targets[0]!;
  return { info: t.info, names: targets.flatMap((x) => x.names) };
}

function rolloutStatus(ctx: CommandContext): number | WatchSession {
  const { info, names } = deploymentTarget(ctx, 'status');
  if (names.length > 1)
    throw new KubectlError(
      `rollout status is only supported on individual resources and resource collections, but ${names.length} resources were found`,
    );
  const name = names[0]!;
  const revision = flagInt(ctx.args, 'revision') ?? 0;
  if (revision < 0) throw new KubectlError('revision must be a positive integer');
  const watch = flagBool(ctx.args, 'watch', true);
  const timeoutText = flagString(ctx.args, 'timeout') ?? '0s';
  const timeout = parseDuration(timeoutText);
  if (timeout === undefined)
    throw new KubectlError(
      `invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  const cluster = ctx.cluster;
  const first = deploymentRolloutStatus(getOrThrow<Deployment>(ctx, info, name), revision);
  if (first.error) throw new KubectlError(first.error);
  ctx.out(first.message);
  if (first.done || !watch) return 0;

  // Watch: every write of the Deployment is a watch event and prints a line, as virtual time moves.
  const deadline = timeout > 0 ? cluster.now + timeout : Number.POSITIVE_INFINITY;
  let done = false;
  let exitCode = 0;
  const fail = (message: string) => {
    ctx.err(`error: ${message}\n`);
    exitCode = 1;
    done = true;
  };
  return {
    get done() {
      return done;
    },
    get exitCode() {
      return exitCode;
    },
    deadline,
    onChange(c) {
      if (
        done ||
        c.kind !== 'Deployment' ||
        c.obj.metadata.name !== name ||
        c.obj.metadata.namespace !== ctx.namespace
      )
        return;
      if (c.type === 'deleted') return fail('object has been deleted');
      const s = deploymentRolloutStatus(c.obj as Deployment, revision);
      if (s.error) return fail(s.error);
      ctx.out(s.message);
      if (s.done) done = true;
    },
    onTick() {
      if (!done && cluster.now >= deadline) fail('timed out waiting for the condition');
    },
    expire() {
      if (!done) fail('timed out waiting for the condition');
    },
  };
}

/** `kubectl rollout history`: the REVISION / CHANGE-CAUSE table, or one revision's template. */
function rolloutHistory(ctx: CommandContext): number {
  const { info, names } = deploymentTarget(ctx, 'history');
  const revision = flagInt(ctx.args, 'revision') ?? 0;
  for (const name of names) {
    const d = getOrThrow<Deployment>(ctx, info, name);
    const byRevision = new Map<number, ReplicaSet>();
    for (const rs of replicaSetsOf(ctx.cluster, d)) byRevision.set(util.revision(rs) ?? 0, rs);
    if (revision > 0) {
      const rs = byRevision.get(revision);
      if (!rs) throw new KubectlError('unable to find the specified revision');
      const template = JSON.parse(JSON.stringify(rs.spec.template)) as ReplicaSet['spec']['template'];
      const cause = rs.metadata.annotations?.[util.ChangeCauseAnnotation];
      if (cause)
        template.metadata = {
          ...(template.metadata ?? {}),
          annotations: { ...(template.metadata?.annotations ?? {}), [util.ChangeCauseAnnotation]: cause },
        };
      ctx.out(`${kindSlashName(info, name)} with revision #${revision}\n${podTemplateText(template)}\n`);
      continue;
    }
    if (byRevision.size === 0) {
      ctx.out('No rollout history found.\n');
      continue;
    }
    const rows = [...byRevision.keys()]
      .sort((a, b) => a - b)
      .map(
        (r) => `${r}\t${byRevision.get(r)!.metadata.annotations?.[util.ChangeCauseAnnotation] ?? '<none>'}\n`,
      );
    ctx.out(
      `${kindSlashName(info, name)} \n${tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, padding: 2 })}\n`,
    );
  }
  return 0;
}

/** `kubectl rollout undo`: kubectl's client-side rollback (a patch of the template and annotations). */
function rolloutUndo(ctx: CommandContext): number {
  const { info, names } = deploymentTarget(ctx, 'undo');
  const toRevision = flagInt(ctx.args, 'to-revision') ?? 0;
  const dryRun = flagString(ctx.args, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun))
    throw new KubectlError(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  for (const name of names) {
    const d = getOrThrow<Deployment>(ctx, info, name);
    if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    const rsList = replicaSetsOf(ctx.cluster, d);
    let target: ReplicaSet | undefined;
    if (toRevision > 0) {
      target = rsList.find((rs) => util.revision(rs) === toRevision);
      if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    } else {
      const previous = util.lastRevision(rsList);
      target = previous > 0 ? rsList.find((rs) => util.revision(rs) === previous) : undefined;
      if (!target) throw new KubectlError(`no rollout history found for deployment "${name}"`);
    }
    if (dryRun === 'client') {
      ctx.out(`${kindSlashName(info, name)} ${podTemplateText(target.spec.template)} (dry run)\n`);
      continue;
    }
    if (d.spec.paused)
      throw new KubectlError(
        `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`,
      );
    if (util.equalIgnoreHash(d.spec.template, target.spec.template)) {
      ctx.out(
        `${kindSlashName(info, name)} skipped rollback (current template already matches revision ${toRevision})\n`,
      );
      continue;
    }
    if (d.metadata.annotations?.[util.LastAppliedConfigAnnotation] !== undefined)
      ctx.err(
        `Warning: resource ${info.plural}/${name} was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n`,
      );
    const template = JSON.parse(JSON.stringify(target.spec.template)) as ReplicaSet['spec']['template'];
    const labels = { ...(template.metadata?.labels ?? {}) };
    delete labels[util.DefaultDeploymentUniqueLabelKey];
    template.metadata = { ...(template.metadata ?? {}), labels };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
      if (util.skipCopyAnnotation(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.metadata.annotations ?? {}))
      if (!util.skipCopyAnnotation(k)) annotations[k] = v;
    const metadata = { ...d.metadata, annotations };
    if (Object.keys(annotations).length === 0) delete (metadata as { annotations?: unknown }).annotations;
    if (dryRun === 'server') {
      ctx.out(`${kindSlashName(info, name)} rolled back (server dry run)\n`);
      continue;
    }
    validatedUpdate<Deployment>(ctx.cluster, { ...d, metadata, spec: { ...d.spec, template } });
    ctx.out(`${kindSlashName(info, name)} rolled back\n`);
  }
  return 0;
}

function pauseOrResume(ctx: CommandContext, pause: boolean): number {
  const verb = pause ? 'pause' : 'resume';
  const { info, names } = deploymentTarget(ctx, verb);
  const deployments = names.map((n) => getOrThrow<Deployment>(ctx, info, n));
  let failed = false;
  for (const d of deployments) {
    if (Boolean(d.spec.paused) === pause) {
      ctx.err(
        `error: ${groupResource(info)} "${d.metadata.name}" is ${pause ? 'already paused' : 'not paused'}\n`,
      );
      failed = true;
      continue;
    }
    validatedUpdate<Deployment>(ctx.cluster, { ...d, spec: { ...d.spec, paused: pause } });
    ctx.out(`${kindSlashName(info, d.metadata.name)} ${pause ? 'paused' : 'resumed'}\n`);
  }
  return failed ? 1 : 0;
}

function rolloutRestart(ctx: CommandContext): number {
  const { info, names } = deploymentTarget(ctx, 'restart');
  for (const name of names) {
    const d = getOrThrow<Deployment>(ctx, info, name);
    if (d.spec.paused)
      throw new KubectlError(
        `${groupResource(info)} "${name}" can't restart paused deployment (run rollout resume first)`,
      );
    const template = d.spec.template;
    const annotations = {
      ...(template.metadata?.annotations ?? {}),
      'kubectl.kubernetes.io/restartedAt': timestamp(ctx.cluster.now),
    };
    validatedUpdate<Deployment>(ctx.cluster, {
      ...d,
      spec: { ...d.spec, template: { ...template, metadata: { ...(template.metadata ?? {}), annotations } } },
    });
    ctx.out(`${kindSlashName(info, name)} restarted\n`);
  }
  return 0;
}

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND',
  flags: [],
  subcommands: [
    {
      name: 'status',
      short: 'Show the status of the rollout',
      usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
      flags: [
        { name: 'watch', short: 'w', type: 'bool', default: true },
        { name: 'revision', type: 'int' },
        { name: 'timeout', type: 'string' },
        { name: 'filename', short: 'f', type: 'stringArray' },
      ],
      run: rolloutStatus,
      advancesTime: true,
    },
    {
      name: 'history',
      short: 'View rollout history',
      usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
      flags: [
        { name: 'revision', type: 'int' },
        { name: 'output', short: 'o', type: 'string' },
      ],
      run: rolloutHistory,
    },
    {
      name: 'undo',
      short: 'Undo a previous rollout',
      usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
      flags: [
        { name: 'to-revision', type: 'int' },
        { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
      ],
      run: rolloutUndo,
    },
    {
      name: 'pause',
      short: 'Mark the provided resource as paused',
      usage: 'kubectl rollout pause RESOURCE',
      flags: [],
      run: (ctx) => pauseOrResume(ctx, true),
    },
    {
      name: 'resume',
      short: 'Resume a paused resource',
      usage: 'kubectl rollout resume RESOURCE',
      flags: [],
      run: (ctx) => pauseOrResume(ctx, false),
    },
    {
      name: 'restart',
      short: 'Restart a resource',
      usage: 'kubectl rollout restart RESOURCE',
      flags: [],
      run: rolloutRestart,
    },
  ],
};
