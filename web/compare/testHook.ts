/**
 * The Compare view's test hook (`window.__rolloutCompare`, typed in web/rolloutLab.d.ts): e2e specs
 * and benchmarks drive the comparison's virtual time with it instead of sleeping. Installed while
 * the view is open.
 */
import type { RolloutCompareHook } from '../rolloutLab.d.ts';
import type { CompareLab } from './compareLab.ts';

export function installCompareHook(c: CompareLab): () => void {
  const hook: RolloutCompareHook = {
    load: (scenario, t = 0) => c.load(scenario, { t }),
    seek: (t) => c.seek(t),
    advance: (s) => c.advance(s),
    play: (speed) => {
      if (speed !== undefined) c.setSpeed(speed);
      c.play();
    },
    pause: () => c.pause(),
    hold: (on = true) => {
      c.player.hold = on;
    },
    state: () => {
      const s = c.store.getState();
      const metrics = c.comparison.metrics();
      return {
        t: c.comparison.now(),
        start: s.start,
        end: s.end,
        playing: c.player.playing,
        preset: s.preset,
        lanes: c.comparison.lanes.map((l, i) => {
          const f = l.run.frame();
          return {
            name: l.name,
            t: l.run.now(),
            pods: f.objects.pods.length,
            deployments: f.view.deployments.map((d) => ({
              name: d.name,
              available: d.available,
              phase: d.phase.text,
            })),
            metrics: metrics[i]!,
          };
        }),
      };
    },
  };
  window.__rolloutCompare = hook;
  return () => {
    if (window.__rolloutCompare === hook) delete window.__rolloutCompare;
  };
}
