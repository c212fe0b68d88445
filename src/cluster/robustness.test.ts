/**
 * What no input may do to the simulator: leave it half-restored, share live objects with a caller,
 * or spin. Each case is a sequence from issue 12 that broke it before.
 */
import { describe, expect, it } from 'vitest';
import {
  BudgetError,
  createCluster,
  SnapshotError,
  type ClusterSnapshot,
  type Deployment,
} from '../index.ts';
import { ManifestError } from '../index.ts';
import { commands } from '../kubectl/commands/registry.ts';
import { MAX_STEPS_PER_INSTANT } from './cluster.ts';

const zero = { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 };
const kubia = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: kubia}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: kubia}}
  template:
    metadata: {labels: {app: kubia}}
    spec: {containers: [{name: nodejs, image: luksa/kubia:v1}]}
`;

const pods = (c: ReturnType<typeof createCluster>) => c.list('pods').length;

describe('restore() checks its input before touching anything', () => {
  const broken: [string, unknown][] = [
    ['{version: 1} alone', { version: 1 }],
    ['null', null],
    ['a future version', { version: 2 }],
    ['a string', 'snapshot'],
  ];
  it.each(broken)('%s: SnapshotError, and the informers still work', (_, s) => {
    const c = createCluster({ timing: zero });
    c.apply(kubia(3));
    c.advance(1);
    expect(() => c.restore(s as ClusterSnapshot)).toThrow(SnapshotError);
    expect(c.kubectl('scale deployment kubia --replicas=6').exitCode).toBe(0);
    c.advance(1);
    expect(pods(c)).toBe(6);
  });

  it('refuses a snapshot whose parts have the wrong types, naming the part', () => {
    const c = createCluster({ timing: zero });
    c.apply(kubia(2));
    c.advance(1);
    const good = c.snapshot();
    const bad = (patch: Record<string, unknown>) => ({ ...good, ...patch }) as unknown as ClusterSnapshot;
    expect(() => c.restore(bad({ now: -1 }))).toThrow('now is negative');
    expect(() => c.restore(bad({ timers: [{ at: 1, seq: 1, target: 'nothing', key: 'x' }] }))).toThrow(
      'timers[0].target is not a queue',
    );
    expect(() => c.restore(bad({ rand: [1, 2, 3] }))).toThrow('rand is not four integers');
    expect(() =>
      c.restore(bad({ store: { ...good.store, kinds: [['Pod', [['default/x', { kind: 'Pod' }]]]] } })),
    ).toThrow('store Pod default/x.metadata.name is not a string');
    // Nothing above changed the cluster.
    expect(pods(c)).toBe(2);
    c.restore(good);
    expect(pods(c)).toBe(2);
  });
});

describe('snapshot() shares nothing a caller can change', () => {
  it('mutating a snapshot does not change get()', () => {
    const c = createCluster({ timing: zero });
    c.apply(kubia(3));
    c.advance(1);
    const s = c.snapshot();
    const stored = s.store.kinds.find(([k]) => k === 'Deployment')![1][0]![1] as Deployment;
    expect(() => {
      (stored.spec as { replicas: number }).replicas = 99;
    }).toThrow(TypeError);
    expect(() => {
      (s.events[0] as { message: string }).message = 'changed';
    }).toThrow(TypeError);
    expect((c.get('deployment', 'kubia') as Deployment).spec.replicas).toBe(3);
  });

  it('an object restored from plain data cannot be changed through that data afterwards', () => {
    const c = createCluster({ timing: zero });
    c.apply(kubia(3));
    c.advance(1);
    const plain = JSON.parse(JSON.stringify(c.snapshot())) as ClusterSnapshot;
    c.restore(plain);
    const d = plain.store.kinds.find(([k]) => k === 'Deployment')![1][0]![1] as Deployment;
    expect(() => {
      (d.spec as { replicas: number }).replicas = 99;
    }).toThrow(TypeError);
    expect((c.get('deployment', 'kubia') as Deployment).spec.replicas).toBe(3);
  });
});

describe('work budgets', () => {
  it('a command that would create more pods than the budget is refused and changes nothing', () => {
    const c = createCluster({ timing: zero, maxPodsPerCommand: 50 });
    c.apply(kubia(3));
    c.advance(1);
    const r = c.kubectl('scale deployment kubia --replicas=500');
    expect(r).toEqual({
      stdout: '',
      stderr:
        'error: this command would create more than 50 pods at once, more than this simulated cluster runs in one command; nothing was changed\n',
      exitCode: 1,
    });
    expect((c.get('deployment', 'kubia') as Deployment).spec.replicas).toBe(3);
    expect(pods(c)).toBe(3);
    expect(c.kubectl('scale deployment kubia --replicas=40').exitCode).toBe(0);
    expect(pods(c)).toBe(40);
  });

  it('apply() over the budget throws BudgetError and changes nothing', () => {
    const c = createCluster({ timing: zero, maxPodsPerCommand: 10 });
    expect(() => c.apply(kubia(11))).toThrow(BudgetError);
    expect(c.list('deployments')).toEqual([]);
    expect(pods(c)).toBe(0);
  });

  it('playback never throws: a sync that fails or never settles is dropped and time moves on', () => {
    // An object no API path can store any more (replicas must be an int32): restored from a
    // hand-made snapshot, it makes the controllers fail at every sync.
    const c = createCluster({ timing: zero });
    c.apply(kubia(2));
    c.advance(1);
    const s = JSON.parse(JSON.stringify(c.snapshot())) as ClusterSnapshot;
    const entry = s.store.kinds.find(([k]) => k === 'Deployment')![1][0]!;
    entry[1] = { ...entry[1], spec: { ...(entry[1] as Deployment).spec, replicas: {} } } as never;
    s.queues.deployment = ['default/kubia'];
    c.restore(s);
    expect(() => c.advance(5)).not.toThrow();
    expect(c.now()).toBe(6);
    expect(MAX_STEPS_PER_INSTANT).toBeLessThanOrEqual(10_000);
  });
});

describe('internal errors never reach the user as exceptions', () => {
  it('the dispatcher turns an unexpected exception into kubectl’s error line and undoes the command', () => {
    const c = createCluster({ timing: zero });
    c.apply(kubia(2));
    c.advance(1);
    // A command with a bug: it writes, then fails with a TypeError.
    commands.push({
      name: 'buggy',
      short: 'a command that fails half way',
      flags: [],
      run: (ctx) => {
        ctx.cluster.delete('Deployment', 'default', 'kubia');
        return (undefined as unknown as { boom(): number }).boom();
      },
    });
    try {
      const r = c.kubectl('buggy');
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(
        /^error: internal error in the simulator: Cannot read properties of undefined/,
      );
      expect(c.get('deployment', 'kubia')).toBeDefined();
    } finally {
      commands.splice(
        commands.findIndex((x) => x.name === 'buggy'),
        1,
      );
    }
  });

  it('apply() refuses objects that are not JSON with ManifestError', () => {
    const c = createCluster({ timing: zero });
    const cyclic: Record<string, unknown> = { apiVersion: 'v1', kind: 'Pod' };
    cyclic['self'] = cyclic;
    expect(() => c.apply(cyclic)).toThrow(ManifestError);
    expect(() => c.apply({ apiVersion: 'v1', kind: 'Pod', n: BigInt(1) })).toThrow(ManifestError);
  });
});
