/**
 * The frame every kubectl command runs in: parsed flags, the target namespace, output buffers
 * and the errors kubectl's resource builder gives.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import type { Change } from '../cluster/store.ts';
import { NAMESPACES } from '../cluster/apply.ts';
import { groupResource, type ResourceInfo } from '../k8s/resources.ts';
import type { KubeObject } from '../k8s/types.ts';
import { flagString, goBool, type FlagSpec, type ParsedArgs } from './parse.ts';
import { klogLine } from './klog.ts';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A failure kubectl prints as `error: <message>` (exit 1). */
export class KubectlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubectlError';
  }
}

/** A failure printed exactly as given (`Error from server (NotFound): …`, `The Deployment … is invalid`). */
export class PrintedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintedError';
  }
}

export interface CommandContext {
  cluster: SimCluster;
  args: ParsedArgs;
  stdin: string | undefined;
  namespace: string;
  /** Whether -n/--namespace was given (apply then checks manifests against it). */
  namespaceExplicit: boolean;
  /** The words as typed after `kubectl` (for --record's change-cause). */
  words: string[];
  commandPath: string;
  out(text: string): void;
  err(text: string): void;
  /**
   * Keeps what the command wrote although it fails: kubectl visits the objects it was given one
   * by one (apply, create, label, scale, delete, rollout pause…), writes those it can and reports
   * the others, and a real cluster keeps those writes. (Otherwise a failing command is undone.)
   */
  keepWrites(): void;
}

/**
 * A command that keeps running while the cluster changes (`get -w`, `rollout status`, `delete`
 * waiting for pods to go). The synchronous `kubectl()` drives it by moving virtual time; the
 * console's streaming API feeds it changes as the UI moves time.
 */
export interface WatchSession {
  /** Called with every store write from now on. */
  onChange(c: Change): void;
  /** Called after virtual time moved (and after each change batch); may finish the session. */
  onTick?(): void;
  /** True once the command has finished. */
  readonly done: boolean;
  readonly exitCode: number;
  /** Virtual time at which the command gives up (`--timeout`, `--request-timeout`). */
  readonly deadline: number;
  /**
   * The next moment the command itself acts (kubectl drain retrying an eviction after 5 s,
   * polling for a deleted pod every second): whoever moves time stops there and ticks it.
   */
  readonly wakeAt?: number | undefined;
  /** Synchronous runs end after this many virtual seconds without output (default 3600). */
  readonly syncIdleSeconds?: number;
  /** Synchronous runs end after this many virtual seconds in all (default a day). */
  readonly syncMaxSeconds?: number;
  /** Called when the deadline passes (or, synchronously, when nothing is left to happen). */
  expire(idle: boolean): void;
}

export interface Command {
  name: string;
  aliases?: string[];
  short: string;
  usage?: string;
  flags: FlagSpec[];
  subcommands?: Command[];
  /** Watching commands move virtual time; their failures are not undone. */
  advancesTime?: boolean;
  /** Loads what the command reads that the page fetches only when needed (explain's schemas). */
  prepare?(): Promise<void>;
  /** Returns the exit code (0 when omitted), or a session that goes on while time moves. */
  run?(ctx: CommandContext): number | void | WatchSession;
  /** Extra help text: a longer description and examples. */
  long?: string;
  examples?: string;
  /** Its help prints nothing: cobra runs the command's own help function (`kubectl options -h`). */
  silentHelp?: boolean;
}

export function notFound(info: ResourceInfo, name: string, namespace?: string): PrintedError {
  // The builder's Info.Get: a name not found in a namespace other than default has kubectl ask
  // for the namespace, and a namespace that does not exist is what it reports.
  if (info.namespaced && namespace && namespace !== 'default' && !NAMESPACES.includes(namespace))
    return new PrintedError(`Error from server (NotFound): namespaces "${namespace}" not found`);
  return new PrintedError(`Error from server (NotFound): ${groupResource(info)} "${name}" not found`);
}

/** The builder's error for a type it cannot map: it names the resource, the part before any dot. */
export function unknownResource(type: string): KubectlError {
  return new KubectlError(`the server doesn't have a resource type "${type.split('.')[0]}"`);
}

export function namespaceOf(ctx: CommandContext, info: ResourceInfo): string | undefined {
  return info.namespaced ? ctx.namespace : undefined;
}

export function getOrThrow<T extends KubeObject>(ctx: CommandContext, info: ResourceInfo, name: string): T {
  const obj = ctx.cluster.store.get<T>(info.kind, namespaceOf(ctx, info), name);
  if (!obj) throw notFound(info, name, ctx.namespace);
  return obj;
}

/**
 * What `--record` stores as kubernetes.io/change-cause: the command path, the positional
 * arguments, then every flag as `--name=value` (kubectl's parseCommandArguments).
 */
export function changeCause(ctx: CommandContext, flagsSpec: FlagSpec[]): string {
  const long = new Map<string, string>();
  for (const s of flagsSpec) if (s.short) long.set(s.short, s.name);
  long.set('n', 'namespace');
  const flags: string[] = [];
  for (const [name, values] of ctx.args.flags) for (const v of values) flags.push(`--${name}=${v}`);
  return [ctx.commandPath, ...ctx.args.positional, ...flags].join(' ');
}

/** `--dry-run` as kubectl reads it (`--dry-run` alone and `true` mean client). */
export function dryRunMode(ctx: CommandContext): 'none' | 'client' | 'server' {
  const v = flagString(ctx.args, 'dry-run') ?? 'none';
  // GetDryRunStrategy: the flag alone (`unchanged`) and Go's booleans still work, with klog's
  // warning, logged each time a command reads the flag (once, in its Complete).
  const warn = (line: number, message: string) => {
    if (warned.has(ctx)) return;
    warned.add(ctx);
    ctx.err(klogLine('W', ctx.cluster.now, `helpers.go:${line}`, message));
  };
  if (v === 'unchanged') {
    warn(703, '--dry-run is deprecated and can be replaced with --dry-run=client.');
    return 'client';
  }
  const bool = goBool(v);
  if (bool !== undefined) {
    warn(
      bool ? 717 : 720,
      `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${bool ? 'client' : 'none'}.`,
    );
    return bool ? 'client' : 'none';
  }
  if (v === 'client') return 'client';
  if (v === 'none') return 'none';
  if (v === 'server') return 'server';
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The commands whose deprecated --dry-run was warned of. */
const warned = new WeakSet<CommandContext>();
