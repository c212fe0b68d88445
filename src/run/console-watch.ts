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
  stdin?: string,
): RunStream {
  // What was printed since the last flush, piece by piece in the order it was printed, each
  // piece one stream's text: a warning printed before a table, or an error printed after it, is
  // handed on where a terminal shows it.
  const pending: OutputPiece[] = [];
  const flush = () => {
    for (const p of pending.splice(0)) onOutput(p);
  };
  const exec = executeKubectl(
    cluster,
    commandLine,
    stdin,
    { out: (stdout) => pending.push({ stdout }), err: (stderr) => pending.push({ stderr }) },
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
