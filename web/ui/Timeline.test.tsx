/**
 * The timeline's replicas axis counts pods: its gridlines stand at whole numbers whatever the
 * scale, one pod high or a thousand. Drawn in jsdom from a real lab.
 */
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import type { Scenario } from '../../src/index.ts';
import { createLab } from '../lab/lab.ts';
import { LabProvider } from '../lab/LabProvider.tsx';
import { defaultScenario } from '../lab/defaultScenario.ts';
import { mount } from '../test-helpers/mount.tsx';
import { Timeline } from './Timeline.tsx';

function withReplicas(replicas: number): Scenario {
  const s = defaultScenario();
  const manifests = JSON.parse(s.spec.manifests) as { kind: string; spec: { replicas?: number } }[];
  for (const m of manifests) if (m.kind === 'Deployment') m.spec.replicas = replicas;
  return { ...s, spec: { ...s.spec, manifests: JSON.stringify(manifests) } };
}

/** The counts written beside the replicas axis' gridlines. */
function axisCounts(replicas: number): string[] {
  const lab = createLab(withReplicas(replicas), { scheduler: undefined });
  const { host } = mount(
    <LabProvider lab={lab}>
      <Timeline />
    </LabProvider>,
  );
  act(() => lab.seek(30));
  return [...host.querySelectorAll('line.grid')].map((l) => l.nextElementSibling?.textContent ?? '');
}

describe('Timeline', () => {
  it.each([
    [1, ['1']],
    [2, ['1', '2']],
    [3, ['1', '2', '3']],
    [5, ['2', '4']],
  ])('a Deployment of %i replica(s) has its axis at whole pods: %j', (replicas, counts) => {
    expect(axisCounts(replicas)).toEqual(counts);
  });
});
