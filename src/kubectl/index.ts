/**
 * `kubectl` for the simulated cluster: parses a command line, runs the command, and returns what
 * a terminal would show. It never throws: every failure becomes kubectl's error text and a
 * non-zero exit code, and a failed command changes nothing.
 *
 * Watching commands (`get -w`, `rollout status`, `delete` waiting for pods) return a
 * WatchSession. `runKubectl` drives it by moving virtual time to the next controller wake-up
 * until it finishes; `startKubectl` (stream.ts) feeds it changes while the UI moves time.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import { ApiError } from '../cluster/apply.ts';
import { BudgetError } from '../cluster/errors.ts';
import { ValidationError } from '../k8s/validation.ts';
import { ManifestError } from '../k8s/yaml.ts';
import {
  type Command,
  type CommandContext,
  type KubectlResult,
  type WatchSession,
  KubectlError,
  PrintedError,
} from './command.ts';
import { allCommandsLoaded, commands, helpText, suggestions } from './commands/registry.ts';
import { ConfigError } from './kubeconfig.ts';
import {
  UsageError,
  commandWords,
  flagBool,
  flagString,
  globalFlags,
  parseDuration,
  parseFlags,
  shellWords,
  takesValueWhileFinding,
} from './parse.ts';

export type { KubectlResult } from './command.ts';

export function findCommand(cmds: Command[], word: string): Command | undefined {
  return cmds.find((c) => c.name === word || c.aliases?.includes(word));
}

export interface Sink {
  out(text: string): void;
  err(text: string): void;
}

export interface Execution {
  exitCode: number;
  /** Present when the command keeps watching; exitCode is then decided by the session. */
  session?: WatchSession;
  /** It failed but kept what it wrote, as kubectl does with several objects (see `keepWrites`). */
  kept?: true;
}

/** kubectl's error text for a thrown failure. */
export function errorMessage(e: unknown, commandPath: string): string {
  if (e instanceof UsageError) {
    if (e.flagError) return `error: ${e.message}\nSee '${e.commandPath} --help' for usage.\n`;
    if (e.commandPath === 'kubectl' && commandPath === 'kubectl') return `error: ${e.message}\n`;
    return `error: ${e.message}\nSee '${e.commandPath === 'kubectl' ? commandPath : e.commandPath} -h' for help and examples\n`;
  }
  if (e instanceof KubectlError) return `error: ${e.message}\n`;
  if (e instanceof ConfigError) return e.message;
  if (e instanceof PrintedError || e instanceof ValidationError) return `${e.message}\n`;
  // checkErr adds `error: ` to any message that does not start with it (`error parsing STDIN: …`).
  if (e instanceof ManifestError)
    return e.message.startsWith('error: ') ? `${e.message}\n` : `error: ${e.message}\n`;
  if (e instanceof ApiError)
    return e.message.startsWith('error') ||
      e.message.startsWith('Error') ||
      (e instanceof ApiError && e.reason === 'Invalid')
      ? `${e.message}\n`
      : `error: ${e.message}\n`;
  if (e instanceof BudgetError) return `error: ${e.message}; nothing was changed\n`;
  return internalErrorMessage(e);
}

/**
 * A bug in the simulator: still answer like a tool, never crash the caller, and say plainly that
 * the fault is the simulator's, not the user's.
 */
export function internalErrorMessage(e: unknown): string {
  return `error: internal error in the simulator: ${e instanceof Error ? e.message : String(e)}\n`;
}

/**
 * True when the commands have not loaded yet (the browser loads them after its first paint; a
 * replay must not run before they are in, and help, suggestions and completion come with them).
 * A line the shell cannot split fails the same way before and after.
 */
export function waitsForCommands(commandLine: string): boolean {
  if (allCommandsLoaded()) return false;
  try {
    shellWords(commandLine);
  } catch {
    return false;
  }
  return true;
}

/**
 * Loads what a command reads that the page fetches only when needed (`Command.prepare`: explain's
 * schemas), for a line that names it (a line that only mentions it loads them too, harmlessly).
 */
export const prepareCommand = (commandLine: string): Promise<void> | undefined =>
  commands.find((c) => c.prepare && commandLine.includes(c.name))?.prepare?.();

/**
 * Where the subcommand's name is among `words`, as cobra's stripFlags finds it: the first word that
 * is neither a flag nor a flag's value (takesValueWhileFinding), and `--` ends the search.
 */
function subcommandAt(words: string[], cmd: Command): number {
  const flags = [...cmd.flags, ...globalFlags];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') return -1;
    if (w.startsWith('-')) {
      if (takesValueWhileFinding(w, flags)) i++;
    } else if (w !== '') return i;
  }
  return -1;
}

/** Resolves a command line to its command and parsed flags. Throws UsageError. */
export function resolveCommand(
  commandLine: string,
):
  | { kind: 'help'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'run'; cmd: Command; path: string[]; ctxArgs: ReturnType<typeof parseFlags>; words: string[] } {
  const { leading, words } = commandWords(commandLine);
  if (words.length === 0) {
    if (leading.length) parseFlags(leading, [], 'kubectl');
    return { kind: 'help', text: helpText([], undefined) };
  }
  if (words[0] === 'help') {
    const target = words[1] ? findCommand(commands, words[1]) : undefined;
    if (words[1] && !target)
      return { kind: 'error', text: `Unknown help topic [\`${words[1]}\`]\n${helpText([], undefined)}` };
    return { kind: 'help', text: helpText(target ? [target.name] : [], target) };
  }
  const top = findCommand(commands, words[0]!);
  if (!top && !allCommandsLoaded())
    return {
      kind: 'error',
      text: `error: "kubectl ${words[0]}" is still loading in this page; try again in a moment\n`,
    };
  if (!top) {
    // kubectl then looks for a plugin, whose name must come first.
    if (leading.length)
      return { kind: 'error', text: `Error: flags cannot be placed before plugin name: ${leading[0]}\n` };
    const similar = suggestions(words[0]!);
    let msg = `error: unknown command "${words[0]}" for "kubectl"`;
    if (similar.length) msg += `\n\nDid you mean this?\n${similar.map((s) => `\t${s}`).join('\n')}`;
    return { kind: 'error', text: `${msg}\n` };
  }
  let cmd: Command = top;
  const path = [cmd.name];
  let rest = [...leading, ...words.slice(1)];
  while (cmd.subcommands?.length) {
    const idx = subcommandAt(rest, cmd);
    const sub: Command | undefined = idx >= 0 ? findCommand(cmd.subcommands, rest[idx]!) : undefined;
    if (!sub) {
      if (idx >= 0 && !cmd.run && !rest.some((w) => w === '-h' || w === '--help'))
        throw new UsageError(`unknown command "${rest[idx]}"`, `kubectl ${path.join(' ')}`);
      break;
    }
    cmd = sub;
    path.push(sub.name);
    rest = [...rest.slice(0, idx), ...rest.slice(idx + 1)];
  }
  const commandPath = `kubectl ${path.join(' ')}`;
  const args = parseFlags(rest, cmd.flags, commandPath);
  if (flagBool(args, 'help') || !cmd.run) return { kind: 'help', text: helpText(path, cmd) };
  return { kind: 'run', cmd, path, ctxArgs: args, words };
}

/**
 * Runs one command line against the cluster, writing to `sink`. A failed command (non-zero exit,
 * no session) is undone, unless it kept what it wrote as kubectl does (`ctx.keepWrites()`: a
 * command given several objects, some of them refused). Never throws.
 */
export function executeKubectl(
  cluster: SimCluster,
  commandLine: string,
  stdin: string | undefined,
  sink: Sink,
  options: { readOnly?: boolean } = {},
): Execution {
  let commandPath = 'kubectl';
  let before: ReturnType<SimCluster['snapshot']> | undefined;
  let exitCode = 0;
  let keep = false;
  let writesBefore = 0;
  try {
    const r = resolveCommand(String(commandLine));
    if (r.kind === 'help') {
      sink.out(r.text);
      return { exitCode: 0 };
    }
    if (r.kind === 'error') {
      sink.err(r.text);
      return { exitCode: 1 };
    }
    const { cmd, path, ctxArgs: args, words } = r;
    commandPath = `kubectl ${path.join(' ')}`;
    // An empty --namespace is no override: the context's namespace, default, stands.
    const namespace = flagString(args, 'namespace') || undefined;
    const requestTimeout = flagString(args, 'request-timeout');
    if (
      requestTimeout !== undefined &&
      parseDuration(requestTimeout) === undefined &&
      !/^[0-9]+$/.test(requestTimeout)
    )
      throw new KubectlError(
        `invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)`,
      );
    const ctx: CommandContext = {
      cluster,
      args,
      stdin,
      namespace: namespace ?? 'default',
      namespaceExplicit: namespace !== undefined,
      words,
      commandPath,
      out: (t) => sink.out(t),
      err: (t) => sink.err(t),
      keepWrites: () => {
        keep = true;
      },
    };
    // A command that only reads (queryKubectl) changes nothing: no undo point, no settling.
    if (options.readOnly) {
      const result = cmd.run!(ctx);
      return typeof result === 'object' ? { exitCode: 0, session: result } : { exitCode: result ?? 0 };
    }
    before = cluster.transientSnapshot();
    writesBefore = cluster.store.resourceVersion;
    cluster.beginCommand();
    const result = cmd.run!(ctx);
    // Everything the command set off settles before it returns (and is undone with it when
    // that is more work than the simulator's budget).
    cluster.settle();
    if (result !== undefined && typeof result === 'object') {
      cluster.endCommand();
      cluster.notify();
      return { exitCode: 0, session: result };
    }
    exitCode = result ?? 0;
  } catch (e) {
    exitCode = 1;
    // An error kubectl reports keeps what was written before it, if the command said so; the
    // simulator's budget or a fault of its own undoes the command.
    if (!(e instanceof KubectlError || e instanceof PrintedError || e instanceof ValidationError))
      keep = false;
    // A failing go-template: what it wrote comes first, on standard output.
    const written = (e as { stdout?: string }).stdout;
    if (written) sink.out(written);
    sink.err(errorMessage(e, commandPath));
    if (options.readOnly) return { exitCode };
  } finally {
    if (!options.readOnly) cluster.endCommand();
  }
  if (exitCode !== 0 && before && !keep) cluster.restore(before);
  else cluster.notify();
  return exitCode !== 0 && keep && cluster.store.resourceVersion !== writesBefore
    ? { exitCode, kept: true }
    : { exitCode };
}

/** How long, in virtual seconds, a synchronous watch goes on without printing anything. */
export const SYNC_WATCH_IDLE_SECONDS = 3600;
/** The longest a synchronous watch runs, in virtual seconds. */
export const SYNC_WATCH_MAX_SECONDS = 24 * 3600;

/**
 * Drives a session synchronously: advance virtual time to the next controller wake-up, again and
 * again, until the session finishes, its deadline passes, or nothing is left to happen.
 */
export function driveSession(cluster: SimCluster, session: WatchSession, printed: () => number): void {
  const stop = cluster.watch((c) => {
    if (!session.done) session.onChange(c);
  });
  try {
    session.onTick?.();
    let lastOutput = printed();
    let lastOutputAt = cluster.now;
    const hardLimit = cluster.now + (session.syncMaxSeconds ?? SYNC_WATCH_MAX_SECONDS);
    while (!session.done) {
      const next = cluster.nextWakeUp();
      const wake = session.wakeAt;
      if (wake !== undefined && wake < session.deadline && (next === undefined || wake < next)) {
        if (wake > cluster.now) cluster.advance(wake - cluster.now);
        session.onTick?.();
        if (printed() !== lastOutput) {
          lastOutput = printed();
          lastOutputAt = cluster.now;
        }
        continue;
      }
      if (next === undefined && !Number.isFinite(session.deadline)) {
        // Nothing will ever happen again: a real watch would hang; end it here.
        session.expire(true);
        break;
      }
      const idleLimit = lastOutputAt + (session.syncIdleSeconds ?? SYNC_WATCH_IDLE_SECONDS);
      const limit = Math.min(session.deadline, idleLimit, hardLimit);
      if (next === undefined || next > limit) {
        if (limit > cluster.now) cluster.advance(limit - cluster.now);
        session.onTick?.();
        if (!session.done) session.expire(limit !== session.deadline);
        break;
      }
      cluster.advance(next - cluster.now);
      session.onTick?.();
      if (printed() !== lastOutput) {
        lastOutput = printed();
        lastOutputAt = cluster.now;
      }
    }
  } finally {
    stop();
  }
}

export function runKubectl(cluster: SimCluster, commandLine: string, stdin?: string): KubectlResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const sink: Sink = { out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
  let exec: Execution;
  try {
    exec = executeKubectl(cluster, commandLine, stdin, sink);
    if (exec.session) {
      const session = exec.session;
      driveSession(cluster, session, () => stdout.length + stderr.length);
      exec = { exitCode: session.exitCode };
    }
  } catch (e) {
    stderr.push(e instanceof BudgetError ? errorMessage(e, 'kubectl') : internalErrorMessage(e));
    exec = { exitCode: 1 };
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: exec.exitCode };
}
