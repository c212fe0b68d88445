/**
 * `kubectl taint` beside the real kubectl against the served simulator, on three nodes: help, the
 * errors kubectl gives before it writes (arguments, taint specs, resource types, flags), taints
 * added, overwritten and removed by name, `-l` and `--all`, several nodes with some failing
 * (missing, already tainted, nothing to remove), dry runs and `-o`; then what the cluster makes of
 * them: a NoSchedule taint keeps new pods off its nodes (a scale-up goes elsewhere, or waits with
 * the scheduler's message), a NoExecute taint evicts the node's pods at once and their ReplicaSet
 * replaces them elsewhere, removing a taint lets the waiting pods in; `describe node` and the
 * taints as JSON along the way, and the API server's own checks of a Node's taints (`patch node`).
 * Then a NoExecute taint tolerated for 30 s, removed and added again: counted from the second time.
 * Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { PairedClusters, comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply -f -\t${deploymentManifest('kubia', { spec: 'replicas: 3' })}`,
  60,
  'taint --help',
  // Before anything is written: kubectl's own errors.
  'taint',
  'taint nodes',
  'taint nodes node-1 x=y:NoSchedule foo',
  'taint node-1 a=b:NoSchedule',
  'taint node/node-1 a=b:NoSchedule',
  'taint pods kubia a=b:NoSchedule',
  'taint nodes, node-1 a=b:NoSchedule',
  'taint nodes node-1 a=b:Bad',
  'taint nodes node-1 a=b=c:NoSchedule',
  'taint nodes node-1 k=v',
  'taint nodes node-1 k=-bad:NoSchedule',
  'taint nodes node-1 bad/key/x=y:NoSchedule',
  'taint nodes node-1 k=v:NoSchedule k=w:NoSchedule',
  'taint nodes node-1 k=v:NoSchedule k:NoSchedule-',
  'taint nodes a-',
  'taint nodes node-1 --all -l a=b k-',
  'taint nodes node-1 a=b:NoSchedule --validate=bogus',
  "taint nodes -l 'bad selector!!' a=b:NoSchedule",
  // NoSchedule on two nodes: tainted, refused without --overwrite, modified with it.
  'taint nodes node-2 node-3 dedicated=special:NoSchedule',
  'taint nodes node-2 dedicated=special:NoSchedule',
  'taint nodes node-2 dedicated=other:NoSchedule --overwrite',
  'taint nodes node-1 node-9 extra:PreferNoSchedule',
  'taint nodes --all zz- yy-',
  'taint nodes --all extra=z:PreferNoSchedule --overwrite -o yaml --dry-run=client',
  'taint nodes -l kubernetes.io/hostname=node-1 extra=z:PreferNoSchedule --overwrite --dry-run=server -o json',
  'taint nodes node-1 extra=z:PreferNoSchedule --overwrite --dry-run=client -o json',
  'taint nodes node-3 dedicated=special:NoSchedule --overwrite -o jsonpath={.spec.taints}',
  // The scale-up lands on the only node left open.
  'scale deployment kubia --replicas=5',
  1,
  'get pods -o wide',
  'describe node node-2',
  'get nodes -o jsonpath={.items[*].spec.taints}',
  // NoExecute: the node's pods go at once, and their replacements find no node.
  'taint nodes node-1 evict=now:NoExecute -o name',
  'get pods -o wide',
  1,
  'get pods -o wide',
  'get events --field-selector reason=FailedScheduling',
  'describe node node-1',
  // Removing a taint lets them in.
  'taint nodes node-2 dedicated:NoExecute-',
  'taint nodes node-2 dedicated-',
  1,
  'get pods -o wide',
  'taint nodes node-1 evict- extra:PreferNoSchedule- new=one:NoSchedule',
  'taint nodes node-1 node-1 new=one:NoSchedule',
  40,
  'get pods -o wide',
  'get nodes -o jsonpath={.items[*].spec.taints}',
  // The API server's checks of the taints another client sends.
  `patch node node-1 -p '{"spec":{"taints":[{"key":"a","effect":"Bad"},{"key":"a","effect":"NoSchedule"},{"key":"a","effect":"NoSchedule","value":"-x"},{"key":"b/c/d","effect":""}]}}'`,
  `patch node node-1 --type=merge -p '{"spec":{"taints":[{"key":"a","effect":"NoExecute"},{"key":"a","effect":"NoExecute"}]}}'`,
];

describe.skipIf(!kubectl)(`kubectl taint beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, [], 0, { cluster: { nodes: 3 } });

  it('prints what the real kubectl prints, and the cluster does the same with the taints', async () => {
    const outputs = new Map<string, string>();
    const differ = await pair().differences(STEPS, '', {
      seen: (run) => outputs.set(run.line, run.real.stdout + run.real.stderr),
    });
    expect(differ).toEqual([]);
    // What the steps are for: each reached the state it tests.
    expect(outputs.get('taint nodes node-2 node-3 dedicated=special:NoSchedule')).toBe(
      'node/node-2 tainted\nnode/node-3 tainted\n',
    );
    expect(outputs.get('taint nodes node-1 evict=now:NoExecute -o name')).toBe('node/node-1\n');
    expect(outputs.get('get events --field-selector reason=FailedScheduling')).toContain(
      'had untolerated taint {evict: now}',
    );
    const wide = outputs.get('get pods -o wide') ?? '';
    // Last seen: every pod Running, none on node-1 (it keeps a NoSchedule taint).
    expect(wide).not.toMatch(/Pending|Terminating|node-1/);
  }, 180_000);

  it('counts a NoExecute taint removed and added again from when it is seen again', async () => {
    // One node, one pod tolerating NoExecute taints for 30 s.
    const tolerant = deploymentManifest('tolerant').replace(
      '      containers:',
      '      tolerations:\n      - {operator: Exists, effect: NoExecute, tolerationSeconds: 30}\n      containers:',
    );
    const again = await PairedClusters.start({ kubectl: kubectl!.path, cluster: { seed: 7, nodes: 1 } });
    try {
      const pods: string[] = [];
      const differ = await again.differences(
        [
          `apply -f -\t${tolerant}`,
          30,
          'get pods',
          'taint nodes node-1 dedicated=x:NoExecute',
          10,
          'taint nodes node-1 dedicated:NoExecute-',
          10,
          'taint nodes node-1 dedicated=x:NoExecute',
          // Past the first taint's 30 s, short of the second's.
          25,
          'get pods',
          5,
          'get pods',
        ],
        '',
        { seen: (run) => run.line === 'get pods' && pods.push(run.real.stdout) },
      );
      expect(differ).toEqual([]);
      // The same pod, still running at 75 s, then evicted at 80 s.
      const pod = /\ntolerant-\S+/.exec(pods[0]!)![0];
      expect(pods[1]).toContain(`${pod}   1/1     Running`);
      expect(pods[2]).toContain(`${pod}   1/1     Terminating`);
    } finally {
      await again.close();
    }
  }, 60_000);
});
