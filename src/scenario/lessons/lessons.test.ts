/**
 * Every built-in lesson, run from its start to its last stop: each kubectl command succeeds (or
 * fails the way the lesson says it will), every stop's claims about the screen hold at its
 * moment, the questions are well formed and declare what would give them away, every text has
 * Korean, and the event transcript matches the committed golden file under `__golden__/`.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../explain/complete.ts';
import { createRun } from '../../run/run.ts';
import { checkScenarioClaims, describeFailure } from '../../run/claims.ts';
import type { Frame } from '../../view/frame.ts';
import { isNumberQuestion, parseScenario } from '../scenario.ts';
import {
  hiddenElements,
  lessonScenario,
  LESSONS,
  REVEAL_ELEMENTS,
  stopIndices,
  type Lesson,
  type RevealElement,
} from './index.ts';
import { COMPARISON_PRESETS } from '../../compare/presets.ts';
import { runLesson, transcript } from './transcript.ts';

/** Every claim of every step of the lesson that does not hold, as `37s expect.x: claims …`. */
function wrongClaims(lesson: Lesson): string[] {
  return checkScenarioClaims(lessonScenario(lesson)).flatMap(({ at, results }) =>
    results.filter((r) => !r.ok).map((r) => `${at ?? '?'}s ${describeFailure(r)}`),
  );
}

/**
 * Where the screen at a stop shows a question's (numeric) answer, by the element that shows it:
 * a number of the budget gauge equal to it, or a controller's explanation on screen (the Why
 * panel's latest decisions, the lesson's "what happened" since the previous stop) that states it.
 */
function answerShownBy(lesson: Lesson, k: number, frame: Frame): RevealElement[] {
  const stops = stopIndices(lesson).map((i) => lesson.scenario.spec.steps[i]!);
  const q = stops[k]!.question!;
  const answer = isNumberQuestion(q) ? String(q.number.answer) : q.choices[q.answer]!;
  if (typeof answer !== 'string' || !/^\d+$/.test(answer)) return [];
  const n = Number(answer);
  const shown: RevealElement[] = [];
  const budgets = frame.view.deployments.flatMap((d) => (d.budget ? [d.budget] : []));
  if (budgets.some((b) => b.maxTotal === n || b.specified === n)) shown.push('budget.max');
  if (budgets.some((b) => b.minAvailable === n || b.available === n)) shown.push('budget.min');
  const from = k > 0 ? stops[k - 1]!.at : -1;
  const latest = frame.decisions.at(-1)?.t;
  const onScreen = frame.decisions.filter((d) => d.t > from || d.t === latest);
  const word = new RegExp(`(^|[^\\d.])${n}($|[^\\d.%])`);
  if (onScreen.some((d) => word.test(explain(d, 'en')))) shown.push('why');
  return shown;
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (id, lesson) => {
  const steps = lesson.scenario.spec.steps;

  it('is a valid scenario with steps in time order and at least two stops', () => {
    expect(() => parseScenario(lessonScenario(lesson))).not.toThrow();
    expect(stopIndices(lesson).length).toBeGreaterThanOrEqual(2);
    expect(steps[steps.length - 1]!.stop).toBe(true);
    expect(lesson.minutes).toBeGreaterThan(0);
  });

  it('has every text in English and Korean', () => {
    const texts = [lesson.title, lesson.summary];
    for (const s of steps) {
      if (s.say) texts.push(s.say);
      if (s.notes) texts.push(s.notes);
      if (s.question) {
        texts.push(s.question.prompt, s.question.explain);
        const q = s.question;
        for (const c of isNumberQuestion(q) ? [q.number.unit ?? ''] : q.choices)
          if (typeof c !== 'string') texts.push(c);
      }
    }
    for (const t of texts) {
      expect(t.en.trim()).not.toBe('');
      expect(t.ko.trim()).not.toBe('');
      expect(t.ko).toMatch(/[가-힣]/);
    }
  });

  it('asks questions only at stops, with the answer among the choices or a number in a unit', () => {
    for (const s of steps)
      if (s.question) {
        expect(s.stop).toBe(true);
        const q = s.question;
        if (isNumberQuestion(q)) {
          // A unit in one language only would read wrong in the other: units are both or none.
          expect(typeof (q.number.unit ?? {})).toBe('object');
          continue;
        }
        expect(q.choices.length).toBeGreaterThanOrEqual(2);
        expect(q.choices[q.answer]).toBeDefined();
      }
    expect(steps.filter((s) => s.stop && !s.say)).toEqual([]);
  });

  it('makes claims about the screen at every stop, and every claim holds there', () => {
    expect(steps.filter((s) => s.stop && !s.expect).map((s) => s.at)).toEqual([]);
    expect(wrongClaims(lesson)).toEqual([]);
  });

  it('declares, for every question, what on the screen would give its answer away', () => {
    const run = createRun(lessonScenario(lesson));
    stopIndices(lesson).forEach((i, k) => {
      const q = steps[i]!.question;
      if (!q) {
        expect(hiddenElements(lesson, k, false).size).toBe(0);
        return;
      }
      expect(q.reveals.every((r) => (REVEAL_ELEMENTS as readonly string[]).includes(r))).toBe(true);
      expect(new Set(q.reveals).size).toBe(q.reveals.length);
      expect([...hiddenElements(lesson, k, false)].sort()).toEqual([...q.reveals].sort());
      expect(hiddenElements(lesson, k, true).size).toBe(0);
      run.seek(steps[i]!.at);
      const shown = answerShownBy(lesson, k, run.frame());
      expect({ at: steps[i]!.at, undeclared: shown.filter((e) => !q.reveals.includes(e)) }).toEqual({
        at: steps[i]!.at,
        undeclared: [],
      });
    });
  });

  it('runs every command to its expected exit code and matches its golden transcript', async () => {
    const run = runLesson(lesson);
    const failures = run.results
      .filter(({ step, result }) => result.exitCode !== (step.expectExit ?? 0))
      .map(({ step, result }) => `${step.at}s ${step.run}: exit ${result.exitCode} ${result.stderr}`);
    expect(failures).toEqual([]);
    expect(run.results.length).toBe(steps.length);
    // Every decision the controllers made along the way has a Korean explanation.
    const untranslated = run.cluster.decisions().filter((d) => explain(d, 'ko') === d.message);
    expect(untranslated.map((d) => d.code)).toEqual([]);
    await expect(transcript(run)).toMatchFileSnapshot(`./__golden__/${id}.txt`);
  });
});

describe('claims that contradict the screen fail the lesson tests', () => {
  const rolling = LESSONS.find((l) => l.id === 'rolling-update')!;
  const recreate = LESSONS.find((l) => l.id === 'recreate')!;
  /** The lesson with one stop's moment and claims replaced. */
  const withStop = (lesson: Lesson, from: number, at: number, claims: object): Lesson => ({
    ...lesson,
    scenario: {
      ...lesson.scenario,
      spec: {
        ...lesson.scenario.spec,
        steps: lesson.scenario.spec.steps.map((s) =>
          s.at === from && s.stop ? { ...s, at, expect: claims } : s,
        ),
      },
    },
  });

  it.each<[string, Lesson, string[]]>([
    [
      '“v1 and v2 both answer” where the stop used to be (0:37): the counter shows v1 only',
      withStop(rolling, 40, 37, { trafficShare: { v1: '>0', v2: '>0' } }),
      ['37s expect.trafficShare.v2: claims >0, the screen shows 0'],
    ],
    [
      '“every request is refused now” read as the counter: it still shows v1 7.0/s',
      withStop(recreate, 28, 28, { answersPerSecond: { v1: 0 }, refusedPerSecond: '>0' }),
      ['28s expect.answersPerSecond.v1: claims 0, the screen shows 7'],
    ],
    [
      'a deliberately wrong claim: the budget allows 13 pods, not 12',
      withStop(rolling, 20, 20, { deployments: { kubia: { budget: { max: 12 } } } }),
      ['20s expect.deployments.kubia.budget.max: claims 12, the screen shows 13'],
    ],
  ])('%s', (_what, lesson, failures) => {
    expect(wrongClaims(lesson)).toEqual(failures);
  });
});

it('a stop that opens a comparison names a preset, and the Recreate lesson ends with one', () => {
  const ids = new Set(COMPARISON_PRESETS.map((p) => p.id));
  for (const l of LESSONS)
    for (const s of l.scenario.spec.steps) if (s.compare) expect(ids).toContain(s.compare);
  const recreate = LESSONS.find((l) => l.id === 'recreate')!.scenario.spec.steps;
  expect(recreate[recreate.length - 1]!.compare).toBe('recreate-vs-rolling');
});

it('lesson ids are unique', () => {
  expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
});
