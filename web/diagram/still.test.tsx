/**
 * The diagram drawn still (a handout's page): the frame it is given, not the lab's moment; no
 * request dots or buttons over it; and what `HiddenAtStop` says is hidden, whatever the lab's
 * lesson says.
 */
import { beforeAll, expect, it } from 'vitest';
import { createRun, lessonScenario, loadLessons, type Frame, type Lesson } from '../../src/index.ts';
import { createLab, type Lab } from '../lab/lab.ts';
import { LabProvider } from '../lab/LabProvider.tsx';
import { HiddenAtStop } from '../predict/hooks.ts';
import { mount } from '../test-helpers/mount.tsx';
import { Diagram } from './Diagram.tsx';

let lesson: Lesson;
beforeAll(async () => {
  lesson = (await loadLessons()).find((l) => l.id === 'rolling-update')!;
});

function draw(lab: Lab, still?: Frame, hidden?: ReadonlySet<'budget.max'>): HTMLElement {
  return mount(
    <LabProvider lab={lab}>
      <HiddenAtStop.Provider value={hidden ?? null}>
        {still ? <Diagram fit="width" still={still} /> : <Diagram fit="width" />}
      </HiddenAtStop.Provider>
    </LabProvider>,
  ).host;
}

it('draws the frame it is given, without the request dots and the buttons', () => {
  const lab = createLab(lessonScenario(lesson), { scheduler: undefined });
  lab.seek(20);
  const run = createRun(lessonScenario(lesson));
  run.seek(31);
  const el = draw(lab, run.frame());
  const svg = el.querySelector('svg.diagram')!;
  expect(svg.textContent).toContain('rev 2 · v2');
  // 5 new pods, 8 old ones and 2 old ones terminating: lesson 4's third stop.
  expect(svg.querySelectorAll('g.pod')).toHaveLength(15);
  expect(svg.querySelectorAll('g.pod-terminating')).toHaveLength(2);
  expect(el.querySelector('canvas')).toBeNull();
  expect(el.querySelector('button')).toBeNull();
});

it('draws the lab’s moment, with its dots and buttons, when not still', () => {
  const lab = createLab(lessonScenario(lesson), { scheduler: undefined });
  lab.seek(20);
  const el = draw(lab);
  expect(el.querySelector('svg.diagram')!.textContent).not.toContain('rev 2');
  expect(el.querySelectorAll('svg.diagram g.pod')).toHaveLength(10);
  expect(el.querySelector('canvas')).not.toBeNull();
  expect(el.querySelector('button')).not.toBeNull();
});

it('hides what HiddenAtStop says, and only that', () => {
  const lab = createLab(lessonScenario(lesson), { scheduler: undefined });
  const run = createRun(lessonScenario(lesson));
  run.seek(31);
  const hidden = draw(lab, run.frame(), new Set(['budget.max'] as const)).querySelector('svg.diagram')!;
  expect(hidden.textContent).toContain('pods 13 ≤ ?');
  expect(hidden.textContent).toContain('available 8 ≥ 8');
  const shown = draw(lab, run.frame()).querySelector('svg.diagram')!;
  expect(shown.textContent).toContain('pods 13 ≤ 13');
});
