/**
 * The recorder's decision records: a "still waiting" record repeats on every sync while nothing
 * changes and is kept once, until the object's controller acts again; an action is always kept.
 */
import { describe, expect, it } from 'vitest';
import type { Decision } from './context.ts';
import { Recorder } from './recorder.ts';

type Call = [code: string, values?: Decision['values'], name?: string];

const WAIT = 'rolling.oldBlocked';
const ACT = 'rolling.scaleDownOld';

/** Each call's decision at t = its index, about Deployment `name` (default kubia). */
function recorded(calls: Call[]) {
  const r = new Recorder(() => '1');
  calls.forEach(([code, values = { n: 1 }, name = 'kubia'], t) =>
    r.decide(t, {
      controller: 'deployment-controller',
      object: { kind: 'Deployment', namespace: 'default', name },
      code,
      message: code,
      values,
    }),
  );
  return { r, kept: r.decisions().map((d) => d.t) };
}

describe('waiting records are kept once until the controller acts', () => {
  const cases: { name: string; calls: Call[]; kept: number[] }[] = [
    { name: 'a repeat of a waiting record', calls: [[WAIT], [WAIT], [WAIT]], kept: [0] },
    {
      name: 'a waiting record with other values',
      calls: [[WAIT], [WAIT, { n: 2 }], [WAIT, { n: 2 }]],
      kept: [0, 1],
    },
    { name: 'an action in between', calls: [[WAIT], [ACT], [WAIT], [WAIT]], kept: [0, 1, 2] },
    { name: 'actions, each kept', calls: [[ACT], [ACT], [ACT]], kept: [0, 1, 2] },
    {
      name: 'other objects apart',
      calls: [[WAIT], [WAIT, {}, 'other'], [ACT, {}, 'other'], [WAIT]],
      kept: [0, 1, 2],
    },
    {
      name: 'two waiting codes of one object',
      calls: [[WAIT], ['recreate.waitOldPods'], [WAIT], ['recreate.waitOldPods']],
      kept: [0, 1],
    },
  ];
  it.each(cases)('$name', ({ calls, kept }) => {
    expect(recorded(calls).kept).toEqual(kept);
  });

  it('remembers only objects that wait: an action forgets the object (snapshots stay small)', () => {
    const { r } = recorded([[WAIT], [WAIT, {}, 'other'], [ACT], [ACT, {}, 'third']]);
    expect(r.save().lastDecision).toEqual([['Deployment/default/other', [[WAIT, '{}']]]]);
  });
});
