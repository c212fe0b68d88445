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
import { setDefaults } from '../../k8s/defaults.ts';
import type { Deployment, KubeObject, ReplicaSet } from '../../k8s/types.ts';
import { invalidError, validate } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  type WatchSession,
  KubectlError,
  PrintedError,
  dryRunMode,
  getOrThrow,
} from '../command.ts';
import { type FlagSpec, flagBool, flagDuration, flagInt, flagString } from '../parse.ts';
import { PRINT_FLAGS, TypedPrinter, printFlagsOutput } from '../printers/output.ts';
import {
  DRY_RUN_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  fieldManagerFlag,
  filenameFlag,
  dryRunSuffix,
} from './flags.ts';
import {
  RefusedList,
  checkListSelectors,
  listResource,
  noResourcesFound,
  resolveTargetsWithAll,
} from './objects.ts';
import { subcommandsOnly } from './parent.ts';
import { podTemplateText } from '../printers/describe-template.ts';
import { tabwrite } from '../printers/tabwriter.ts';
import { deploymentRolloutStatus } from '../status.ts';
import { klogLine } from '../klog.ts';

export { deploymentRolloutStatus, type RolloutStatus } from '../status.ts';

/** The ReplicaSets a Deployment controls. */
export function replicaSetsOf(cluster: SimCluster, d: Deployment): ReplicaSet[] {
  return cluster.store.listControlledBy<ReplicaSet>(d.metadata.uid ?? '', 'ReplicaSet');
}

/** A GroupKind as Go's String() prints it: `ReplicaSet.apps`, `Pod`. */
function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The kinds kubectl's apps.GroupKindElement visits (the others have "no visitor method"). */
const VISITED_KINDS = [
  'DaemonSet',
  'Deployment',
  'Job',
  'Pod',
  'ReplicaSet',
  'ReplicationController',
  'StatefulSet',
  'CronJob',
];

/** Why `kubectl rollout VERB` refuses an object of this kind (undefined for Deployments). */
function unsupported(verb: string, info: ResourceInfo, name: string): string | undefined {
  if (info.kind === 'Deployment') return undefined;
  const gk = groupKind(info);
  const noVisitor = `no visitor method exists for {${info.group} ${info.kind}}`;
  switch (verb) {
    case 'status':
      return `no status viewer has been implemented for ${gk}`;
    case 'history':
      return VISITED_KINDS.includes(info.kind)
        ? `no history viewer has been implemented for "${gk}"`
        : `error retrieving history for "${gk}", ${noVisitor}`;
    case 'undo':
      return VISITED_KINDS.includes(info.kind)
        ? `no rollbacker has been implemented for "${gk}"`
        : `error retrieving rollbacker for "${gk}", ${noVisitor}`;
    default:
      return `${groupResource(info)} "${name}" ${verb === 'restart' ? 'restarting' : `${verb.replace(/e$/, '')}ing`} is not supported`;
  }
}

interface RolloutItem {
  info: ResourceInfo;
  name: string;
}

/**
 * The objects a rollout subcommand visits, in argument order: `TYPE NAME…`, `TYPE/NAME…`, or a
 * bare `TYPE` for every object of that type in the namespace (by name).
 */
function rolloutItems(ctx: CommandContext): RolloutItem[] {
  if (ctx.args.positional.length === 0) throw new KubectlError('required resource not specified');
  const selectorText = flagString(ctx.args, 'selector');
  const { targets } = resolveTargetsWithAll(ctx.args.positional, false, Boolean(selectorText));
  const { matches } = checkListSelectors(
    targets.map((t) => t.info),
    selectorText,
    undefined,
  );
  const items: RolloutItem[] = [];
  for (const t of targets) {
    const names = t.names.length
      ? t.names
      : listResource(ctx.cluster, t.info, ctx.namespace)
          .filter(matches)
          .map((o) => o.metadata.name);
    for (const name of names) items.push({ info: t.info, name });
  }
  return items;
}

/**
 * Visits each item like kubectl's builder with ContinueOnError: an object that is missing or of a
 * kind the subcommand does not handle is reported, the others still go through. Returns the exit code.
 */
function visitDeployments(
  ctx: CommandContext,
  verb: string,
  visit: (info: ResourceInfo, d: Deployment) => void,
): number {
  const errors: Error[] = [];
  for (const { info, name } of rolloutItems(ctx))
    continueOnError(errors, () => {
      const obj = getOrThrow<KubeObject>(ctx, info, name);
      const why = unsupported(verb, info, name);
      if (why) throw new KubectlError(why);
      visit(info, obj as Deployment);
    });
  return endVisit(ctx, errors);
}

/** Runs `f`, keeping kubectl's own errors in `errors` (the builder's ContinueOnError). */
function continueOnError(errors: Error[], f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e instanceof KubectlError || e instanceof PrintedError) errors.push(e);
    else throw e;
  }
}

/**
 * The end of a visit: its errors as CheckErr prints them, and the objects it could change stay
 * changed, as kubectl leaves them. Returns the exit code.
 */
function endVisit(ctx: CommandContext, errors: Error[]): number {
  ctx.err(aggregateErrors(errors));
  if (errors.length) ctx.keepWrites();
  return errors.length ? 1 : 0;
}

/**
 * What pause, resume and restart could not make a patch of (their polymorphic helpers' errors):
 * kubectl writes these as `error: RESOURCE "NAME" …` itself, so the prefix stays when several are
 * printed together.
 */
class PatchError extends KubectlError {}

/** A patch worked out from an object as fetched: what it changes, and what is said once sent. */
interface DeploymentPatch {
  apply(current: Deployment): Deployment;
  done(stored: Deployment): void;
}

/**
 * pause, resume and restart as kubectl runs them: every object is fetched first (the builder's
 * Infos: what is missing is an error before anything is sent), each patch is worked out from the
 * object as fetched (CalculatePatches, where a refusal is that object's error), then the patches
 * are sent in turn, each to the object as it is then. The same object named twice gets the same
 * patch twice; nothing found at all is said on stderr. Returns the exit code.
 */
function patchDeployments(
  ctx: CommandContext,
  verb: 'pause' | 'resume' | 'restart',
  patchOf: (info: ResourceInfo, d: Deployment) => DeploymentPatch,
): number {
  const errors: Error[] = [];
  const fetched: { info: ResourceInfo; obj: KubeObject }[] = [];
  for (const { info, name } of rolloutItems(ctx))
    continueOnError(errors, () => fetched.push({ info, obj: getOrThrow<KubeObject>(ctx, info, name) }));
  if (fetched.length === 0 && errors.length === 0) {
    ctx.err(noResourcesFound(ctx.namespace));
    return 0;
  }
  // Each patch is worked out from the object as fetched (not as the earlier patches left it).
  for (const { info, obj } of fetched)
    continueOnError(errors, () => {
      const name = obj.metadata.name;
      const why = unsupported(verb, info, name);
      if (why) throw new PatchError(why);
      const patch = patchOf(info, obj as Deployment);
      const current = getOrThrow<Deployment>(ctx, info, name);
      patch.done(validatedUpdate<Deployment>(ctx.cluster, patch.apply(current)));
    });
  return endVisit(ctx, errors);
}

/**
 * cmdutil.CheckErr of the errors a ContinueOnError visit collected: one error as `error: …` (API
 * errors as they are), several as their bare messages, one a line.
 */
export function aggregateErrors(errors: Error[]): string {
  if (errors.length === 0) return '';
  if (errors.length === 1)
    return errors[0] instanceof KubectlError ? `error: ${errors[0].message}\n` : `${errors[0]!.message}\n`;
  const line = (e: Error) =>
    e instanceof PatchError ? `error: ${e.message}` : e instanceof RefusedList ? e.detail : e.message;
  return errors.map((e) => `${line(e)}\n`).join('');
}

/**
 * `kubectl rollout status`: each object in turn, as kubectl visits them. Without --watch=false an
 * object that is not rolled out yet is watched (every write of it is a watch event and prints a
 * line as virtual time moves) until it is, then the next one; --timeout applies to each.
 */
function rolloutStatus(ctx: CommandContext): number | WatchSession {
  const revision = flagInt(ctx.args, 'revision') ?? 0;
  const watch = flagBool(ctx.args, 'watch', true);
  const timeout = flagDuration(ctx.args, 'timeout', 0);
  const items = rolloutItems(ctx);
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  if (items.length === 0) {
    ctx.err(noResourcesFound(ctx.namespace));
    return 0;
  }
  const cluster = ctx.cluster;
  let exitCode = 0;
  let next = 0;
  /** The object being watched, and until when. */
  let current: { name: string; deadline: number } | undefined;
  const errors: Error[] = [];
  const fail = (message: string) => {
    errors.push(new KubectlError(message));
    exitCode = 1;
  };
  /** Visits objects until one has to be watched (or none is left). */
  const proceed = () => {
    current = undefined;
    while (next < items.length && !current) {
      const { info, name } = items[next++]!;
      try {
        const obj = getOrThrow<KubeObject>(ctx, info, name);
        const why = unsupported('status', info, name);
        if (why) throw new KubectlError(why);
        // watchtools.ContextWithOptionalTimeout logs a negative timeout, then takes it as none.
        if (timeout < 0)
          ctx.err(klogLine('E', cluster.now, 'until.go:159', '"Timeout for context shall not be negative"'));
        const first = deploymentRolloutStatus(obj as Deployment, revision);
        if (first.error) throw new KubectlError(first.error);
        ctx.out(first.message);
        if (!first.done && watch)
          current = { name, deadline: timeout > 0 ? cluster.now + timeout : Number.POSITIVE_INFINITY };
      } catch (e) {
        if (e instanceof KubectlError || e instanceof PrintedError) {
          errors.push(e);
          exitCode = 1;
        } else throw e;
      }
    }
    if (!current) ctx.err(aggregateErrors(errors));
  };
  proceed();
  if (!current) return exitCode;
  return {
    get done() {
      return current === undefined;
    },
    get exitCode() {
      return exitCode;
    },
    get deadline() {
      return current?.deadline ?? cluster.now;
    },
    onChange(c) {
      if (
        !current ||
        c.kind !== 'Deployment' ||
        c.obj.metadata.name !== current.name ||
        c.obj.metadata.namespace !== ctx.namespace
      )
        return;
      if (c.type === 'deleted') {
        fail('object has been deleted');
        return proceed();
      }
      const s = deploymentRolloutStatus(c.obj as Deployment, revision);
      if (s.error) {
        fail(s.error);
        return proceed();
      }
      ctx.out(s.message);
      if (s.done) proceed();
    },
    onTick() {
      if (current && cluster.now >= current.deadline) {
        fail('timed out waiting for the condition');
        proceed();
      }
    },
    expire() {
      if (!current) return;
      fail('timed out waiting for the condition');
      // A synchronous run ends here: a later object that would need watching is not watched.
      proceed();
      if (current) {
        current = undefined;
        ctx.err(aggregateErrors(errors));
      }
    },
  };
}

/** The revisions of a Deployment's ReplicaSets (revision → ReplicaSet), as kubectl gathers them. */
function revisionsOf(cluster: SimCluster, d: Deployment): Map<number, ReplicaSet> {
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of replicaSetsOf(cluster, d)) byRevision.set(util.revision(rs) ?? 0, rs);
  return byRevision;
}

/**
 * DeploymentHistoryViewer.ViewHistory: the REVISION / CHANGE-CAUSE table, one revision's pod
 * template, or `No rollout history found.` for a Deployment without ReplicaSets.
 */
function viewHistory(cluster: SimCluster, d: Deployment, revision: number): string {
  const byRevision = revisionsOf(cluster, d);
  if (byRevision.size === 0) return 'No rollout history found.';
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
    return podTemplateText(template);
  }
  const rows = [...byRevision.keys()]
    .sort((a, b) => a - b)
    .map(
      (r) => `${r}\t${byRevision.get(r)!.metadata.annotations?.[util.ChangeCauseAnnotation] || '<none>'}\n`,
    );
  return tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minwidth: 0, padding: 2 });
}

/**
 * `kubectl rollout history`: per Deployment `deployment.apps/NAME ` (or `… with revision #N`), then
 * the history. With -o, kubectl 1.33 prints the ReplicaSets instead, by revision.
 */
function rolloutHistory(ctx: CommandContext): number {
  const revision = flagInt(ctx.args, 'revision') ?? 0;
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const printer = format && new TypedPrinter(format);
  if (revision < 0) {
    rolloutItems(ctx);
    throw new KubectlError(`revision must be a positive integer: ${revision}`);
  }
  return visitDeployments(ctx, 'history', (info, d) => {
    if (printer) {
      const byRevision = revisionsOf(ctx.cluster, d);
      const revisions = [...byRevision.keys()].sort((a, b) => a - b);
      if (revision > 0 && byRevision.size > 0 && !byRevision.has(revision))
        throw new KubectlError('unable to find the specified revision');
      for (const r of revisions)
        if (revision === 0 || r === revision) ctx.out(printer.print(byRevision.get(r)!));
      return;
    }
    const history = viewHistory(ctx.cluster, d, revision);
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    ctx.out(`${kindSlashName(info, d.metadata.name)} ${withRevision}\n${history}\n`);
  });
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or of the revision before the latest. */
function revisionToRestore(cluster: SimCluster, d: Deployment, toRevision: number): ReplicaSet {
  const rsList = replicaSetsOf(cluster, d);
  if (toRevision > 0) {
    const target = rsList.find((rs) => util.revision(rs) === toRevision);
    if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    return target;
  }
  const previous = util.lastRevision(rsList);
  const target = previous > 0 ? rsList.find((rs) => util.revision(rs) === previous) : undefined;
  if (!target) throw new KubectlError(`no rollout history found for deployment "${d.metadata.name}"`);
  return target;
}

/**
 * `kubectl rollout undo`: kubectl's client-side rollback, a JSON patch replacing the template and
 * the annotations. With -o, kubectl prints the Deployment as it was fetched, before the patch.
 */
function rolloutUndo(ctx: CommandContext): number {
  const toRevision = flagInt(ctx.args, 'to-revision') ?? 0;
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const printer = format && new TypedPrinter(format);
  const suffix = dryRunSuffix(mode);
  return visitDeployments(ctx, 'undo', (info, d) => {
    const name = d.metadata.name;
    if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
    const target = revisionToRestore(ctx.cluster, d, toRevision);
    const done = (result: string) => {
      if (printer) ctx.out(printer.print(d));
      else ctx.out(`${kindSlashName(info, name)} ${result}${suffix}\n`);
    };
    if (mode === 'client') return done(podTemplateText(target.spec.template));
    if (d.spec.paused)
      throw new KubectlError(
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      );
    if (util.equalIgnoreHash(d.spec.template, target.spec.template))
      return done(`skipped rollback (current template already matches revision ${toRevision})`);
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
    const next: Deployment = { ...d, metadata, spec: { ...d.spec, template } };
    if (mode === 'server') {
      // A server-side dry run is validated like the write, and nothing is stored.
      const errors = validate(setDefaults(next), d);
      if (errors.length) throw invalidError(next.kind, name, errors);
    } else validatedUpdate<Deployment>(ctx.cluster, next);
    done('rolled back');
  });
}

function pauseOrResume(ctx: CommandContext, pause: boolean): number {
  const printer = objectPrinter(ctx);
  return patchDeployments(ctx, pause ? 'pause' : 'resume', (info, d) => {
    if (Boolean(d.spec.paused) === pause)
      throw new PatchError(
        `${groupResource(info)} "${d.metadata.name}" is ${pause ? 'already paused' : 'not paused'}`,
      );
    return {
      // Resuming sends `paused: null` (false is Go's zero value, left out of the JSON): the field goes.
      apply: (current) => {
        const spec = { ...current.spec, paused: true };
        if (!pause) delete (spec as { paused?: boolean }).paused;
        return { ...current, spec };
      },
      done: (stored) =>
        ctx.out(
          printer
            ? printer.print(stored)
            : `${kindSlashName(info, d.metadata.name)} ${pause ? 'paused' : 'resumed'}\n`,
        ),
    };
  });
}

/** The printer for -o, or undefined for kubectl's `kind/name verb` line. */
function objectPrinter(ctx: CommandContext): TypedPrinter | undefined {
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  return format && new TypedPrinter(format);
}

function rolloutRestart(ctx: CommandContext): number {
  const printer = objectPrinter(ctx);
  return patchDeployments(ctx, 'restart', (info, d) => {
    const name = d.metadata.name;
    if (d.spec.paused)
      throw new PatchError(
        `${groupResource(info)} "${name}" can't restart paused deployment (run rollout resume first)`,
      );
    const restartedAt = timestamp(ctx.cluster.now);
    // Stamped to the second: a second restart within it changes nothing, an empty patch.
    if (d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === restartedAt)
      throw new KubectlError(
        `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
      );
    return {
      apply: (current) => {
        const template = current.spec.template;
        const annotations = {
          ...(template.metadata?.annotations ?? {}),
          'kubectl.kubernetes.io/restartedAt': restartedAt,
        };
        const metadata = { ...(template.metadata ?? {}), annotations };
        return { ...current, spec: { ...current.spec, template: { ...template, metadata } } };
      },
      done: (stored) => ctx.out(printer ? printer.print(stored) : `${kindSlashName(info, name)} restarted\n`),
    };
  });
}

/** The flags every rollout subcommand has: how it finds the objects. */
const FIND_FLAGS: FlagSpec[] = [
  filenameFlag(
    'Filename, directory, or URL to files identifying the resource to get from a server.',
    'name the objects instead (TYPE NAME or TYPE/NAME)',
  ),
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
];

const rolloutHistoryCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  long: 'View previous rollout revisions and configurations.',
  examples:
    '  # View the rollout history of a deployment\n  kubectl rollout history deployment/abc\n  \n  # View the details of daemonset revision 3\n  kubectl rollout history daemonset/abc --revision=3',
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    {
      name: 'revision',
      type: 'int',
      help: 'See the details, including podTemplate of the revision specified',
    },
    ...PRINT_FLAGS,
    ...FIND_FLAGS,
  ],
  run: rolloutHistory,
};

/** pause, resume and restart. */
const patchingFlags = (): FlagSpec[] => [...PRINT_FLAGS, fieldManagerFlag('kubectl-rollout'), ...FIND_FLAGS];

const rolloutPauseCommand: Command = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  long: 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
  examples:
    '  # Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n  kubectl rollout pause deployment/nginx',
  usage: 'kubectl rollout pause RESOURCE [options]',
  flags: patchingFlags(),
  run: (ctx) => pauseOrResume(ctx, true),
};

const rolloutRestartCommand: Command = {
  name: 'restart',
  short: 'Restart a resource',
  long: 'Restart a resource.\n\n        Resource rollout will be restarted.',
  examples:
    '  # Restart all deployments in the test-namespace namespace\n  kubectl rollout restart deployment -n test-namespace\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/nginx\n  \n  # Restart a daemon set\n  kubectl rollout restart daemonset/abc\n  \n  # Restart deployments with the app=nginx label\n  kubectl rollout restart deployment --selector=app=nginx',
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: patchingFlags(),
  run: rolloutRestart,
};

const rolloutResumeCommand: Command = {
  name: 'resume',
  short: 'Resume a paused resource',
  long: 'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
  examples: '  # Resume an already paused deployment\n  kubectl rollout resume deployment/nginx',
  usage: 'kubectl rollout resume RESOURCE [options]',
  flags: patchingFlags(),
  run: (ctx) => pauseOrResume(ctx, false),
};

const rolloutStatusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
  examples: '  # Watch the rollout status of a deployment\n  kubectl rollout status deployment/nginx',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      default: true,
      help: "Watch the status of the rollout until it's done.",
    },
    {
      name: 'revision',
      type: 'int',
      help: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
    },
    {
      name: 'timeout',
      type: 'duration',
      help: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
    },
    ...FIND_FLAGS,
  ],
  run: rolloutStatus,
  advancesTime: true,
};

const rolloutUndoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout.',
  examples:
    '  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Roll back to daemonset revision 3\n  kubectl rollout undo daemonset/abc --to-revision=3\n  \n  # Roll back to the previous deployment with dry-run\n  kubectl rollout undo --dry-run=server deployment/abc',
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'to-revision', type: 'int', help: 'The revision to rollback to. Default to 0 (last revision).' },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    ...FIND_FLAGS,
  ],
  run: rolloutUndo,
};

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  long: 'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  examples:
    "  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n  \n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo\n  \n  # Restart a deployment\n  kubectl rollout restart deployment/abc\n  \n  # Restart deployments with the 'app=nginx' label\n  kubectl rollout restart deployment --selector=app=nginx",
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  // kubectl prints this help on stdout.
  run: subcommandsOnly(['rollout'], 'out', () => rolloutCommand),
  // In kubectl's help order (alphabetical).
  subcommands: [
    rolloutHistoryCommand,
    rolloutPauseCommand,
    rolloutRestartCommand,
    rolloutResumeCommand,
    rolloutStatusCommand,
    rolloutUndoCommand,
  ],
};
