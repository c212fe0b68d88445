/**
 * Opening a scenario far from its start replays in slices between which the page runs, and tells
 * how far it is (`ui.opening`) a few times a second: each telling renders the notice and the page
 * under it. The page's clock is a fake here, one that moves a millisecond each time it is read, so
 * the test sees many slices whatever the machine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLab } from './lab.ts';
import { defaultScenario } from './defaultScenario.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Lab.open', () => {
  it('replays in slices and tells its progress at most every 100 ms', async () => {
    let ms = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (ms += 1));
    const lab = createLab(defaultScenario(), { scheduler: undefined });
    const told: { at: number; spentMs: number }[] = [];
    let yields = 0;
    lab.store.subscribe((s) => {
      if (s.ui.opening) told.push({ at: s.ui.opening.at, spentMs: s.ui.opening.spentMs });
    });
    const channel = globalThis.MessageChannel;
    globalThis.MessageChannel = class extends channel {
      constructor() {
        super();
        yields++;
      }
    };
    try {
      expect(await lab.open(defaultScenario(), 900)).toBe('opened');
    } finally {
      globalThis.MessageChannel = channel;
    }
    expect(lab.run.now()).toBe(900);
    expect(lab.store.getState().ui.opening).toBeNull();
    // It yielded to the page many times, and told its progress far fewer times, 100 ms apart.
    expect(told.length).toBeGreaterThan(1);
    expect(yields).toBeGreaterThan(told.length * 2);
    for (let i = 1; i < told.length; i++) {
      expect(told[i]!.spentMs - told[i - 1]!.spentMs).toBeGreaterThanOrEqual(100);
      expect(told[i]!.at).toBeGreaterThan(told[i - 1]!.at);
    }
    // The first telling comes before the first slice: the notice shows at once.
    expect(told[0]).toEqual({ at: 0, spentMs: expect.any(Number) });
  });
});
