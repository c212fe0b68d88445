/**
 * timing.jitter: how much each pod's pull, start and shutdown vary around the configured durations.
 * 0 is "textbook timing": every pod of a rollout takes exactly the same time for each stage.
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index.ts';
import type { Pod } from '../k8s/types.ts';
import { ScenarioError, parseScenario } from '../scenario/scenario.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';
import type { SimCluster } from './cluster.ts';
import { defaultTiming } from './context.ts';

interface Stages {
  bound?: number;
  pulling?: boolean;
  running?: number;
  deleting?: number;
  gone?: number;
}

/** A rolling update of 6 replicas from v1 to v2, with each pod's stage times as they happen. */
function rollout(jitter: number | undefined, seed = 3): Map<string, Stages> {
  const c = createCluster({ seed, ...(jitter === undefined ? {} : { timing: { jitter } }) }) as Cluster & {
    sim: SimCluster;
  };
  const pods = new Map<string, Stages>();
  c.sim.watch((ch) => {
    if (ch.kind !== 'Pod') return;
    const p = ch.obj as Pod;
    const s = pods.get(p.metadata.name) ?? {};
    pods.set(p.metadata.name, s);
    const now = c.sim.now;
    if (ch.type === 'deleted') s.gone = now;
    else {
      if (p.spec.nodeName && s.bound === undefined) s.bound = now;
      if (p.status?.containerStatuses?.[0]?.state.running && s.running === undefined) s.running = now;
      if (p.metadata.deletionTimestamp && s.deleting === undefined) s.deleting = now;
    }
  });
  c.apply(kubiaYaml({ replicas: 6 }));
  c.advance(60);
  c.kubectl('set image deploy/kubia nodejs=luksa/kubia:v2');
  c.advance(120);
  for (const e of c.events() as { reason: string; involvedObject: { name: string } }[])
    if (e.reason === 'Pulling') pods.get(e.involvedObject.name)!.pulling = true;
  return pods;
}

const { imagePullSeconds: pull, containerStartSeconds: start, terminationSeconds: stop } = defaultTiming;

describe('timing.jitter', () => {
  it('is 0.2 by default', () => {
    expect(defaultTiming.jitter).toBe(0.2);
  });

  it('0: every pod of a rollout has identical stage durations, exactly the configured ones', () => {
    const pods = [...rollout(0).values()];
    expect(pods.length).toBe(12);
    for (const p of pods) {
      expect(p.running! - p.bound!).toBe(p.pulling ? pull + start : start);
    }
    const stopped = pods.filter((p) => p.gone !== undefined);
    expect(stopped.length).toBe(6);
    for (const p of stopped) expect(p.gone! - p.deleting!).toBe(stop);
  });

  it('0.2: durations vary, within ±20 % of each stage', () => {
    const pods = [...rollout(undefined).values()];
    const pulled = pods.filter((p) => p.pulling).map((p) => p.running! - p.bound!);
    for (const d of pulled) {
      expect(d).toBeGreaterThanOrEqual(0.8 * (pull + start) - 1e-9);
      expect(d).toBeLessThanOrEqual(1.2 * (pull + start) + 1e-9);
    }
    expect(new Set(pulled).size).toBeGreaterThan(1);
    for (const p of pods.filter((x) => x.gone !== undefined)) {
      expect(p.gone! - p.deleting!).toBeGreaterThanOrEqual(0.8 * stop - 1e-9);
      expect(p.gone! - p.deleting!).toBeLessThanOrEqual(1.2 * stop + 1e-9);
    }
  });

  it.each([0.05, 0.5, 1])('%s: every duration within that fraction of the configured one', (jitter) => {
    for (const p of rollout(jitter).values()) {
      const configured = p.pulling ? pull + start : start;
      expect(p.running! - p.bound!).toBeGreaterThanOrEqual((1 - jitter) * configured - 1e-9);
      expect(p.running! - p.bound!).toBeLessThanOrEqual((1 + jitter) * configured + 1e-9);
    }
  });

  it('draws the generator either way: the pods created before timings diverge keep their names', () => {
    const first = (pods: Map<string, Stages>) =>
      [...pods.keys()].filter((n) => n.startsWith('kubia-556b495f69-'));
    expect(first(rollout(0))).toEqual(first(rollout(0.2)));
  });
});

describe('spec.timing.jitter in a scenario', () => {
  const scenario = (timing: string) =>
    `apiVersion: rolloutlab/v1\nkind: Scenario\nmetadata: { name: t }\nspec:\n  timing: ${timing}\n`;

  it('is read with the other timings', () => {
    expect(parseScenario(scenario('{ jitter: 0, imagePullSeconds: 3 }')).spec.timing).toEqual({
      imagePullSeconds: 3,
      jitter: 0,
    });
  });

  it('is left out when not given (the cluster then uses 0.2)', () => {
    expect(parseScenario(scenario('{}')).spec.timing).toEqual({});
  });

  it.each([
    ['-0.1', 'spec.timing.jitter: Invalid value: -0.1: must be a number between 0 and 1'],
    ['1.5', 'spec.timing.jitter: Invalid value: 1.5: must be a number between 0 and 1'],
    ['"a lot"', 'spec.timing.jitter: Invalid value: "a lot": must be a number between 0 and 1'],
  ])('jitter %s is refused', (value, message) => {
    expect(() => parseScenario(scenario(`{ jitter: ${value} }`))).toThrow(new ScenarioError(message));
  });
});
