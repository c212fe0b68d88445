/**
 * A seek far ahead makes only the checkpoints that thinning keeps once it gets there: what it keeps
 * is what playing there keeps (so every later seek replays the same), and it makes a third of them.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { KUBIA_SERVICE, kubiaYaml } from '../test-helpers/builders.ts';
import type { Recording } from './recording.ts';
import { createRun, type RunControls } from './run.ts';

const scenario: Scenario = {
  apiVersion: 'rolloutlab/v1',
  kind: 'Scenario',
  metadata: { name: 'seek-checkpoints' },
  spec: {
    seed: 3,
    cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
    timing: {},
    traffic: { service: 'kubia', requestsPerSecond: 10 },
    manifests: `${kubiaYaml({ replicas: 6 })}---\n${KUBIA_SERVICE}`,
    steps: [
      { at: 40, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
      { at: 130.5, run: 'kubectl scale deployment/kubia --replicas=9' },
      { at: 250, run: 'kubectl rollout undo deployment/kubia' },
    ],
  },
};

/** Where the Run's checkpoints are: moment, steps run and writes made by then. */
function checkpoints(run: RunControls): [number, number, number][] {
  const rec = (run as unknown as { rec: Recording }).rec;
  return rec.checkpoints.map((c) => [c.t, c.next, c.writes]);
}

/** A Run that takes a checkpoint every 40 writes too, so rollouts have their busy stretches. */
const open = () => createRun(scenario, { checkpointWrites: 40 });

describe('a seek far ahead', () => {
  it('keeps the checkpoints that playing second by second keeps, and makes only those', () => {
    const played = open();
    for (let t = 0; t < 400; t++) played.advance(1);
    const made = vi.spyOn(SimCluster.prototype, 'checkpoint');
    const sought = open();
    sought.seek(400);
    expect(checkpoints(sought)).toEqual(checkpoints(played));
    expect(made.mock.calls.length).toBe(checkpoints(sought).length);
    expect(made.mock.calls.length).toBeLessThan(400 / 10 + 1);
    made.mockRestore();
  });

  it('opened in slices, as a link opens (play with a budget), keeps the same and makes only those', () => {
    const straight = open();
    straight.seek(400);
    const made = vi.spyOn(SimCluster.prototype, 'checkpoint');
    const sliced = open();
    let instants = 0;
    while (sliced.now() < 400 - 1e-6) sliced.play(400 - sliced.now(), () => ++instants % 50 === 0);
    expect(checkpoints(sliced)).toEqual(checkpoints(straight));
    expect(made.mock.calls.length).toBe(checkpoints(sliced).length);
    made.mockRestore();
  });

  it('keeps the same checkpoints whatever mix of seeks and advances gets there', () => {
    const straight = open();
    straight.seek(400);
    const want = checkpoints(straight);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 6 }), (moves) => {
        const run = open();
        for (const [i, m] of moves.entries()) {
          const to = Math.min(400, run.now() + m / 10);
          if (i % 2) run.advance(to - run.now());
          else run.seek(to);
        }
        run.seek(400);
        expect(checkpoints(run)).toEqual(want);
      }),
      { numRuns: 15 },
    );
  });

  it('that a step cuts short (run at a past moment) records on from the checkpoints left', () => {
    const run = open();
    run.seek(400);
    run.seek(200);
    run.run('kubectl scale deployment/kubia --replicas=4');
    run.seek(400);
    const again = open();
    again.seek(200);
    again.run('kubectl scale deployment/kubia --replicas=4');
    for (let t = 200; t < 400; t++) again.advance(1);
    expect(checkpoints(run)).toEqual(checkpoints(again));
  });
});
