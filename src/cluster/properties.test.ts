/**
 * Property tests (fast-check) over random Deployments and random kubectl action sequences with every
 * timing 0 and healthy images (K8S-SEMANTICS §5, §5.5, §4.2, issue 2 "Tests and measurements"):
 *
 * - every rollout completes once the Deployment is resumed;
 * - during a RollingUpdate started from a complete state, Σ ReplicaSet spec.replicas never exceeds
 *   replicas + maxSurge and Ready pods never fall below replicas − maxUnavailable, at every write;
 * - Recreate never has pods of two templates at once;
 * - the Deployment's revision only grows;
 * - the same seed and actions give the same event log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment, IntOrString, Pod, ReplicaSet } from '../k8s/types.ts';
import { parseManifests } from '../k8s/yaml.ts';
import { runKubectl } from '../kubectl/index.ts';
import { perform, type Action } from '../test-helpers/actions.ts';
import { kubiaYaml, newSim } from '../test-helpers/builders.ts';
import { applyAll } from './apply.ts';
import type { SimCluster } from './cluster.ts';
import { deploymentComplete, maxSurge, maxUnavailable, specReplicas } from './controllers/deployment/util.ts';

interface Spec {
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  maxSurge: IntOrString;
  maxUnavailable: IntOrString;
}

const isZero = (v: IntOrString) => v === 0 || v === '0%';
const intOrPercent = (maxPercent: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 5 }),
    fc.integer({ min: 0, max: maxPercent }).map((n) => `${n}%`),
  );
/** Deployments that pass validation: not both zero, maxUnavailable ≤ 100%. */
const specArb = (minReplicas = 0): fc.Arbitrary<Spec> =>
  fc
    .record({
      replicas: fc.integer({ min: minReplicas, max: 30 }),
      strategy: fc.constantFrom<Spec['strategy']>('RollingUpdate', 'RollingUpdate', 'Recreate'),
      maxSurge: intOrPercent(200),
      maxUnavailable: intOrPercent(100),
    })
    .filter((s) => s.strategy === 'Recreate' || !(isZero(s.maxSurge) && isZero(s.maxUnavailable)));

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('v1', 'v2', 'v3', 'v4').map((tag) => ({ kind: 'image' as const, tag })),
  },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 30 }).map((replicas) => ({ kind: 'scale' as const, replicas })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'pause' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.nat(40).map((index) => ({ kind: 'deletePod' as const, index })) },
  {
    weight: 2,
    arbitrary: fc.integer({ min: 0, max: 5 }).map((seconds) => ({ kind: 'advance' as const, seconds })),
  },
);

function start(spec: Spec, seed: number): SimCluster {
  const sim = newSim(seed);
  const o =
    spec.strategy === 'Recreate'
      ? { replicas: spec.replicas, strategy: 'Recreate' }
      : { replicas: spec.replicas, maxSurge: spec.maxSurge, maxUnavailable: spec.maxUnavailable };
  applyAll(sim, parseManifests(kubiaYaml(o)));
  sim.advance(1);
  return sim;
}

const kubia = (sim: SimCluster) => sim.store.get<Deployment>('Deployment', 'default', 'kubia')!;
const revisionOf = (d: Deployment) =>
  Number(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);

describe('properties of random rollouts (zero timings, healthy images)', () => {
  it('every rollout completes after resume; revisions only grow; Recreate never mixes templates', () => {
    fc.assert(
      fc.property(
        specArb(),
        fc.array(actionArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 1000 }),
        (spec, actions, seed) => {
          const sim = start(spec, seed);
          let lastRevision = revisionOf(kubia(sim));
          const problems: string[] = [];
          sim.watch((c) => {
            if (c.kind === 'Deployment' && c.type !== 'deleted') {
              const r = revisionOf(c.obj as Deployment);
              if (r < lastRevision) problems.push(`revision went from ${lastRevision} to ${r}`);
              lastRevision = r;
            }
            if (spec.strategy === 'Recreate' && c.kind === 'Pod') {
              const hashes = new Set(
                sim.store.list<Pod>('Pod').map((p) => p.metadata.labels?.['pod-template-hash']),
              );
              if (hashes.size > 1) problems.push(`pods of ${hashes.size} templates at t=${sim.now}`);
            }
          });
          for (const a of actions) perform(sim, a);
          if (kubia(sim).spec.paused) runKubectl(sim, 'rollout resume deployment/kubia');
          sim.advance(5);
          expect(problems).toEqual([]);
          const d = kubia(sim);
          expect(deploymentComplete(d, d.status)).toBe(true);
          const active = sim.store.list<ReplicaSet>('ReplicaSet').filter((r) => specReplicas(r) > 0);
          expect(active.length).toBeLessThanOrEqual(1);
          const pods = sim.store.list<Pod>('Pod');
          expect(pods).toHaveLength(specReplicas(d));
          const image = d.spec.template.spec.containers[0]?.image;
          expect(pods.every((p) => p.spec.containers[0]?.image === image)).toBe(true);
          expect(runKubectl(sim, 'rollout status deployment/kubia --watch=false').stdout).toBe(
            'deployment "kubia" successfully rolled out\n',
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a RollingUpdate from a complete state stays within replicas + maxSurge and replicas − maxUnavailable', () => {
    const rolling = specArb(1).filter((s) => s.strategy === 'RollingUpdate');
    const steps = fc.array(
      fc.oneof(
        fc.constantFrom('v2', 'v3', 'v4', 'v1').map((tag) => ({ kind: 'image' as const, tag })),
        fc.integer({ min: 0, max: 3 }).map((seconds) => ({ kind: 'advance' as const, seconds })),
      ),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(rolling, steps, fc.integer({ min: 1, max: 1000 }), (spec, actions, seed) => {
        const sim = start(spec, seed);
        const d0 = kubia(sim);
        expect(deploymentComplete(d0, d0.status)).toBe(true);
        const ceiling = specReplicas(d0) + maxSurge(d0);
        const floor = specReplicas(d0) - maxUnavailable(d0);
        const problems: string[] = [];
        sim.watch((c) => {
          if (c.kind === 'ReplicaSet') {
            const total = sim.store.list<ReplicaSet>('ReplicaSet').reduce((n, r) => n + specReplicas(r), 0);
            if (total > ceiling) problems.push(`Σ spec.replicas ${total} > ${ceiling} at t=${sim.now}`);
          }
          if (c.kind === 'Pod') {
            const ready = sim.store
              .list<Pod>('Pod')
              .filter(
                (p) =>
                  !p.metadata.deletionTimestamp &&
                  p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'),
              ).length;
            if (ready < floor) problems.push(`${ready} Ready pods < ${floor} at t=${sim.now}`);
          }
        });
        for (const a of actions) perform(sim, a);
        sim.advance(5);
        expect(problems).toEqual([]);
        const d = kubia(sim);
        expect(deploymentComplete(d, d.status)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed and actions give the same event log', () => {
    fc.assert(
      fc.property(
        specArb(),
        fc.array(actionArb, { maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (spec, actions, seed) => {
          const log = () => {
            const sim = start(spec, seed);
            for (const a of actions) perform(sim, a);
            sim.advance(5);
            return JSON.stringify(sim.eventList());
          };
          expect(log()).toBe(log());
        },
      ),
      { numRuns: 15 },
    );
  });
});
