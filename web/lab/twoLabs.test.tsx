/**
 * Two labs on one page, each with its own Run and store: what one is shown, played or told to do
 * never reaches the other. Rendered in jsdom with the real views (playback bar, actions, console,
 * events), driven through their buttons.
 */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { EventsPanel } from '../ui/Explain.tsx';
import { Actions } from '../ui/Actions.tsx';
import { PlaybackBar } from '../ui/PlaybackBar.tsx';
import { defaultScenario, START_AT } from './defaultScenario.ts';
import { createLab, type Lab } from './lab.ts';
import { LabProvider } from './LabProvider.tsx';
import { mount } from '../test-helpers/mount.tsx';

function renderTwo(a: Lab, b: Lab): { left: HTMLElement; right: HTMLElement } {
  const view = (lab: Lab, id: string) => (
    <div id={id}>
      <LabProvider lab={lab}>
        <PlaybackBar />
        <Actions />
        <EventsPanel />
      </LabProvider>
    </div>
  );
  const { host } = mount(
    <>
      {view(a, 'left')}
      {view(b, 'right')}
    </>,
  );
  return { left: host.querySelector('#left')!, right: host.querySelector('#right')! };
}

const button = (scope: HTMLElement, name: string) => {
  const b = [...scope.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
  if (!b) throw new Error(`no button "${name}" in #${scope.id}`);
  return b;
};

describe('two labs on one page', () => {
  it('run, play and scrub independently', () => {
    const a = createLab(defaultScenario(), { scheduler: undefined });
    const b = createLab(defaultScenario(), { scheduler: undefined });
    a.seek(START_AT);
    b.seek(START_AT);
    const { left, right } = renderTwo(a, b);

    // The left lab's Rolling update button acts on the left lab only.
    act(() => button(left, 'Rolling update').click());
    expect(a.run.scenario().spec.steps.map((s) => s.run)).toEqual([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
    ]);
    expect(b.run.scenario().spec.steps).toEqual([]);

    // Time moves in one lab only.
    act(() => a.advance(30));
    expect(a.run.now()).toBe(START_AT + 30);
    expect(b.run.now()).toBe(START_AT);
    expect(left.querySelector('output')?.textContent).toBe('t = 0:50.0');
    expect(right.querySelector('output')?.textContent).toBe('t = 0:20.0');

    // What each lab shows is its own: only the left lab's events tell of the old ReplicaSet shrinking.
    expect(left.textContent).toContain('Scaled down replica set');
    expect(right.textContent).not.toContain('Scaled down replica set');

    // Stepping the right lab back leaves the left where it is.
    act(() => button(right, 'Step back').click());
    expect(b.run.now()).toBeLessThan(START_AT);
    expect(a.run.now()).toBe(START_AT + 30);
  });
});
