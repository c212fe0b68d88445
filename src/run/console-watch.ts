/**
 * A console command that only looks, run on a cluster and kept running while it watches
 * (`get -w`, `rollout status`): what the Run and a followed cluster both hand to the console.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import type { WatchSession } from '../kubectl/command.ts';
import { executeKubectl } from '../kubectl/index.ts';
import type { OutputPiece, RunStream } from './run.ts';

/** A watch still running: its owner ticks `session`, then calls `flush`, or `ended` when it stops. */
export interface ConsoleWatch {
  session: WatchSession;
  flush: () => void;
  ended: (exitCode: number) => void;
}

/**
 * Runs `commandLine` read-only on `cluster`, hands what it prints to `onOutput`, and if it keeps
 * watching, gives the running watch to `keep` (and takes it back through `drop` on `stop()`).
 */
export function startConsoleWatch(
  cluster: SimCluster,
  commandLine: string,
  onOutput: (chunk: OutputPiece) => void,
  keep: (w: ConsoleWatch) => void,
  drop: (w: ConsoleWatch) => void,
): RunStream {
  // What was printed since the last flush, in the order it was printed: each piece holds one
  // stream's text, so a warning printed before a table, or an error printed after it, is handed
  // on where a terminal shows it.
  let pending: OutputPiece[] = [];
  const write = (stream: 'stdout' | 'stderr', s: string) => {
    if (!s) return;
    const last = pending[pending.length - 1];
    if (last && last[stream] !== undefined) last[stream] += s;
    else pending.push({ [stream]: s });
  };
  const flush = () => {
    const pieces = pending;
    pending = [];
    for (const p of pieces) onOutput(p);
  };
  const exec = executeKubectl(
    cluster,
    commandLine,
    undefined,
    { out: (s) => write('stdout', s), err: (s) => write('stderr', s) },
    { readOnly: true },
  );
  let exitCode: number | undefined = exec.exitCode;
  let done = true;
  let watch: ConsoleWatch | undefined;
  const session = exec.session;
  if (session) {
    session.onTick?.();
    if (session.done) exitCode = session.exitCode;
    else {
      done = false;
      exitCode = undefined;
      watch = {
        session,
        flush,
        ended: (code) => {
          done = true;
          exitCode = code;
          flush();
        },
      };
      keep(watch);
    }
  }
  flush();
  return {
    get done() {
      return done;
    },
    get exitCode() {
      return exitCode;
    },
    stop: () => {
      if (done) return;
      done = true;
      if (watch) drop(watch);
    },
  };
}
