/**
 * Flags many commands list in `--help` with the same words. Those the simulator does not simulate
 * say so when given (`FlagSpec.unsimulated`): `-k` everywhere, the others where a command says.
 *
 * Some of them change nothing here and are accepted, as kubectl against the simulated cluster
 * would take them: `-R` (the simulated files have no directories to recurse into),
 * `--field-manager` (the simulated API server records no managedFields), and `--chunk-size` (a
 * list comes back whole, however it is asked for).
 */
import { type Command, type CommandContext, KubectlError } from '../command.ts';
import { ANY_FLAG, flagBool, flagString, globalFlags, parseDuration, type FlagSpec } from '../parse.ts';
import { confirmConfig, configPathOf, KUBECONFIG_NAME } from '../kubeconfig.ts';

export const KUSTOMIZE_FLAG: FlagSpec = {
  name: 'kustomize',
  short: 'k',
  type: 'string',
  help: "Process the kustomization directory. This flag can't be used together with -f or -R.",
  unsimulated: 'there are no kustomization directories here',
};

export const RECURSIVE_FLAG: FlagSpec = {
  name: 'recursive',
  short: 'R',
  type: 'bool',
  help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
};

export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
};

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  help: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};

export const CHUNK_SIZE_FLAG: FlagSpec = {
  name: 'chunk-size',
  type: 'int',
  default: 500,
  help: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
};

export const RECORD_FLAG: FlagSpec = {
  name: 'record',
  type: 'bool',
  deprecated: '--record will be removed in the future',
  help: 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
};

export const SAVE_CONFIG_FLAG: FlagSpec = {
  name: 'save-config',
  type: 'bool',
  help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
};

export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
};

export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
};

/** What a dry run adds to the line a command prints: ` (dry run)` or ` (server dry run)`. */
export const dryRunSuffix = (mode: 'none' | 'client' | 'server'): string =>
  mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';

/** `--field-manager`, whose default names the command (`kubectl-scale`). */
export const fieldManagerFlag = (manager: string): FlagSpec => ({
  name: 'field-manager',
  type: 'string',
  default: manager,
  help: 'Name of the manager used to track field ownership.',
});

/**
 * `-f`, in the words of the command (`…to files identifying the resource to set a new size`), and
 * why it is not simulated there, if it is not.
 */
export const filenameFlag = (help: string, unsimulated?: string): FlagSpec => ({
  name: 'filename',
  short: 'f',
  type: 'stringArray',
  help,
  ...(unsimulated !== undefined ? { unsimulated } : {}),
});

/**
 * A command whose deprecated flags, when used, print cobra's warning before anything else the
 * command prints (cobra warns while it parses the flags, before the command runs), and whose
 * flags the simulator does not simulate (`FlagSpec.unsimulated`), when given, stop it there.
 */
export function withFlagChecks(cmd: Command): Command {
  const run = cmd.run;
  const deprecated = cmd.flags.filter((f) => f.deprecated !== undefined);
  const unsimulated = [...cmd.flags, ...globalFlags].filter((f) => f.unsimulated !== undefined);
  return {
    ...cmd,
    ...(cmd.subcommands ? { subcommands: cmd.subcommands.map(withFlagChecks) } : {}),
    ...(run
      ? {
          run: (given: CommandContext) => {
            for (const f of deprecated)
              if (given.args.flags.has(f.name))
                given.err(`Flag --${f.name} has been deprecated, ${f.deprecated}\n`);
            const ctx = configured(given, {
              parent: cmd.subcommands !== undefined,
              // Only a command that just says it is not simulated takes any flag (ANY_FLAG).
              unsimulated: cmd.flags.includes(ANY_FLAG),
            });
            // client-go's impersonation: groups or a uid belong to a user impersonated (--as),
            // named after the kubeconfig's user.
            if (
              (ctx.args.flags.has('as-group') || ctx.args.flags.has('as-uid')) &&
              !flagString(ctx.args, 'as')
            )
              throw new KubectlError(
                `requesting uid, groups or user-extra for ${KUBECONFIG_NAME} without impersonating a user`,
              );
            for (const f of unsimulated)
              if (givenOtherThanDefault(ctx, f))
                throw new KubectlError(
                  `${ctx.commandPath} ${f.short ? `-${f.short}` : `--${f.name}`} is not simulated in Rollout Lab: ${f.unsimulated}`,
                );
            return run(ctx);
          },
        }
      : {}),
  };
}

/**
 * The kubeconfig's context, cluster and user the flags name, confirmed as the command reads them
 * (kubeconfig.ts): before it runs, or, for a command that checks its arguments first (and a
 * parent, which may only print its help or name an unknown subcommand), when it first touches the
 * cluster or the namespace. A command the page does not simulate confirms it before it says so.
 */
function configured(ctx: CommandContext, o: { parent: boolean; unsimulated: boolean }): CommandContext {
  const how = configPathOf(ctx.commandPath.replace(/^kubectl ?/, ''), ctx.args);
  if (!how) return ctx;
  if (o.unsimulated || (!how.argumentsFirst && !o.parent)) {
    confirmConfig(ctx.args, how.path);
    return ctx;
  }
  let confirmed = false;
  const confirm = () => {
    if (!confirmed) confirmConfig(ctx.args, how.path);
    confirmed = true;
  };
  return Object.defineProperties(
    { ...ctx },
    {
      cluster: { get: () => (confirm(), ctx.cluster), enumerable: true },
      namespace: { get: () => (confirm(), ctx.namespace), enumerable: true },
    },
  );
}

/** Whether a flag was given a value other than its default (a bool as true, or false if that is not its default). */
function givenOtherThanDefault(ctx: CommandContext, f: FlagSpec): boolean {
  const v = flagString(ctx.args, f.name);
  if (v === undefined) return false;
  if (f.type === 'bool') return flagBool(ctx.args, f.name) !== (f.default === true);
  if (f.type === 'int') return Number(v) !== Number(f.default ?? 0);
  if (f.type === 'duration') return parseDuration(v) !== parseDuration(String(f.default ?? '0s'));
  return v !== '' && v !== String(f.default ?? '');
}
