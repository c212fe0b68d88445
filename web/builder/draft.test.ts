import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkScenarioClaims,
  lessonFromScenario,
  loadExtensions,
  loadLessons,
  loadShareCodec,
  parseScenario,
  scenarioYaml,
  stopIndices,
  type Scenario,
} from '../../src/index.ts';
import { defaultScenario } from '../lab/defaultScenario.ts';
import {
  captureStop,
  claimsReport,
  deleteStop,
  draftFromLesson,
  draftFromScenario,
  draftFromShown,
  draftToScenario,
  emptyDraft,
  LOOK_COMMAND,
  moveStop,
  newNumber,
  newQuestion,
  readDraft,
  safeName,
  stopIndexes,
  updateStop,
  type Draft,
  type DraftNumber,
} from './draft.ts';

beforeAll(async () => {
  await loadExtensions();
});

const SET_IMAGE = 'kubectl set image deployment kubia nodejs=luksa/kubia:v2';

/** The app's example with an update at 10 s and a look at 40 s: the scenario a teacher explores. */
function explored(): Scenario {
  const s = defaultScenario();
  s.spec.steps = [
    { at: 10, run: SET_IMAGE },
    { at: 40, run: 'kubectl get replicasets' },
  ];
  return parseScenario(s);
}

const say = (en: string, ko = '') => ({ say: { en, ko } });

/** Three stops: a look at 5 s, the update at 10 s, a look at 30 s, each with words. */
function threeStops(): Draft {
  const shown = explored();
  let d = emptyDraft(shown);
  for (const t of [5, 10, 30]) d = captureStop(d, shown, t).draft;
  d = updateStop(d, 0, say('Three pods of **v1**.', 'v1 파드 세 개.'));
  d = updateStop(d, 1, {
    ...say('Now v2.'),
    question: {
      ...newQuestion(),
      prompt: { en: 'How many pods at most?', ko: '' },
      choices: [
        { en: '4', ko: '' },
        { en: '5', ko: '' },
      ],
      answer: 0,
      explain: { en: '3 + 25% rounded up.', ko: '' },
      reveals: ['budget.max'],
    },
  });
  d = updateStop(d, 2, { ...say('Done.'), claims: 'pods: { v2: 3 }' });
  return { ...d, name: 'three stops', title: { en: 'Three stops', ko: '세 멈춤' } };
}

describe('Add stop', () => {
  it('captures the steps so far and a stop at the moment, a look when no step ran then', () => {
    const shown = explored();
    const a = captureStop(emptyDraft(shown), shown, 5);
    expect(a.stop).toBe(0);
    expect(a.draft.steps).toEqual([
      { at: 5, run: LOOK_COMMAND, stop: true, say: { en: '', ko: '' }, added: true },
    ]);
    const b = captureStop(a.draft, shown, 10);
    // The update ran at exactly 10 s: it becomes the stop; the look at 40 s has not run yet.
    expect(b.stop).toBe(1);
    expect(b.draft.steps.map((s) => [s.at, s.run, !!s.stop])).toEqual([
      [5, LOOK_COMMAND, true],
      [10, SET_IMAGE, true],
    ]);
  });

  it('leaves out a command that failed and changed nothing: the lesson has only what was done', () => {
    const shown = explored();
    // A typo at 8 s and a delete of nothing at 10 s, beside the update at 10 s (steps 1 and 2 failed).
    shown.spec.steps = [
      { at: 8, run: 'kubectl sett image deployment kubia nodejs=luksa/kubia:v2' },
      { at: 10, run: 'kubectl delete deployment nothing-here' },
      { at: 10, run: SET_IMAGE },
      { at: 12, run: 'kubectl delete deployment nothing-here' },
    ];
    const a = captureStop(emptyDraft(shown), shown, 10, new Set([0, 1, 3]));
    expect(a.draft.steps.map((s) => [s.at, s.run, !!s.stop])).toEqual([[10, SET_IMAGE, true]]);
    // At 12 s only the failed delete ran: the stop is a look, not the failed command.
    const b = captureStop(a.draft, shown, 12, new Set([0, 1, 3]));
    expect(b.draft.steps.map((s) => [s.at, s.run, !!s.stop])).toEqual([
      [10, SET_IMAGE, true],
      [12, LOOK_COMMAND, true],
    ]);
  });

  it('keeps what was written for earlier and later stops when a stop goes in between', () => {
    const d = threeStops();
    const { draft, stop } = captureStop(d, explored(), 20);
    expect(stop).toBe(2);
    expect(stopIndexes(draft).map((i) => draft.steps[i]!.at)).toEqual([5, 10, 20, 30]);
    expect(draft.steps[0]!.say).toEqual({ en: 'Three pods of **v1**.', ko: 'v1 파드 세 개.' });
    expect(draft.steps.find((s) => s.at === 30)!.claims).toBe('pods: { v2: 3 }');
    // Again at the same moment: no second stop.
    expect(stopIndexes(captureStop(draft, explored(), 20).draft)).toHaveLength(4);
  });

  it('keeps the words of stops the scenario shown did not run (another history), as looks', () => {
    const other = parseScenario({
      ...explored(),
      spec: { ...explored().spec, steps: [{ at: 8, run: 'kubectl scale deployment kubia --replicas=5' }] },
    });
    const { draft } = captureStop(threeStops(), other, 12);
    expect(draft.steps.map((s) => [s.at, s.run, s.say?.en ?? null])).toEqual([
      [5, LOOK_COMMAND, 'Three pods of **v1**.'],
      [8, 'kubectl scale deployment kubia --replicas=5', null],
      [10, LOOK_COMMAND, 'Now v2.'],
      [12, LOOK_COMMAND, ''],
      [30, LOOK_COMMAND, 'Done.'],
    ]);
  });

  it('becomes a scenario whose steps with stop: true carry the words, the question and the claims', () => {
    const r = draftToScenario(threeStops());
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const steps = r.scenario.spec.steps;
    expect(r.scenario.metadata).toEqual({ name: 'three-stops', title: { en: 'Three stops', ko: '세 멈춤' } });
    expect(steps.filter((s) => s.stop).map((s) => s.say)).toEqual([
      { en: 'Three pods of **v1**.', ko: 'v1 파드 세 개.' },
      { en: 'Now v2.' },
      { en: 'Done.' },
    ]);
    expect(steps[1]!.question).toEqual({
      prompt: { en: 'How many pods at most?' },
      choices: ['4', '5'],
      answer: 0,
      explain: { en: '3 + 25% rounded up.' },
      reveals: ['budget.max'],
    });
    expect(steps[2]!.expect).toEqual({ pods: { v2: 3 } });
    // The lesson player's view of it: three stops, Korean not written left empty.
    const lesson = lessonFromScenario(r.scenario, 'custom-three-stops');
    expect(stopIndices(lesson)).toHaveLength(3);
    expect(lesson.scenario.spec.steps[1]!.say).toEqual({ en: 'Now v2.', ko: '' });
  });
});

describe('reorder and delete', () => {
  it('moves a stop’s words, question and claims past its neighbour; the moments stay', () => {
    const d = moveStop(threeStops(), 1, 1);
    const stops = stopIndexes(d).map((i) => d.steps[i]!);
    expect(stops.map((s) => s.at)).toEqual([5, 10, 30]);
    expect(stops.map((s) => s.say?.en)).toEqual(['Three pods of **v1**.', 'Done.', 'Now v2.']);
    expect(stops[1]!.claims).toBe('pods: { v2: 3 }');
    expect(stops[1]!.question).toBeUndefined();
    expect(stops[2]!.question?.prompt.en).toBe('How many pods at most?');
    expect(moveStop(d, 0, -1)).toBe(d);
    expect(moveStop(d, 2, 1)).toBe(d);
  });

  it('deletes a look it added, and keeps a command whose stop goes', () => {
    const a = deleteStop(threeStops(), 0);
    expect(a.steps.map((s) => s.run)).toEqual([SET_IMAGE, LOOK_COMMAND]);
    const b = deleteStop(a, 0);
    expect(b.steps).toEqual([{ at: 10, run: SET_IMAGE }, a.steps[1]]);
    expect(stopIndexes(b)).toHaveLength(1);
  });
});

describe('claims typed at a stop', () => {
  it('are checked by the claim parser: a bad one is an error at its stop, and nothing typed is lost', () => {
    const d = updateStop(threeStops(), 2, { claims: "pods: { v2: 'x' }" });
    const r = draftToScenario(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        stop: 2,
        claims: true,
        message: expect.stringContaining(
          'spec.steps[2].expect.pods.v2: Invalid value: "x"',
        ) as unknown as string,
      },
    ]);
    expect(d.steps[2]!.claims).toBe("pods: { v2: 'x' }");
    expect(draftToScenario(updateStop(d, 2, { claims: 'pods: [' })).ok).toBe(false);
    expect(draftToScenario(updateStop(d, 2, { claims: 'sheep: 3' })).ok).toBe(false);
  });

  it('a question the format refuses is an error at its stop', () => {
    const d = threeStops();
    const q = d.steps[1]!.question!;
    const r = draftToScenario(updateStop(d, 1, { question: { ...q, prompt: { en: '', ko: '' } } }));
    expect(r.ok ? [] : r.problems).toEqual([
      { stop: 1, message: 'spec.steps[1].question.prompt: Required value' },
    ]);
  });

  it('are checked against the screen: a true claim holds, a false one is a problem of its stop at its moment', () => {
    const time = (t: number) => `${t}s`;
    const holds = draftToScenario(threeStops());
    if (!holds.ok) throw new Error('three stops make a lesson');
    expect(claimsReport(threeStops(), checkScenarioClaims(holds.scenario), time)).toEqual({
      checked: 1,
      problems: [],
    });
    // At 30 s the screen shows three v2 pods: a stop that says five is wrong, and is told so.
    const d = updateStop(threeStops(), 2, { claims: 'pods: { v2: 5 }\nreplicaSetCount: 2' });
    const wrong = draftToScenario(d);
    if (!wrong.ok) throw new Error('the claims parse');
    const report = claimsReport(d, checkScenarioClaims(wrong.scenario), time);
    expect(report.checked).toBe(2);
    expect(report.problems).toEqual([
      {
        stop: 2,
        claims: true,
        message: '30s expect.pods.v2: claims 5, the screen shows 3',
        // What the builder shows in the reader's language.
        failure: { at: '30s', result: { path: 'expect.pods.v2', expected: '5', actual: '3', ok: false } },
      },
    ]);
  });

  it('a draft without stops is no lesson', () => {
    const r = draftToScenario(emptyDraft(explored()));
    expect(r.ok ? [] : r.problems.map((p) => p.stop)).toEqual([-1]);
  });
});

describe('the share link and storage', () => {
  it('carries the lesson through the link encoding unchanged', async () => {
    const { encodeShare, decodeShare } = await loadShareCodec();
    const r = draftToScenario(threeStops());
    if (!r.ok) throw new Error('draft');
    const back = decodeShare(
      encodeShare({ scenario: r.scenario, at: 5, view: { lesson: 'custom-three-stops', stop: 0 } }),
    );
    if (!back.ok) throw new Error(back.error);
    expect(back.payload.scenario).toEqual(r.scenario);
    expect(back.payload.view).toEqual({ lesson: 'custom-three-stops', stop: 0 });
    const again = draftToScenario(draftFromScenario(back.payload.scenario));
    expect(again.ok && again.scenario).toEqual(r.scenario);
  });

  it('a lesson on screen (an imported file) opens with its stops; a plain scenario with none', () => {
    const r = draftToScenario(threeStops());
    if (!r.ok) throw new Error('draft');
    const file = parseScenario(scenarioYaml(r.scenario));
    const again = draftToScenario(draftFromShown(file));
    expect(again.ok && again.scenario.spec.steps).toEqual(r.scenario.spec.steps);
    expect(again.ok && again.scenario.metadata).toEqual(r.scenario.metadata);
    expect(draftFromShown(explored()).steps).toEqual([]);
  });

  it('reads back what autosave wrote and refuses what it did not', () => {
    const d = threeStops();
    expect(readDraft(JSON.stringify(d))).toEqual(d);
    expect(readDraft('{"v":2,"steps":[],"base":{}}')).toBeUndefined();
    expect(readDraft('not json')).toBeUndefined();
    expect(readDraft(null)).toBeUndefined();
  });
});

describe('a question answered with a number', () => {
  /** `threeStops` with stop 2's question asking for a number (its choices still typed). */
  const numberDraft = (n: Partial<DraftNumber> = {}): Draft => {
    const d = threeStops();
    const q = d.steps[1]!.question!;
    const number = { ...newNumber(), answer: '4', tolerance: '0,5', unit: { en: 'pods', ko: '개' }, ...n };
    return updateStop(d, 1, { question: { ...q, kind: 'number', number } });
  };

  it('becomes number: with the answer and tolerance read as numbers, and comes back as typed', () => {
    const r = draftToScenario(numberDraft());
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const q = r.scenario.spec.steps[1]!.question;
    expect(q).toEqual({
      prompt: { en: 'How many pods at most?' },
      number: { answer: 4, tolerance: 0.5, unit: { en: 'pods', ko: '개' } },
      explain: { en: '3 + 25% rounded up.' },
      reveals: ['budget.max'],
    });
    expect(draftFromScenario(r.scenario).steps[1]!.question).toMatchObject({
      kind: 'number',
      number: { answer: '4', tolerance: '0.5', unit: { en: 'pods', ko: '개' } },
    });
    // A unit in English only is written as plain text; no tolerance, none written.
    const plain = draftToScenario(numberDraft({ tolerance: ' ', unit: { en: 'pods', ko: '' } }));
    expect(plain.ok && plain.scenario.spec.steps[1]!.question).toMatchObject({
      number: { answer: 4, unit: 'pods' },
    });
  });

  it('keeps what autosave, the share link and the file carry; switching back to choices loses nothing', async () => {
    const d = numberDraft();
    expect(readDraft(JSON.stringify(d))).toEqual(d);
    const { encodeShare, decodeShare } = await loadShareCodec();
    const r = draftToScenario(d);
    if (!r.ok) throw new Error('draft');
    const back = decodeShare(encodeShare({ scenario: r.scenario, at: 5 }));
    if (!back.ok) throw new Error(back.error);
    expect(back.payload.scenario.spec.steps[1]!.question).toEqual(r.scenario.spec.steps[1]!.question);
    // Export file: the YAML the builder writes reads back the same.
    expect(parseScenario(scenarioYaml(r.scenario)).spec.steps[1]!.question).toEqual(
      r.scenario.spec.steps[1]!.question,
    );
    const { kind: _kind, ...choices } = d.steps[1]!.question!;
    const again = draftToScenario(updateStop(d, 1, { question: choices }));
    expect(again.ok && again.scenario.spec.steps[1]!.question).toMatchObject({
      choices: ['4', '5'],
      answer: 0,
    });
  });

  it.each([
    ['', 'spec.steps[1].question.number.answer: Required value'],
    [
      'thirteen',
      'spec.steps[1].question.number.answer: Invalid value: "thirteen": must be a number between -1000000000 and 1000000000',
    ],
  ])('an answer typed as %j is an error at its stop, the draft unchanged', (answer, message) => {
    const d = numberDraft({ answer });
    const r = draftToScenario(d);
    expect(r.ok ? [] : r.problems).toEqual([{ stop: 1, message }]);
    expect(d.steps[1]!.question!.number!.answer).toBe(answer);
  });
});

describe('templates', () => {
  it('opens every built-in lesson with its stops, words, questions and claims, and writes it back the same', async () => {
    for (const lesson of await loadLessons()) {
      const r = draftToScenario(draftFromLesson(lesson));
      if (!r.ok) throw new Error(`${lesson.id}: ${r.problems.map((p) => p.message).join('\n')}`);
      const again = lessonFromScenario(r.scenario, `custom-${lesson.id}`);
      const stops = (l: typeof lesson) =>
        stopIndices(l).map((i) => {
          const { say, question, expect: claims, at, run } = l.scenario.spec.steps[i]!;
          return { say, question, claims, at, run };
        });
      expect(stops(again), lesson.id).toEqual(stops(lesson));
    }
  });
});

describe('the lesson name, from its title', () => {
  it.each([
    ['Watch a rollout', 'watch-a-rollout'],
    ['Über <script> 日本', 'uber-script'],
    ['Déploiement progressif', 'deploiement-progressif'],
    ['ﬁle №2', 'file-no2'],
    ['', 'my-lesson'],
    ['  ', 'my-lesson'],
  ])('%j is %j', (title, name) => {
    expect(safeName(title)).toBe(name);
  });

  it('a title with no Latin letter gets a name of its own, the same each time', () => {
    const rolling = safeName('롤링 업데이트');
    const blueGreen = safeName('블루/그린 배포');
    expect(rolling).toMatch(/^lesson-[0-9a-f]{8}$/);
    expect(blueGreen).toMatch(/^lesson-[0-9a-f]{8}$/);
    expect(blueGreen).not.toBe(rolling);
    expect(safeName(' 롤링 업데이트 ')).toBe(rolling);
    // A name already made passes through unchanged (a file's name, read back).
    expect(safeName(rolling)).toBe(rolling);
  });
});
