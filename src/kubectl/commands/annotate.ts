/**
 * `kubectl annotate` and `kubectl label` (cmd/annotate/annotate.go, cmd/label/label.go):
 * resources first, then `key=value` to set and `key-` to remove (the key may hold a `/`); an
 * existing key needs `--overwrite`; `-l`, `--all`, `--list`, `--dry-run`, `-o` and
 * `--resource-version` as kubectl has them. Objects are visited like kubectl's builder with
 * ContinueOnError: a missing one is reported, the others are still changed.
 */
import { validatedUpdate } from '../../cluster/apply.ts';
import { deepEqual } from '../../k8s/copy.ts';
import { setDefaults } from '../../k8s/defaults.ts';
import { groupResource, kindSlashName, type ResourceInfo } from '../../k8s/resources.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { invalidError, isValidLabelValue, validate } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  dryRunMode,
  getOrThrow,
} from '../command.ts';
import { flagBool, flagString } from '../parse.ts';
import { PRINT_FLAGS, printFlagsOutput, printObjects } from '../printers/output.ts';
import {
  DRY_RUN_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  fieldManagerFlag,
  dryRunSuffix,
  FIELD_SELECTOR_FLAG,
} from './flags.ts';
import { listResource, listSelection, resolveTargetsWithAll, type RefusedList } from './objects.ts';

/** cmdutil.GetResourcesAndPairs: resources up to the first `k=v` or `k-`, which must come last. */
export function resourcesAndPairs(args: string[], pairType: string): [string[], string[]] {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length === 0) resources.push(s);
    else throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return [resources, pairs];
}

interface Changes {
  set: Map<string, string>;
  remove: string[];
}

/** cmdutil.ParsePairs for annotations: `k=v` (split at the first `=`) or `k-`. */
function parseAnnotationPairs(pairs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) {
      const i = p.indexOf('=');
      set.set(p.slice(0, i), p.slice(i + 1));
    } else remove.push(p.slice(0, -1));
  }
  const both = remove.filter((k) => set.has(k));
  if (both.length)
    throw new KubectlError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  return { set, remove };
}

/** label.go's parseLabels: exactly one `=`, a valid label value; `k-` removes. */
function parseLabelPairs(pairs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${p}`);
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}`);
      set.set(parts[0]!, parts[1]!);
    } else if (p.endsWith('-')) remove.push(p.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${p}`);
  }
  if (remove.some((k) => set.has(k)))
    throw new KubectlError('can not both modify and remove a label in the same command');
  return { set, remove };
}

interface Target {
  info: ResourceInfo;
  name: string;
  /** Where a list across all namespaces (-A) found it. */
  namespace?: string;
  /** The API server refused this list's selectors: its error, reported where the list comes. */
  refused?: RefusedList;
}

/** The objects named or selected, in argument order; `--all` or `-l` with a bare type. */
function targetsOf(ctx: CommandContext, resources: string[]): { targets: Target[]; single: boolean } {
  const all = flagBool(ctx.args, 'all');
  const selectorText = flagString(ctx.args, 'selector');
  const fieldText = flagString(ctx.args, 'field-selector');
  const allNamespaces = flagBool(ctx.args, 'all-namespaces');
  const { targets } = resolveTargetsWithAll(
    resources,
    false,
    selectorText !== undefined || Boolean(fieldText),
  );
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !all && selectorText === undefined && fieldText === undefined)
    throw new KubectlError('resource(s) were provided, but no name was specified');
  if (named && allNamespaces)
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  // Each list is asked for on its own: one the server refuses is reported, the others go on.
  const { matches, refusalOf } = listSelection(
    targets.map((t) => t.info),
    selectorText,
    fieldText,
  );
  const out: Target[] = [];
  for (const t of targets) {
    const refused = refusalOf(t.info);
    if (refused) out.push({ info: t.info, name: '', refused });
    else if (t.names.length) for (const name of t.names) out.push({ info: t.info, name });
    else
      for (const o of listResource(ctx.cluster, t.info, allNamespaces ? undefined : ctx.namespace))
        if (matches(o))
          out.push({
            info: t.info,
            name: o.metadata.name,
            ...(allNamespaces && o.metadata.namespace !== undefined
              ? { namespace: o.metadata.namespace }
              : {}),
          });
  }
  // IntoSingleItemImplied: one resource named, in either form.
  const single = targets.length === 1 && targets[0]!.names.length === 1;
  return { targets: out, single };
}

function runMetaUpdate(ctx: CommandContext, field: 'annotations' | 'labels'): number {
  const what = field === 'annotations' ? 'annotation' : 'label';
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const list = flagBool(ctx.args, 'list');
  const overwrite = flagBool(ctx.args, 'overwrite');
  const resourceVersion = flagString(ctx.args, 'resource-version') ?? '';
  // Complete: split and parse the arguments; Validate: what is missing.
  const [resources, pairs] = resourcesAndPairs(ctx.args.positional, what);
  const changes = field === 'annotations' ? parseAnnotationPairs(pairs) : parseLabelPairs(pairs);
  if (flagBool(ctx.args, 'all') && flagString(ctx.args, 'selector') !== undefined)
    throw new KubectlError('cannot set --all and --selector at the same time');
  if (flagBool(ctx.args, 'all') && flagString(ctx.args, 'field-selector') !== undefined)
    throw new KubectlError('cannot set --all and --field-selector at the same time');
  if (resources.length === 0)
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  if (changes.set.size === 0 && changes.remove.length === 0 && !list)
    throw new KubectlError(`at least one ${what} update is required`);
  const { targets, single } = targetsOf(ctx, resources);
  if (!single && resourceVersion !== '')
    throw new KubectlError('--resource-version may only be used with a single resource');

  const suffix = dryRunSuffix(mode);
  const errors: Error[] = [];
  const refusals: Error[] = [];
  for (const t of targets) {
    if (t.refused) {
      refusals.push(t.refused);
      continue;
    }
    try {
      const obj = getOrThrow<KubeObject>({ ...ctx, namespace: t.namespace ?? ctx.namespace }, t.info, t.name);
      const current = obj.metadata[field];
      if (!overwrite)
        if (field === 'annotations') {
          // The change-cause annotation may always be overwritten.
          const taken = [...changes.set]
            .filter(
              ([k, v]) =>
                k !== 'kubernetes.io/change-cause' && current?.[k] !== undefined && current[k] !== v,
            )
            .map(([k]) => `'${k}' already has a value (${current![k]})`);
          if (taken.length)
            throw new KubectlError(
              `--overwrite is false but found the following declared annotation(s): ${taken.join('; ')}`,
            );
        } else {
          const taken = [...changes.set]
            .filter(([k, v]) => current?.[k] !== undefined && current[k] !== v)
            .map(([k]) => `'${k}' already has a value (${current![k]}), and --overwrite is false`);
          if (taken.length) throw new KubectlError(taken.length === 1 ? taken[0]! : `[${taken.join(', ')}]`);
        }
      const next: Record<string, string> = { ...(current ?? {}) };
      for (const [k, v] of changes.set) next[k] = v;
      for (const k of changes.remove) {
        // Said only of a change sent to the server: --list changes its own copy alone.
        if (field === 'labels' && !list && !(k in next)) ctx.out(`label "${k}" not found.\n`);
        delete next[k];
      }
      // kubectl compares the object's JSON before and after setting the map, which it sets even
      // when empty (the API server then stores and returns none).
      const metadata = { ...obj.metadata, [field]: next };
      const before = JSON.stringify(obj).length;
      const after = JSON.stringify({ ...obj, metadata }).length;
      const changed = !deepEqual(current, next);
      if (Object.keys(next).length === 0) delete metadata[field];
      let result: KubeObject = { ...obj, metadata } as KubeObject;
      if (!list && (mode === 'none' || mode === 'server')) {
        if (resourceVersion !== '' && resourceVersion !== obj.metadata.resourceVersion)
          throw new PrintedError(
            `Error from server (Conflict): Operation cannot be fulfilled on ${groupResource(t.info)} "${t.name}": the object has been modified; please apply your changes to the latest version and try again`,
          );
        if (mode === 'none') result = validatedUpdate(ctx.cluster, result);
        else {
          const errs = validate(setDefaults(result), obj);
          if (errs.length) throw invalidError(result.kind, t.name, errs);
        }
      }
      // --list shows the object with the changes made to kubectl's copy, and sends nothing.
      if (list) {
        const values = result.metadata[field] ?? {};
        if (!single) ctx.out(`Listing ${field} for ${t.info.kind}.${t.info.group}/${t.name}:\n`);
        for (const k of Object.keys(values).sort()) ctx.out(`${single ? '' : ' '}${k}=${values[k]}\n`);
        continue;
      }
      if (format) {
        ctx.out(printObjects(format, [result], true));
        continue;
      }
      // label.go's updateDataChangeMsg; annotate always says annotated.
      const verb =
        field === 'annotations'
          ? 'annotated'
          : !changed
            ? 'not labeled'
            : !overwrite && after < before
              ? 'unlabeled'
              : 'labeled';
      ctx.out(`${kindSlashName(t.info, t.name)} ${verb}${suffix}\n`);
    } catch (e) {
      if (e instanceof KubectlError || e instanceof PrintedError) errors.push(e);
      else throw e;
    }
  }
  // The builder's aggregate of the refused lists comes after the visit's own errors.
  errors.push(...refusals);
  if (errors.length === 1)
    ctx.err(errors[0] instanceof KubectlError ? `error: ${errors[0].message}\n` : `${errors[0]!.message}\n`);
  else for (const e of errors) ctx.err(`${e.message}\n`);
  // The objects it could change stay changed, as kubectl's visit leaves them.
  if (errors.length) ctx.keepWrites();
  return errors.length ? 1 : 0;
}

/**
 * The flags of annotate (`annotation`, `annotations`) and label (`labels` twice): kubectl words a
 * few of them differently. -R and --field-manager change nothing here (see flags.ts); -f and
 * --local, which read manifests, say they are not simulated.
 */
const flags = (one: string, many: string, all: string): Command['flags'] => [
  {
    name: 'overwrite',
    type: 'bool',
    help: `If true, allow ${many} to be overwritten, otherwise reject ${one === 'annotation' ? 'annotation' : 'label'} updates that overwrite existing ${many}.`,
  },
  { name: 'all', type: 'bool', help: all },
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'bool',
    help: 'If true, check the specified action in all namespaces.',
  },
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  { name: 'list', type: 'bool', help: `If true, display the ${many} for a given resource.` },
  DRY_RUN_FLAG,
  ...PRINT_FLAGS,
  fieldManagerFlag(`kubectl-${one === 'annotation' ? 'annotate' : 'label'}`),
  {
    name: 'resource-version',
    type: 'string',
    help: `If non-empty, the ${one} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.`,
  },
  {
    name: 'filename',
    short: 'f',
    type: 'stringArray',
    help: `Filename, directory, or URL to files identifying the resource to update the ${one}`,
    unsimulated: 'name the objects instead (TYPE NAME or TYPE/NAME)',
  },
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  {
    name: 'local',
    type: 'bool',
    help: `If true, ${one === 'annotation' ? 'annotation' : 'label'} will NOT contact api-server but run locally.`,
    unsimulated: 'it reads the objects from -f, which is not simulated here',
  },
];

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  long: 'Update the annotations on one or more resources.\n\n All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.\n\n Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples:
    "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  # If the same annotation is set multiple times, only the last value will be applied\n  kubectl annotate pods foo description='my frontend'\n  \n  # Update a pod identified by type and name in \"pod.json\"\n  kubectl annotate -f pod.json description='my frontend'\n  \n  # Update pod 'foo' with the annotation 'description' and the value 'my frontend running nginx', overwriting any existing value\n  kubectl annotate --overwrite pods foo description='my frontend running nginx'\n  \n  # Update all pods in the namespace\n  kubectl annotate pods --all description='my frontend running nginx'\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl annotate pods foo description='my frontend running nginx' --resource-version=1\n  \n  # Update pod 'foo' by removing an annotation named 'description' if it exists\n  # Does not require the --overwrite flag\n  kubectl annotate pods foo description-",
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: flags(
    'annotation',
    'annotations',
    'Select all resources, in the namespace of the specified resource types.',
  ),
  run: (ctx) => runMetaUpdate(ctx, 'annotations'),
};

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  long: "Update the labels on a resource.\n\n  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.\n  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.",
  examples:
    "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubectl label pods foo unhealthy=true\n  \n  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value\n  kubectl label --overwrite pods foo status=unhealthy\n  \n  # Update all pods in the namespace\n  kubectl label pods --all status=unhealthy\n  \n  # Update a pod identified by the type and name in \"pod.json\"\n  kubectl label -f pod.json status=unhealthy\n  \n  # Update pod 'foo' only if the resource is unchanged from version 1\n  kubectl label pods foo status=unhealthy --resource-version=1\n  \n  # Update pod 'foo' by removing a label named 'bar' if it exists\n  # Does not require the --overwrite flag\n  kubectl label pods foo bar-",
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: flags('labels', 'labels', 'Select all resources, in the namespace of the specified resource types'),
  run: (ctx) => runMetaUpdate(ctx, 'labels'),
};
