/**
 * Property tests of the simulated world (fast-check), with realistic default timings:
 *
 * - no request is ever routed to a pod that is not Ready at that instant;
 * - every pod that is created ends up Ready, crash-looping, failing to pull, or deleted;
 * - a 24-hour run with a rollout every 10 minutes keeps every log, window and map bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../k8s/types.ts';
import { parseManifests } from '../../k8s/yaml.ts';
import { runKubectl } from '../../kubectl/index.ts';
import { perform, type Action } from '../../test-helpers/actions.ts';
import { kubiaYaml } from '../../test-helpers/builders.ts';
import { applyAll } from '../apply.ts';
import { SimCluster } from '../cluster.ts';
import { isPodReady } from '../controllers/deployment/util.ts';
import { RECENT_SECONDS, SERIES_SECONDS, type RequestRecord } from '../traffic.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata: { name: kubia }
spec: { selector: { app: kubia }, ports: [{ port: 80, targetPort: 8080 }] }
`;

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('v1', 'v2', 'v3', 'v4', 'v2-crash', 'v2-missing')
      .map((tag) => ({ kind: 'image' as const, tag })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 6 }).map((replicas) => ({ kind: 'scale' as const, replicas })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ index: fc.nat(10), grace: fc.option(fc.constantFrom(0, 1, 30), { nil: undefined }) })
      .map(({ index, grace }) => ({
        kind: 'deletePod' as const,
        index,
        ...(grace !== undefined ? { grace } : {}),
      })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 1, max: 20 }).map((seconds) => ({ kind: 'advance' as const, seconds })),
  },
);

/** A cluster with the kubia Deployment and Service, 10 requests/s, and Ready bookkeeping per pod. */
function start(seed: number) {
  const sim = new SimCluster({ seed });
  const readySince = new Map<string, number>();
  const intervals: [string, number, number][] = [];
  const created = new Map<string, string>();
  sim.watch((c) => {
    if (c.kind !== 'Pod') return;
    const name = c.obj.metadata.name;
    if (c.type === 'added') created.set(c.obj.metadata.uid ?? '', name);
    const ready = c.type !== 'deleted' && isPodReady(c.obj as Pod);
    const since = readySince.get(name);
    if (ready && since === undefined) readySince.set(name, sim.now);
    if (!ready && since !== undefined) {
      readySince.delete(name);
      intervals.push([name, since, sim.now]);
    }
  });
  applyAll(sim, parseManifests(SERVICE + '---\n' + kubiaYaml({ replicas: 3 })));
  sim.setTraffic('kubia', 10);
  const requests: RequestRecord[] = [];
  const advance = (seconds: number) => {
    for (let left = seconds; left > 0; left -= Math.min(left, 10)) {
      const from = sim.now;
      sim.advance(Math.min(left, 10));
      requests.push(...sim.requests(from, sim.now));
    }
  };
  const wasReady = (pod: string, t: number) => {
    const since = readySince.get(pod);
    return (since !== undefined && t >= since) || intervals.some(([n, a, b]) => n === pod && t >= a && t < b);
  };
  return { sim, requests, advance, wasReady, created };
}

describe('the world under random rollouts, default timings', () => {
  it('never routes a request to a pod that is not Ready at that instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(actionArb, { maxLength: 12 }),
        (seed, actions) => {
          const { sim, requests, advance, wasReady } = start(seed);
          advance(20);
          for (const a of actions) perform(sim, a, advance);
          advance(30);
          const bad = requests.filter((r) => r.pod !== null && !wasReady(r.pod, r.t));
          expect(bad).toEqual([]);
          expect(requests.filter((r) => r.pod !== null && r.status === 0)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('every created pod becomes Ready, crash-loops, fails to pull, or is deleted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(actionArb, { maxLength: 10 }),
        (seed, actions) => {
          const { sim, advance, created } = start(seed);
          for (const a of actions) perform(sim, a, advance);
          advance(120);
          for (const name of created.values()) {
            const p = sim.store.get<Pod>('Pod', 'default', name);
            if (!p || p.metadata.deletionTimestamp) continue;
            const cs = p.status.containerStatuses?.[0];
            const waiting = cs?.state.waiting?.reason;
            const fate = isPodReady(p)
              ? 'Ready'
              : waiting === 'CrashLoopBackOff' || (cs?.restartCount ?? 0) > 0
                ? 'crash-looping'
                : waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff'
                  ? 'failing to pull'
                  : `stuck: ${JSON.stringify(p.status)}`;
            expect(fate, name).toMatch(/^(Ready|crash-looping|failing to pull)$/);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('memory stays bounded', () => {
  /**
   * 24 virtual hours, a rollout every 10 minutes (v1 ⇄ v2). Clients send 2 requests/s for the
   * last 2.5 hours only (longer than the 2-hour series window; the whole day would cost ~10 s).
   */
  function day() {
    const sim = new SimCluster({ seed: 3 });
    applyAll(sim, parseManifests(SERVICE + '---\n' + kubiaYaml({ replicas: 3, revisionHistoryLimit: 2 })));
    const caps = { events: 0, decisions: 0, recent: 0, series: 0, objects: 0, runtimes: 0 };
    for (let i = 0; i < 24 * 6; i++) {
      if (i === 24 * 6 - 15) sim.setTraffic('kubia', 2);
      runKubectl(sim, `set image deployment/kubia nodejs=luksa/kubia:${i % 2 ? 'v1' : 'v2'}`);
      sim.advance(600);
      const objects = [
        'Pod',
        'ReplicaSet',
        'Deployment',
        'Endpoints',
        'EndpointSlice',
        'Service',
        'Node',
      ].reduce((n, k) => n + sim.store.count(k), 0);
      caps.events = Math.max(caps.events, sim.eventList().length);
      caps.decisions = Math.max(caps.decisions, sim.decisions().length);
      caps.recent = Math.max(caps.recent, sim.world.traffic.recent.length);
      caps.series = Math.max(caps.series, sim.world.traffic.series.length);
      caps.objects = Math.max(caps.objects, objects);
      caps.runtimes = Math.max(caps.runtimes, sim.world.pods.size);
    }
    return { sim, caps };
  }
  let shared: ReturnType<typeof day> | undefined;
  const run = () => (shared ??= day());

  it('24 hours with a rollout every 10 minutes: traffic windows, store and world maps stay capped', () => {
    const { sim, caps } = run();
    expect(sim.now).toBe(24 * 3600);
    expect(caps.series).toBe(SERIES_SECONDS);
    expect(caps.recent).toBeLessThanOrEqual(2 * (RECENT_SECONDS + 1));
    expect(caps.series).toBeLessThanOrEqual(SERIES_SECONDS);
    // 3 pods, ≤ 3 ReplicaSets (revisionHistoryLimit 2), 1 Deployment, Service, Endpoints, slice, 3 nodes.
    expect(caps.objects).toBeLessThanOrEqual(16);
    expect(caps.runtimes).toBeLessThanOrEqual(4);
    expect(sim.world.nodeImages.size).toBeLessThanOrEqual(3);
    expect(sim.world.unschedulable.size).toBe(0);
    expect(sim.world.nextIp.size).toBeLessThanOrEqual(3);
  }, 30_000);

  /**
   * Events are pruned by their lastTimestamp, so repeating ones (the same `Scaled up replica set …
   * from 0 to 1` every other rollout) stay while the rest age out; an early version pruned nothing
   * once its first event kept repeating, about 3,000 events and decisions after a day.
   */
  it('24 hours: events and decision records stay within an hour (--event-ttl)', () => {
    const { caps } = run();
    // An hour of events at 6 rollouts an hour is a few hundred; it must not grow with the run.
    expect(caps.events).toBeLessThan(600);
    expect(caps.decisions).toBeLessThan(600);
  });
});
