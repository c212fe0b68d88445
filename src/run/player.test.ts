/**
 * Playing a Run in real time with a fake frame scheduler and clock: the state played to equals the
 * state sought to, and a frame that runs out of its budget falls behind without ever splitting an
 * instant.
 */
import { describe, expect, it } from 'vitest';
import { createRun, Player, type FrameScheduler, type Scenario } from '../index.ts';

const scenario = (): Scenario => ({
  apiVersion: 'rolloutlab/v1',
  kind: 'Scenario',
  metadata: { name: 'player' },
  spec: {
    seed: 7,
    cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
    timing: {},
    traffic: { service: 'kubia', requestsPerSecond: 10 },
    manifests: JSON.stringify([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'kubia' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'kubia' } },
          template: {
            metadata: { labels: { app: 'kubia' } },
            spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1' }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubia' },
        spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
      },
    ]),
    steps: [{ at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }],
  },
});

/** A fake frame scheduler: `frame(ms)` runs the pending callback. */
function fakeFrames(): FrameScheduler & { frame(ms: number): void } {
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

const pods = (run: ReturnType<typeof createRun>) => JSON.stringify(run.frame().objects.pods);

describe('Player', () => {
  it('playing frame by frame reaches the same state as seeking there', () => {
    const frames = fakeFrames();
    const run = createRun(scenario());
    run.seek(15);
    const player = new Player(run, { scheduler: frames, clock: () => 0 });
    player.setSpeed(16);
    player.play();
    for (let ms = 0; run.now() < 45; ms += 16) frames.frame(ms);
    player.pause();
    const direct = createRun(scenario());
    direct.seek(run.now());
    expect(pods(run)).toBe(pods(direct));
  });

  it('a frame simulates for at most its budget: playback falls behind, the state stays exact', () => {
    const play = (clock: () => number) => {
      const frames = fakeFrames();
      const run = createRun(scenario());
      run.seek(15);
      const player = new Player(run, { scheduler: frames, clock });
      player.setSpeed(16);
      player.play();
      for (let ms = 0; ms <= 60 * 16; ms += 16) frames.frame(ms);
      const behind = player.behind;
      player.pause();
      return { run, behind, after: player.behind };
    };
    const unhurried = play(() => 0);
    // Every look at the clock finds 20 ms gone: each frame gets through one instant.
    let wall = 0;
    const hurried = play(() => (wall += 20));
    expect(unhurried.run.now()).toBeCloseTo(15 + 60 * 0.016 * 16, 6);
    expect(hurried.run.now()).toBeGreaterThan(15);
    expect(hurried.run.now()).toBeLessThan(unhurried.run.now() - 1);
    // The playback bar says so while it lasts.
    expect([unhurried.behind, hurried.behind, hurried.after]).toEqual([false, true, false]);
    const direct = createRun(scenario());
    direct.seek(hurried.run.now());
    expect(pods(hurried.run)).toBe(pods(direct));
  });

  it('plays to a moment and stops exactly there', () => {
    const frames = fakeFrames();
    const run = createRun(scenario());
    const player = new Player(run, { scheduler: frames, clock: () => 0 });
    player.setSpeed(4);
    player.play(12.345);
    for (let ms = 0; player.playing && ms < 60_000; ms += 16) frames.frame(ms);
    expect(player.playing).toBe(false);
    expect(run.now()).toBe(12.345);
  });

  it('without animation frames, play does nothing', () => {
    const run = createRun(scenario());
    const player = new Player(run, { clock: () => 0 });
    player.play();
    expect(player.playing).toBe(false);
    expect(run.now()).toBe(0);
  });
});

describe('stepping', () => {
  it('steps forward to the next controller action and back to the previous change', () => {
    const run = createRun(scenario());
    run.stepForward();
    expect(run.now()).toBeGreaterThan(0);
    expect(run.now()).toBeLessThanOrEqual(1);
    const first = run.now();
    run.stepForward();
    expect(run.now()).toBeGreaterThan(first);
    run.stepBack();
    expect(run.now()).toBeCloseTo(first, 6);
  });

  it('on a settled cluster, steps 10 s on rather than minutes of nothing, and back to the last change', () => {
    const run = createRun(scenario());
    run.seek(120);
    const settled = run.frame().history.samples.at(-1);
    run.stepForward();
    expect(run.now()).toBe(130);
    run.stepForward();
    expect(run.now()).toBe(140);
    // Nothing changed on the way: the same objects, and back is the last change, before 2:00.
    expect(run.frame().history.samples.at(-1)?.pods).toBe(settled?.pods);
    run.stepBack();
    expect(run.now()).toBeLessThan(120);
  });
});
