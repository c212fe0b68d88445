/**
 * The controllers keep what they read up to date from changes instead of counting it again (the
 * ReplicaSets' pod counts, the Services' members, the scheduler's node usage and its waiting pods,
 * the kubelet records a checkpoint copies). A restore empties every one of those caches, so a
 * cluster restored from its own snapshot counts everything afresh: if it plays on exactly as the
 * original, whose caches were kept from changes all along, the caches gave what a full count gives.
 *
 * Random Deployments on clusters too small for them (pods wait for a node, and take the room a
 * deleted one leaves), behind a Service with traffic, under random kubectl actions, with and
 * without timings; the copy is made at a random action, through JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../k8s/yaml.ts';
import { perform, type Action } from '../test-helpers/actions.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';
import { applyAll } from './apply.ts';
import { SimCluster, type ClusterOptions, type ClusterSnapshot } from './cluster.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: 8080 }] }
`;

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('v1', 'v2', 'v3').map((tag) => ({ kind: 'image' as const, tag })) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 14 }).map((replicas) => ({ kind: 'scale' as const, replicas })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 2, arbitrary: fc.nat(30).map((index) => ({ kind: 'deletePod' as const, index })) },
  { weight: 1, arbitrary: fc.boolean().map((on) => ({ kind: 'cordon' as const, on })) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(0, 0.5, 1, 2, 3, 5).map((seconds) => ({ kind: 'advance' as const, seconds })),
  },
);

const caseArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  nodes: fc.integer({ min: 1, max: 3 }),
  maxPods: fc.integer({ min: 2, max: 6 }),
  replicas: fc.integer({ min: 1, max: 12 }),
  timed: fc.boolean(),
  actions: fc.array(actionArb, { minLength: 4, maxLength: 24 }),
  copyAt: fc.nat(24),
});

/** Everything a snapshot holds, timers in the order they fire. */
function state(sim: SimCluster): string {
  const s = sim.snapshot();
  return JSON.stringify({ ...s, timers: [...s.timers].sort((a, b) => a.at - b.at || a.seq - b.seq) });
}

describe('caches kept from changes give what counting afresh gives', () => {
  it('a cluster restored from its own snapshot plays on exactly as the original', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const options: ClusterOptions = {
          seed: c.seed,
          nodes: c.nodes,
          maxPods: c.maxPods,
          timing: c.timed
            ? { scheduleSeconds: 0.5, imagePullSeconds: 2, containerStartSeconds: 1, terminationSeconds: 3 }
            : { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 },
        };
        const original = new SimCluster(options);
        applyAll(original, parseManifests(`${SERVICE}---\n${kubiaYaml({ replicas: c.replicas })}`));
        original.setTraffic('kubia', 10);
        original.advance(1);
        const at = c.copyAt % c.actions.length;
        for (const a of c.actions.slice(0, at)) perform(original, a);
        const copy = new SimCluster({ ...options, nodes: 0 });
        copy.restore(JSON.parse(JSON.stringify(original.snapshot())) as ClusterSnapshot);
        expect(state(copy)).toBe(state(original));
        for (const a of c.actions.slice(at)) {
          perform(original, a);
          perform(copy, a);
          expect(state(copy)).toBe(state(original));
        }
      }),
      { numRuns: 60 },
    );
  });
});
