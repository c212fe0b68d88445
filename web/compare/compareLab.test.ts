import { afterEach, describe, expect, it } from 'vitest';
import { COMPARISON_PRESETS, comparisonPreset, parseScenario } from '../../src/index.ts';
import { CompareLab } from './compareLab.ts';

/**
 * Where a comparison opens: a second before its updates begin, when nothing else is asked for.
 * The start-up before the updates is the same in every lane; the lanes open settled.
 */
describe('CompareLab: the opening', () => {
  const made: CompareLab[] = [];
  const lab = (...args: ConstructorParameters<typeof CompareLab>) => {
    const c = new CompareLab(...args);
    made.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of made.splice(0)) c.dispose();
  });

  it.each(COMPARISON_PRESETS.map((p) => [p.id]))('%s opens a second before its update', (id) => {
    const c = lab(comparisonPreset(id)!, { scheduler: undefined });
    const { start, t } = c.store.getState();
    expect(start).toBeGreaterThan(1);
    expect(t).toBe(start - 1);
    // Every lane is settled then: all its pods ready, nothing refused in the last second.
    for (const l of c.comparison.lanes) {
      const f = l.run.frame();
      expect(f.t).toBe(start - 1);
      const pods = f.objects.pods.filter((p) => !p.metadata.deletionTimestamp);
      expect(pods.length).toBeGreaterThan(0);
      expect(
        pods.every((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')),
      ).toBe(true);
    }
  });

  it('a moment asked for is kept; another comparison loaded without one opens at its own', () => {
    const c = lab(comparisonPreset('all-three')!, { scheduler: undefined, t: 31 });
    expect(c.store.getState().t).toBe(31);
    c.load(comparisonPreset('recreate-vs-rolling')!);
    expect(c.store.getState().t).toBe(c.comparison.start() - 1);
    c.load(comparisonPreset('all-three')!, { t: 0 });
    expect(c.store.getState().t).toBe(0);
  });

  it('an update at the very start opens at 0', () => {
    const s = parseScenario(comparisonPreset('recreate-vs-rolling')!);
    s.spec.variants = s.spec.variants!.map((v) => ({
      ...v,
      steps: v.steps.map((st) => ({ ...st, at: 0.5 })),
    }));
    const c = lab(s, { scheduler: undefined });
    expect(c.comparison.start()).toBe(0.5);
    expect(c.store.getState().t).toBe(0);
  });

  it('Play at the end plays again from the opening', () => {
    const c = lab(comparisonPreset('recreate-vs-rolling')!, { scheduler: undefined });
    c.seek(c.store.getState().end);
    c.play();
    expect(c.store.getState().t).toBe(c.comparison.start() - 1);
  });
});
