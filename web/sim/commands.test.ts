import { describe, expect, it } from 'vitest';
import type { Deployment, Service } from '../../src/k8s/types.ts';
import { mergePatch, recreate, rollingUpdate, shellQuote, switchService } from './commands.ts';
import { defaultScenario } from './defaultScenario.ts';
import { SimSession } from './session.ts';
import { ColourBook, clusterView } from './view.ts';

const kubia = (s: SimSession) => s.live.store.get<Deployment>('Deployment', 'default', 'kubia')!;

describe('commands', () => {
  it('merge patch removes keys set to null unless kept for apply', () => {
    expect(mergePatch({ a: 1, b: { c: 2 } }, { b: null })).toEqual({ a: 1 });
    expect(mergePatch({ a: 1, b: { c: 2 } }, { b: null }, true)).toEqual({ a: 1, b: null });
  });

  it('quotes like a shell', () => {
    expect(shellQuote('luksa/kubia:v2')).toBe('luksa/kubia:v2');
    expect(shellQuote(`{"a":1}`)).toBe(`'{"a":1}'`);
  });

  it.each([
    ['0', '0', 'may not be 0 when `maxSurge` is 0'],
    ['25%', '25%', ''],
    ['1', '0', ''],
  ])('rolling update maxSurge %s maxUnavailable %s → %s', (surge, unavail, message) => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    const r = rollingUpdate(kubia(s), {
      image: 'luksa/kubia:v2',
      maxSurge: surge,
      maxUnavailable: unavail,
      minReadySeconds: 0,
    });
    if (message) expect(r.error).toContain(message);
    else expect(r.error).toBe('');
  });

  it('Recreate switches the strategy then the image, and every old pod goes first', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    for (const l of recreate(kubia(s), 'luksa/kubia:v2')) expect(s.run(l.run, l.stdin).exitCode).toBe(0);
    expect(kubia(s).spec.strategy?.type).toBe('Recreate');
    s.advance(3);
    const v = clusterView(s.live, new ColourBook());
    const states = v.deployments[0]!.lanes.flatMap((l) => l.pods.map((p) => `${p.version}:${p.state}`));
    expect(states.every((x) => x === 'v1:terminating')).toBe(true);
    s.advance(60);
    const after = clusterView(s.live, new ColourBook()).deployments[0]!;
    expect(after.phase.text).toBe('Rollout complete');
  });
});

describe('the Recreate and blue/green commands', () => {
  it('use kubectl patch now that the core has it', () => {
    const s = new SimSession(defaultScenario());
    s.seek(20);
    const d = s.live.store.get<Deployment>('Deployment', 'default', 'kubia')!;
    expect(recreate(d, 'luksa/kubia:v2')[0]!.run).toMatch(/^kubectl patch deployment kubia -p /);
    const svc = s.live.store.get<Service>('Service', 'default', 'kubia')!;
    expect(switchService(svc, { app: 'kubia-green' }).run).toBe(
      `kubectl patch service kubia -p '{"spec":{"selector":{"app":"kubia-green"}}}'`,
    );
  });
});
