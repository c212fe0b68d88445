import { describe, expect, it } from 'vitest';
import type { Pod, ReplicaSet } from '../../src/k8s/types.ts';
import { defaultScenario } from './defaultScenario.ts';
import { SimSession, type Scheduler } from './session.ts';

const images = (s: SimSession) =>
  s.live.store
    .list<Pod>('Pod')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.containers[0]!.image)
    .sort();

/** A fake frame scheduler: `frame(ms)` runs the pending callback. */
function fakeFrames(): Scheduler & { frame(ms: number): void } {
  let cb: ((ms: number) => void) | undefined;
  return {
    request(f) {
      cb = f;
      return 1;
    },
    cancel() {
      cb = undefined;
    },
    frame(ms) {
      const f = cb;
      cb = undefined;
      f?.(ms);
    },
  };
}

describe('SimSession', () => {
  it('starts the kubia Deployment and reaches 3 ready pods of v1', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    expect(images(s)).toEqual(['luksa/kubia:v1', 'luksa/kubia:v1', 'luksa/kubia:v1']);
    expect(s.live.store.list<Pod>('Pod').every((p) => p.status.phase === 'Running')).toBe(true);
  });

  it('run() appends a step at the current time and the rollout completes', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    const r = s.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    expect(r.exitCode).toBe(0);
    expect(s.steps.map((x) => [x.at, x.run])).toEqual([
      [20, 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2'],
    ]);
    s.advance(60);
    expect(images(s)).toEqual(['luksa/kubia:v2', 'luksa/kubia:v2', 'luksa/kubia:v2']);
  });

  it('seek back shows the earlier state and seek forward replays the same future', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    s.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    s.seek(200);
    const later = JSON.stringify(s.live.store.list('Pod'));
    s.seek(15);
    expect(images(s)).toEqual(['luksa/kubia:v1', 'luksa/kubia:v1', 'luksa/kubia:v1']);
    s.seek(200);
    expect(JSON.stringify(s.live.store.list('Pod'))).toBe(later);
  });

  it('seeking gives the same state as playing there frame by frame', () => {
    const frames = fakeFrames();
    const a = new SimSession(defaultScenario(), { scheduler: frames });
    a.seek(20);
    a.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    a.setSpeed(16);
    a.play();
    for (let ms = 0; a.now < 45; ms += 16) frames.frame(ms);
    a.pause();
    const t = a.now;
    const b = new SimSession(a.scenario);
    b.seek(t);
    expect(JSON.stringify(b.live.store.list('Pod'))).toBe(JSON.stringify(a.live.store.list('Pod')));
    expect(JSON.stringify(b.live.store.list('ReplicaSet'))).toBe(
      JSON.stringify(a.live.store.list('ReplicaSet')),
    );
  });

  it('a frame simulates for at most its budget: playback falls behind, the state stays exact', () => {
    const run = (clock?: () => number) => {
      const frames = fakeFrames();
      const s = new SimSession(defaultScenario(), { scheduler: frames, ...(clock ? { clock } : {}) });
      s.seek(20);
      s.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
      s.setSpeed(16);
      s.play();
      for (let ms = 0; ms <= 60 * 16; ms += 16) frames.frame(ms);
      const behind = s.behind;
      s.pause();
      return Object.assign(s, { wasBehind: behind });
    };
    const unhurried = run(() => 0);
    // Every look at the clock finds 20 ms gone: each frame gets through one instant.
    let wall = 0;
    const hurried = run(() => (wall += 20));
    expect(unhurried.now).toBeCloseTo(20 + 60 * 0.016 * 16, 6);
    expect(hurried.now).toBeGreaterThan(20);
    expect(hurried.now).toBeLessThan(unhurried.now - 1);
    // The playback bar says so while it lasts.
    expect([unhurried.wasBehind, hurried.wasBehind, hurried.behind]).toEqual([false, true, false]);
    const fresh = new SimSession(hurried.scenario);
    fresh.seek(hurried.now);
    expect(JSON.stringify(hurried.live.store.list('Pod'))).toBe(JSON.stringify(fresh.live.store.list('Pod')));
  });

  it('acting from a past moment discards the steps after it', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    s.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    s.seek(60);
    s.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v4');
    s.seek(10);
    s.run('kubectl scale deployment/kubia --replicas=5');
    expect(s.steps.map((x) => x.at)).toEqual([10]);
    s.seek(100);
    expect(images(s)).toEqual(new Array(5).fill('luksa/kubia:v1'));
  });

  it('steps forward to the next controller action and back to the previous change', () => {
    const s = new SimSession(defaultScenario());
    s.seek(0);
    s.stepForward();
    expect(s.now).toBeGreaterThan(0);
    expect(s.now).toBeLessThanOrEqual(1);
    const first = s.now;
    s.stepForward();
    expect(s.now).toBeGreaterThan(first);
    s.stepBack();
    expect(s.now).toBeCloseTo(first, 6);
  });

  it('records samples with replicas per ReplicaSet for the timeline', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    s.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    s.seek(100);
    const rsNames = s.live.store.list<ReplicaSet>('ReplicaSet').map((r) => r.metadata.name);
    expect(rsNames).toHaveLength(2);
    const last = s.samples[100]!;
    expect(Object.values(last.rs).sort()).toEqual([0, 3]);
    expect(s.samples.length).toBeGreaterThanOrEqual(s.duration);
  });

  it('seeks to any moment of a 10-minute run quickly', () => {
    const sc = defaultScenario();
    sc.spec.steps = [
      { at: 30, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
      { at: 300, run: 'kubectl scale deployment/kubia --replicas=10' },
      { at: 450, run: 'kubectl rollout undo deployment/kubia' },
    ];
    const s = new SimSession(sc);
    s.seek(600);
    const t0 = performance.now();
    for (const t of [5, 595, 33.3, 451, 299.9, 120]) s.seek(t);
    expect((performance.now() - t0) / 6).toBeLessThan(100);
  });
});
