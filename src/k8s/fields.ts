/**
 * Field selectors, as the API server reads a list's or a watch's `fieldSelector`:
 * `fields.ParseSelector` (terms split at unescaped commas, sorted, empty ones skipped, each split at
 * its first operator, `\,` `\=` `\\` unescaped in the value), then each term's field converted by
 * the kind's field label conversion (pkg/apis/core/v1/conversion.go; kinds without one take
 * runtime.DefaultMetaV1FieldSelectorConversion), then matched against the fields the kind's
 * registry exposes (its ToSelectableFields). A field a kind does not expose is refused in the
 * conversion's words: `field label not supported: spec.replicas` for a pod,
 * `"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"` for
 * a Deployment.
 */
import type { KubeEvent, KubeObject, NodeObject, Pod, Service } from './types.ts';
import { stringLess } from './timsort.ts';
import { goQuote } from './validation.ts';

/** One term of a field selector: `field=value`, `field==value` or `field!=value`. */
export interface FieldRequirement {
  field: string;
  negate: boolean;
  value: string;
}

export type FieldParseResult = { ok: true; requirements: FieldRequirement[] } | { ok: false; error: string };

/** fields.ParseSelector: the terms in sorted order, or its error. */
export function parseFieldSelector(text: string): FieldParseResult {
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(text).sort((a, b) => (stringLess(a, b) ? -1 : stringLess(b, a) ? 1 : 0))) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term) return { ok: false, error: `invalid selector: '${text}'; can't understand '${part}'` };
    const value = unescapeValue(term.rhs);
    if (!value.ok) return value;
    requirements.push({ field: term.lhs, negate: term.op === '!=', value: value.value });
  }
  return { ok: true, requirements };
}

/** The comma-separated terms; an escaped comma stays in its term, with its backslash. */
function splitTerms(text: string): string[] {
  if (text === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

const OPERATORS = ['!=', '==', '='] as const;

/** The term split at the first operator it holds (no escapes on the field's side). */
function splitTerm(term: string): { lhs: string; op: (typeof OPERATORS)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++)
    for (const op of OPERATORS)
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
  return undefined;
}

/** fields.UnescapeValue: `\\`, `\,` and `\=` unescaped; any other escape, or a bare `,` or `=`, refused. */
function unescapeValue(s: string): { ok: true; value: string } | { ok: false; error: string } {
  if (!/[\\,=]/.test(s)) return { ok: true, value: s };
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=')
        return { ok: false, error: `invalid field selector: invalid escape sequence: \\${c}` };
      out += c;
      inSlash = false;
    } else if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=')
      // Go prints the rune with %v: its number.
      return {
        ok: false,
        error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}`,
      };
    else out += c;
  }
  if (inSlash) return { ok: false, error: 'invalid field selector: invalid escape sequence: \\' };
  return { ok: true, value: out };
}

/**
 * Each kind's field labels (its AddFieldLabelConversionFunc), with the fields they are read as:
 * a pod's `spec.host`, kept for old clients, is its `spec.nodeName`. Kinds not named here accept
 * `metadata.name` and `metadata.namespace` only. ReplicaSet has none of its own in apps/v1,
 * although its registry exposes `status.replicas`.
 */
const FIELD_LABELS: Record<string, Record<string, string>> = {
  Pod: labels(
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
    ['spec.host', 'spec.nodeName'],
  ),
  Node: labels('metadata.name', 'spec.unschedulable'),
  Event: labels(
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
    'metadata.namespace',
    'metadata.name',
  ),
  Namespace: labels('status.phase', 'metadata.name'),
  Service: labels('metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'),
};

function labels(...names: (string | [string, string])[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => (typeof n === 'string' ? [n, n] : n)));
}

/** Scheme.ConvertFieldLabel: the field a label selects, or the kind's refusal. */
function convertFieldLabel(kind: string, label: string): { field: string } | { error: string } {
  const own = FIELD_LABELS[kind];
  if (!own) {
    if (label === 'metadata.name' || label === 'metadata.namespace') return { field: label };
    return {
      error: `${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
    };
  }
  const field = Object.hasOwn(own, label) ? own[label] : undefined;
  return field !== undefined ? { field } : { error: `field label not supported: ${label}` };
}

/**
 * The fields an object of its kind can be selected by, as its registry's ToSelectableFields sets
 * them; a field not set reads as "".
 */
export function selectableFields(o: KubeObject): Record<string, string> {
  const meta: Record<string, string> = { 'metadata.name': o.metadata.name };
  // A cluster-scoped kind has no metadata.namespace field (ObjectMetaFieldsSet(meta, false)).
  if (o.kind !== 'Node' && o.kind !== 'Namespace') meta['metadata.namespace'] = o.metadata.namespace ?? '';
  switch (o.kind) {
    case 'Pod': {
      const p = o as Pod;
      // Fields the simulator keeps as they were written, without types of their own.
      const spec = p.spec as { hostNetwork?: unknown };
      const status = (p.status ?? {}) as { nominatedNodeName?: string };
      return {
        ...meta,
        'spec.nodeName': p.spec.nodeName ?? '',
        'spec.restartPolicy': p.spec.restartPolicy ?? '',
        'spec.schedulerName': p.spec.schedulerName ?? '',
        'spec.serviceAccountName': p.spec.serviceAccountName ?? '',
        'spec.hostNetwork': String(spec.hostNetwork === true),
        'status.phase': p.status?.phase ?? '',
        'status.podIP': p.status?.podIPs?.[0]?.ip ?? p.status?.podIP ?? '',
        'status.nominatedNodeName': status.nominatedNodeName ?? '',
      };
    }
    case 'Node':
      return { ...meta, 'spec.unschedulable': String((o as NodeObject).spec?.unschedulable === true) };
    case 'Namespace': {
      const phase = (o as { status?: { phase?: string } }).status?.phase ?? '';
      return { ...meta, 'status.phase': phase };
    }
    case 'Service': {
      const s = o as Service;
      return { ...meta, 'spec.clusterIP': s.spec.clusterIP ?? '', 'spec.type': s.spec.type ?? '' };
    }
    case 'Event': {
      const e = o as KubeEvent;
      const ref = e.involvedObject;
      return {
        ...meta,
        'involvedObject.kind': ref.kind ?? '',
        'involvedObject.namespace': ref.namespace ?? '',
        'involvedObject.name': ref.name ?? '',
        'involvedObject.uid': ref.uid ?? '',
        'involvedObject.apiVersion': ref.apiVersion ?? '',
        'involvedObject.resourceVersion': ref.resourceVersion ?? '',
        'involvedObject.fieldPath': ref.fieldPath ?? '',
        reason: e.reason ?? '',
        reportingComponent: e.reportingComponent ?? '',
        source: e.source?.component || (e.reportingComponent ?? ''),
        type: e.type ?? '',
      };
    }
    default:
      return meta;
  }
}

export type FieldSelection = { ok: true; matches: (o: KubeObject) => boolean } | { ok: false; error: string };

/**
 * What the API server makes of a list's field selector for objects of `kind`: the objects it
 * selects, or the error it answers 400 with (the parser's, then the first term, in sorted order,
 * whose field the kind does not expose).
 */
export function fieldSelection(kind: string, text: string | undefined): FieldSelection {
  if (!text) return { ok: true, matches: () => true };
  const parsed = parseFieldSelector(text);
  if (!parsed.ok) return parsed;
  const terms: FieldRequirement[] = [];
  for (const r of parsed.requirements) {
    const converted = convertFieldLabel(kind, r.field);
    if ('error' in converted) return { ok: false, error: converted.error };
    terms.push({ ...r, field: converted.field });
  }
  if (terms.length === 0) return { ok: true, matches: () => true };
  return {
    ok: true,
    matches: (o) => {
      const fields = selectableFields(o);
      return terms.every((t) => {
        const v = Object.hasOwn(fields, t.field) ? fields[t.field] : '';
        return t.negate ? v !== t.value : v === t.value;
      });
    },
  };
}
