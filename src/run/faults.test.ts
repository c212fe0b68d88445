/**
 * A drain is a watching step that acts by itself (evictions retried after 5 s, polls every second):
 * a Run stops at those moments whatever the path, so seeking, playing in any steps and scrubbing
 * back give the same frames and the same drain output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun, type Frame, type Scenario } from '../index.ts';

const kubia = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: nodejs
        image: luksa/kubia:v1
`;

const drain: Scenario = {
  apiVersion: 'rolloutlab/v1',
  kind: 'Scenario',
  metadata: { name: 'drain' },
  spec: {
    seed: 7,
    cluster: { nodes: 2, cpu: '4', memory: '8Gi' },
    timing: {},
    manifests: kubia,
    steps: [
      { at: 20, run: 'kubectl create pdb kubia --selector=app=kubia --min-available=2' },
      { at: 21, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' },
      { at: 24, run: 'kubectl drain node-1 --ignore-daemonsets' },
    ],
  },
};

const comparable = (f: Frame) => ({ ...f, seq: 0, history: { ...f.history, version: 0 } });

describe('a drain step in a Run', () => {
  it('finishes with node-1 empty, and prints what kubectl drain prints', () => {
    const run = createRun(drain);
    run.seek(200);
    const step = run.frame().steps[2]!;
    expect(step.status).toBe('done');
    expect(step.exitCode).toBe(0);
    expect(step.stdout.startsWith('node/node-1 cordoned\nevicting pod default/kubia-')).toBe(true);
    expect(step.stdout.endsWith('node/node-1 drained\n')).toBe(true);
    expect(run.frame().objects.pods.filter((p) => p.spec.nodeName === 'node-1')).toEqual([]);
  });

  it('seeks to a moment exactly as playing there does (any mix of advance steps)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 9, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (sizes) => {
          const played = createRun(drain, { freeze: true });
          for (const s of sizes) played.advance(Math.round(s * 1000) / 1000);
          const t = played.now();
          const direct = createRun(drain, { freeze: true });
          direct.seek(t);
          expect(comparable(direct.frame())).toEqual(comparable(played.frame()));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('gives the same drain output after scrubbing back into it as going straight there', () => {
    const run = createRun(drain);
    for (const t of [45, 26, 90, 31.5, 200]) run.seek(t);
    const direct = createRun(drain);
    direct.seek(200);
    expect(run.frame().steps[2]).toEqual(direct.frame().steps[2]);
  });
});
