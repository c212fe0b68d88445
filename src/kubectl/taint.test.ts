/**
 * `kubectl taint` in the simulator's own terms: the taint arithmetic of utils.go, and what the
 * cluster makes of the taints: NoSchedule keeps new pods off (they go elsewhere or wait with the
 * scheduler's message), NoExecute evicts at once, or after tolerationSeconds counted from when the
 * controller first saw a taint kubectl added (it carries no timeAdded), or saw it again once it had
 * been removed, and PreferNoSchedule steers new pods away. What it prints is compared with the real kubectl in
 * src/server/taint-compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import { createCluster, createRun, type Scenario } from '../index.ts';
import { completeLine } from './commands/registry.ts';
import { parseTaints, reorganizeTaints } from './commands/taint.ts';

const deployment = (tolerations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
${tolerations}      containers:
      - name: c
        image: nginx
`;

/** Pod name → node (`<none>` while pending), of the pods not being deleted. */
function placement(wide: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of wide.trim().split('\n').slice(1)) {
    const cells = line.split(/\s+/);
    if (cells[2] !== 'Terminating') out.set(cells[0]!, cells[6]!);
  }
  return out;
}

const nodesOf = (wide: string) => [...placement(wide).values()].sort();

describe('taint arithmetic (utils.go)', () => {
  it('parses additions and removals, refusing what kubectl refuses', () => {
    expect(parseTaints(['a=b:NoSchedule', 'c:NoExecute', 'd-', 'e:PreferNoSchedule-'])).toEqual({
      add: [
        { key: 'a', value: 'b', effect: 'NoSchedule' },
        { key: 'c', value: '', effect: 'NoExecute' },
      ],
      remove: [
        { key: 'd', value: '', effect: '' },
        { key: 'e', value: '', effect: 'PreferNoSchedule' },
      ],
    });
    expect(() => parseTaints(['a'])).toThrow('invalid taint spec: a');
    expect(() => parseTaints(['a=b:Never'])).toThrow('invalid taint effect: Never, unsupported taint effect');
    expect(() => parseTaints(['a=1:NoSchedule', 'a=2:NoSchedule'])).toThrow(
      'duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}',
    );
  });

  it('puts the added taints first, keeps the others, and names the operation as kubectl does', () => {
    const old = [
      { key: 'x', effect: 'NoSchedule' as const },
      { key: 'y', value: 'v', effect: 'NoExecute' as const, timeAdded: '2025-01-01T00:00:00Z' },
    ];
    const [a] = parseTaints(['a=b:NoSchedule']).add;
    expect(reorganizeTaints(old, false, [a!], [])).toEqual({
      operation: 'tainted',
      taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }, ...old],
      errors: [],
    });
    const { remove } = parseTaints(['x-']);
    expect(reorganizeTaints(old, false, [], remove).operation).toBe('untainted');
    expect(reorganizeTaints(old, false, [a!], remove).operation).toBe('modified');
    expect(reorganizeTaints(old, true, [], remove).operation).toBe('modified');
    // Every removal that finds nothing is an error; nothing is written then.
    expect(reorganizeTaints(old, false, [], parseTaints(['z-', 'y:NoSchedule-']).remove).errors).toEqual([
      'taint "z" not found',
      'taint "y:NoSchedule" not found',
    ]);
  });
});

describe('completing kubectl taint', () => {
  it('offers node, then the nodes', () => {
    const c = new SimCluster({ nodes: 3 });
    expect(completeLine(c, 'kubectl taint ')).toEqual(['node']);
    expect(completeLine(c, 'kubectl taint nodes node-')).toEqual(['node-1', 'node-2', 'node-3']);
    expect(completeLine(c, 'kubectl taint nodes node-1 ')).toEqual([]);
  });
});

describe('what the cluster makes of taints', () => {
  const scenario: Scenario = {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'taints' },
    spec: {
      seed: 7,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      manifests: deployment(),
      steps: [
        { at: 30, run: 'kubectl taint nodes node-2 node-3 dedicated=special:NoSchedule' },
        { at: 40, run: 'kubectl scale deployment/kubia --replicas=5' },
        { at: 60, run: 'kubectl taint nodes node-1 evict=now:NoExecute' },
        { at: 80, run: 'kubectl taint nodes node-2 dedicated-' },
      ],
    },
  };

  it('keeps new pods off NoSchedule nodes, evicts at once for NoExecute, lets them in once removed', () => {
    const run = createRun(scenario);
    run.seek(29);
    expect(nodesOf(run.query('kubectl get pods -o wide').stdout)).toEqual(['node-1', 'node-2', 'node-3']);
    // The scale-up lands on the one node without the taint.
    run.seek(50);
    expect(nodesOf(run.query('kubectl get pods -o wide').stdout)).toEqual([
      'node-1',
      'node-1',
      'node-1',
      'node-2',
      'node-3',
    ]);
    // NoExecute: node-1's three pods are deleted at once; their replacements fit nowhere.
    run.seek(61);
    const wide = run.query('kubectl get pods -o wide').stdout;
    expect(wide.match(/Terminating/g)).toHaveLength(3);
    expect(nodesOf(wide)).toEqual(['<none>', '<none>', '<none>', 'node-2', 'node-3']);
    const events = run.query('kubectl get events --field-selector reason=FailedScheduling').stdout;
    expect(events).toContain(
      '0/3 nodes are available: 2 node(s) had untolerated taint {dedicated: special}, 1 node(s) had untolerated taint {evict: now}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(run.query('kubectl describe node node-1').stdout).toContain(
      'Taints:             evict=now:NoExecute\n',
    );
    // node-2 untainted: the waiting pods go there.
    run.seek(90);
    expect(nodesOf(run.query('kubectl get pods -o wide').stdout)).toEqual([
      'node-2',
      'node-2',
      'node-2',
      'node-2',
      'node-3',
    ]);
  });

  it('counts tolerationSeconds from when the taint was first seen, whatever the node does meanwhile', () => {
    const c = createCluster({ nodes: 3, seed: 7 });
    c.apply(
      deployment(
        '      tolerations:\n      - {key: dedicated, operator: Exists, effect: NoExecute, tolerationSeconds: 30}\n',
      ),
    );
    c.advance(60);
    expect(c.kubectl('taint nodes node-1 dedicated=x:NoExecute').stdout).toBe('node/node-1 tainted\n');
    // No timeAdded: the API server sets none.
    expect(c.kubectl('get node node-1 -o jsonpath={.spec.taints}').stdout).toBe(
      '[{"effect":"NoExecute","key":"dedicated","value":"x"}]',
    );
    c.advance(20);
    // Another write to the node restarts nothing.
    c.kubectl('taint nodes node-1 other=y:NoSchedule');
    c.advance(9.5);
    expect(c.kubectl('get pods -o wide').stdout).not.toContain('Terminating');
    c.advance(0.5);
    const wide = c.kubectl('get pods -o wide').stdout;
    expect(wide.match(/Terminating\s+0\s+\S+\s+\S+\s+node-1/g)).toHaveLength(1);
  });

  /**
   * A NoExecute taint tolerated for 30 s, changed at the given moments: when node-1's pod goes.
   * Upstream's taint eviction controller keeps one scheduled eviction per pod: kept while the
   * node's NoExecute taints change, cancelled once none is left, so a taint added again counts
   * from when it is seen again (taint_eviction.go: handleNodeUpdate, processPodOnNode).
   */
  it.each<{ name: string; changes: [number, string][]; goes: number | 'never' }>([
    { name: 'added at 60 s', changes: [[60, 'dedicated=x:NoExecute']], goes: 90 },
    {
      name: 'removed at 70 s, added again at 80 s',
      changes: [
        [60, 'dedicated=x:NoExecute'],
        [70, 'dedicated:NoExecute-'],
        [80, 'dedicated=x:NoExecute'],
      ],
      goes: 110,
    },
    {
      name: 'removed and added again at 70 s',
      changes: [
        [60, 'dedicated=x:NoExecute'],
        [70, 'dedicated:NoExecute-'],
        [70, 'dedicated=x:NoExecute'],
      ],
      goes: 100,
    },
    {
      name: 'removed at 65 s, added as y at 75 s',
      changes: [
        [60, 'dedicated=x:NoExecute'],
        [65, 'dedicated:NoExecute-'],
        [75, 'dedicated=y:NoExecute'],
      ],
      goes: 105,
    },
    {
      name: 'removed at 70 s for good',
      changes: [
        [60, 'dedicated=x:NoExecute'],
        [70, 'dedicated:NoExecute-'],
      ],
      goes: 'never',
    },
    {
      name: 'joined by another at 70 s',
      changes: [
        [60, 'dedicated=x:NoExecute'],
        [70, 'other=y:NoExecute'],
      ],
      goes: 90,
    },
    {
      name: 'one of two removed at 70 s',
      changes: [
        [60, 'dedicated=x:NoExecute other=y:NoExecute'],
        [70, 'other:NoExecute-'],
      ],
      goes: 90,
    },
  ])('a NoExecute taint $name: the pod goes at $goes', ({ changes, goes }) => {
    const c = createCluster({ nodes: 3, seed: 7 });
    c.apply(
      deployment(
        '      tolerations:\n      - {operator: Exists, effect: NoExecute, tolerationSeconds: 30}\n',
      ),
    );
    const onNode1 = () => [...placement(c.kubectl('get pods -o wide').stdout).values()].includes('node-1');
    let at: number | undefined;
    while (at === undefined && c.now() < 200) {
      c.advance(0.5);
      for (const [when, taints] of changes)
        if (when === c.now()) expect(c.kubectl(`taint nodes node-1 ${taints}`).exitCode).toBe(0);
      if (c.now() >= 60 && !onNode1()) at = c.now();
    }
    expect(at ?? 'never').toBe(goes);
  });

  it.each([
    {
      name: 'removed before it ran out: "Cancelling deletion", and the pod stays',
      then: 'dedicated:NoExecute-',
      events: ['Cancelling deletion of Pod default/POD'],
    },
    {
      name: 'joined by one it does not tolerate: "Cancelling deletion", then "Marking for deletion" at once',
      then: 'other=y:NoExecute',
      events: ['Cancelling deletion of Pod default/POD', 'Marking for deletion Pod default/POD'],
    },
  ])('a tolerated NoExecute taint $name', ({ then, events }) => {
    const c = createCluster({ nodes: 3, seed: 7 });
    c.apply(
      deployment(
        '      tolerations:\n      - {operator: Exists, effect: NoExecute, key: dedicated, tolerationSeconds: 30}\n',
      ),
    );
    c.advance(60);
    const pod = [...placement(c.kubectl('get pods -o wide').stdout)].find(
      ([, node]) => node === 'node-1',
    )![0];
    c.kubectl('taint nodes node-1 dedicated=x:NoExecute');
    c.advance(10);
    c.kubectl(`taint nodes node-1 ${then}`);
    c.advance(1);
    const got = c
      .kubectl(
        'get events --field-selector reason=TaintManagerEviction -o custom-columns=MSG:.message --no-headers',
      )
      .stdout.trim()
      .split('\n');
    expect(got).toEqual(events.map((e) => e.replace('POD', pod)));
  });

  it('steers new pods away from PreferNoSchedule taints they do not tolerate', () => {
    const c = createCluster({ nodes: 3, seed: 7 });
    c.apply(deployment());
    c.advance(30);
    c.kubectl('taint nodes node-1 node-2 busy:PreferNoSchedule');
    c.kubectl('scale deployment kubia --replicas=6');
    c.advance(5);
    const nodes = nodesOf(c.kubectl('get pods -o wide').stdout);
    expect(nodes.filter((n) => n === 'node-3')).toHaveLength(4);
  });
});
