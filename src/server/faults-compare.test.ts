/**
 * PodDisruptionBudgets through the in-page kubectl and the real kubectl against the served
 * simulator: get, describe (kubectl's client-side describer) and the object as the disruption
 * controller keeps it. The budget is created from kubectl's own `create pdb --dry-run=client -o
 * yaml`, so both sides read the same object; then patched (strategic, merge and JSON patches)
 * through the served API, including patches its validation refuses. Skipped, saying why, without
 * a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { KUBIA_PDB, KUBIA_V1 } from './fixtures.ts';
import { PairedClusters, comparisonKubectl } from './paired.ts';

const kubectl = comparisonKubectl();

/** Read with three Ready pods, then again after one of them is deleted. */
const COMMANDS = [
  'get pdb',
  'get pdb -o wide',
  'get poddisruptionbudgets.policy kubia -o name',
  'describe pdb kubia',
  'get pdb kubia -o yaml',
  'get pdb kubia -o json',
  'get pdb kubia -o jsonpath={.status.disruptionsAllowed}',
];

describe.skipIf(!kubectl)(`PodDisruptionBudgets beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  it('prints a budget byte for byte as kubectl does, before and after a pod is deleted', async () => {
    const pair = await PairedClusters.start({
      kubectl: kubectl!.path,
      cluster: { seed: 7 },
      files: { 'kubia-deployment-v1.yaml': KUBIA_V1, 'pdb.yaml': KUBIA_PDB },
    });
    try {
      await pair.run('apply -f kubia-deployment-v1.yaml');
      pair.advance(60);
      const created = await pair.run('create -f pdb.yaml');
      expect(created.real.stdout).toBe('poddisruptionbudget.policy/kubia created\n');
      expect(created.inPage.stdout).toBe(created.real.stdout);
      pair.advance(1);
      const differ: string[] = [];
      for (const phase of ['3 healthy', 'one deleted']) {
        if (phase === 'one deleted') {
          const pods = await pair.run('get pods -o name');
          const first = pods.real.stdout.split('\n')[0]!;
          await pair.run(`delete ${first} --wait=false`);
          pair.advance(1);
        }
        differ.push(...(await pair.differences(COMMANDS, `${phase}: `)));
      }
      // PATCH through the served API in kubectl's three patch types, the budget after each (the
      // disruption controller recounts it), and patches the API server refuses, refused alike.
      const patches = [
        `patch pdb kubia -p '{"spec":{"minAvailable":1}}'`,
        `patch pdb kubia -p '{"spec":{"minAvailable":1}}'`,
        'get pdb',
        `patch poddisruptionbudget kubia --type=merge -p '{"spec":{"minAvailable":null,"maxUnavailable":"50%"}}'`,
        'get pdb kubia -o yaml',
        `patch pdb/kubia --type=json -p '[{"op":"replace","path":"/spec/maxUnavailable","value":2}]'`,
        'describe pdb kubia',
        `patch pdb kubia --type=merge -p '{"spec":{"maxUnavailable":-1}}'`,
        `patch pdb kubia --type=merge -p '{"spec":{"maxUnavailable":"150%"}}'`,
        `patch pdb kubia --type=merge -p '{"spec":{"unhealthyPodEvictionPolicy":"Never"}}'`,
        `patch pdb kubia --type=json -p '[{"op":"remove","path":"/spec/nothing"}]'`,
        `patch pdb missing -p '{"spec":{"minAvailable":1}}'`,
        // kubectl create pdb writes protobuf; a budget of minAvailable 0 over no pods.
        'create pdb quiet --selector=app=quiet --min-available=0',
        'create pdb quiet --selector=app=quiet --min-available=0',
        'create pdb loud --selector=app=loud --max-unavailable=150%',
        'get pdb',
        'get pdb kubia -o yaml',
      ];
      differ.push(...(await pair.differences(patches, 'patch: ')));
      expect(differ).toEqual([]);
    } finally {
      await pair.close();
    }
  }, 300_000);
});
