/**
 * The recorder's decision records: a "still waiting" record repeats on every sync while nothing
 * changes and is kept once, until the object's controller acts again; an action is always kept.
 */
import { describe, expect, it } from 'vitest';
import type { Decision } from './context.ts';
import type { KubeObject } from '../k8s/types.ts';
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

describe('an event about a part of an object (a container)', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kubia-abcde', namespace: 'default', uid: 'u-1', resourceVersion: '7' },
    spec: { containers: [] },
  } as unknown as KubeObject;
  type Sent = [message: string, fieldPath?: string];
  /** Each event at t = its index, from the kubelet on node-1: the events written, with counts. */
  function written(sent: Sent[]) {
    const r = new Recorder(() => '1');
    sent.forEach(([message, fieldPath], t) =>
      r.event(t, pod, 'Normal', 'Pulling', message, 'kubelet', 'node-1', fieldPath),
    );
    return r.eventList().map((e) => [e.message, e.involvedObject.fieldPath, e.count]);
  }
  const A = 'spec.containers{a}';
  const B = 'spec.containers{b}';
  // Upstream's logger counts an event as a repeat when its key matches, the field path included
  // (getEventKey); aggregation and the spam filter leave the field path out.
  it.each<[string, Sent[], unknown[][]]>([
    [
      'a repeat about the same container',
      [
        ['m', A],
        ['m', A],
      ],
      [['m', A, 2]],
    ],
    [
      'the same message about two containers',
      [
        ['m', A],
        ['m', B],
      ],
      [
        ['m', A, 1],
        ['m', B, 1],
      ],
    ],
    [
      'about the pod, then a container',
      [['m'], ['m', A]],
      [
        ['m', undefined, 1],
        ['m', A, 1],
      ],
    ],
    [
      'other messages about one container',
      [
        ['m', A],
        ['n', A],
        ['m', A],
      ],
      [
        ['m', A, 2],
        ['n', A, 1],
      ],
    ],
  ])('%s', (_, sent, events) => {
    expect(written(sent)).toEqual(events);
  });

  it('is referred to as the pod with the field path last, as GenerateContainerRef makes it', () => {
    const r = new Recorder(() => '1');
    r.event(0, pod, 'Normal', 'Pulling', 'm', 'kubelet', 'node-1', A);
    expect(JSON.stringify(r.eventList()[0]!.involvedObject)).toBe(
      '{"kind":"Pod","namespace":"default","name":"kubia-abcde","uid":"u-1","apiVersion":"v1","resourceVersion":"7","fieldPath":"spec.containers{a}"}',
    );
  });
});
