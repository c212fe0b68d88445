/**
 * Every built-in lesson, run from its start to its last stop: each kubectl command succeeds (or
 * fails the way the lesson says it will), the questions are well formed, every text has Korean,
 * and the event transcript matches the committed golden file under `__golden__/`.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../explain/index.ts';
import { parseScenario } from '../scenario.ts';
import { COMPARISON_PRESETS } from '../../compare/presets.ts';
import { LESSONS, stopIndices } from './index.ts';
import { runLesson, transcript } from './transcript.ts';

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (id, lesson) => {
  const steps = lesson.scenario.spec.steps;

  it('is a valid scenario with steps in time order and at least two stops', () => {
    expect(() => parseScenario(lesson.scenario)).not.toThrow();
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
        for (const c of s.question.choices) if (typeof c !== 'string') texts.push(c);
      }
    }
    for (const t of texts) {
      expect(t.en.trim()).not.toBe('');
      expect(t.ko.trim()).not.toBe('');
      expect(t.ko).toMatch(/[가-힣]/);
    }
  });

  it('asks questions only at stops, with the answer among the choices', () => {
    for (const s of steps)
      if (s.question) {
        expect(s.stop).toBe(true);
        expect(s.question.choices.length).toBeGreaterThanOrEqual(2);
        expect(s.question.choices[s.question.answer]).toBeDefined();
      }
    expect(steps.filter((s) => s.stop && !s.say)).toEqual([]);
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
