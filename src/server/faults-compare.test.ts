/**
 * PodDisruptionBudgets through the in-page kubectl and the real kubectl against the served
 * simulator: get, describe (kubectl's client-side describer) and the object as the disruption
 * controller keeps it. The budget is created from kubectl's own `create pdb --dry-run=client -o
 * yaml`, so both sides read the same object. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
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
      files: { 'kubia-deployment-v1.yaml': KUBIA_V1, 'pdb.yaml': PDB },
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
        for (const line of COMMANDS) {
          const run = await pair.run(line);
          const c = compare(run.inPage, run.real);
          if (!c.equalMasked)
            differ.push(
              `${phase}: ${line}\n--- in-page\n${run.inPage.stdout}${run.inPage.stderr}\n--- real\n${run.real.stdout}${run.real.stderr}`,
            );
        }
      }
      expect(differ).toEqual([]);
    } finally {
      await pair.close();
    }
  }, 300_000);
});
