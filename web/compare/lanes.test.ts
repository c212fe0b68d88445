import { describe, expect, it } from 'vitest';
import { COMPARISON_PRESETS, comparisonPreset, laneScenario, type Scenario } from '../../src/index.ts';
import { deploymentsMade, laneColumns } from './lanes.ts';

const lanesOf = (id: string): Scenario[] => {
  const s = comparisonPreset(id)!;
  return s.spec.variants!.map((_, i) => laneScenario(s, i));
};

describe('deploymentsMade: what a lane draws', () => {
  it.each(COMPARISON_PRESETS.map((p) => [p.id, p.updates.map((u) => (u.strategy === 'blue-green' ? 2 : 1))]))(
    '%s: one Deployment a lane, two for blue/green',
    (id, want) => {
      expect(lanesOf(id).map(deploymentsMade)).toEqual(want);
    },
  );

  const scenario = (manifests: string, steps: { run: string; stdin?: string }[] = []): Scenario =>
    ({
      apiVersion: 'rolloutlab/v1',
      kind: 'Scenario',
      metadata: { name: 's' },
      spec: { manifests, steps: steps.map((s) => ({ at: 0, ...s })) },
    }) as unknown as Scenario;

  const dep = (name: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: x\n  name: ${name}\nspec:\n  replicas: 1\n`;

  it.each([
    ['no manifests, no steps', scenario(''), 0],
    ['a Deployment and its Service', scenario(`${dep('kubia')}---\nkind: Service\n`), 1],
    ['two Deployments', scenario(`${dep('blue')}---\n${dep('green')}`), 2],
    ['a quoted kind', scenario('apiVersion: apps/v1\nkind: "Deployment"\nmetadata:\n  name: a\n'), 1],
    ['a ReplicaSet is none', scenario('kind: ReplicaSet\n'), 0],
    ['kind nested in a list is none', scenario('items:\n- kind: Deployment\n'), 0],
    ['create deployment', scenario('', [{ run: 'kubectl create deployment web --image=nginx' }]), 1],
    [
      'the same one applied again',
      scenario(dep('kubia'), [{ run: 'kubectl apply -f -', stdin: dep('kubia') }]),
      1,
    ],
    [
      'another one applied',
      scenario(dep('kubia'), [{ run: 'kubectl apply -f -', stdin: dep('kubia-green') }]),
      2,
    ],
    [
      'apply -f - of a Deployment',
      scenario('', [{ run: 'kubectl apply -f -', stdin: 'kind: Deployment\n' }]),
      1,
    ],
    ['a patch that mentions one', scenario('', [{ run: 'kubectl patch x', stdin: 'kind: Deployment\n' }]), 0],
  ])('%s: %s', (_name, s, want) => {
    expect(deploymentsMade(s)).toBe(want);
  });
});

describe('laneColumns', () => {
  it('gives a lane that draws two Deployments 1.6 of a share', () => {
    expect(laneColumns(lanesOf('all-three'))).toBe('minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.6fr)');
    expect(laneColumns(lanesOf('recreate-vs-rolling'))).toBe('minmax(0, 1fr) minmax(0, 1fr)');
  });
});
