/**
 * `kubectl diff -f FILE`: what applying the files would change, as `diff -u -N` of two
 * directories of YAML: LIVE, the objects as they are, and MERGED, what a server-side dry run of
 * kubectl's apply patch returns (without the last-applied annotation, which diff does not send;
 * a dry-run create for an object that does not exist). Exit status 0 when nothing would change,
 * 1 when something would, 2 for an error (cmd/diff/diff.go).
 */
import { dryRunWrite } from '../../cluster/dryrun.ts';
import { BudgetError } from '../../cluster/errors.ts';
import { commitApply, prepareApply } from '../../cluster/apply.ts';
import { fnv32a } from '../../k8s/hash.ts';
import { epoch } from '../../k8s/time.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { type Command, type CommandContext, KubectlError, PrintedError } from '../command.ts';
import { flagBool, flagString } from '../parse.ts';
import { printObjects } from '../printers/output.ts';
import { unifiedHunks } from '../printers/unidiff.ts';
import { errorText, readSources, visitSources } from './apply.ts';
import { commitCreate, prepareCreate } from './create.ts';
import { labelSelector, matchesSelector } from './objects.ts';
import { fieldManagerFlag } from './flags.ts';

/** The file each object is written to: `apps.v1.Deployment.default.kubia` (InfoObject.Name). */
const fileName = (obj: KubeObject, namespace: string): string => {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : ['', obj.apiVersion];
  return `${group ? `${group}.` : ''}${version}.${obj.kind}.${namespace}.${obj.metadata.name}`;
};

/** A file's time as GNU diff prints it, at virtual second `t`. */
function fileTime(t: number): string {
  const iso = new Date(epoch() + Math.floor(t) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.000000000 +0000`;
}

/**
 * The digits os.MkdirTemp puts after `LIVE-` and `MERGED-`: random in kubectl; here a hash of the
 * moment and the line, so a replay prints the same and nothing random is drawn from the cluster.
 */
const tempSuffix = (seed: string): string => String(fnv32a(seed));

const yaml = (obj: KubeObject) => printObjects({ type: 'yaml' }, [obj], true);

function runDiff(ctx: CommandContext): number {
  try {
    return diff(ctx);
  } catch (e) {
    if (e instanceof BudgetError) throw e;
    // CheckDiffErr: kubectl's message, and 2, as 1 means differences were found.
    ctx.err(`${errorText(e)}\n`);
    return 2;
  }
}

function diff(ctx: CommandContext): number {
  if (flagString(ctx.args, 'kustomize'))
    throw new KubectlError(
      'kubectl diff -k is not simulated in Rollout Lab: there are no kustomization directories here',
    );
  if (flagBool(ctx.args, 'server-side'))
    throw new KubectlError(
      'kubectl diff --server-side is not simulated in Rollout Lab: apply is client-side here',
    );
  if (flagBool(ctx.args, 'prune'))
    throw new KubectlError('kubectl diff --prune is not simulated in Rollout Lab');
  const selector = labelSelector(flagString(ctx.args, 'selector'));
  // diff has no --validate: no schema check before the mapping.
  const visited = visitSources(ctx, 'diff', 'Ignore', readSources(ctx, 'diff'));
  // The visit stops at the first error, before diff runs.
  const failed = visited.find((v) => 'error' in v);
  // As checkErr prints it alone: `error: …`, or the server's message as it is.
  if (failed && 'error' in failed) throw new PrintedError(failed.error.alone);
  const files: { name: string; live: string; merged: string }[] = [];
  for (const v of visited) {
    if ('error' in v) continue;
    const meta = (v.raw['metadata'] ?? {}) as Record<string, unknown>;
    const namespace = v.info.namespaced ? String(meta['namespace'] ?? ctx.namespace) : '';
    const local = v.raw as unknown as KubeObject;
    if (!matchesSelector(local, selector)) continue;
    const live = ctx.cluster.store.get(
      v.info.kind,
      v.info.namespaced ? namespace : undefined,
      String(meta['name']),
    );
    // The dry run is sent without a fieldValidation: the server's default, Warn, drops unknown
    // fields and says so (printed as the request returns, before the diff).
    let merged: KubeObject;
    if (!live) {
      // The dry-run create goes out bare: its errors name no file (unlike create -f's).
      const p = prepareCreate(ctx.cluster, local, ctx.namespace, undefined, 'Warn');
      for (const w of p.warnings) ctx.err(`${w}\n`);
      merged = dryRunWrite(ctx.cluster, (copy) => commitCreate(copy, p));
    } else {
      const p = prepareApply(
        ctx.cluster,
        v.raw,
        v.source,
        ctx.namespaceExplicit ? ctx.namespace : undefined,
        { annotate: false, fieldValidation: 'Warn' },
      );
      for (const w of p.warnings) ctx.err(`${w}\n`);
      merged = dryRunWrite(ctx.cluster, (copy) => commitApply(copy, p));
    }
    files.push({ name: fileName(merged, namespace), live: live ? yaml(live) : '', merged: yaml(merged) });
  }
  // diff reads the two directories in name order.
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seed = `${ctx.cluster.now}\n${ctx.words.join(' ')}`;
  const liveDir = `/tmp/LIVE-${tempSuffix(`live ${seed}`)}`;
  const mergedDir = `/tmp/MERGED-${tempSuffix(`merged ${seed}`)}`;
  const time = fileTime(ctx.cluster.now);
  let changed = false;
  for (const f of files) {
    const hunks = unifiedHunks(f.live, f.merged);
    if (!hunks) continue;
    changed = true;
    const a = `${liveDir}/${f.name}`;
    const b = `${mergedDir}/${f.name}`;
    ctx.out(`diff -u -N ${a} ${b}\n--- ${a}\t${time}\n+++ ${b}\t${time}\n${hunks}`);
  }
  return changed ? 1 : 0;
}

export const diffCommand: Command = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  long: 'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.\n\n The output is always YAML.\n\n KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\n By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.\n\n Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.\n\n Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.',
  examples:
    '  # Diff resources included in pod.json\n  kubectl diff -f pod.json\n  \n  # Diff file read from stdin\n  cat service.yaml | kubectl diff -f -',
  usage: 'kubectl diff -f FILENAME [options]',
  flags: [
    {
      name: 'concurrency',
      type: 'int',
      default: 1,
      help: 'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.',
    },
    fieldManagerFlag('kubectl-client-side-apply'),
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'Filename, directory, or URL to files contains the configuration to diff',
    },
    {
      name: 'force-conflicts',
      type: 'bool',
      help: 'If true, server-side apply will force the changes against conflicts.',
    },
    {
      name: 'kustomize',
      short: 'k',
      type: 'string',
      help: "Process the kustomization directory. This flag can't be used together with -f or -R.",
    },
    {
      name: 'prune',
      type: 'bool',
      help: 'Include resources that would be deleted by pruning. Can be used with -l and default shows all resources would be pruned',
    },
    {
      name: 'prune-allowlist',
      type: 'stringArray',
      help: 'Overwrite the default allowlist with <group/version/kind> for --prune',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
    {
      name: 'server-side',
      type: 'bool',
      help: 'If true, apply runs in the server instead of the client.',
    },
    {
      name: 'show-managed-fields',
      type: 'bool',
      help: 'If true, include managed fields in the diff.',
    },
  ],
  run: runDiff,
};
