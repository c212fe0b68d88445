/**
 * The console's streaming kubectl: the first output at once, then more lines whenever the cluster
 * changes, until the command would finish. It never moves virtual time itself (the UI does).
 *
 * ```ts
 * const run = startKubectl(cluster, 'rollout status deployment/kubia', undefined, (chunk) => print(chunk));
 * // … the UI advances time; lines arrive through the callback …
 * run.stop(); // Ctrl-C
 * ```
 */
import type { SimCluster } from '../cluster/cluster.ts';
import { executeKubectl } from './index.ts';

export interface KubectlOutputChunk {
  stdout?: string;
  stderr?: string;
}

export interface RunningKubectl {
  /** True once the command finished (or was stopped). */
  readonly done: boolean;
  /** Set when the command finished on its own; undefined while running or after `stop()`. */
  readonly exitCode?: number | undefined;
  /** Ends a watching command, like Ctrl-C. */
  stop(): void;
}

export function startKubectl(
  cluster: SimCluster,
  commandLine: string,
  stdin: string | undefined,
  onOutput: (chunk: KubectlOutputChunk) => void,
): RunningKubectl {
  let buffered: KubectlOutputChunk = {};
  const flush = () => {
    if (buffered.stdout === undefined && buffered.stderr === undefined) return;
    const chunk = buffered;
    buffered = {};
    onOutput(chunk);
  };
  // A chunk holds one stream's text: output that switches streams is flushed at the switch, so
  // chunks arrive in the order a terminal shows them (a deprecation warning before the output).
  const sink = {
    out: (t: string) => {
      if (!t) return;
      if (buffered.stderr !== undefined) flush();
      buffered.stdout = (buffered.stdout ?? '') + t;
    },
    err: (t: string) => {
      if (!t) return;
      if (buffered.stdout !== undefined) flush();
      buffered.stderr = (buffered.stderr ?? '') + t;
    },
  };
  const exec = executeKubectl(cluster, commandLine, stdin, sink);
  flush();
  const session = exec.session;
  if (!session) {
    return { done: true, exitCode: exec.exitCode, stop() {} };
  }
  let stopped = false;
  let exitCode: number | undefined;
  let unwatch: () => void = () => {};
  let unsubscribe: () => void = () => {};
  const finishIfDone = () => {
    if (stopped || !session.done) return;
    stopped = true;
    exitCode = session.exitCode;
    unwatch();
    unsubscribe();
  };
  unwatch = cluster.watch((c) => {
    if (stopped || session.done) return;
    session.onChange(c);
    flush();
    // Finish after the write that completed the command has been delivered.
    finishIfDone();
  });
  unsubscribe = cluster.subscribe(() => {
    if (stopped) return;
    session.onTick?.();
    if (!session.done && cluster.now >= session.deadline) session.expire(false);
    flush();
    finishIfDone();
  });
  session.onTick?.();
  flush();
  finishIfDone();
  return {
    get done() {
      return stopped;
    },
    get exitCode() {
      return exitCode;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      unwatch();
      unsubscribe();
    },
  };
}
