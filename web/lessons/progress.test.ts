import { describe, expect, it } from 'vitest';
import { lessonScenario, loadLessons, type Lesson } from '../../src/index.ts';
import { createLab } from '../lab/lab.ts';
import {
  PROGRESS_KEY,
  emptyProgress,
  parseProgress,
  progressStore,
  recordAnswer,
  recordStop,
  resetProgress,
  summarize,
  trackProgress,
  type Progress,
} from './progress.ts';
import { answer, goToStop, REVEALED, startLesson, stopsOf } from './store.ts';
import { lessonById, loadLessons as loadCatalog } from './catalog.ts';

const p = (lessons: Progress['lessons']): Progress => ({ lessons });

describe('progress records', () => {
  it.each<[string, Progress, [string, number, number], Progress]>([
    [
      'a first stop',
      emptyProgress(),
      ['canary', 0, 4],
      p({ canary: { furthest: 0, completed: false, answers: {} } }),
    ],
    [
      'further on',
      p({ canary: { furthest: 1, completed: false, answers: {} } }),
      ['canary', 2, 4],
      p({ canary: { furthest: 2, completed: false, answers: {} } }),
    ],
    [
      'back does not forget',
      p({ canary: { furthest: 2, completed: false, answers: {} } }),
      ['canary', 0, 4],
      p({ canary: { furthest: 2, completed: false, answers: {} } }),
    ],
    [
      'the last stop completes',
      p({ canary: { furthest: 2, completed: false, answers: { 0: 1 } } }),
      ['canary', 3, 4],
      p({ canary: { furthest: 3, completed: true, answers: { 0: 1 } } }),
    ],
    [
      'completed stays completed',
      p({ canary: { furthest: 3, completed: true, answers: {} } }),
      ['canary', 0, 4],
      p({ canary: { furthest: 3, completed: true, answers: {} } }),
    ],
  ])('recordStop: %s', (_name, before, [id, stop, total], after) => {
    expect(recordStop(before, id, stop, total)).toEqual(after);
  });

  it.each<[string, Progress, [string, number, number], Progress]>([
    [
      'a first answer',
      emptyProgress(),
      ['canary', 0, 1],
      p({ canary: { furthest: 0, completed: false, answers: { 0: 1 } } }),
    ],
    [
      'a changed answer replaces the old one',
      p({ canary: { furthest: 1, completed: false, answers: { 0: 2 } } }),
      ['canary', 0, 1],
      p({ canary: { furthest: 1, completed: false, answers: { 0: 1 } } }),
    ],
  ])('recordAnswer: %s', (_name, before, [id, stop, choice], after) => {
    expect(recordAnswer(before, id, stop, choice)).toEqual(after);
  });

  it('returns the same object when nothing changed (no needless writes)', () => {
    const before = p({ canary: { furthest: 2, completed: false, answers: { 0: 1 } } });
    expect(recordStop(before, 'canary', 1, 4)).toBe(before);
    expect(recordAnswer(before, 'canary', 0, 1)).toBe(before);
  });

  it.each<[string, string | null, Progress]>([
    ['nothing saved', null, emptyProgress()],
    ['not JSON', '{', emptyProgress()],
    ['an array', '[]', emptyProgress()],
    ['lessons as a string', '{"lessons":"x"}', emptyProgress()],
    [
      'a bad lesson id',
      '{"lessons":{"../x":{"furthest":1,"completed":false,"answers":{}}}}',
      emptyProgress(),
    ],
    [
      'a negative stop',
      '{"lessons":{"canary":{"furthest":-1,"completed":false,"answers":{}}}}',
      emptyProgress(),
    ],
    [
      'bad answers dropped, good kept',
      '{"lessons":{"canary":{"furthest":1,"completed":true,"answers":{"0":1,"x":2,"1":"2","2":1.5,"3":1e12,"4":null}}}}',
      // 1.5 may be a number typed for a number question.
      p({ canary: { furthest: 1, completed: true, answers: { 0: 1, 2: 1.5 } } }),
    ],
  ])('parseProgress: %s', (_name, raw, expected) => {
    expect(parseProgress(raw)).toEqual(expected);
  });
});

describe('progress of a learner in a lab', () => {
  it('remembers stops and answers, summarizes them for the picker, and resets', async () => {
    await loadCatalog();
    const canary = (await loadLessons()).find((l) => l.id === 'canary') as Lesson;
    const qStops = stopsOf(canary).flatMap((s, i) => (s.question ? [i] : []));
    resetProgress();
    const lab = createLab(lessonScenario(canary), { scheduler: undefined, clock: () => 0 });
    const stop = trackProgress(lab, lessonById);
    await startLesson(lab, 'canary');
    const q0 = stopsOf(canary)[qStops[0]!]!.question!;
    answer(lab, (q0 as { answer: number }).answer); // right, and plays on to the next stop
    await goToStop(lab, stopsOf(canary).length - 1);
    stop();
    const s = summarize(progressStore.getState(), canary);
    expect(s).toEqual({
      completed: true,
      reached: stopsOf(canary).length,
      stops: stopsOf(canary).length,
      answered: 1,
      right: 1,
    });
    expect(JSON.parse(globalThis.localStorage.getItem(PROGRESS_KEY) ?? 'null')).toEqual(
      progressStore.getState(),
    );
    resetProgress();
    expect(progressStore.getState()).toEqual(emptyProgress());
    expect(globalThis.localStorage.getItem(PROGRESS_KEY)).toBeNull();
    expect(summarize(progressStore.getState(), canary).reached).toBe(0);
    lab.dispose();
  });

  it('a number question counts a number typed, right within its tolerance; a shown answer is none', async () => {
    await loadCatalog();
    const lesson = (await loadLessons()).find((l) => l.id === 'rolling-update') as Lesson;
    // Stop 1 asks for the most pods during the rollout: 13.
    const right = (given: number) =>
      summarize(recordAnswer(emptyProgress(), lesson.id, 0, given), lesson).right;
    expect(right(13)).toBe(1);
    expect(right(12)).toBe(0);
    resetProgress();
    const lab = createLab(lessonScenario(lesson), { scheduler: undefined, clock: () => 0 });
    const stop = trackProgress(lab, lessonById);
    await startLesson(lab, lesson.id);
    // Presentation mode showed the answer to the class: nothing was answered here.
    lab.setLesson({ answers: { 0: REVEALED } });
    expect(progressStore.getState().lessons[lesson.id]?.answers).toEqual({});
    answer(lab, 13);
    expect(progressStore.getState().lessons[lesson.id]?.answers).toEqual({ 0: 13 });
    expect(summarize(progressStore.getState(), lesson)).toMatchObject({ answered: 1, right: 1 });
    stop();
    resetProgress();
    lab.dispose();
  });
});
