/**
 * A recorded watch stream, as the real kubectl 1.33 printed it (`kubectl get --raw
 * '/apis/apps/v1/namespaces/default/deployments?watch=1'` and the same for the other followed
 * resources; src/test-helpers/capture-follow.ts), followed second by second: the diagram drawn of
 * it is the diagram the simulator draws of the same cluster at the same moment, live and after
 * scrubbing back. The scenario reconstructed from it replays the same rollout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timestamp } from '../k8s/time.ts';
import { createRun } from '../run/run.ts';
import type { Sample } from '../run/recording.ts';
import { parseScenario, type Scenario } from '../scenario/scenario.ts';
import type { ClusterView } from '../view/view.ts';
import { drawn } from '../test-helpers/follow.ts';
import { FOLLOWED_RESOURCES } from './resources.ts';
import { createFollowRun, type FollowEvent, type Received } from './run.ts';

const DIR = join(import.meta.dirname, '__fixtures__', 'kubia');
const capture = JSON.parse(readFileSync(join(DIR, 'capture.json'), 'utf8')) as {
  kubectl: string;
  scenario: Scenario;
  commands: { at: number; run: string }[];
  until: number;
  times: Record<string, [number, number][]>;
};

/** Each resource's lines, with the second they were printed at. */
const stream = FOLLOWED_RESOURCES.map((r) => {
  const lines = readFileSync(join(DIR, `${r.plural}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean);
  const at = capture.times[r.plural]!.flatMap(([t, n]) => Array<number>(n).fill(t));
  expect(at.length).toBe(lines.length);
  return {
    kind: r.kind,
    lines: lines.map((l, i) => ({ t: at[i]!, event: JSON.parse(l) as { type: string; object: unknown } })),
  };
});

/**
 * What arrived at second `s`. A watch without a resourceVersion starts with the objects there are
 * as ADDED events, which is a list: those of second 0 arrive as one.
 */
function batchesAt(s: number): Received[] {
  const out: Received[] = [];
  for (const { kind, lines } of stream) {
    const now = lines.filter((l) => l.t === s);
    if (!now.length) continue;
    const events: FollowEvent[] =
      s === 0
        ? [{ type: 'SYNC', kind, items: now.map((l) => l.event.object) }]
        : now.map((l) => ({
            type: l.event.type as 'ADDED' | 'MODIFIED' | 'DELETED',
            kind,
            object: l.event.object,
          }));
    out.push({ t: s, events, ...(s === 0 ? { date: timestamp(0) } : {}) });
  }
  return out;
}

/** The simulator playing the same scenario, with the commands the real kubectl ran as steps. */
const simulated = () =>
  createRun(
    { ...capture.scenario, spec: { ...capture.scenario.spec, steps: capture.commands } },
    { freeze: true },
  );

describe(`the watch stream recorded with kubectl ${capture.kubectl}`, () => {
  it('draws the diagram the simulator draws, at every second, and again after scrubbing back', () => {
    const sim = simulated();
    const run = createFollowRun({ namespace: 'default', freeze: true, checkpointChanges: 16 });
    const seen = new Set<string>();
    for (let s = 0; s <= capture.until; s++) {
      run.receive(s, batchesAt(s));
      sim.seek(s);
      expect(drawn(run.frame().view), `t=${s}`).toEqual(drawn(sim.frame().view));
      // The cluster's clock, read from the server's Date and its objects' timestamps.
      expect(run.frame().clock, `clock at t=${s}`).toBe(sim.frame().t);
      for (const d of run.frame().view.deployments)
        for (const l of d.lanes) for (const p of l.pods) seen.add(`${l.version}:${p.state}`);
    }
    // The stream held a whole rollout: pods of both versions in every state on the way.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['v1:available', 'v2:available', 'v2:creating', 'v2:ready', 'v1:terminating']),
    );
    for (const s of [3, 0, 47, 12, 88, 140, 71, 105]) {
      run.seek(s);
      sim.seek(s);
      expect(drawn(run.frame().view), `back to t=${s}`).toEqual(drawn(sim.frame().view));
    }
  });

  it('records the timeline: replicas per ReplicaSet every second, as the simulator samples them', () => {
    const sim = simulated();
    const run = createFollowRun({ namespace: 'default' });
    for (let s = 0; s <= capture.until; s++) run.receive(s, batchesAt(s));
    sim.seek(capture.until);
    // A followed namespace watches no Nodes (they are cluster-scoped): allocatable CPU is unknown.
    const withoutNodes = (samples: readonly Sample[]) => samples.map((x) => ({ ...x, cpuAllocatable: 0 }));
    expect(run.history().samples).toEqual(withoutNodes(sim.history().samples));
  });

  it('reconstructs a scenario whose replay rolls out, back and up the same way', () => {
    const run = createFollowRun({ namespace: 'default' });
    for (let s = 0; s <= capture.until; s++) run.receive(s, batchesAt(s));
    const scenario = parseScenario(run.scenario());
    expect(scenario.spec.steps.map((s) => [s.at, s.run])).toEqual([
      [5, 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2'],
      // `rollout undo` put the v1 template back: to the controller, the same as setting the image.
      [70, 'kubectl set image deployment/kubia nodejs=luksa/kubia:v1'],
      [100, 'kubectl scale deployment/kubia --replicas=5'],
      [110, 'kubectl apply -f -'],
    ]);
    const replay = createRun(scenario);
    const sim = simulated();
    /** What the rollout looks like, whatever the pods are called: ReplicaSets by revision. */
    const shape = (v: ClusterView) =>
      v.deployments.map((d) => ({
        name: d.name,
        replicas: d.replicas,
        phase: d.phase.key,
        lanes: d.lanes.map((l) => ({
          revision: l.revision,
          version: l.version,
          desired: l.desired,
          available: l.available,
        })),
      }));
    // Moments at which each rollout has settled (pod names and node placement differ by seed).
    for (const s of [0, 60, 100, 140]) {
      replay.seek(s);
      sim.seek(s);
      expect(shape(replay.frame().view), `t=${s}`).toEqual(shape(sim.frame().view));
    }
  });
});
