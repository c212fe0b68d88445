/**
 * Claims: what a step's narration says about the screen, written so a machine can check it
 * (`expect:` on a step, DESIGN.md §2). A lesson that says "v1 and v2 both answer" carries
 *
 * ```yaml
 * expect:
 *   trafficShare: { v1: ">0", v2: ">0" }
 * ```
 *
 * and the lesson tests evaluate it against the Run's Frame at that step's moment
 * (`checkClaims` in src/run/claims.ts), so words and screen cannot drift apart.
 *
 * Every number is a `Count`: a number (exactly that), or a comparison as text: `">0"`, `">=8"`,
 * `"<=13"`, `"<3"`, `"!=0"`, `"=3"`, or an inclusive range `"20..30"` for "about". Versions are
 * image tags (`v1`, `v2.1`), as the diagram labels pods and the Service's counter names them.
 *
 * This file is the format (types, reading, comparing); evaluating needs a Frame and lives in
 * src/run/claims.ts.
 */

/** A number, or a comparison with one: `">0"`, `">=8"`, `"!=0"`, `"20..30"` (inclusive). */
import { parseDocuments, toYaml } from '../k8s/yaml.ts';

export type Count = number | string;

/**
 * A pod's state as the diagram draws it (DESIGN.md §5; `PodState` in src/view/view.ts):
 * `ready` is Ready but not yet available (minReadySeconds), `available` is what kubectl and the
 * controllers call available, `running` is Running but not ready, `completed` ended with 0 and is
 * not restarted (a pod whose restartPolicy is Never or OnFailure).
 */
export const POD_STATES = [
  'pending',
  'creating',
  'running',
  'ready',
  'available',
  'terminating',
  'failed',
  'completed',
] as const;

/** Pods of one version by state; `total` counts every pod, Terminating ones included. */
export type PodStateCounts = Partial<Record<(typeof POD_STATES)[number] | 'total', Count>>;

export interface ServiceClaims {
  /** The selector as `key=value` pairs joined by commas, in any order: `app=kubia,color=green`. */
  selector?: string;
  /** Ready endpoints (the Service box's "ready endpoints: N"). */
  endpoints?: Count;
  /** Addresses listed as not ready ("not ready: N"). */
  notReady?: Count;
  /** Ready endpoints per version of the pod behind each. */
  endpointsByVersion?: Record<string, Count>;
}

export const ROLLOUT_PHASES = ['progress', 'complete', 'paused', 'stalled'] as const;
export type RolloutPhase = (typeof ROLLOUT_PHASES)[number];

/** A condition's status (`"True"`), or its status and reason. */
export type ConditionClaim = string | { status?: string; reason?: string };

export interface DeploymentClaims {
  /** `RollingUpdate` or `Recreate`. */
  strategy?: string;
  /** As written in the spec (`"25%"`, `1`); the defaults count as written (`25%`). */
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: Count;
  /** spec.replicas. */
  replicas?: Count;
  /** status.updatedReplicas, readyReplicas, availableReplicas (the block's status line). */
  updated?: Count;
  ready?: Count;
  available?: Count;
  paused?: boolean;
  /** The block's rollout line: in progress, complete, paused, stalled (deadline exceeded). */
  phase?: RolloutPhase;
  /** By condition type: `{ Progressing: { status: "False", reason: ProgressDeadlineExceeded } }`. */
  conditions?: Record<string, ConditionClaim>;
  /**
   * The RollingUpdate budget gauge: pods the ReplicaSets specify against `max` (replicas +
   * maxSurge), available pods against `min` (replicas − maxUnavailable).
   */
  budget?: { pods?: Count; max?: Count; available?: Count; min?: Count };
}

/**
 * What the timeline shows over a span of the recorded history, in whole seconds: requests are
 * counted per second `[t, t+1)` for every t with `from ≤ t < to`.
 */
export interface TimelineClaims {
  /** First second of the span. */
  from: number;
  /** End of the span (exclusive); the step's moment when omitted. */
  to?: number;
  /** Requests refused (no ready endpoint) in the span. */
  refused?: Count;
  /** 5xx answers in the span. */
  errors?: Count;
  /** Answers per version in the span. */
  answered?: Record<string, Count>;
  /** The first and the last second with a refused request: the red gap's edges. */
  firstRefused?: Count;
  lastRefused?: Count;
  /** Seconds with at least one refused request: the red gap's width. */
  refusedSeconds?: Count;
  /** Some second of the span has answers from every one of these versions at once. */
  together?: string[];
}

export interface Claims {
  /** Pods per version: a Count of those not Terminating, or counts by state. */
  pods?: Record<string, Count | PodStateCounts>;
  /** Desired replicas (spec.replicas) of the ReplicaSets of each version, or `absent`. */
  replicaSets?: Record<string, Count | 'absent'>;
  /** How many ReplicaSets exist, empty old ones included. */
  replicaSetCount?: Count;
  /** The revision number of the ReplicaSet of each version (`rollout history`, the lane labels). */
  revisions?: Record<string, Count>;
  /**
   * The Service counter over its last 10 s: each version's share of the answers, in percent as
   * shown (rounded to a whole number; a version with no answers has 0).
   */
  trafficShare?: Record<string, Count>;
  /** The counter: answers per second of each version, as shown (one decimal). */
  answersPerSecond?: Record<string, Count>;
  /** The counter: 5xx answers per second ("errors"), as shown. */
  errorsPerSecond?: Count;
  /** The counter: refused connections per second, as shown (0 when the counter shows none). */
  refusedPerSecond?: Count;
  /** By Service name. */
  services?: Record<string, ServiceClaims>;
  /** By Deployment name. */
  deployments?: Record<string, DeploymentClaims>;
  /** CPU cores over all nodes: requested by the pods on them, allocatable. */
  cpu?: { requested?: Count; allocatable?: Count };
  /** Events by reason: how many Event objects (rows of the Events panel) have it. */
  events?: Record<string, Count>;
  /** The recorded history (what the timeline draws) over one or more spans. */
  timeline?: TimelineClaims | TimelineClaims[];
}

/** A claim that did not hold, or could not be read. */
export class ClaimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClaimError';
  }
}

// ---------------------------------------------------------------------------------------------
// Counts

export type Comparison =
  { op: '=' | '!=' | '>' | '>=' | '<' | '<='; value: number } | { op: '..'; value: number; to: number };

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const OP_RE = new RegExp(String.raw`^(=|==|!=|>=|<=|>|<)? ?(${NUMBER})$`);
const RANGE_RE = new RegExp(String.raw`^(${NUMBER}) ?\.\. ?(${NUMBER})$`);
/** Longer text is no comparison (and no regular expression sees it). */
const MAX_COUNT_CHARS = 40;

/** Reads a Count; undefined when it is not one. */
export function comparisonOf(c: unknown): Comparison | undefined {
  if (typeof c === 'number') return Number.isFinite(c) ? { op: '=', value: c } : undefined;
  if (typeof c !== 'string' || c.length > MAX_COUNT_CHARS) return undefined;
  const t = c.trim();
  const range = RANGE_RE.exec(t);
  if (range) {
    const value = Number(range[1]);
    const to = Number(range[2]);
    return value <= to ? { op: '..', value, to } : undefined;
  }
  const m = OP_RE.exec(t);
  if (!m) return undefined;
  const op = m[1] === '==' || m[1] === undefined ? '=' : (m[1] as Exclude<Comparison['op'], '..'>);
  return { op, value: Number(m[2]) };
}

/** Whether `actual` satisfies the Count (which must be valid: parseClaims checked it). */
export function satisfies(actual: number, count: Count): boolean {
  const c = comparisonOf(count);
  if (!c) throw new ClaimError(`not a count: ${JSON.stringify(count)}`);
  switch (c.op) {
    case '=':
      return actual === c.value;
    case '!=':
      return actual !== c.value;
    case '>':
      return actual > c.value;
    case '>=':
      return actual >= c.value;
    case '<':
      return actual < c.value;
    case '<=':
      return actual <= c.value;
    case '..':
      return actual >= c.value && actual <= c.to;
  }
}

/** A Count as a claim reads: `3`, `>0`, `20..30`. */
export const countText = (c: Count): string => (typeof c === 'number' ? String(c) : c.trim());

// ---------------------------------------------------------------------------------------------
// Reading (parseScenario calls this for every step's `expect`)

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keys a claim map may not use: they would reach Object.prototype. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const invalid = (field: string, v: unknown, must: string) =>
  new ClaimError(`${field}: Invalid value: ${JSON.stringify(v)}: ${must}`);

const MUST_COUNT = 'must be a number or a comparison such as ">0", ">=8", "!=0" or "20..30"';

function count(v: unknown, field: string): Count {
  if (comparisonOf(v) === undefined) throw invalid(field, v, MUST_COUNT);
  return v as Count;
}

/** One reader per field of T: what a field's value must be, read into its type. */
type Readers<T> = { [K in keyof T]-?: (v: unknown, field: string) => Exclude<T[K], undefined> };

/**
 * Reads a map with the fields `readers` knows (and no other), leaving out absent ones: an
 * unknown key is refused, as the API server refuses an unknown field.
 */
function fieldsOf<T extends object>(v: unknown, field: string, readers: Readers<T>): T {
  if (!isRecord(v)) throw invalid(field, v, 'must be a map');
  const allowed = Object.keys(readers);
  for (const k of Object.keys(v))
    if (!allowed.includes(k))
      throw new ClaimError(
        `${field}: Unsupported value: ${JSON.stringify(k)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`,
      );
  const out: Partial<T> = {};
  for (const k of allowed as (keyof T & string)[])
    if (v[k] !== undefined) out[k] = readers[k](v[k], `${field}.${k}`);
  return out as T;
}

/** A map from names (versions, Services, reasons…) to values read by `each`. */
function named<T>(v: unknown, field: string, each: (x: unknown, f: string) => T): Record<string, T> {
  if (!isRecord(v)) throw invalid(field, v, 'must be a map');
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(v)) {
    if (FORBIDDEN.has(k) || k === '') throw invalid(field, k, 'must be a name');
    out[k] = each(x, `${field}.${k}`);
  }
  return out;
}

const countsOf = (v: unknown, field: string) => named(v, field, count);

function text(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw invalid(field, v, 'must be a non-empty string');
  return v;
}

function oneOf<T extends string>(values: readonly T[]) {
  return (v: unknown, field: string): T => {
    if (!(values as readonly unknown[]).includes(v))
      throw new ClaimError(
        `${field}: Unsupported value: ${JSON.stringify(v)}: supported values: ${values.map((x) => `"${x}"`).join(', ')}`,
      );
    return v as T;
  };
}

function intOrPercent(v: unknown, field: string): number | string {
  if (
    (typeof v === 'number' && Number.isInteger(v) && v >= 0) ||
    (typeof v === 'string' && /^\d+%?$/.test(v))
  )
    return v;
  throw invalid(field, v, 'must be an integer or a percentage such as "25%"');
}

const POD_COUNT_READERS = Object.fromEntries(
  [...POD_STATES, 'total'].map((s) => [s, count]),
) as Readers<PodStateCounts>;

const podClaim = (v: unknown, field: string): Count | PodStateCounts =>
  isRecord(v) ? fieldsOf<PodStateCounts>(v, field, POD_COUNT_READERS) : count(v, field);

const serviceClaims = (v: unknown, field: string) =>
  fieldsOf<ServiceClaims>(v, field, {
    selector: text,
    endpoints: count,
    notReady: count,
    endpointsByVersion: countsOf,
  });

const conditionClaim = (v: unknown, field: string): ConditionClaim =>
  typeof v === 'string'
    ? text(v, field)
    : fieldsOf<{ status?: string; reason?: string }>(v, field, { status: text, reason: text });

const deploymentClaims = (v: unknown, field: string) =>
  fieldsOf<DeploymentClaims>(v, field, {
    strategy: oneOf(['Recreate', 'RollingUpdate']),
    maxSurge: intOrPercent,
    maxUnavailable: intOrPercent,
    minReadySeconds: count,
    replicas: count,
    updated: count,
    ready: count,
    available: count,
    paused: (x, g) => {
      if (typeof x !== 'boolean') throw invalid(g, x, 'must be true or false');
      return x;
    },
    phase: oneOf(ROLLOUT_PHASES),
    conditions: (x, g) => named(x, g, conditionClaim),
    budget: (x, g) => fieldsOf(x, g, { pods: count, max: count, available: count, min: count }),
  });

function second(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw invalid(field, v, 'must be a whole second ≥ 0');
  return v;
}

function timelineClaims(v: unknown, field: string): TimelineClaims {
  const out = fieldsOf<Partial<TimelineClaims>>(v, field, {
    from: second,
    to: second,
    refused: count,
    errors: count,
    answered: countsOf,
    firstRefused: count,
    lastRefused: count,
    refusedSeconds: count,
    together: (x, g) => {
      if (!Array.isArray(x) || x.length < 2 || x.some((y) => typeof y !== 'string' || y === ''))
        throw invalid(g, x, 'must be a list of at least two versions');
      return x as string[];
    },
  });
  if (out.from === undefined) throw new ClaimError(`${field}.from: Required value`);
  if (out.to !== undefined && out.to <= out.from)
    throw invalid(`${field}.to`, out.to, `must be after from (${out.from})`);
  return { ...out, from: out.from };
}

/**
 * Claims typed as text (YAML or JSON, as they stand under `expect:` in a file): the parsed claims,
 * or a ClaimError that says what is wrong and where. Empty text is no claims. Needs the YAML
 * library (`loadExtensions()`).
 */
export function parseClaimsText(text: string, field = 'expect'): Claims | undefined {
  if (text.trim() === '') return undefined;
  // Read as written, not as manifests are: a list stays a list, refused below as not a map with
  // the field's path (`spec.steps[2].expect: Invalid value: [...]: must be a map`).
  let docs: unknown[];
  try {
    docs = parseDocuments(text, field);
  } catch (e) {
    throw new ClaimError(e instanceof Error ? e.message : String(e));
  }
  if (docs.length !== 1)
    throw new ClaimError(`${field}: must be one map of claims, found ${docs.length} documents`);
  return parseClaims(docs[0], field);
}

/** Claims as the YAML a person edits (`parseClaimsText` reads it back). Needs the YAML library. */
export const claimsText = (claims: Claims): string => toYaml(claims);

/**
 * Reads a step's `expect:` (YAML or JSON already parsed): a copy holding only what it knows,
 * or a ClaimError that names the field, in the API server's manner
 * (`spec.steps[3].expect.trafficShare.v2: Invalid value: "x": must be …`).
 */
export function parseClaims(v: unknown, field = 'expect'): Claims {
  return fieldsOf<Claims>(v, field, {
    pods: (x, g) => named(x, g, podClaim),
    replicaSets: (x, g) => named(x, g, (y, h) => (y === 'absent' ? 'absent' : count(y, h))),
    replicaSetCount: count,
    revisions: countsOf,
    trafficShare: countsOf,
    answersPerSecond: countsOf,
    errorsPerSecond: count,
    refusedPerSecond: count,
    services: (x, g) => named(x, g, serviceClaims),
    deployments: (x, g) => named(x, g, deploymentClaims),
    cpu: (x, g) => fieldsOf(x, g, { requested: count, allocatable: count }),
    events: countsOf,
    timeline: (x, g) =>
      Array.isArray(x) ? x.map((y, i) => timelineClaims(y, `${g}[${i}]`)) : timelineClaims(x, g),
  });
}
