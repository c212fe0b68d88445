/**
 * What kubectl's `set` subcommands share (cmd/set): the objects the resource builder finds, the
 * patch as the helper sends it (stored, a server dry run, or neither), the errors of a
 * ContinueOnError visit, and the pod spec of an object that has one.
 */

import { dryRunWrite } from '../../cluster/dryrun.ts';
import { validatedUpdate } from '../../cluster/apply.ts';
import { groupResource, type ResourceInfo } from '../../k8s/resources.ts';
import type { KubeObject, PodSpec } from '../../k8s/types.ts';
import { ValidationError, formatFieldError } from '../../k8s/validation.ts';
import { type CommandContext, KubectlError } from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { readSources, visitSources } from './apply.ts';
import { DRY_RUN_FLAG, fieldManagerFlag } from './flags.ts';
import { PRINT_FLAGS, type TypedPrinter } from '../printers/output.ts';
import {
  checkListSelectors,
  labelSelector,
  listResource,
  matchesSelector,
  NO_RESOURCES,
  resolveTargetsWithAll,
} from './objects.ts';

/** The Go type kubectl names for an object that has no pod template. */
export const GO_TYPES: Record<string, string> = {
  Service: '*v1.Service',
  Endpoints: '*v1.Endpoints',
  EndpointSlice: '*v1.EndpointSlice',
  Node: '*v1.Node',
  Namespace: '*v1.Namespace',
  Event: '*v1.Event',
};

export interface Visited {
  info: ResourceInfo;
  name: string;
}

/**
 * The objects the resource builder finds for `resources`, `-l` and `--all`, in argument order.
 * Throws the builder's errors (no resources, a bare type without names).
 */
export function builderTargets(ctx: CommandContext, resources: string[]): Visited[] {
  const all = flagBool(ctx.args, 'all');
  const selectorText = flagString(ctx.args, 'selector');
  if (resources.length === 0) throw new KubectlError(NO_RESOURCES);
  const { targets } = resolveTargetsWithAll(resources, false, selectorText !== undefined);
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !all && selectorText === undefined)
    throw new KubectlError('resource(s) were provided, but no name was specified');
  const { matches } = checkListSelectors(
    targets.map((t) => t.info),
    selectorText,
    undefined,
  );
  const out: Visited[] = [];
  for (const t of targets) {
    if (t.names.length) for (const name of t.names) out.push({ info: t.info, name });
    else
      for (const o of listResource(ctx.cluster, t.info, ctx.namespace))
        if (matches(o)) out.push({ info: t.info, name: o.metadata.name });
  }
  return out;
}

/**
 * The API server's message for an Invalid error, as kubectl shows it inside its own error text:
 * `Deployment.apps "kubia" is invalid: <cause>` (several causes as `[a, b]`).
 */
export function apiInvalidMessage(info: ResourceInfo, e: ValidationError): string {
  const causes = [...new Set(e.causes.map(formatFieldError))];
  const gk = info.group ? `${info.kind}.${info.group}` : info.kind;
  return `${gk} "${e.objectName}" is invalid: ${causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`}`;
}

/** A write as kubectl's patch helper sends it: stored, answered as a server dry run, or neither. */
export function send<T extends KubeObject>(
  ctx: CommandContext,
  mode: 'none' | 'client' | 'server',
  obj: T,
): T {
  if (mode === 'none') return validatedUpdate(ctx.cluster, obj);
  if (mode === 'server') return dryRunWrite(ctx.cluster, (copy) => validatedUpdate(copy, obj)) as T;
  return obj;
}

/**
 * An aggregate of errors as CheckErr prints it: one alone (`error: ` before it unless it has one or
 * is the server's); several each on a line as they are (a message ending in a newline leaves an
 * empty line after it, as MultipleErrors writes it).
 */
export function printErrors(ctx: CommandContext, errors: string[]): number {
  if (errors.length === 1) {
    const msg = errors[0]!;
    const shown = msg.startsWith('error: ') || msg.startsWith('Error from server') ? msg : `error: ${msg}`;
    ctx.err(shown.endsWith('\n') ? shown : `${shown}\n`);
  } else for (const e of errors) ctx.err(`${e}\n`);
  return errors.length ? 1 : 0;
}

export function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return (obj as unknown as { spec: PodSpec }).spec;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet')
    return (obj as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;
  return undefined;
}

export function withPodSpec(obj: KubeObject, spec: PodSpec): KubeObject {
  const o = obj as unknown as { spec: Record<string, unknown> & { template?: Record<string, unknown> } };
  if (obj.kind === 'Pod') return { ...obj, spec } as KubeObject;
  return { ...obj, spec: { ...o.spec, template: { ...o.spec.template, spec } } } as KubeObject;
}

/** The flags every set subcommand takes with the same words. */
export const dryRunFlag = DRY_RUN_FLAG;
export const outputFlag = PRINT_FLAGS.find((f) => f.name === 'output')!;
/** --allow-missing-template-keys, --show-managed-fields and --template. */
export const templateFlags = PRINT_FLAGS.filter((f) => f.name !== 'output');
export const setFieldManagerFlag = fieldManagerFlag('kubectl-set');

/**
 * selectString: whether `s` matches `spec`, where `*` is a non-greedy wildcard. Upstream's loop,
 * quirks included: the index found is into the rest of the string but compared with positions in
 * the whole of it.
 */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next))
      return false;
    pos = next;
  }
  return true;
}

/** An object the builder found: the live one, or with `--local` the manifest read from -f. */
export interface Found {
  info: ResourceInfo;
  name: string;
  obj: KubeObject;
  /** Read from a manifest with `--local`: kubectl names it by kind, as it has no mapping. */
  local?: boolean;
}

export const notFoundText = (info: ResourceInfo, name: string): string =>
  `Error from server (NotFound): ${groupResource(info)} "${name}" not found`;

/**
 * The objects the resource builder finds (ContinueOnError, then Infos): read from `-f` (the live
 * objects, filtered by `-l`; with `local`, the manifests themselves), else by type and name, `-l`
 * and `--all`. What it cannot read comes back as errors, which end the command before anything
 * is changed. Each command checks its own combinations of arguments first.
 */
export function visitObjects(
  ctx: CommandContext,
  resources: string[],
  local: boolean,
): { found: Found[]; errors: string[] } {
  const found: Found[] = [];
  const errors: string[] = [];
  if (flagAll(ctx.args, 'filename').length === 0) {
    if (local) throw new KubectlError(NO_RESOURCES);
    for (const t of builderTargets(ctx, resources)) {
      const obj = ctx.cluster.store.get<KubeObject>(
        t.info.kind,
        t.info.namespaced ? ctx.namespace : undefined,
        t.name,
      );
      if (obj) found.push({ ...t, obj });
      else errors.push(notFoundText(t.info, t.name));
    }
    return { found, errors };
  }
  const selector = local ? undefined : labelSelector(flagString(ctx.args, 'selector'));
  for (const v of visitSources(ctx, 'set', 'Ignore', readSources(ctx, 'set'))) {
    if ('error' in v) {
      errors.push(v.error.alone);
      continue;
    }
    const meta = (v.raw['metadata'] ?? {}) as Record<string, unknown>;
    const name = String(meta['name'] ?? '');
    if (local) {
      found.push({ info: v.info, name, obj: v.raw as unknown as KubeObject, local: true });
      continue;
    }
    const ns = v.info.namespaced ? String(meta['namespace'] ?? ctx.namespace) : undefined;
    const obj = ctx.cluster.store.get<KubeObject>(v.info.kind, ns, name);
    if (!obj) errors.push(notFoundText(v.info, name));
    else if (matchesSelector(obj, selector)) found.push({ info: v.info, name, obj });
  }
  return { found, errors };
}

/**
 * A manifest as kubectl holds it once decoded into its Go type, which writes the structs it has
 * even when empty: `creationTimestamp: null`, a Deployment's `strategy: {}`, a Service port's
 * `targetPort: 0`, the status.
 */
export function asDecoded(obj: KubeObject): KubeObject {
  const o = obj as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {
    ...o,
    metadata: { ...obj.metadata, creationTimestamp: obj.metadata.creationTimestamp ?? null },
  };
  const spec = (o['spec'] ?? {}) as Record<string, unknown>;
  if (obj.kind === 'Deployment') out['spec'] = { ...spec, strategy: spec['strategy'] ?? {} };
  // A ServicePort's targetPort is an IntOrString struct: its zero value is written as 0.
  if (obj.kind === 'Service' && Array.isArray(spec['ports']))
    out['spec'] = {
      ...spec,
      ports: (spec['ports'] as Record<string, unknown>[]).map((p) => ({
        ...p,
        targetPort: p['targetPort'] ?? 0,
      })),
    };
  if (obj.kind === 'ReplicaSet') out['status'] = { replicas: 0, ...((o['status'] ?? {}) as object) };
  else out['status'] ??= {};
  return out as unknown as KubeObject;
}

/** resource.LocalResourceError: `--local` reads only files. */
export const LOCAL_RESOURCES = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/**
 * Info.ObjectName: by resource when mapped (`deployments/kubia`); an object read with --local by
 * kind (and group, with the newline upstream's format string has).
 */
export function objectName(t: Found): string {
  if (!t.local) return `${t.info.plural}/${t.name}`;
  const kind = t.obj.kind.toLowerCase();
  return t.info.group ? `${kind}.${t.info.group}/${t.name}\n` : `${kind}/${t.name}`;
}

/** kubectl's error for an object the set subcommands cannot change. */
export const noPodTemplate = (t: Found): string =>
  `error: ${objectName(t)} the object is not a pod or does not have a pod template: ${GO_TYPES[t.info.kind] ?? `*v1.${t.info.kind}`}\n`;

/**
 * What a set subcommand does with an object it changed: with --local, print it as decoded from its
 * file; otherwise send it (stored, answered as a server dry run, or kept as it is for a client dry
 * run) and print what came back, or kubectl's `line`. The API server's refusal is thrown.
 */
export function sendAndPrint(
  ctx: CommandContext,
  mode: 'none' | 'client' | 'server',
  local: boolean,
  printer: TypedPrinter | undefined,
  next: KubeObject,
  line: string,
): void {
  if (local) {
    ctx.out(printer ? printer.print(asDecoded(next)) : line);
    return;
  }
  const shown = send(ctx, mode, next);
  ctx.out(printer ? printer.print(shown) : line);
}
