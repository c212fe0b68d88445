/**
 * kubectl cordon and uncordon through the in-page kubectl and the real kubectl against the served
 * simulator (the served API patches a Node's spec.unschedulable as the typed client sends it), and
 * POST pods/NAME/eviction answered through the same evictPod and disruption controller the
 * in-page drain uses: with a budget of minAvailable 2 on 3 replicas, the first eviction is
 * allowed (201 Success) and the second refused (429 with a DisruptionBudget cause, upstream's
 * eviction.go wording).
 *
 * Then the real `kubectl drain` beside the in-page one, on two nodes with two of the three
 * replicas on node-1 and a budget of minAvailable 2: one pod is evicted, the other refused (429,
 * `will retry after 5s`) until the replacement is Ready, then evicted; drain waits for both to go.
 * The real drain sleeps and polls on the wall clock, so it runs with the served cluster's time
 * following the wall clock (PairedClusters' `wall` runs). Skipped, saying why, without a kubectl
 * binary.
 */
import { describe, expect, it } from 'vitest';
import { evictPod } from '../cluster/eviction.ts';
import type { KubectlResult } from '../kubectl/command.ts';
import { compare, describeDifference, maskPodOrder } from './compare.ts';
import { KUBIA_PDB, KUBIA_V1 } from './fixtures.ts';
import { PairedClusters, comparisonKubectl } from './paired.ts';

const kubectl = comparisonKubectl();

describe.skipIf(!kubectl)(`cordon, uncordon and drain beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  it('cordons and uncordons as kubectl does; evicts through the disruption budget', async () => {
    const pair = await PairedClusters.start({
      kubectl: kubectl!.path,
      cluster: { seed: 7 },
      files: { 'kubia-deployment-v1.yaml': KUBIA_V1, 'pdb.yaml': KUBIA_PDB },
    });
    try {
      await pair.run('apply -f kubia-deployment-v1.yaml');
      pair.advance(60);
      await pair.run('create -f pdb.yaml');
      pair.advance(1);
      const nodes = await pair.run('get nodes -o name');
      const pods = await pair.run('get pods -o name');
      const node = nodes.real.stdout.split('\n')[0]!.replace('node/', '');
      const lines = [
        `cordon ${node}`,
        `cordon ${node}`,
        'get nodes',
        `uncordon ${node}`,
        `uncordon ${node}`,
        'get nodes',
      ];
      expect(await pair.differences(lines)).toEqual([]);

      // The Eviction API: the same requests against both clusters, in step.
      const [first, second] = pods.real.stdout
        .trim()
        .split('\n')
        .map((n) => n.replace('pod/', ''));
      const evict = async (name: string) => {
        const r = await fetch(`${pair.server.url}/api/v1/namespaces/default/pods/${name}/eviction`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            apiVersion: 'policy/v1',
            kind: 'Eviction',
            metadata: { name, namespace: 'default' },
          }),
        });
        return { code: r.status, body: (await r.json()) as Record<string, unknown> };
      };
      expect(evictPod(pair.inPage, 'default', first!)).toEqual({ ok: true });
      // The served write settles the controllers before it answers (the disruption controller
      // counts the evicted pod out); the in-page side does the same.
      pair.inPage.settle();
      expect(await evict(first!)).toEqual({
        code: 201,
        body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' },
      });
      const inPage = evictPod(pair.inPage, 'default', second!);
      expect(inPage.ok).toBe(false);
      expect(await evict(second!)).toEqual({
        code: 429,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: "Cannot evict pod as it would violate the pod's disruption budget.",
          reason: 'TooManyRequests',
          code: 429,
          details: {
            causes: [
              {
                reason: 'DisruptionBudget',
                message: 'The disruption budget kubia needs 2 healthy pods and has 2 currently',
              },
            ],
          },
        },
      });
      expect(inPage).toMatchObject({
        code: 429,
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        cause: 'The disruption budget kubia needs 2 healthy pods and has 2 currently',
      });
    } finally {
      await pair.close();
    }
  }, 300_000);

  it('drains a node as kubectl does: evictions refused by the budget are retried, then waited for', async () => {
    const pair = await PairedClusters.start({
      kubectl: kubectl!.path,
      cluster: { seed: 7, nodes: 2 },
      files: { 'kubia-deployment-v1.yaml': KUBIA_V1, 'pdb.yaml': KUBIA_PDB },
    });
    try {
      await pair.run('apply -f kubia-deployment-v1.yaml');
      pair.advance(60);
      await pair.run('create -f pdb.yaml');
      pair.advance(1);
      const wide = await pair.run('get pods -o wide');
      const onNode1 = wide.real.stdout
        .split('\n')
        .filter((l) => /\snode-1\s/.test(l))
        .map((l) => l.split(/\s+/)[0]!);
      // The retry case needs two budget-covered pods on the drained node.
      expect(onNode1).toHaveLength(2);
      const differ: string[] = [];
      const check = (line: string, a: KubectlResult, b: KubectlResult) => {
        if (!compare(a, b).equalMasked) differ.push(describeDifference(line, a, b));
      };
      for (const line of ['drain node-1 --dry-run=client', 'drain node-1 --dry-run=server', 'get nodes']) {
        const run = await pair.run(line);
        check(line, maskPodOrder(run.inPage, onNode1), maskPodOrder(run.real, onNode1));
      }
      const drain = await pair.run('drain node-1', { clock: 'wall' });
      // The refusal and the retry happened on both sides.
      expect(drain.real.stderr).toContain('(will retry after 5s)');
      const [inPage, real] = [maskPodOrder(drain.inPage, onNode1), maskPodOrder(drain.real, onNode1)];
      // One pod evicted at once; the other refused, evicted at the retry, then waited for.
      expect(real.stdout).toContain(
        '[stdout: evicting pod default/<pod>\nstdout: evicting pod default/<pod>\nstdout: pod/<pod> evicted\nstderr: error when evicting pods/"<pod>" -n "default" (will retry after 5s)',
      );
      check('drain node-1', inPage, real);
      // Afterwards: the replacements on node-2, the budget met again, node-1 cordoned and empty;
      // draining it again only says so.
      differ.push(
        ...(await pair.differences(['get pods -o wide', 'get pdb', 'get nodes', 'describe node node-1'])),
      );
      const again = await pair.run('drain node-1', { clock: 'wall' });
      check('drain node-1 (again)', again.inPage, again.real);
      expect(differ).toEqual([]);
    } finally {
      await pair.close();
    }
  }, 300_000);
});
