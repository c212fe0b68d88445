/**
 * kubectl cordon and uncordon through the in-page kubectl and the real kubectl against the served
 * simulator (the served API patches a Node's spec.unschedulable as the typed client sends it), and
 * POST pods/NAME/eviction answered through the same evictPod and disruption controller the
 * in-page drain uses: with a budget of minAvailable 2 on 3 replicas, the first eviction is
 * allowed (201 Success) and the second refused (429 with a DisruptionBudget cause, upstream's
 * eviction.go wording). Skipped, saying why, without a kubectl binary.
 *
 * The real `kubectl drain` is not compared here: it sleeps and polls on the wall clock (5 s
 * between refused evictions, 1 s while waiting for a pod to go), and the paired harness only
 * moves the served cluster's virtual time when the client opens a watch.
 */
import { describe, expect, it } from 'vitest';
import { evictPod } from '../cluster/eviction.ts';
import { compare } from './compare.ts';
import { KUBIA_V1 } from './fixtures.ts';
import { PairedClusters, pickKubectl } from './paired.ts';

const PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: kubia
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: kubia
`;

const kubectl = pickKubectl(['kubectl.1.33', 'kubectl.1.32', 'kubectl']);
if (!kubectl) console.log('skipped: no kubectl binary on the PATH or in /usr/lib/google-cloud-sdk/bin');

describe.skipIf(!kubectl)(`cordon, uncordon and drain beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  it('cordons and uncordons as kubectl does; evicts through the disruption budget', async () => {
    const pair = await PairedClusters.start({
      kubectl: kubectl!.path,
      cluster: { seed: 7 },
      files: { 'kubia-deployment-v1.yaml': KUBIA_V1, 'pdb.yaml': PDB },
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
      const differ: string[] = [];
      for (const line of lines) {
        const run = await pair.run(line);
        const c = compare(run.inPage, run.real);
        if (!c.equalMasked)
          differ.push(
            `${line}\n--- in-page\n${run.inPage.stdout}${run.inPage.stderr}\n--- real\n${run.real.stdout}${run.real.stderr}`,
          );
      }
      expect(differ).toEqual([]);

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
});
