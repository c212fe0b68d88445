/**
 * What kubectl's `set` subcommands share (cmd/set): the objects the resource builder finds, the
 * patch as the helper sends it (stored, a server dry run, or neither), the errors of a
 * ContinueOnError visit, and the pod spec of an object that has one.
 */

import { dryRunWrite } from '../../cluster/dryrun.ts';
import { validatedUpdate } from '../../cluster/apply.ts';
import type { ResourceInfo } from '../../k8s/resources.ts';
import type { KubeObject, PodSpec } from '../../k8s/types.ts';
import { ValidationError, formatFieldError } from '../../k8s/validation.ts';
import { type CommandContext, KubectlError } from '../command.ts';
import { flagBool, flagString } from '../parse.ts';
import {
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
  const selector = labelSelector(selectorText);
  if (resources.length === 0) throw new KubectlError(NO_RESOURCES);
  const { targets } = resolveTargetsWithAll(resources, false, 'set');
  const named = targets.some((t) => t.names.length > 0);
  if (named && selector) throw new KubectlError('name cannot be provided when a selector is specified');
  if (!named && !all && selectorText === undefined)
    throw new KubectlError('resource(s) were provided, but no name was specified');
  const out: Visited[] = [];
  for (const t of targets) {
    if (t.names.length) for (const name of t.names) out.push({ info: t.info, name });
    else
      for (const o of listResource(ctx.cluster, t.info, ctx.namespace))
        if (matchesSelector(o, selector)) out.push({ info: t.info, name: o.metadata.name });
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

/** The messages of a ContinueOnError visit: one as `error: …`, several one a line as they are. */
export function printErrors(ctx: CommandContext, errors: string[]): number {
  if (errors.length === 1) {
    const msg = errors[0]!.replace(/\n$/, '');
    ctx.err(
      msg.startsWith('error: ') || msg.startsWith('Error from server') ? `${msg}\n` : `error: ${msg}\n`,
    );
  } else for (const e of errors) ctx.err(e.endsWith('\n') ? e : `${e}\n`);
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

export const dryRunFlag = {
  name: 'dry-run',
  default: 'none',
  type: 'string',
  noOptDefault: 'unchanged',
  help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
} as const;
export const outputFlag = {
  name: 'output',
  short: 'o',
  type: 'string',
  help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
} as const;
