/**
 * The Scenario: the complete, replayable input of a simulation (DESIGN.md §2): seed, cluster
 * shape, timings, traffic, manifests, files and a timeline of kubectl steps with narration.
 * `parseScenario` accepts YAML or JSON text or an object and explains what is wrong in kubectl's
 * manner when it is not a valid scenario.
 */
import type { AppBehaviour } from '../cluster/apps.ts';
import type { Timing } from '../cluster/context.ts';
import { parseDocuments } from '../k8s/yaml.ts';
import { parseQuantity, parseQuantityStrict } from '../k8s/quantity.ts';
import { ClaimError, parseClaims, type Claims } from './claims.ts';
import { commandWords, goBool } from '../kubectl/parse.ts';

export type Localized = { en: string; ko?: string } & Record<string, string>;

/**
 * Parts of the screen whose numbers can answer a question before the animation does, so predict
 * mode hides them while the question is open (docs/claims.md):
 *
 * - `budget.max`: the RollingUpdate gauge's upper limit (replicas + maxSurge): its "≤ N", its
 *   "max N" mark, its arithmetic, and the scale's ticks (which end just past it);
 * - `budget.min`: the lower limit (replicas − maxUnavailable): "≥ N", "min N", its arithmetic;
 * - `why`: the controllers' explained decisions (the Why panel, the lesson's "what happened"),
 *   which carry the same arithmetic;
 * - `timeline`: the recorded history after the moment shown (there when the learner comes back
 *   to a stop after playing further).
 */
export const REVEAL_ELEMENTS = ['budget.max', 'budget.min', 'why', 'timeline'] as const;
export type RevealElement = (typeof REVEAL_ELEMENTS)[number];

/**
 * The right answer of a question answered with a number: `answer`, or anything within `tolerance`
 * of it (0, the default, asks for the exact number), counted in `unit` (shown after the number).
 */
export interface NumberAnswer {
  answer: number;
  /** How far from `answer` an answer may be and still be right (≥ 0). */
  tolerance?: number;
  /** What is counted (`pods`, `seconds`), shown after the number; in several languages as a map. */
  unit?: string | Localized;
}

interface QuestionBase {
  prompt: Localized;
  /** Why, with the numbers: shown once the learner has answered. */
  explain?: Localized;
  /** What on the screen would give the answer away while the question is open (predict mode). */
  reveals?: readonly RevealElement[];
}

/** A question answered by picking one of `choices`. */
export interface ChoiceQuestion extends QuestionBase {
  /** Short answers: numbers, or a few words (in several languages as a map). */
  choices: (string | Localized)[];
  /** Index of the right choice. */
  answer: number;
}

/** A question answered by typing a number (`number:` instead of `choices:` and `answer:`). */
export interface NumberQuestion extends QuestionBase {
  number: NumberAnswer;
}

/**
 * A question asked at a stop, about what happens before the next one (a lesson's question,
 * written in a scenario file): the learner picks one of `choices`, or types a number, before the
 * animation shows it.
 */
export type ScenarioQuestion = ChoiceQuestion | NumberQuestion;

/** A question of either kind, as a scenario or a lesson holds it. */
type AnyQuestion = { answer: number } | { number: NumberAnswer };

/** Whether `q` asks for a number (else it has choices). */
export const isNumberQuestion = <Q extends AnyQuestion>(q: Q): q is Extract<Q, { number: NumberAnswer }> =>
  'number' in q;

/** Whether `value` answers a number question right: within its tolerance (and rounding) of the answer. */
export function numberIsRight(n: NumberAnswer, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  // 0.1 + 0.2 typed as 0.3 is right: allow for the last digits of floating point.
  const slack = 1e-9 * Math.max(1, Math.abs(n.answer));
  return Math.abs(value - n.answer) <= (n.tolerance ?? 0) + slack;
}

/** Whether `given` (the choice's index, or the number typed) answers `q` right. */
export const answerIsRight = (q: AnyQuestion, given: number): boolean =>
  'number' in q ? numberIsRight(q.number, given) : q.answer === given;

export interface ScenarioStep {
  /**
   * Virtual seconds from the start: the step runs at this moment, or, with `after`, not before it.
   * Steps run in order: a step never runs before the one listed above it.
   */
  at: number;
  /**
   * A condition written as the kubectl command a person would use to check it
   * (`kubectl rollout status deployment/kubia-green`): the step runs at the first instant at which
   * this command, run without watching, exits 0.
   */
  after?: string;
  /** A kubectl command line. */
  run: string;
  /** Standard input for the command (`kubectl apply -f -`). */
  stdin?: string;
  say?: Localized;
  /** A lesson stops here and waits for the learner. */
  stop?: boolean;
  /**
   * What the screen shows once this step has run (after every step of its instant), as claims a
   * test checks: `{ trafficShare: { v2: ">0" } }`. Narration that describes the screen carries
   * them, so the words cannot drift from the simulation (src/scenario/claims.ts).
   */
  expect?: Claims;
  /** Asked at this stop (a step with `stop: true`), about what happens before the next one. */
  question?: ScenarioQuestion;
  /** For the presenter only (the presenter window shows them). */
  notes?: Localized;
}

export interface Scenario {
  apiVersion: 'rolloutlab/v1';
  kind: 'Scenario';
  metadata: { name: string; title?: Localized; summary?: Localized };
  spec: {
    seed: number;
    cluster: { nodes: number; cpu: string; memory: string; maxPods?: number };
    timing: Partial<Timing>;
    traffic?: { service: string; requestsPerSecond: number };
    manifests: string;
    files?: Record<string, string>;
    /** Behaviour of the scenario's own images, by image reference (see cluster/apps.ts). */
    apps?: Record<string, Partial<AppBehaviour>>;
    steps: ScenarioStep[];
    /**
     * A comparison (2–4 lanes): every variant plays this same scenario (seed, cluster, manifests,
     * traffic, the common `steps`) and then its own steps. A scenario without variants is one Run.
     */
    variants?: ScenarioVariant[];
    /** Where playing ends unless told otherwise: a comparison's end, the CLI's `--until`. */
    until?: number;
  };
}

/** One lane of a comparison: its name, its title and the steps only it runs. */
export interface ScenarioVariant {
  /** Lower-case letters, digits and dashes, unique in the scenario (`recreate`, `rolling-1-0`). */
  name: string;
  title?: Localized;
  /** Run after the scenario's common steps; together they are in time order. */
  steps: ScenarioStep[];
}

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** Hard limits that keep a hostile scenario from freezing the page. */
export const LIMITS = {
  steps: 2000,
  nodes: 200,
  manifestChars: 500_000,
  stepAt: 7 * 24 * 3600,
  commandChars: 10_000,
  /**
   * What a Run lets its manifests and steps (commands and their input) hold in all, written as
   * JSON: the scenario it makes must open again as saved work or a file (at most 1,000,000
   * characters with the rest of it).
   */
  scenarioChars: 900_000,
  /** Choices of one question. */
  choices: 8,
  /** The size of a number answer (and of its tolerance): far beyond any count in a cluster. */
  numberAnswer: 1e9,
  /** Lanes of a comparison. */
  variants: 4,
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function localized(v: unknown, field: string): Localized | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return { en: v };
  if (!isRecord(v) || typeof v['en'] !== 'string')
    throw new ScenarioError(`${field}: must be a string or a map with an "en" entry`);
  const out: Localized = { en: v['en'] };
  for (const [k, x] of Object.entries(v))
    if (typeof x === 'string' && /^[a-z]{2}(-[A-Z]{2})?$/.test(k)) out[k] = x;
  return out;
}

function num(v: unknown, field: string, min: number, max: number, integer = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v)))
    throw new ScenarioError(
      `${field}: Invalid value: ${JSON.stringify(v)}: must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}`,
    );
  return v;
}

/** A number question's `number`: the answer, how far off still counts, and the unit. */
function parseNumberAnswer(v: unknown, field: string): NumberAnswer {
  if (!isRecord(v)) throw new ScenarioError(`${field}: must be a map`);
  if (v['answer'] === undefined) throw new ScenarioError(`${field}.answer: Required value`);
  const max = LIMITS.numberAnswer;
  const n: NumberAnswer = { answer: num(v['answer'], `${field}.answer`, -max, max) };
  if (v['tolerance'] !== undefined) n.tolerance = num(v['tolerance'], `${field}.tolerance`, 0, max);
  if (v['unit'] !== undefined) {
    const unit = localized(v['unit'], `${field}.unit`);
    if (!unit || unit.en.trim() === '') throw new ScenarioError(`${field}.unit: Required value`);
    n.unit = typeof v['unit'] === 'string' ? v['unit'] : unit;
  }
  return n;
}

/** The choices of a choice question: 2–8 short answers and the right one's index. */
function parseChoices(v: Record<string, unknown>, field: string): Pick<ChoiceQuestion, 'choices' | 'answer'> {
  const raw = v['choices'];
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > LIMITS.choices)
    throw new ScenarioError(
      `${field}.choices: Invalid value: ${Array.isArray(raw) ? `${raw.length} items` : JSON.stringify(raw ?? null)}: must be a list of 2 to ${LIMITS.choices} answers`,
    );
  const choices = raw.map((c, i) => {
    if (typeof c === 'number' && Number.isFinite(c)) return String(c);
    const l = localized(c, `${field}.choices[${i}]`);
    if (!l || l.en.trim() === '') throw new ScenarioError(`${field}.choices[${i}]: Required value`);
    return typeof c === 'string' ? c : l;
  });
  return { choices, answer: num(v['answer'], `${field}.answer`, 0, choices.length - 1, true) };
}

/**
 * A stop's `question`: a prompt; either 2–8 choices and the right one's index, or `number:` (the
 * answer, its tolerance and unit); why, and what reveals it.
 */
function parseQuestion(v: unknown, field: string): ScenarioQuestion {
  if (!isRecord(v)) throw new ScenarioError(`${field}: must be a map`);
  const prompt = localized(v['prompt'], `${field}.prompt`);
  if (!prompt || prompt.en.trim() === '') throw new ScenarioError(`${field}.prompt: Required value`);
  let q: ScenarioQuestion;
  if (v['number'] !== undefined) {
    // One kind of answer: a number question has no choices, and its answer is under `number`.
    for (const k of ['choices', 'answer'])
      if (v[k] !== undefined)
        throw new ScenarioError(
          `${field}.${k}: Forbidden: a question has either choices (choices, answer) or a number (number.answer), not both`,
        );
    q = { prompt, number: parseNumberAnswer(v['number'], `${field}.number`) };
  } else if (v['choices'] === undefined)
    throw new ScenarioError(
      `${field}.choices: Required value: a question has either choices (choices, answer) or a number (number.answer)`,
    );
  else q = { prompt, ...parseChoices(v, field) };
  const explain = localized(v['explain'], `${field}.explain`);
  if (explain) q.explain = explain;
  if (v['reveals'] !== undefined) {
    const r = v['reveals'];
    if (!Array.isArray(r)) throw new ScenarioError(`${field}.reveals: must be a list`);
    q.reveals = r.map((x, i) => {
      if (!(REVEAL_ELEMENTS as readonly unknown[]).includes(x))
        throw new ScenarioError(
          `${field}.reveals[${i}]: Unsupported value: ${JSON.stringify(x)}: supported values: ${REVEAL_ELEMENTS.map((e) => `"${e}"`).join(', ')}`,
        );
      return x as RevealElement;
    });
  }
  return q;
}

/** A node's capacity at `field`, a Kubernetes quantity above 0 (`fallback` when absent). */
function quantity(v: unknown, field: string, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' && typeof v !== 'number')
    throw new ScenarioError(`${field}: must be a quantity such as ${fallback}`);
  const text = String(v);
  const wrong = parseQuantityStrict(text);
  if (wrong) throw new ScenarioError(`${field}: Invalid value: ${JSON.stringify(text)}: ${wrong}`);
  if (!(parseQuantity(text) > 0))
    throw new ScenarioError(`${field}: Invalid value: ${JSON.stringify(text)}: must be greater than 0`);
  return text;
}

/** The commands whose watch flag (`-w`, `-f`) keeps them running until stopped, with its names. */
const WATCHES = new Map<string, readonly string[]>([
  ['get', ['-w', '--watch', '--watch-only']],
  ['events', ['-w', '--watch']],
  ['logs', ['-f', '--follow']],
]);

/**
 * The flag that makes a condition's command watch until stopped (`kubectl get pods -w`), if it
 * has one: such a command never exits, so a step waiting for it would never run. (`rollout
 * status` and `wait` watch too, but end when what they wait for is done: they are the
 * conditions one writes.) The command is found as kubectl finds it (commandWords).
 */
function watchFlag(command: string): string | undefined {
  let words: string[];
  try {
    words = commandWords(command).words;
  } catch {
    return undefined; // An unterminated quote: kubectl's own error shows when it is run.
  }
  const flags = words[0] !== undefined ? WATCHES.get(words[0]) : undefined;
  if (!flags) return undefined;
  for (const w of words) {
    const eq = w.indexOf('=');
    const flag = eq < 0 ? w : w.slice(0, eq);
    if (flags.includes(flag) && (eq < 0 || goBool(w.slice(eq + 1)) === true)) return flag;
  }
  return undefined;
}

/** A list of steps at `field`: each a kubectl command at a time, in time order. */
function parseSteps(raw: unknown, field: string, limit: number): ScenarioStep[] {
  const stepsRaw = raw ?? [];
  if (!Array.isArray(stepsRaw)) throw new ScenarioError(`${field}: must be a list`);
  if (stepsRaw.length > limit)
    throw new ScenarioError(`${field}: Too many: ${stepsRaw.length}: must have at most ${limit} items`);
  const steps: ScenarioStep[] = stepsRaw.map((s, i) => {
    if (!isRecord(s)) throw new ScenarioError(`${field}[${i}]: must be a map`);
    if (typeof s['run'] !== 'string' || s['run'].trim() === '')
      throw new ScenarioError(`${field}[${i}].run: Required value`);
    if (s['run'].length > LIMITS.commandChars) throw new ScenarioError(`${field}[${i}].run: Too long`);
    const step: ScenarioStep = {
      at: num(s['at'] ?? 0, `${field}[${i}].at`, 0, LIMITS.stepAt),
      run: s['run'],
    };
    if (s['after'] !== undefined) {
      if (typeof s['after'] !== 'string' || s['after'].trim() === '')
        throw new ScenarioError(`${field}[${i}].after: must be a kubectl command`);
      if (s['after'].length > LIMITS.commandChars) throw new ScenarioError(`${field}[${i}].after: Too long`);
      const watch = watchFlag(s['after']);
      if (watch)
        throw new ScenarioError(
          `${field}[${i}].after: Invalid value: ${JSON.stringify(s['after'])}: a condition must exit, and ${watch} keeps it running`,
        );
      step.after = s['after'];
    }
    if (typeof s['stdin'] === 'string') step.stdin = s['stdin'];
    const say = localized(s['say'], `${field}[${i}].say`);
    if (say) step.say = say;
    if (s['stop'] === true) step.stop = true;
    if (s['question'] !== undefined) {
      if (step.stop !== true)
        throw new ScenarioError(
          `${field}[${i}].question: Forbidden: a question is asked at a stop (stop: true)`,
        );
      step.question = parseQuestion(s['question'], `${field}[${i}].question`);
    }
    const notes = localized(s['notes'], `${field}[${i}].notes`);
    if (notes) step.notes = notes;
    if (s['expect'] !== undefined)
      try {
        step.expect = parseClaims(s['expect'], `${field}[${i}].expect`);
      } catch (e) {
        if (e instanceof ClaimError) throw new ScenarioError(e.message);
        throw e;
      }
    return step;
  });
  for (let i = 1; i < steps.length; i++)
    if (steps[i]!.at < steps[i - 1]!.at)
      throw new ScenarioError(
        `${field}[${i}].at: Invalid value: ${steps[i]!.at}: steps must be in time order`,
      );
  return steps;
}

const VARIANT_NAME = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * `spec.variants`: 2–4 lanes, each with a unique name and steps of its own that come after the
 * common steps (`commonSteps`), in time order with them.
 */
function parseVariants(raw: unknown, commonSteps: readonly ScenarioStep[]): ScenarioVariant[] {
  if (!Array.isArray(raw)) throw new ScenarioError('spec.variants: must be a list');
  if (raw.length < 2 || raw.length > LIMITS.variants)
    throw new ScenarioError(
      `spec.variants: Invalid value: ${raw.length} items: a comparison has 2 to ${LIMITS.variants} variants`,
    );
  const lastCommon = commonSteps[commonSteps.length - 1]?.at ?? 0;
  const names = new Set<string>();
  return raw.map((v, i) => {
    const field = `spec.variants[${i}]`;
    if (!isRecord(v)) throw new ScenarioError(`${field}: must be a map`);
    const name = v['name'];
    if (typeof name !== 'string' || name === '') throw new ScenarioError(`${field}.name: Required value`);
    if (!VARIANT_NAME.test(name))
      throw new ScenarioError(
        `${field}.name: Invalid value: ${JSON.stringify(name)}: must be lower-case letters, digits and '-', at most 40 characters, starting and ending with a letter or digit`,
      );
    if (names.has(name)) throw new ScenarioError(`${field}.name: Duplicate value: ${JSON.stringify(name)}`);
    names.add(name);
    const steps = parseSteps(v['steps'], `${field}.steps`, LIMITS.steps - commonSteps.length);
    const first = steps[0];
    if (first && first.at < lastCommon)
      throw new ScenarioError(
        `${field}.steps[0].at: Invalid value: ${first.at}: a variant's steps come after the common steps (the last at ${lastCommon})`,
      );
    const variant: ScenarioVariant = { name, steps };
    const title = localized(v['title'], `${field}.title`);
    if (title) variant.title = title;
    return variant;
  });
}

/**
 * The fields a scenario may have, by where they are: a map's fields (`{ … }`), `'any'` where any
 * value is read by the field's own parser (text in several languages, `files`, claims), a list
 * whose items have `each`'s fields, or a map whose values have `values`'.
 */
type Shape =
  'any' | { readonly [field: string]: Shape } | { readonly each: Shape } | { readonly values: Shape };

const QUESTION: Shape = {
  prompt: 'any',
  choices: 'any',
  answer: 'any',
  number: { answer: 'any', tolerance: 'any', unit: 'any' },
  explain: 'any',
  reveals: 'any',
};

const STEP: Shape = {
  at: 'any',
  run: 'any',
  after: 'any',
  stdin: 'any',
  say: 'any',
  stop: 'any',
  question: QUESTION,
  notes: 'any',
  expect: 'any',
};

const SCENARIO: Shape = {
  apiVersion: 'any',
  kind: 'any',
  metadata: { name: 'any', title: 'any', summary: 'any' },
  spec: {
    seed: 'any',
    cluster: { nodes: 'any', cpu: 'any', memory: 'any', maxPods: 'any' },
    timing: {
      scheduleSeconds: 'any',
      imagePullSeconds: 'any',
      containerStartSeconds: 'any',
      terminationSeconds: 'any',
      jitter: 'any',
    },
    traffic: { service: 'any', requestsPerSecond: 'any' },
    manifests: 'any',
    files: 'any',
    apps: {
      values: {
        startupSeconds: 'any',
        failAfterRequests: 'any',
        failAfterSeconds: 'any',
        shutdownSeconds: 'any',
        crashAfterSeconds: 'any',
        missing: 'any',
      },
    },
    steps: { each: STEP },
    variants: { each: { name: 'any', title: 'any', steps: { each: STEP } } },
    until: 'any',
  },
};

/** Keys the readers of text drop before a scenario is parsed (see sanitize in k8s/yaml.ts). */
const DROPPED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The fields of `v` that `shape` does not have, as the API server names them in a strict decoding
 * error (`unknown field "spec.steps[0].aftr"`; a map's key in brackets, as field paths write it:
 * `spec.apps[luksa/kubia:v1].startup`). Values of the wrong type are left to the parsers.
 */
function unknownFields(v: unknown, shape: Shape, path: string, out: string[]): string[] {
  if (shape === 'any') return out;
  if ('each' in shape) {
    if (Array.isArray(v)) v.forEach((x, i) => unknownFields(x, shape.each as Shape, `${path}[${i}]`, out));
    return out;
  }
  if (!isRecord(v)) return out;
  if ('values' in shape) {
    for (const [k, x] of Object.entries(v)) unknownFields(x, shape.values as Shape, `${path}[${k}]`, out);
    return out;
  }
  const fields = shape as { readonly [field: string]: Shape };
  for (const [k, x] of Object.entries(v)) {
    const name = path ? `${path}.${k}` : k;
    if (Object.hasOwn(fields, k)) unknownFields(x, fields[k]!, name, out);
    else if (!DROPPED.has(k)) out.push(`unknown field "${name}"`);
  }
  return out;
}

export function parseScenario(input: string | object): Scenario {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const docs = parseDocuments(input, 'scenario');
    if (docs.length !== 1)
      throw new ScenarioError(`a scenario file holds exactly one document, found ${docs.length}`);
    raw = docs[0];
  }
  if (!isRecord(raw)) throw new ScenarioError('a scenario must be a map');
  if (raw['apiVersion'] !== 'rolloutlab/v1' || raw['kind'] !== 'Scenario')
    throw new ScenarioError(
      `not a scenario: expected apiVersion "rolloutlab/v1" and kind "Scenario", got ${JSON.stringify(raw['apiVersion'] ?? null)} and ${JSON.stringify(raw['kind'] ?? null)}`,
    );
  // As the API server decodes strictly: a misspelt field (`aftr:`, `stpes:`) is refused, not
  // dropped, or a step would run at once or a lesson lose its steps without a word.
  const unknown = unknownFields(raw, SCENARIO, '', []);
  if (unknown.length) throw new ScenarioError(`strict decoding error: ${unknown.join(', ')}`);
  const meta = isRecord(raw['metadata']) ? raw['metadata'] : {};
  const name = typeof meta['name'] === 'string' && meta['name'] !== '' ? meta['name'] : 'scenario';
  const spec = isRecord(raw['spec']) ? raw['spec'] : {};
  const cluster = isRecord(spec['cluster']) ? spec['cluster'] : {};
  const timingRaw = isRecord(spec['timing']) ? spec['timing'] : {};
  const timing: Partial<Timing> = {};
  for (const k of [
    'scheduleSeconds',
    'imagePullSeconds',
    'containerStartSeconds',
    'terminationSeconds',
  ] as const)
    if (timingRaw[k] !== undefined) timing[k] = num(timingRaw[k], `spec.timing.${k}`, 0, 3600);
  // A fraction: 0.2 (the default) spreads durations over ±20 %, 0 is textbook timing.
  if (timingRaw['jitter'] !== undefined) timing.jitter = num(timingRaw['jitter'], 'spec.timing.jitter', 0, 1);
  const manifests = spec['manifests'] ?? '';
  if (typeof manifests !== 'string') throw new ScenarioError('spec.manifests: must be YAML text');
  if (manifests.length > LIMITS.manifestChars)
    throw new ScenarioError(`spec.manifests: Too long: must have at most ${LIMITS.manifestChars} characters`);
  const steps = parseSteps(spec['steps'], 'spec.steps', LIMITS.steps);
  const files: Record<string, string> = {};
  if (isRecord(spec['files']))
    for (const [k, v] of Object.entries(spec['files'])) if (typeof v === 'string') files[k] = v;
  const scenario: Scenario = {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name },
    spec: {
      seed: num(spec['seed'] ?? 1, 'spec.seed', 0, 2 ** 32 - 1, true),
      cluster: {
        nodes: num(cluster['nodes'] ?? 3, 'spec.cluster.nodes', 1, LIMITS.nodes, true),
        cpu: quantity(cluster['cpu'], 'spec.cluster.cpu', '4'),
        memory: quantity(cluster['memory'], 'spec.cluster.memory', '8Gi'),
      },
      timing,
      manifests,
      steps,
    },
  };
  if (cluster['maxPods'] !== undefined)
    scenario.spec.cluster.maxPods = num(cluster['maxPods'], 'spec.cluster.maxPods', 1, 10000, true);
  const title = localized(meta['title'], 'metadata.title');
  if (title) scenario.metadata.title = title;
  const summary = localized(meta['summary'], 'metadata.summary');
  if (summary) scenario.metadata.summary = summary;
  if (Object.keys(files).length) scenario.spec.files = files;
  if (isRecord(spec['apps'])) {
    const apps: Record<string, Partial<AppBehaviour>> = {};
    for (const [image, v] of Object.entries(spec['apps'])) {
      if (!isRecord(v)) throw new ScenarioError(`spec.apps["${image}"]: must be a map`);
      const a: Partial<AppBehaviour> = {};
      const field = (k: string) => `spec.apps["${image}"].${k}`;
      if (v['startupSeconds'] !== undefined)
        a.startupSeconds = num(v['startupSeconds'], field('startupSeconds'), 0, 3600);
      if (v['failAfterRequests'] !== undefined)
        a.failAfterRequests = num(v['failAfterRequests'], field('failAfterRequests'), 0, 1e9, true);
      if (v['failAfterSeconds'] !== undefined)
        a.failAfterSeconds = num(v['failAfterSeconds'], field('failAfterSeconds'), 0, 1e7);
      if (v['shutdownSeconds'] !== undefined)
        a.shutdownSeconds = num(v['shutdownSeconds'], field('shutdownSeconds'), 0, 3600);
      if (v['crashAfterSeconds'] !== undefined)
        a.crashAfterSeconds = num(v['crashAfterSeconds'], field('crashAfterSeconds'), 0, 3600);
      if (v['missing'] === true) a.missing = true;
      apps[image] = a;
    }
    scenario.spec.apps = apps;
  }
  if (spec['variants'] !== undefined) scenario.spec.variants = parseVariants(spec['variants'], steps);
  if (spec['until'] !== undefined) scenario.spec.until = num(spec['until'], 'spec.until', 1, LIMITS.stepAt);
  if (isRecord(spec['traffic'])) {
    const t = spec['traffic'];
    if (typeof t['service'] !== 'string') throw new ScenarioError('spec.traffic.service: Required value');
    scenario.spec.traffic = {
      service: t['service'],
      requestsPerSecond: num(t['requestsPerSecond'] ?? 10, 'spec.traffic.requestsPerSecond', 0, 1000),
    };
  }
  return scenario;
}
