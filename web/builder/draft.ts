/**
 * The lesson builder's draft and everything done to it, as pure functions: a lesson being written
 * is a Scenario (DESIGN.md §2) whose stops (`stop: true`) carry narration, a question and claims,
 * held in a shape a form can edit (both languages always present, claims as the text typed).
 * `draftToScenario` turns it into a checked scenario or says, per stop, what is wrong; nothing
 * typed is ever dropped by a failed check.
 */
import {
  claimsText,
  describeFailure,
  isNumberQuestion,
  parseClaimsText,
  parseScenario,
  type Lesson,
  type ClaimResult,
  type Localized,
  type NumberAnswer,
  type RevealElement,
  type Scenario,
  type ScenarioStep,
  type StepClaimsResult,
} from '../../src/index.ts';

/** Text in English and Korean as typed; an empty string is "not written". */
export interface Both {
  en: string;
  ko: string;
}

/** A number question's answer as typed: checked (and read as numbers) by `draftToScenario`. */
export interface DraftNumber {
  answer: string;
  /** Empty: the exact number. */
  tolerance: string;
  unit: Both;
}

export interface DraftQuestion {
  prompt: Both;
  /**
   * `number`: answered with a number (`number` below); otherwise by a choice. The other kind's
   * fields stay as typed, so switching back loses nothing.
   */
  kind?: 'number';
  /** One answer per entry; Korean left empty shows the English. */
  choices: Both[];
  /** Index of the right choice. */
  answer: number;
  number?: DraftNumber;
  explain: Both;
  reveals: RevealElement[];
}

export interface DraftStep {
  at: number;
  after?: string;
  run: string;
  stdin?: string;
  stop?: boolean;
  say?: Both;
  question?: DraftQuestion;
  /** The step's `expect:` claims as typed (YAML); checked by `draftToScenario`. */
  claims?: string;
  notes?: Both;
  /** A look at the screen that "Add stop" added: deleting its stop deletes the step. */
  added?: boolean;
}

export interface Draft {
  /** The format of this object in storage. */
  v: 1;
  /** The scenario's metadata.name: lower-case letters, digits and dashes. */
  name: string;
  title: Both;
  summary: Both;
  /** Everything of the scenario but its steps: seed, cluster, manifests, traffic… */
  base: Omit<Scenario['spec'], 'steps'>;
  steps: DraftStep[];
}

/** What is wrong with one stop (`stop` is its index among the stops), or the whole draft (-1). */
export interface DraftProblem {
  stop: number;
  message: string;
  /** The problem is in the stop's claims (`expect:`), and is shown beside them. */
  claims?: true;
  /**
   * A claim that does not hold, and the moment it was checked at: shown in the reader's language
   * (`claimFailureText`); `message` is the same in English.
   */
  failure?: { result: ClaimResult; at?: string };
}

export type DraftResult = { ok: true; scenario: Scenario } | { ok: false; problems: DraftProblem[] };

const EPS = 1e-6;
/** The command "Add stop" puts at a moment no step of its own ran at: it only looks. */
export const LOOK_COMMAND = 'kubectl get pods';
export const NEW_NAME = 'my-lesson';

const both = (l: Localized | undefined): Both => ({ en: l?.en ?? '', ko: l?.ko ?? '' });
/** A choice or unit: text in one language is English (Korean left to write). */
const typedBoth = (c: string | Localized): Both => (typeof c === 'string' ? { en: c, ko: '' } : both(c));

const blankChoices = (): Pick<DraftQuestion, 'choices' | 'answer'> => ({
  choices: [
    { en: '', ko: '' },
    { en: '', ko: '' },
  ],
  answer: 0,
});

const draftNumber = (n: NumberAnswer): DraftNumber => ({
  answer: String(n.answer),
  tolerance: n.tolerance === undefined ? '' : String(n.tolerance),
  unit: n.unit === undefined ? { en: '', ko: '' } : typedBoth(n.unit),
});

/** Both languages as the format writes them: English required (Korean stands in), Korean optional. */
function localized(b: Both | undefined): Localized | undefined {
  if (!b) return undefined;
  const en = b.en.trim();
  const ko = b.ko.trim();
  if (!en && !ko) return undefined;
  return ko ? { en: en || ko, ko } : { en };
}

/** A name the scenario format and a lesson id accept, from what a person typed. */
export function safeName(text: string): string {
  const n = text
    // Compatibility forms first (№ is No, ﬁ is fi), then lower case; the accents NFKD took apart
    // from their letters go (ü is u and ¨): "Über" is "uber", not "u-ber".
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (n) return n;
  // A title without a Latin letter or digit ("롤링 업데이트"): a name of its own all the same, or
  // every such lesson would be my-lesson: one lesson id, so one record of progress for all of them.
  const title = text.trim();
  return title ? `lesson-${fnv1a(title)}` : NEW_NAME;
}

/** FNV-1a of the text's UTF-16 units, as 8 hex digits: the same title always gives the same name. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

function stepOf(s: ScenarioStep, claims: (c: NonNullable<ScenarioStep['expect']>) => string): DraftStep {
  const d: DraftStep = { at: s.at, run: s.run };
  if (s.after !== undefined) d.after = s.after;
  if (s.stdin !== undefined) d.stdin = s.stdin;
  if (s.stop) d.stop = true;
  if (s.say) d.say = both(s.say);
  if (s.notes) d.notes = both(s.notes);
  if (s.expect) d.claims = claims(s.expect);
  const q = s.question;
  if (q)
    d.question = {
      prompt: both(q.prompt),
      ...(isNumberQuestion(q)
        ? { ...blankChoices(), kind: 'number' as const, number: draftNumber(q.number) }
        : { choices: q.choices.map(typedBoth), answer: q.answer }),
      explain: both(q.explain),
      reveals: [...(q.reveals ?? [])],
    };
  return d;
}

function baseOf(s: Scenario): Draft['base'] {
  const { steps: _steps, ...base } = s.spec;
  return structuredClone(base);
}

/**
 * A scenario (a file, a link, a built-in lesson's) as a draft. Claims are written back as YAML
 * (`claimsText` needs the YAML library: `loadExtensions()` first).
 */
export function draftFromScenario(s: Scenario, toText: typeof claimsText = claimsText): Draft {
  return {
    v: 1,
    name: safeName(s.metadata.name),
    title: both(s.metadata.title),
    summary: both(s.metadata.summary),
    base: baseOf(s),
    steps: s.spec.steps.map((st) => stepOf(st, toText)),
  };
}

/** A built-in lesson opened as a template: all of it, to change. */
export const draftFromLesson = (l: Lesson, toText: typeof claimsText = claimsText): Draft =>
  draftFromScenario(l.scenario as Scenario, toText);

/** A new draft on the scenario shown: no steps, no stops yet. */
export function emptyDraft(s: Scenario): Draft {
  return {
    v: 1,
    name: NEW_NAME,
    title: { en: '', ko: '' },
    summary: { en: '', ko: '' },
    base: baseOf(s),
    steps: [],
  };
}

/**
 * A draft of the scenario shown: a lesson (an imported file, an opened link) with all of its
 * stops, questions and claims, to change; any other scenario as a new draft with no steps yet.
 */
export function draftFromShown(s: Scenario, toText: typeof claimsText = claimsText): Draft {
  return s.spec.steps.some((st) => st.stop) ? draftFromScenario(s, toText) : emptyDraft(s);
}

/** Indices of the stops among the draft's steps, in order. */
export const stopIndexes = (d: Draft): number[] => d.steps.flatMap((s, i) => (s.stop ? [i] : []));

const sameCommand = (
  a: Pick<DraftStep, 'at' | 'run' | 'stdin'>,
  b: Pick<DraftStep, 'at' | 'run' | 'stdin'>,
) => a.run === b.run && Math.abs(a.at - b.at) < EPS && (a.stdin ?? '') === (b.stdin ?? '');

/**
 * "Add stop" at moment `t` of the scenario on screen (`shown`, which may be the draft itself,
 * played, or any scenario the person explored): the draft takes the scenario's setup and its steps
 * up to `t` (those the draft had keep what was written for them), then a stop at `t` (the step at
 * exactly `t` becomes it, else a look at the screen is added), then the draft's own steps after
 * `t`. Returns the new draft and the new stop's index among the stops.
 *
 * `undone` are the indexes of `shown`'s steps that failed and changed nothing (`StepView.undone`:
 * a typo, an object that is not there). The Run keeps them, so that a link replays the console as
 * it was, error included; a lesson does not: its steps are what the teacher did.
 */
export function captureStop(
  d: Draft,
  shown: Scenario,
  t: number,
  undone: ReadonlySet<number> = new Set(),
): { draft: Draft; stop: number } {
  const at = Math.round(t * 1000) / 1000;
  const mine = d.steps.filter((s) => s.at <= at + EPS);
  const matched = new Set<DraftStep>();
  let j = 0;
  const captured = shown.spec.steps
    .filter((s, i) => s.at <= at + EPS && !undone.has(i))
    .map((s) => {
      // The draft's own version of this step, with what was written for it, when it has one.
      let k = j;
      while (k < mine.length && !sameCommand(mine[k]!, s)) k++;
      const own = mine[k];
      if (own) {
        j = k + 1;
        matched.add(own);
        return structuredClone(own);
      }
      return stepOf(s, claimsText);
    });
  // The draft's stops that the scenario shown did not run (another history) keep their words, as
  // looks at their moments; its other commands give way to the history shown.
  for (const own of mine)
    if (!matched.has(own) && own.stop) {
      const { stdin: _stdin, after: _after, ...look } = structuredClone(own);
      captured.push({ ...look, run: own.added ? own.run : LOOK_COMMAND, added: true });
    }
  // In time order; at one moment, the commands shown before the looks kept (a stable sort).
  captured.sort((a, b) => a.at - b.at);
  const later = d.steps.filter((s) => s.at > at + EPS).map((s) => structuredClone(s));
  const last = captured[captured.length - 1];
  if (last && Math.abs(last.at - at) < EPS) {
    // A step ran at exactly this moment: it becomes the stop (or already is one).
    if (!last.stop) {
      last.stop = true;
      last.say ??= { en: '', ko: '' };
    }
  } else captured.push({ at, run: LOOK_COMMAND, stop: true, say: { en: '', ko: '' }, added: true });
  const draft: Draft = { ...d, base: baseOf(shown), steps: [...captured, ...later] };
  return { draft, stop: stopIndexes(draft).indexOf(captured.length - 1) };
}

/** What a stop says and asks: the part of it that reordering moves. */
type Content = { [K in 'say' | 'question' | 'claims' | 'notes']?: DraftStep[K] | undefined };

/** `step` with `content` in place of its own words (fields left undefined are dropped). */
function withContent(step: DraftStep, content: Content): DraftStep {
  const { say: _s, question: _q, claims: _c, notes: _n, ...rest } = step;
  const out: DraftStep = rest;
  if (content.say !== undefined) out.say = content.say;
  if (content.question !== undefined) out.question = content.question;
  if (content.claims !== undefined) out.claims = content.claims;
  if (content.notes !== undefined) out.notes = content.notes;
  return out;
}

/**
 * Moves stop `k`'s words (narration, question, claims, notes) one place earlier (`-1`) or later
 * (`+1`), swapping with its neighbour. The moments stay where they are: a stop is a moment of the
 * simulation, and steps run in time order.
 */
export function moveStop(d: Draft, k: number, by: -1 | 1): Draft {
  const idx = stopIndexes(d);
  const a = idx[k];
  const b = idx[k + by];
  if (a === undefined || b === undefined) return d;
  const steps = [...d.steps];
  steps[a] = withContent(d.steps[a]!, d.steps[b]!);
  steps[b] = withContent(d.steps[b]!, d.steps[a]!);
  return { ...d, steps };
}

/** Deletes stop `k`: its words go; a look "Add stop" added goes too, a command stays (no stop). */
export function deleteStop(d: Draft, k: number): Draft {
  const i = stopIndexes(d)[k];
  if (i === undefined) return d;
  if (d.steps[i]!.added) return { ...d, steps: d.steps.filter((_, x) => x !== i) };
  const { stop: _stop, ...rest } = withContent(d.steps[i]!, {});
  return { ...d, steps: d.steps.map((x, n) => (n === i ? rest : x)) };
}

/** Changes stop `k`'s words (a field given as undefined is removed). */
export function updateStop(d: Draft, k: number, patch: Content): Draft {
  const i = stopIndexes(d)[k];
  if (i === undefined) return d;
  const next = withContent(d.steps[i]!, { ...d.steps[i]!, ...patch });
  return { ...d, steps: d.steps.map((x, n) => (n === i ? next : x)) };
}

/** A question to start from: two choices, the first right, nothing hidden. */
export const newQuestion = (): DraftQuestion => ({
  prompt: { en: '', ko: '' },
  ...blankChoices(),
  explain: { en: '', ko: '' },
  reveals: [],
});

/** A number question's fields to start from: nothing typed yet. */
export const newNumber = (): DraftNumber => ({ answer: '', tolerance: '', unit: { en: '', ko: '' } });

const choiceOf = (c: Both): string | Localized => (c.ko.trim() ? localized(c)! : c.en.trim());

/**
 * A number as typed (a decimal comma is fine), or the text itself when it is none, so the
 * scenario's check names it: `number.answer: Invalid value: "thirteen": must be a number …`.
 */
function typedNumber(v: string): number | string | undefined {
  const t = v.trim();
  if (t === '') return undefined;
  const n = Number(t.replace(/^([-+]?\d*),(\d+)$/, '$1.$2'));
  return /\d/.test(t) && Number.isFinite(n) ? n : t;
}

/** A draft's number answer as the Scenario format writes it (`number:`); empty fields left out. */
function numberOf(n: DraftNumber): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const answer = typedNumber(n.answer);
  if (answer !== undefined) out['answer'] = answer;
  const tolerance = typedNumber(n.tolerance);
  if (tolerance !== undefined) out['tolerance'] = tolerance;
  const unit = localized(n.unit);
  if (unit) out['unit'] = unit.ko === undefined ? unit.en : unit;
  return out;
}

/**
 * The draft as a checked Scenario: every stop's claims through the claim parser and the whole
 * through `parseScenario`, or the problems, each with the stop it belongs to and kubectl's
 * wording (`spec.steps[3].expect.pods.v2: Invalid value: …`).
 */
export function draftToScenario(d: Draft): DraftResult {
  const stopOf = new Map(stopIndexes(d).map((i, k) => [i, k]));
  const problems: DraftProblem[] = [];
  const steps = d.steps.map((s, i) => {
    const out: Record<string, unknown> = { at: s.at, run: s.run };
    if (s.after !== undefined) out['after'] = s.after;
    if (s.stdin !== undefined) out['stdin'] = s.stdin;
    if (s.stop) out['stop'] = true;
    const say = localized(s.say);
    if (say) out['say'] = say;
    const notes = localized(s.notes);
    if (notes) out['notes'] = notes;
    if (s.claims !== undefined)
      try {
        const claims = parseClaimsText(s.claims, `spec.steps[${i}].expect`);
        if (claims) out['expect'] = claims;
      } catch (e) {
        problems.push({
          stop: stopOf.get(i) ?? -1,
          message: e instanceof Error ? e.message : String(e),
          claims: true,
        });
      }
    const q = s.question;
    if (q) {
      const explain = localized(q.explain);
      out['question'] = {
        prompt: localized(q.prompt) ?? '',
        ...(q.kind === 'number'
          ? { number: numberOf(q.number ?? newNumber()) }
          : { choices: q.choices.map(choiceOf), answer: q.answer }),
        ...(explain ? { explain } : {}),
        reveals: q.reveals,
      };
    }
    return out;
  });
  if (stopOf.size === 0)
    problems.push({ stop: -1, message: 'spec.steps: Required value: a lesson has at least one stop' });
  if (problems.length) return { ok: false, problems };
  const metadata: Record<string, unknown> = { name: safeName(d.name) };
  const title = localized(d.title);
  if (title) metadata['title'] = title;
  const summary = localized(d.summary);
  if (summary) metadata['summary'] = summary;
  try {
    const scenario = parseScenario({
      apiVersion: 'rolloutlab/v1',
      kind: 'Scenario',
      metadata,
      spec: { ...structuredClone(d.base), steps },
    });
    return { ok: true, scenario };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /^spec\.steps\[(\d+)\](\.expect\b)?/.exec(message);
    const stop = m ? (stopOf.get(Number(m[1])) ?? -1) : -1;
    return { ok: false, problems: [{ stop, message, ...(m?.[2] ? { claims: true as const } : {}) }] };
  }
}

/** The draft as it is kept in storage, or undefined when `text` is none (another version, damaged). */
export function readDraft(text: string | null): Draft | undefined {
  if (!text) return undefined;
  try {
    const d = JSON.parse(text) as Partial<Draft>;
    if (d.v !== 1 || !Array.isArray(d.steps) || typeof d.base !== 'object' || d.base === null)
      return undefined;
    return d as Draft;
  } catch {
    return undefined;
  }
}

/** Claims checked against the screen: how many there were, and each one that does not hold. */
export interface ClaimsReport {
  checked: number;
  problems: DraftProblem[];
}

/**
 * What `checkScenarioClaims` found for the draft's scenario, by stop: each claim that does not
 * hold becomes a problem of its stop, at the moment it was checked (`0:40.0 expect.pods.v2:
 * claims 3, the screen shows 2`). The scenario's steps are the draft's, one for one.
 */
export function claimsReport(
  d: Draft,
  results: StepClaimsResult[],
  time: (t: number) => string,
): ClaimsReport {
  const stopOf = new Map(stopIndexes(d).map((i, k) => [i, k]));
  let checked = 0;
  const problems: DraftProblem[] = [];
  for (const r of results) {
    checked += r.results.length;
    for (const c of r.results)
      if (!c.ok) {
        const at = r.at === undefined ? undefined : time(r.at);
        problems.push({
          claims: true,
          stop: stopOf.get(r.index) ?? -1,
          message: `${at === undefined ? '' : `${at} `}${describeFailure(c)}`,
          failure: { result: c, ...(at === undefined ? {} : { at }) },
        });
      }
  }
  return { checked, problems };
}
