/**
 * Reading objects the way kubectl's resource builder does: by type and name, by type and label
 * selector, in one namespace or all; `all` expands to the kinds of kubectl's `all` category.
 */
import type { SimCluster } from '../../cluster/cluster.ts';
import { selectorMatches } from '../../k8s/labels.ts';
import { parseSelector } from '../../k8s/selector.ts';
import { fieldSelection, type FieldSelection } from '../../k8s/fields.ts';
import { resolveResource, type ResourceInfo } from '../../k8s/resources.ts';
import type { KubeEvent, KubeObject, LabelSelector } from '../../k8s/types.ts';
import { goQuote } from '../../k8s/validation.ts';
import { KubectlError, PrintedError, unknownResource, type CommandContext } from '../command.ts';
import { ManifestError, parseManifests } from '../../k8s/yaml.ts';
import { readSources } from './apply.ts';

/** The resource builder's error when neither a resource nor a file was given. */
/** What kubectl says on stderr when it finds nothing, in a namespace or (none given) in all. */
export function noResourcesFound(namespace?: string): string {
  return namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
}

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** The served kinds of kubectl's `all` category, in the order `kubectl get all` prints them. */
export const ALL_CATEGORY = ['pods', 'services', 'deployments', 'replicasets'];

export interface ResourceTarget {
  info: ResourceInfo;
  /** Empty means "all of this type". */
  names: string[];
}

/** SplitResourceArgument: the types of a comma list, each once, in order (an empty one too). */
function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

/**
 * Resolves `TYPE [NAME...]`, `TYPE/NAME...` and `TYPE1,TYPE2 [NAME...]` like kubectl's resource
 * builder (ResourceTypeOrNameArgs): several types with names are read as each type/name pair.
 * `selecting` (-l, --field-selector, --all): names are refused, after the arguments' form is
 * checked and before any type is looked up, as the builder does.
 */
export function resolveTargets(
  positional: string[],
  requireName: boolean,
  selecting = false,
): ResourceTarget[] {
  if (positional.length === 0) throw new KubectlError(NO_RESOURCES);
  // normalizeMultipleResourcesArgs: `a,b x y` is a/x a/y b/x b/y.
  const types = positional.length >= 2 ? splitResourceArgument(positional[0]!) : [];
  const args =
    types.length > 1 ? types.flatMap((t) => positional.slice(1).map((n) => `${t}/${n}`)) : positional;
  const slashForm = args.filter((p) => p.includes('/'));
  if (slashForm.length && slashForm.length !== args.length) {
    throw new KubectlError(
      // The builder's message names `get` whatever the command (cli-runtime's hasCombinedTypeArgs).
      `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
    );
  }
  if (slashForm.length) {
    // splitResourceTypeName, for every argument before any type is looked up.
    const pairs = args.map((p) => {
      const seg = p.split('/');
      if (seg.length !== 2)
        throw new KubectlError('arguments in resource/name form may not have more than one slash');
      const [type, name] = seg as [string, string];
      if (!type || !name || splitResourceArgument(type).length !== 1)
        throw new KubectlError('arguments in resource/name form must have a single resource and name');
      return [type, name] as const;
    });
    // visitBySelector refuses names before it maps a type: `get foo/x -l a=b` says so, not that
    // there is no type foo.
    if (selecting) throw namesWithSelector(positional);
    const out: ResourceTarget[] = [];
    for (const [type, name] of pairs) {
      const info = resolveResource(type);
      if (!info) throw unknownResource(type);
      const existing = out.find((t) => t.info === info);
      if (existing) existing.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [first, ...names] = positional as [string, ...string[]];
  if (selecting && names.length) throw namesWithSelector(positional);
  const infos = splitResourceArgument(first).map((t) => {
    const info = resolveResource(t);
    if (!info) throw unknownResource(t);
    return info;
  });
  if (requireName && names.length === 0) {
    throw new KubectlError(`resource(s) were provided, but no name was specified`);
  }
  return infos.map((info) => ({ info, names: [...names] }));
}

/**
 * The builder's refusal of names beside a selector or --all (visitBySelector), in its words for
 * how they were given: TYPE/NAME, and `TYPE1,TYPE2 NAME` (read as TYPE/NAME pairs), are resource
 * tuples; TYPE NAME gives names.
 */
export function namesWithSelector(positional: readonly string[]): KubectlError {
  const tuples =
    positional.some((p) => p.includes('/')) ||
    (positional.length >= 2 && splitResourceArgument(positional[0]!).length > 1);
  return new KubectlError(
    tuples
      ? 'selectors and the all flag cannot be used when passing resource/name arguments'
      : 'name cannot be provided when a selector is specified',
  );
}

/**
 * resolveTargets, with `all` (alone or in a comma list) expanded to its kinds, as the builder's
 * ReplaceAliases does. It expands only the first argument, after `TYPE1,TYPE2 NAME...` has become
 * TYPE/NAME pairs: so `all,deploy kubia` asks for the type `all`, which the server does not have,
 * and `all kubia` is one name under the several types `all` stands for, which the builder refuses
 * (visitByName) once it has refused names beside a selector (`selecting`: -l, --field-selector,
 * --all).
 */
export function resolveTargetsWithAll(
  positional: string[],
  requireName: boolean,
  selecting = false,
): { targets: ResourceTarget[]; usedAll: boolean } {
  const first = positional[0];
  if (first === undefined || first.includes('/') || !first.split(',').includes('all'))
    return { targets: resolveTargets(positional, requireName, selecting), usedAll: false };
  const names = positional.slice(1);
  if (names.length) {
    if (selecting) throw namesWithSelector(positional);
    if (splitResourceArgument(first).length > 1)
      return { targets: resolveTargets(positional, requireName, selecting), usedAll: false };
    throw new KubectlError('you must specify only one resource');
  }
  const types = first
    .split(',')
    .flatMap((t) => (t === 'all' ? ALL_CATEGORY : [t]))
    .map((t) => {
      const info = resolveResource(t);
      if (!info) throw unknownResource(t);
      return info;
    })
    .filter((info, i, arr) => arr.indexOf(info) === i);
  if (requireName) throw new KubectlError(`resource(s) were provided, but no name was specified`);
  return { targets: types.map((info) => ({ info, names: [] })), usedAll: true };
}

/**
 * The API server's deprecation warning for core/v1 Endpoints (1.33), which kubectl prints on
 * stderr, once, for any command that reads or writes them.
 */
export function warnIfEndpoints(ctx: { err(text: string): void }, targets: readonly ResourceTarget[]): void {
  if (targets.some((t) => t.info.kind === 'Endpoints'))
    ctx.err('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
}

/** Objects of one resource, sorted by namespace and name (the API server's order). */
export function listResource(
  cluster: SimCluster,
  info: ResourceInfo,
  namespace: string | undefined,
): KubeObject[] {
  const ns = info.namespaced ? namespace : undefined;
  if (info.kind === 'Event') {
    return [...cluster.eventList()]
      .filter((e) => ns === undefined || e.metadata.namespace === ns)
      .sort((a, b) =>
        (a.metadata.namespace ?? '') !== (b.metadata.namespace ?? '')
          ? (a.metadata.namespace ?? '') < (b.metadata.namespace ?? '')
            ? -1
            : 1
          : a.metadata.name < b.metadata.name
            ? -1
            : a.metadata.name > b.metadata.name
              ? 1
              : 0,
      );
  }
  return cluster.store.list<KubeObject>(info.kind, ns);
}

export function getResource(
  cluster: SimCluster,
  info: ResourceInfo,
  namespace: string,
  name: string,
): KubeObject | undefined {
  if (info.kind === 'Event')
    return listResource(cluster, info, namespace).find((o) => o.metadata.name === name);
  return cluster.store.get<KubeObject>(info.kind, info.namespaced ? namespace : undefined, name);
}

/**
 * Parses `-l`. A command that lists objects first lets the server refuse a bad one
 * (`checkListSelectors`); the builder reads the selector itself only to filter the objects of
 * `-f`, and then says so.
 */
export function labelSelector(text: string | undefined): LabelSelector | undefined {
  if (text === undefined) return undefined;
  const r = parseSelector(text);
  if (!r.ok) throw new KubectlError(`the provided selector ${goQuote(text)} is not valid: ${r.error}`);
  return r.selector;
}

export function matchesSelector(obj: KubeObject, selector: LabelSelector | undefined): boolean {
  if (!selector) return true;
  if (!selector.matchLabels && !selector.matchExpressions) return true;
  return selectorMatches(selector, obj.metadata.labels);
}

/** An object a manifest names: its resource, its name and the namespace the manifest gives. */
export interface FileTarget {
  info: ResourceInfo;
  names: string[];
  ns?: string;
}

/** Targets from `-f`: the objects a manifest names, looked up by kind and name. */
export function targetsFromFiles(ctx: CommandContext, verb: string): FileTarget[] {
  const out: FileTarget[] = [];
  for (const src of readSources(ctx, verb)) {
    let docs: Record<string, unknown>[];
    try {
      docs = parseManifests(src.text, src.name, true);
    } catch (e) {
      // The builder's error, printed as it is, without checkErr's `error: `.
      if (e instanceof ManifestError) throw new PrintedError(e.message);
      throw e;
    }
    for (const raw of docs) {
      const info = resolveResource(String(raw['kind'] ?? ''));
      if (!info)
        throw new KubectlError(`the server doesn't have a resource type "${String(raw['kind'] ?? '')}"`);
      const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
      const t: FileTarget = {
        info,
        names: [String(meta['name'] ?? '')],
      };
      if (typeof meta['namespace'] === 'string') t.ns = meta['namespace'];
      out.push(t);
    }
  }
  return out;
}

/** What a command that lists objects makes of `-l` and `--field-selector`. */
export interface ListSelection {
  /** The server's refusal of each list it refuses (its selectors), in order; none otherwise. */
  refused: { info: ResourceInfo; message: string }[];
  /** The label selector (none without `-l`, or when refused). */
  selector: LabelSelector | undefined;
  /** Whether both selectors select an object. */
  matches: (o: KubeObject) => boolean;
  /** The refusal of the list of `info`, as kubectl reports it; none when it was not refused. */
  refusalOf: (info: ResourceInfo) => RefusedList | undefined;
}

/**
 * kubectl does not read `-l` and `--field-selector` itself: it sends them with each list, and the
 * API server refuses a list whose selectors it cannot parse (the label selector first). The
 * builder then names the list in the server's message: one message per resource type asked for,
 * in order.
 */
export function listSelection(
  infos: readonly ResourceInfo[],
  labelText: string | undefined,
  fieldText: string | undefined,
): ListSelection {
  const label = labelText !== undefined ? parseSelector(labelText) : undefined;
  const byKind = new Map<string, FieldSelection>();
  const fieldsOf = (kind: string): FieldSelection => {
    let fields = byKind.get(kind);
    if (!fields) byKind.set(kind, (fields = fieldSelection(kind, fieldText)));
    return fields;
  };
  const refused: ListSelection['refused'] = [];
  for (const info of new Set(infos)) {
    // The label selector is read first: its error is every list's.
    const fields = label && !label.ok ? undefined : fieldsOf(info.kind);
    const problem = label && !label.ok ? label.error : fields && !fields.ok ? fields.error : undefined;
    if (problem !== undefined)
      refused.push({
        info,
        message:
          `Unable to find ${goQuote(`${info.group}/${info.version}, Resource=${info.plural}`)} that match label ` +
          `selector ${goQuote(labelText ?? '')}, field selector ${goQuote(fieldText ?? '')}: ${problem}`,
      });
  }
  const refusalOf = (info: ResourceInfo) => {
    const r = refused.find((x) => x.info === info);
    return r && new RefusedList(r.message);
  };
  if (label && !label.ok) return { refused, selector: undefined, matches: () => false, refusalOf };
  const selector = label?.selector;
  return {
    refused,
    refusalOf,
    selector,
    matches: (o) => {
      const fields = fieldsOf(o.kind);
      return fields.ok && fields.matches(o) && matchesSelector(o, selector);
    },
  };
}

/**
 * A list the API server refused, as kubectl reports it among other errors: alone, as the server's
 * error (`Error from server (BadRequest): …`); in an aggregate that prints each error's own
 * message (wait's), its message only.
 */
export class RefusedList extends PrintedError {
  constructor(readonly detail: string) {
    super(`Error from server (BadRequest): ${detail}`);
  }
}

/** kubectl's report of refused lists: each a BadRequest. */
export function refusal(refused: ListSelection['refused']): PrintedError {
  return new PrintedError(refused.map((r) => `Error from server (BadRequest): ${r.message}`).join('\n'));
}

/** `listSelection`, throwing kubectl's report of the refused lists, each a BadRequest. */
export function checkListSelectors(
  infos: readonly ResourceInfo[],
  labelText: string | undefined,
  fieldText: string | undefined,
): ListSelection {
  const selection = listSelection(infos, labelText, fieldText);
  if (selection.refused.length) throw refusal(selection.refused);
  return selection;
}

/**
 * What a watch on Events has printed. Events live outside the store, so no change reaches a watch:
 * it compares the event log with what it saw (each event and its count) after each step.
 */
export class SeenEvents {
  private counts = new Map<string, number>();

  /** Of `events`, those new or seen again (their count went up) since the last look, now seen. */
  fresh(events: Iterable<KubeEvent>): KubeEvent[] {
    const out: KubeEvent[] = [];
    for (const e of events) {
      const key = `${e.metadata.namespace ?? ''}/${e.metadata.name}`;
      if (this.counts.get(key) === e.count) continue;
      this.counts.set(key, e.count);
      out.push(e);
    }
    return out;
  }
}
