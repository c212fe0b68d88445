/**
 * `kubectl taint NODE NAME KEY=VALUE:EFFECT ...` (cmd/taint/taint.go and utils.go).
 *
 * - The arguments: resources first (the type, then node names), then taint changes: anything with
 *   `=`, `:` or a trailing `-`. `key=value:effect` and `key:effect` add a taint, `key:effect-`
 *   removes the taint with that key and effect, `key-` every taint with that key.
 * - Complete: `--dry-run`, `--validate`, the arguments split and parsed (a malformed change is a
 *   usage error); Validate: the type must be nodes, no taint both added and removed, `--all` or
 *   `-l` or names; Run: each node the builder finds (names, `-l` or `--all`), visited with
 *   ContinueOnError: a node that is missing, or already has a taint being added (without
 *   `--overwrite`), or lacks one being removed, is reported and the others still change.
 * - The new list is the added taints, then the node's others in their order, less those removed
 *   (reorganizeTaints); the operation is `tainted`, `untainted` or `modified`. kubectl patches
 *   spec.taints as a whole; the API server validates the result and, as upstream, sets no
 *   timeAdded (the taint eviction controller counts tolerationSeconds from when it saw the taint).
 * - `-o` prints the node as kubectl holds it, a typed v1.Node: zero-valued structs and strings
 *   (daemonEndpoints, nodeInfo) included; JSON in struct order, but for a client dry run, which
 *   prints the patched object as an unstructured map, with sorted keys.
 */
import { dryRunWrite } from '../../cluster/dryrun.ts';
import { validatedUpdate } from '../../cluster/apply.ts';
import { deepEqual } from '../../k8s/copy.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { goJsonText } from '../../k8s/go-json.ts';
import { inGoOrder } from '../../k8s/go-order.ts';
import { parseSelector } from '../../k8s/selector.ts';
import { kindSlashName, resolveResource, resourceForKind } from '../../k8s/resources.ts';
import type { NodeObject, Taint } from '../../k8s/types.ts';
import { goQuote, isQualifiedName, isValidLabelValue } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  dryRunMode,
  notFound,
} from '../command.ts';
import { UsageError, flagBool, flagString } from '../parse.ts';
import {
  PRINT_FLAGS,
  type OutputFormat,
  goYaml,
  printFlagsOutput,
  printObjects,
} from '../printers/output.ts';
import { fieldValidationOf } from './apply.ts';
import { matchesSelector } from './objects.ts';
import { fieldManagerFlag } from './flags.ts';

const nodeInfo = () => resourceForKind('Node')!;

type Effect = Taint['effect'];

/** A taint change as parsed: the effect may be missing (`key-`, and `key` before it is refused). */
interface ParsedTaint {
  key: string;
  value: string;
  effect: string;
}

/** validateTaintEffect. */
function validateTaintEffect(effect: string): void {
  if (effect !== 'NoSchedule' && effect !== 'PreferNoSchedule' && effect !== 'NoExecute')
    throw new KubectlError(`invalid taint effect: ${effect}, unsupported taint effect`);
}

/** parseTaint: `key=value:effect`, `key:effect` or `key`. */
function parseTaint(st: string): ParsedTaint {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0]!;
  else if (parts.length === 2) {
    effect = parts[1]!;
    validateTaintEffect(effect);
    const kv = parts[0]!.split('=');
    if (kv.length > 2) throw new KubectlError(`invalid taint spec: ${st}`);
    key = kv[0]!;
    if (kv.length === 2) {
      value = kv[1]!;
      const errs = isValidLabelValue(value);
      if (errs.length) throw new KubectlError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
    }
  } else throw new KubectlError(`invalid taint spec: ${st}`);
  const errs = isQualifiedName(key);
  if (errs.length) throw new KubectlError(`invalid taint spec: ${st}, ${errs.join('; ')}`);
  return { key, value, effect };
}

/** parseTaints: the taints to add (unique by key and effect, each with an effect) and to remove. */
export function parseTaints(specs: string[]): { add: ParsedTaint[]; remove: ParsedTaint[] } {
  const add: ParsedTaint[] = [];
  const remove: ParsedTaint[] = [];
  const unique = new Map<string, Set<string>>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1));
      remove.push({ key: t.key, value: '', effect: t.effect });
      continue;
    }
    const t = parseTaint(spec);
    if (t.effect === '') throw new KubectlError(`invalid taint spec: ${spec}`);
    const keys = unique.get(t.effect) ?? new Set<string>();
    // %v of a v1.Taint: {Key Value Effect TimeAdded}.
    if (keys.has(t.key))
      throw new KubectlError(
        `duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`,
      );
    keys.add(t.key);
    unique.set(t.effect, keys);
    add.push(t);
  }
  return { add, remove };
}

/** Taint.ToString. */
function taintString(t: ParsedTaint): string {
  if (t.effect === '') return t.value === '' ? t.key : `${t.key}=${t.value}:`;
  return t.value === '' ? `${t.key}:${t.effect}` : `${t.key}=${t.value}:${t.effect}`;
}

const asTaint = (t: ParsedTaint): Taint =>
  t.value === ''
    ? { key: t.key, effect: t.effect as Effect }
    : { key: t.key, value: t.value, effect: t.effect as Effect };

const sameKeyAndEffect = (a: { key: string; effect: string }, b: { key: string; effect: string }) =>
  a.key === b.key && a.effect === b.effect;

/**
 * reorganizeTaints: the added taints, then the old ones none of them replaces, less those
 * removed. Each removal that finds nothing is an error (all of them, flattened, as the visit
 * reports them); the operation follows upstream's arithmetic, `deleted` being whether the last
 * removal removed something.
 */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: readonly ParsedTaint[],
  remove: readonly ParsedTaint[],
): { operation: string; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = add.map(asTaint);
  for (const o of old) if (!taints.some((t) => sameKeyAndEffect(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const kept = taints.filter((t) => (r.effect === '' ? t.key !== r.key : !sameKeyAndEffect(t, r)));
    deleted = kept.length !== taints.length;
    taints = kept;
    if (!deleted) errors.push(`taint ${goQuote(taintString(r))} not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}

/** Complete's split: resources up to the first taint change, which must come after them all. */
function resourcesAndTaints(args: string[]): [string[], string[]] {
  const resources: string[] = [];
  const taints: string[] = [];
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) taints.push(s);
    else if (taints.length === 0) resources.push(s);
    else throw new KubectlError(`all resources must be specified before taint changes: ${s}`);
  }
  return [resources, taints];
}

/** client-go jsonpath's isTerminator: what ends a field name. */
const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}']);

/**
 * explain.SplitAndParseResourceRequest's jsonPathParse of `{.TYPE}`, for the resource: the first
 * field, and whether every node after it is a field too. Throws the parser's errors.
 */
function resourceOfType(type: string): string {
  const s = `.${type.endsWith('.') ? type.slice(0, -1) : type}}`;
  const nodes: { field?: string }[] = [];
  let i = 0;
  for (;;) {
    if (i >= s.length) throw new KubectlError('unclosed action');
    if (s[i] === '}') {
      if (i + 1 < s.length) throw new KubectlError('must pass in 1 jsonpath string');
      break;
    }
    if (s.startsWith('..', i)) {
      nodes.push({});
      i += 2;
      continue;
    }
    const ch = s[i]!;
    if (ch === ' ' || ch === '@' || ch === '$') i++;
    else if (ch === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) throw new KubectlError(s.startsWith('[?(', i) ? 'unclosed filter' : 'unterminated array');
      nodes.push({});
      i = end + 1;
    } else if (ch === '"' || ch === "'") {
      const end = s.indexOf(ch, i + 1);
      if (end < 0) throw new KubectlError('unterminated quoted string');
      nodes.push({});
      i = end + 1;
    } else if (ch === '.' || /[\p{L}\p{N}_+-]/u.test(ch)) {
      let j = ch === '.' ? i + 1 : i;
      let name = '';
      while (j < s.length && !TERMINATORS.has(s[j]!)) {
        if (s[j] === '\\' && j + 1 < s.length) j++;
        name += s[j]!;
        j++;
      }
      // After a dot a field (`*` is a wildcard); elsewhere a number or an identifier.
      nodes.push(ch === '.' && name !== '*' ? { field: name } : {});
      i = j;
    } else
      throw new KubectlError(
        `unrecognized character in action: U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`,
      );
  }
  const [first, ...rest] = nodes;
  if (first?.field === undefined)
    throw new KubectlError('invalid jsonpath syntax, first node must be field node');
  const info = resolveResource(first.field);
  if (!info || first.field.includes('.'))
    throw new PrintedError(`the server doesn't have a resource type "${first.field}"`);
  if (rest.some((n) => n.field === undefined))
    throw new KubectlError('invalid jsonpath syntax, all nodes must be field nodes');
  return info.kind;
}

/** The nodes the builder finds: by `-l`, `--all`, or the names given. */
function targetNames(ctx: CommandContext, names: string[], all: boolean, selector: string): string[] {
  if (selector !== '') {
    const r = parseSelector(selector);
    if (!r.ok)
      throw new PrintedError(
        `Error from server (BadRequest): Unable to find "/v1, Resource=nodes" that match label selector "${selector}", field selector "": ${r.error}`,
      );
    return ctx.cluster.store
      .list<NodeObject>('Node')
      .filter((n) => matchesSelector(n, r.selector))
      .map((n) => n.metadata.name);
  }
  if (all) return ctx.cluster.store.list<NodeObject>('Node').map((n) => n.metadata.name);
  return names;
}

/**
 * The node as kubectl holds it after decoding it into a v1.Node: the structs and strings without
 * omitempty are there even when empty.
 */
function typedNode(n: NodeObject): NodeObject {
  const obj = apiEncode(n);
  const status = (obj.status ?? {}) as NodeObject['status'] & {
    daemonEndpoints?: { kubeletEndpoint?: { Port?: number } };
    nodeInfo?: Record<string, string>;
  };
  const info: Record<string, string> = { ...(status.nodeInfo ?? {}) };
  for (const k of [
    'machineID',
    'systemUUID',
    'bootID',
    'kernelVersion',
    'osImage',
    'containerRuntimeVersion',
    'kubeletVersion',
    'kubeProxyVersion',
    'operatingSystem',
    'architecture',
  ])
    info[k] ??= '';
  return {
    ...obj,
    status: {
      ...status,
      daemonEndpoints: {
        ...status.daemonEndpoints,
        kubeletEndpoint: { Port: 0, ...status.daemonEndpoints?.kubeletEndpoint },
      },
      nodeInfo: info,
    },
  } as NodeObject;
}

/**
 * The printer PrintFlags makes for one node (a new one for each, so YAML documents have no `---`
 * between them): JSON of a typed node in struct order, of an unstructured one (a client dry run)
 * with sorted keys.
 */
function printNode(format: OutputFormat, n: NodeObject, typed: boolean): string {
  const obj = typedNode(n);
  if (format.type === 'yaml') return goYaml(obj);
  if (format.type === 'json' && typed)
    return `${goJsonText(inGoOrder(obj), { indent: '    ', sort: false })}\n`;
  return printObjects(format, [obj], true, false);
}

/** One node's error: a message, or the aggregate of the removals that found nothing. */
interface NodeError {
  messages: string[];
  /** Printed as it is (the server's), not after `error: `. */
  printed: boolean;
}

/** utilerrors.Aggregate's Error(): one message as it is, several deduplicated in brackets. */
function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`;
}

/**
 * CheckErr of the visit's errors: one node's error alone (an aggregate of one unwrapped to
 * `error: …`, of several one message a line); several nodes' one a line, each as Error() reads.
 */
function printNodeErrors(ctx: CommandContext, errors: readonly NodeError[]): void {
  if (errors.length === 1) {
    const e = errors[0]!;
    if (e.messages.length === 1) ctx.err(e.printed ? `${e.messages[0]}\n` : `error: ${e.messages[0]}\n`);
    else for (const m of e.messages) ctx.err(`${m}\n`);
    return;
  }
  for (const e of errors) ctx.err(`${aggregateText(e.messages)}\n`);
}

function runTaint(ctx: CommandContext): number {
  // Complete.
  const mode = dryRunMode(ctx);
  fieldValidationOf(ctx);
  const [resources, taintArgs] = resourcesAndTaints(ctx.args.positional);
  if (resources.length < 1)
    throw new KubectlError('one or more resources must be specified as <resource> <name>');
  if (taintArgs.length < 1) throw new KubectlError('at least one taint update is required');
  let parsed: { add: ParsedTaint[]; remove: ParsedTaint[] };
  try {
    parsed = parseTaints(taintArgs);
  } catch (e) {
    if (e instanceof KubectlError) throw new UsageError(e.message, ctx.commandPath);
    throw e;
  }
  const { add, remove } = parsed;
  const overwrite = flagBool(ctx.args, 'overwrite');
  const all = flagBool(ctx.args, 'all');
  const selector = flagString(ctx.args, 'selector') ?? '';

  // Validate.
  const resourceType = resources[0]!.toLowerCase();
  if (resourceOfType(resourceType) !== 'Node')
    throw new KubectlError(`invalid resource type ${resourceType}, only node types are supported`);
  const conflicts: string[] = [];
  for (const a of add)
    for (const r of remove)
      if (a.key === r.key && (r.effect === '' || a.effect === r.effect))
        conflicts.push(`${r.key}=${r.effect}`);
  if (conflicts.length)
    throw new KubectlError(
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
    );
  if (all && selector !== '')
    throw new KubectlError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && selector === '' && resources.length < 2)
    throw new KubectlError("at least one resource name must be specified since 'all' parameter is not set");

  // Run: each node in turn (ContinueOnError).
  const names = targetNames(ctx, resources.slice(1), all, selector);
  const errors: NodeError[] = [];
  let wrote = false;
  for (const name of names) {
    try {
      const node = ctx.cluster.store.get<NodeObject>('Node', undefined, name);
      if (!node) throw notFound(nodeInfo(), name);
      const old = node.spec.taints ?? [];
      if (!overwrite) {
        const exists = add.filter((a) => old.some((o) => sameKeyAndEffect(a, o))).map((a) => a.key);
        if (exists.length)
          throw new KubectlError(
            `node ${name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`,
          );
      }
      const { operation, taints, errors: notFoundErrors } = reorganizeTaints(old, overwrite, add, remove);
      if (notFoundErrors.length) {
        errors.push({ messages: notFoundErrors, printed: false });
        continue;
      }
      // The printer is made for each object (ToPrinter(operation)), so a bad -o fails each; its
      // operation replaces the one the dry-run strategy had set: no `(dry run)` after it.
      const format = printFlagsOutput(ctx.args, ctx.cluster.files);
      const spec = { ...node.spec };
      if (taints.length) spec.taints = taints;
      else delete spec.taints;
      const next: NodeObject = { ...node, spec };
      let shown = next;
      if (mode !== 'client' && !deepEqual(node.spec.taints ?? [], taints)) {
        if (mode === 'none') {
          shown = validatedUpdate(ctx.cluster, next);
          wrote = true;
        } else shown = dryRunWrite(ctx.cluster, (copy) => validatedUpdate(copy, next)) as NodeObject;
      } else if (mode !== 'client') shown = node;
      ctx.out(
        format
          ? printNode(format, shown, mode !== 'client')
          : `${kindSlashName(nodeInfo(), name)} ${operation}\n`,
      );
    } catch (e) {
      if (e instanceof PrintedError) errors.push({ messages: [e.message], printed: true });
      else if (e instanceof KubectlError) errors.push({ messages: [e.message], printed: false });
      else throw e;
    }
  }
  if (errors.length === 0) return 0;
  // The nodes it could change stay changed.
  if (wrote) ctx.keepWrites();
  printNodeErrors(ctx, errors);
  return 1;
}

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  long: "Update the taints on one or more nodes.\n\n  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.\n  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.\n  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.\n  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.\n  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.\n  *  Currently taint can only apply to node.",
  examples:
    "  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n  # If a taint with that key and effect already exists, its value is replaced as specified\n  kubectl taint nodes foo dedicated=special-user:NoSchedule\n  \n  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists\n  kubectl taint nodes foo dedicated:NoSchedule-\n  \n  # Remove from node 'foo' all the taints with key 'dedicated'\n  kubectl taint nodes foo dedicated-\n  \n  # Add a taint with key 'dedicated' on nodes having label myLabel=X\n  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule\n  \n  # Add to node 'foo' a taint with key 'bar' and no value\n  kubectl taint nodes foo bar:NoSchedule",
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    { name: 'all', type: 'bool', help: 'Select all nodes in the cluster' },
    ...PRINT_FLAGS,
    {
      name: 'dry-run',
      default: 'none',
      type: 'string',
      noOptDefault: 'unchanged',
      help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
    },
    fieldManagerFlag('kubectl-taint'),
    {
      name: 'overwrite',
      type: 'bool',
      help: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
    {
      name: 'validate',
      type: 'string',
      default: 'strict',
      noOptDefault: 'strict',
      help: 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    },
  ],
  run: runTaint,
};
