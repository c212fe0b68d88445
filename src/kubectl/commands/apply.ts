/**
 * `kubectl apply -f FILE|-`: multi-document YAML or JSON; prints created / configured / unchanged
 * per object and records the last applied configuration. Objects are applied one by one, as kubectl
 * does: a bad one is reported and the others still go through, and stay applied.
 */
import {
  ApiError,
  checkSchema,
  commitApply,
  mapManifest,
  prepareApply,
  type FieldValidation,
} from '../../cluster/apply.ts';
import { dryRunWrite } from '../../cluster/dryrun.ts';
import { BudgetError } from '../../cluster/errors.ts';
import { kindSlashName, type ResourceInfo } from '../../k8s/resources.ts';
import { ManifestError, NotAnObjectError, parseManifestStream } from '../../k8s/yaml.ts';
import { ValidationError } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  changeCause,
  dryRunMode,
} from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { PRINT_FLAGS, printFlagsOutput, printObjects } from '../printers/output.ts';
import type { KubeObject } from '../../k8s/types.ts';
import {
  DRY_RUN_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
  dryRunSuffix,
  fieldManagerFlag,
} from './flags.ts';
import { labelSelector, matchesSelector } from './objects.ts';
import { unsimulatedApplyCommands } from './unsimulated.ts';
import { ConfigError } from '../kubeconfig.ts';
import {
  ChangeCauseAnnotation,
  LastAppliedConfigAnnotation,
} from '../../cluster/controllers/deployment/util.ts';

/** The `-f` names given, or kubectl's refusal when there are none. */
export function filenames(ctx: CommandContext): string[] {
  const files = flagAll(ctx.args, 'filename');
  if (files.length === 0) throw new KubectlError(`must specify one of -f and -k`);
  return files;
}

/** Reads `-f` sources: `-` is stdin, other names are the scenario's files. */
export function readSources(ctx: CommandContext, verb: string): { name: string; text: string }[] {
  return filenames(ctx).map((f) => {
    if (f === '-') {
      if (ctx.stdin === undefined || ctx.stdin.trim() === '')
        throw new KubectlError(`no objects passed to ${verb}`);
      return { name: 'STDIN', text: ctx.stdin };
    }
    const text = ctx.cluster.files.get(f);
    if (text === undefined) throw new KubectlError(`the path "${f}" does not exist`);
    return { name: f, text };
  });
}

export function errorText(e: unknown): string {
  if (e instanceof PrintedError) return e.message;
  if (e instanceof ConfigError) return e.message.replace(/\n$/, '');
  if (e instanceof ValidationError || e instanceof ApiError)
    return e.message.startsWith('Error from server') ||
      e instanceof ValidationError ||
      (e instanceof ApiError && e.reason === 'Invalid')
      ? e.message
      : `error: ${e.message}`;
  // checkErr adds `error: ` to any message that does not start with it (`error parsing STDIN: …`).
  if (e instanceof ManifestError) return e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

/** An error as kubectl prints it alone (checkErr) and listed among several (MultipleErrors). */
export interface ShownError {
  alone: string;
  listed: string;
  /** err.Error(): what an aggregate nested in another shows. */
  plain: string;
}

export function shownError(e: unknown): ShownError {
  const alone = errorText(e);
  // StandardErrorMessage for the server's Status errors, err.Error() (no `error: `) for the rest.
  const listed =
    e instanceof ValidationError ? (e.listed ?? alone) : alone.startsWith('error: ') ? alone.slice(7) : alone;
  return { alone, listed, plain: listed.replace(/^Error from server \([A-Za-z]+\): /, '') };
}

/**
 * Prints a command's errors as kubectl's checkErr does with what the command returns: one error
 * alone; several (an aggregate) one per line in their listed form. A group stands for an
 * aggregate inside the aggregate (the resource builder's errors in apply's), shown as
 * utilerrors' `[a, b]` with duplicates dropped.
 */
export function printErrors(ctx: CommandContext, errors: (ShownError | ShownError[])[]): void {
  if (errors.length === 0) return;
  if (errors.length === 1) {
    const only = errors[0]!;
    if (!Array.isArray(only)) return ctx.err(`${only.alone}\n`);
    if (only.length === 1) return ctx.err(`${only[0]!.alone}\n`);
    return ctx.err(only.map((e) => `${e.listed}\n`).join(''));
  }
  const lines = errors.map((e) => {
    if (!Array.isArray(e)) return e.listed;
    const plain = [...new Set(e.map((x) => x.plain))];
    return plain.length === 1 ? plain[0]! : `[${plain.join(', ')}]`;
  });
  ctx.err(lines.map((l) => `${l}\n`).join(''));
}

/** `--validate` as kubectl reads it (GetValidationDirective). */
export function fieldValidationOf(ctx: CommandContext): FieldValidation {
  const v = flagString(ctx.args, 'validate') ?? 'strict';
  // strconv.ParseBool's words first, then the three names.
  if (['1', 't', 'T', 'TRUE', 'true', 'True', 'strict'].includes(v)) return 'Strict';
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'ignore'].includes(v)) return 'Ignore';
  if (v === 'warn') return 'Warn';
  throw new KubectlError(
    `invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/**
 * The metadata as kubectl sends it after reading it into ObjectMeta: a null label or annotation
 * value is the empty string (encoding/json leaves a string it reads null at ""), and other null
 * fields are left out (omitempty), but for creationTimestamp, which a zero Time writes as null.
 */
function clientMetadata(obj: Record<string, unknown>): Record<string, unknown> {
  const meta = obj['metadata'];
  if (!isRecord(meta)) return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(meta)) {
    if (v === null && k !== 'creationTimestamp') continue;
    out[k] =
      (k === 'labels' || k === 'annotations') && isRecord(v)
        ? Object.fromEntries(Object.entries(v).map(([key, value]) => [key, value ?? '']))
        : v;
  }
  return { ...obj, metadata: out };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** One document the resource builder read from a source, or the error it gave instead. */
export type Visited =
  | { raw: Record<string, unknown>; info: ResourceInfo; source: string }
  | { error: ShownError; source: string };

/**
 * kubectl's resource builder over the `-f` sources (ContinueOnError): each document in order,
 * checked against the schema unless validation is off (a failure ends that source, as a parse
 * error does, after the documents before it), mapped to a resource and its namespace checked
 * against -n (a failure there skips only that document).
 */
export function visitSources(
  ctx: CommandContext,
  verb: string,
  fieldValidation: FieldValidation,
  sources = readSources(ctx, verb),
): Visited[] {
  const out: Visited[] = [];
  for (const src of sources) {
    const { objects, error } = parseManifestStream(src.text, src.name, true);
    let stop: ShownError | undefined;
    for (const raw of objects) {
      try {
        if (fieldValidation !== 'Ignore') checkSchema(raw, src.name);
      } catch (e) {
        stop = shownError(e);
        break;
      }
      try {
        const info = mapManifest(raw, src.name);
        const ns = ((raw['metadata'] ?? {}) as Record<string, unknown>)['namespace'];
        if (ctx.namespaceExplicit && info.namespaced && typeof ns === 'string' && ns && ns !== ctx.namespace)
          throw new ApiError(
            `the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
          );
        out.push({ raw: clientMetadata(raw), info, source: src.name });
      } catch (e) {
        out.push({ error: shownError(e), source: src.name });
      }
    }
    // The schema check comes first: it refuses what is not an object before it is decoded.
    if (!stop && error instanceof NotAnObjectError && fieldValidation !== 'Ignore')
      stop = shownError(
        new ApiError(
          `error validating "${src.name}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
        ),
      );
    if (!stop && error) stop = shownError(error);
    if (stop) out.push({ error: stop, source: src.name });
  }
  return out;
}

/**
 * apply (ApplyOptions.Run): the builder's errors first, then each object applied in turn, its line
 * printed as it goes; an object the server refuses does not stop the others, and what was applied
 * stays applied (the exit code is 1 all the same).
 */
function runApply(ctx: CommandContext): number {
  const mode = dryRunMode(ctx);
  const fieldValidation = fieldValidationOf(ctx);
  const record = flagBool(ctx.args, 'record');
  // kubectl makes the printer for each object once it is applied: a format it cannot print
  // fails after the first object went through.
  let format: ReturnType<typeof printFlagsOutput>;
  let formatError: unknown;
  try {
    format = printFlagsOutput(ctx.args, ctx.cluster.files);
  } catch (e) {
    formatError = e;
  }
  // ApplyOptions.Validate (--server-side and --prune, which the others are about, are refused).
  if (flagBool(ctx.args, 'force-conflicts'))
    throw new KubectlError('--force-conflicts only works with --server-side');
  const selectorText = flagString(ctx.args, 'selector') ?? '';
  if (flagBool(ctx.args, 'all') && selectorText !== '')
    throw new KubectlError('cannot set --all and --selector at the same time');
  const selector = labelSelector(selectorText === '' ? undefined : selectorText);
  const visited = visitSources(ctx, 'apply', fieldValidation);
  const builderErrors = visited.flatMap((v) => ('error' in v ? [v.error] : []));
  // -l: the objects whose labels match, the others skipped.
  const objects = visited.flatMap((v) =>
    'error' in v || !matchesSelector(v.raw as unknown as KubeObject, selector) ? [] : [v],
  );
  if (objects.length === 0 && builderErrors.length === 0)
    throw new KubectlError('no objects passed to apply');
  const errors: (ShownError | ShownError[])[] = builderErrors.length ? [builderErrors] : [];
  const suffix = dryRunSuffix(mode);
  for (const { raw, source } of objects) {
    if (record) {
      const meta = { ...((raw['metadata'] ?? {}) as Record<string, unknown>) };
      meta['annotations'] = {
        ...((meta['annotations'] ?? {}) as Record<string, string>),
        [ChangeCauseAnnotation]: changeCause(ctx, applyCommand.flags),
      };
      raw['metadata'] = meta;
    }
    try {
      const p = prepareApply(ctx.cluster, raw, source, ctx.namespaceExplicit ? ctx.namespace : undefined, {
        fieldValidation,
        clientDryRun: mode === 'client',
      });
      // Before the patch goes out (the server's warnings come back with it).
      if (
        mode !== 'client' &&
        p.existing &&
        p.existing.metadata.annotations?.[LastAppliedConfigAnnotation] === undefined
      )
        ctx.err(
          `Warning: resource ${p.info.plural}/${p.existing.metadata.name} is missing the ${LastAppliedConfigAnnotation} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
        );
      for (const w of p.warnings) ctx.err(`${w}\n`);
      // A client dry run sends nothing: kubectl holds, and prints, the live object it read, or
      // for a new object the manifest as it read it (not as a server would encode it).
      const asRead = mode === 'client' && !p.existing;
      const shown =
        mode === 'none'
          ? commitApply(ctx.cluster, p)
          : mode === 'client'
            ? (p.existing ?? p.next)
            : dryRunWrite(ctx.cluster, (copy) => commitApply(copy, p));
      if (formatError) break;
      // -o name prints the name alone, whatever apply did; yaml, json and templates print the
      // object the server returned.
      if (format) ctx.out(printObjects(format, [shown], true, !asRead));
      else ctx.out(`${kindSlashName(p.info, p.next.metadata.name)} ${p.action}${suffix}\n`);
    } catch (e) {
      if (e instanceof BudgetError) throw e;
      errors.push(shownError(e));
    }
  }
  // Like kubectl, what went through stays: the command failed, but it is not undone.
  if (formatError) {
    ctx.keepWrites();
    throw formatError;
  }
  printErrors(ctx, errors);
  if (errors.length === 0) return 0;
  ctx.keepWrites();
  return 1;
}

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: "Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.\n\n JSON and YAML formats are accepted.\n\n Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.",
  examples:
    "  # Apply the configuration in pod.json to a pod\n  kubectl apply -f ./pod.json\n  \n  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl apply -k dir/\n  \n  # Apply the JSON passed into stdin to a pod\n  cat pod.json | kubectl apply -f -\n  \n  # Apply the configuration from all files that end with '.json'\n  kubectl apply -f '*.json'\n  \n  # Note: --prune is still in Alpha\n  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx\n  kubectl apply --prune -f manifest.yaml -l app=nginx\n  \n  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file\n  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap",
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  // -R, --field-manager and --show-managed-fields change nothing here (see flags.ts), nor --all
  // and --openapi-patch=false without --prune (the simulated types are the OpenAPI ones).
  flags: [
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'The files that contain the configurations to apply.',
    },
    DRY_RUN_FLAG,
    { name: 'record', type: 'bool', deprecated: '--record will be removed in the future' },
    VALIDATE_FLAG,
    {
      name: 'server-side',
      type: 'bool',
      help: 'If true, apply runs in the server instead of the client.',
      unsimulated: 'apply is client-side here',
    },
    ...PRINT_FLAGS,
    {
      name: 'all',
      type: 'bool',
      help: 'Select all resources in the namespace of the specified resource types.',
    },
    {
      name: 'cascade',
      type: 'string',
      default: 'background',
      noOptDefault: 'background',
      help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
      unsimulated: 'it applies to the objects --force or --prune delete, which are not simulated',
    },
    fieldManagerFlag('kubectl-client-side-apply'),
    {
      name: 'force',
      type: 'bool',
      help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
      unsimulated: 'replacing an object it cannot patch is not simulated',
    },
    {
      name: 'force-conflicts',
      type: 'bool',
      help: 'If true, server-side apply will force the changes against conflicts.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
      unsimulated: 'it applies to the objects --force or --prune delete, which are not simulated',
    },
    {
      name: 'kustomize',
      short: 'k',
      type: 'string',
      help: "Process a kustomization directory. This flag can't be used together with -f or -R.",
      unsimulated: 'there are no kustomization directories here',
    },
    {
      name: 'openapi-patch',
      type: 'bool',
      default: true,
      help: 'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.',
    },
    {
      name: 'overwrite',
      type: 'bool',
      default: true,
      help: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
      unsimulated: 'apply always resolves conflicts with the values from the configuration here',
    },
    {
      name: 'prune',
      type: 'bool',
      help: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
      unsimulated: 'pruning is not simulated',
    },
    {
      name: 'prune-allowlist',
      type: 'stringArray',
      help: 'Overwrite the default allowlist with <group/version/kind> for --prune',
      unsimulated: 'pruning is not simulated',
    },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    {
      name: 'subresource',
      type: 'string',
      help: 'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side.',
      unsimulated: 'apply the whole object instead',
    },
    {
      name: 'timeout',
      type: 'duration',
      help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
      unsimulated: 'it applies to the objects --force or --prune delete, which are not simulated',
    },
    {
      name: 'wait',
      type: 'bool',
      help: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
      unsimulated: 'it applies to the objects --force or --prune delete, which are not simulated',
    },
  ],
  subcommands: unsimulatedApplyCommands,
  run: runApply,
};
