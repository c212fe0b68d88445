/**
 * Looking without touching: kubectl at the current moment that never changes the cluster or its
 * clock. Commands that only read (get, describe, rollout status/history, …) run directly; any other
 * command runs against a fork of the cluster, so it prints exactly what it would print and the
 * cluster stays as it was. A watching command prints what it has at this moment and keeps no
 * session: nothing here moves virtual time.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import type { KubectlResult } from './command.ts';
import { executeKubectl, resolveCommand } from './index.ts';
import { UsageError, flagBool, flagString } from './parse.ts';

export interface QueryResult extends KubectlResult {
  /** A watching command that has not finished at this moment (`exitCode` is then 0). */
  watching: boolean;
}

/** Commands that read and never write, by their path (`rollout status`). */
const READ_ONLY = new Set([
  'get',
  'describe',
  'logs',
  'explain',
  'version',
  'api-resources',
  'api-versions',
  'cluster-info',
  'completion',
  'events',
  'rollout status',
  'rollout history',
  'wait',
  'diff',
  'top',
  'top pod',
  'top node',
  'options',
  // A group of subcommands run without one (`kubectl rollout`, a typo `rollout undoo …`) prints
  // its help or "unknown command" and changes nothing.
  'rollout',
  'set',
]);

/**
 * True when the command line only reads: a read-only command, help, a dry run, or a line kubectl
 * refuses before it reaches the cluster.
 */
export function isReadOnlyCommand(commandLine: string): boolean {
  try {
    const r = resolveCommand(commandLine);
    if (r.kind !== 'run') return true;
    const path = r.path.join(' ');
    if (READ_ONLY.has(path)) return true;
    // Listing a pod template's variables, or changing a file's copy, sends nothing.
    if (path === 'set env' && (flagBool(r.ctxArgs, 'list') || flagBool(r.ctxArgs, 'local'))) return true;
    const dryRun = flagString(r.ctxArgs, 'dry-run');
    return dryRun !== undefined && dryRun !== 'none' && dryRun !== 'false';
  } catch (e) {
    // kubectl refuses the line (unknown flag, bad usage): printing that changes nothing.
    return e instanceof UsageError;
  }
}

export function queryKubectl(cluster: SimCluster, commandLine: string, stdin?: string): QueryResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink = { out: (t: string) => stdout.push(t), err: (t: string) => stderr.push(t) };
  const readOnly = isReadOnlyCommand(commandLine);
  const target = readOnly ? cluster : cluster.fork();
  const exec = executeKubectl(target, commandLine, stdin, sink, { readOnly });
  let exitCode = exec.exitCode;
  let watching = false;
  if (exec.session) {
    exec.session.onTick?.();
    watching = !exec.session.done;
    exitCode = exec.session.done ? exec.session.exitCode : 0;
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode, watching };
}
