/**
 * The kubeconfig the page's kubectl reads, as client-go would: the one `npm run serve` writes
 * (src/server/server.ts), with one cluster, one context and one user, all named KUBECONFIG_NAME,
 * and that context current. `--context`, `--cluster` and `--user` may name only those; any other
 * name is refused in client-go's words, by the code path the command takes first.
 */
import { flagBool, flagString, type ParsedArgs } from './parse.ts';

/** The name of the cluster, the context and the user (client-go names the user in some messages). */
export const KUBECONFIG_NAME = 'rollout-lab';

/**
 * How a command first reads its configuration, which decides what an unknown name in it prints:
 * - `namespace`: `Namespace()` first, which runs clientcmd's `ConfirmUsable` (the validation
 *   errors listed together), then the REST config (get, describe, rollout, scale, delete…);
 * - `builder`: the same, through the resource builder, which collects the REST config's error
 *   and the namespace's together (set selector);
 * - `rest`: the REST config first (`ClientConfig`), which names the first of the user, the
 *   context and the cluster that does not exist (create, run, apply, explain, wait…).
 */
export type ConfigPath = 'namespace' | 'builder' | 'rest';

/** Thrown with the text kubectl prints for an unusable configuration. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A name given to a flag (an empty one is no override). */
const named = (args: ParsedArgs, flag: string): string | undefined => flagString(args, flag) || undefined;
const unknown = (name: string | undefined): name is string => name !== undefined && name !== KUBECONFIG_NAME;

/** An error as kubectl's CheckErr tells them apart: plain, or clientcmd's aggregate of validation errors. */
type Failure = { plain: string } | { invalid: string[] };

const CONTEXT_NOT_FOUND = 'context was not found for specified context';

/**
 * clientcmd's `ConfirmUsable`: the context not found, the user's authentication methods (more than
 * one), the cluster without a server, in that order, all reported together.
 */
function validation(args: ParsedArgs): Failure | undefined {
  const errors: string[] = [];
  const context = named(args, 'context');
  if (unknown(context)) errors.push(`${CONTEXT_NOT_FOUND}: ${context}`);
  const methods = [
    ...(flagString(args, 'token') ? ['token'] : []),
    ...(flagString(args, 'username') || flagString(args, 'password') ? ['basicAuth'] : []),
  ];
  // The user is the one --user names, else the context's (none when the context does not exist).
  const user = named(args, 'user') ?? (unknown(context) ? '' : KUBECONFIG_NAME);
  if (methods.length > 1)
    errors.push(
      `more than one authentication method found for ${user}; found [${methods.join(' ')}], only one is allowed`,
    );
  const cluster = named(args, 'cluster');
  if (unknown(cluster)) errors.push(`no server found for cluster "${cluster}"`);
  return errors.length ? { invalid: errors } : undefined;
}

/**
 * client-go's `ClientConfig`: the user, the context and the cluster named must exist (checked in
 * that order), then the configuration must be usable.
 */
function restConfig(args: ParsedArgs): Failure | undefined {
  const user = named(args, 'user');
  if (unknown(user)) return { plain: `auth info "${user}" does not exist` };
  const context = named(args, 'context');
  if (unknown(context)) return { plain: `context "${context}" does not exist` };
  const cluster = named(args, 'cluster');
  if (unknown(cluster)) return { plain: `cluster "${cluster}" does not exist` };
  return validation(args);
}

/** An error's own text: an aggregate of several reads `[a, b]`. */
const text = (f: Failure): string =>
  'plain' in f
    ? f.plain
    : `invalid configuration: ${f.invalid.length === 1 ? f.invalid[0] : `[${f.invalid.join(', ')}]`}`;
const flat = (f: Failure): string[] => ('plain' in f ? [f.plain] : f.invalid);

/**
 * What kubectl's CheckErr prints for `failures` (one error, or the resource builder's aggregate of
 * several): an aggregate of one is unwrapped; a configuration error (clientcmd's aggregate, or any
 * error whose text says a context was not found) reads "Error in configuration", its errors listed
 * when there are several; any other aggregate prints one error a line; the rest, `error: `.
 */
function checkErr(failures: Failure[]): string {
  const f = failures.length === 1 ? failures[0]! : undefined;
  if (f && 'plain' in f && f.plain.startsWith(CONTEXT_NOT_FOUND))
    return `Error in configuration: ${f.plain}\n`;
  if (f && 'plain' in f) return `error: ${f.plain}\n`;
  const errors = failures.flatMap(flat);
  if (f || errors.some((e) => e.includes(CONTEXT_NOT_FOUND)))
    return errors.length === 1
      ? `Error in configuration: ${errors[0]}\n`
      : `Error in configuration: \n${errors.map((e) => `* ${e}\n`).join('')}`;
  return failures.map((x) => `${text(x)}\n`).join('');
}

/**
 * Throws what kubectl prints when the configuration the flags choose cannot be used, by the path
 * the command reads it. `-n` short-cuts `Namespace()`: the REST config is then read first.
 */
export function confirmConfig(args: ParsedArgs, path: ConfigPath): void {
  const ns = path !== 'rest' && !named(args, 'namespace') ? validation(args) : undefined;
  if (path === 'builder') {
    // The builder collects the REST mapper's error, then the namespace's.
    const failures = [restConfig(args), ns].filter((x): x is Failure => x !== undefined);
    if (failures.length) throw new ConfigError(checkErr(failures));
    return;
  }
  // An aggregate of one validation error is unwrapped: a plain error, unless it is the context's.
  const unwrap = (x: Failure): Failure =>
    'invalid' in x && x.invalid.length === 1 ? { plain: x.invalid[0]! } : x;
  const failure = ns ?? restConfig(args);
  if (failure) throw new ConfigError(checkErr([unwrap(failure)]));
}

/** Command paths (and their subcommands) that read `Namespace()` first. */
const NAMESPACE_FIRST = [
  'get',
  'describe',
  'edit',
  'delete',
  'rollout',
  'scale',
  'top pod',
  'taint',
  'logs',
  'events',
  'label',
  'annotate',
  'patch',
  'set image',
  'set resources',
  'set serviceaccount',
  'set subject',
  'exec',
  'attach',
  'port-forward',
  'cp',
  'debug',
];

/**
 * Commands that check their arguments or required flags before they read the configuration:
 * theirs is confirmed when they first touch the cluster or the namespace.
 */
const ARGUMENTS_FIRST = ['create', 'run', 'scale', 'logs', 'cordon', 'uncordon', 'drain', 'diff'];

/**
 * Commands that never check the configuration (`config` reads the file itself). A command the page
 * does not simulate checks it as kubectl's does before it says so.
 */
const NO_CONFIG = ['help', 'options', 'lab', 'config', 'completion', 'plugin', 'kustomize'];

const under = (path: string, list: string[]) => list.some((p) => path === p || path.startsWith(`${p} `));

/**
 * How the command at `path` (`set image`, without `kubectl`) reads its configuration, whether it
 * checks its arguments first, or undefined when it reads none.
 */
export function configPathOf(
  path: string,
  args: ParsedArgs,
): { path: ConfigPath; argumentsFirst: boolean } | undefined {
  if (under(path, NO_CONFIG)) return undefined;
  if (path === 'version' && flagBool(args, 'client')) return undefined;
  const raw = path === 'get' && named(args, 'raw') !== undefined;
  const kind: ConfigPath =
    path === 'set selector' ? 'builder' : under(path, NAMESPACE_FIRST) && !raw ? 'namespace' : 'rest';
  return { path: kind, argumentsFirst: under(path, ARGUMENTS_FIRST) };
}
