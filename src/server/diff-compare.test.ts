/**
 * `kubectl diff` beside the real kubectl (which runs the machine's `diff -u -N`) against the served
 * simulator: a new object, one unchanged, an image change, several documents, a selector, unknown
 * fields (warned of, as the server's default validation does), and kubectl's errors with exit status 2. The temporary directories' random names and the files'
 * times are masked; the rest must match. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import type { KubectlResult } from '../kubectl/command.ts';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const v1 = deploymentManifest('kubia', { spec: 'replicas: 2' });
const v2 = v1.replace('image: nginx', 'image: nginx:1.27');
/** Fields the API does not know: without a fieldValidation the server drops them with a warning. */
const unknown = v1.replace('replicas: 2', 'replicas: 2\n  replcas: 3');
const unknownNested = v2.replace('image: nginx:1.27', 'image: nginx:1.27\n        imagePolicy: Always');
const svc =
  'apiVersion: v1\nkind: Service\nmetadata: {name: kubia}\nspec: {selector: {app: kubia}, ports: [{port: 80}]}\n';

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `diff -f -\t${v1}`,
  `diff -f -\t${v1}---\n${svc}`,
  `diff -f -\t${unknown}`,
  `apply -f -\t${v1}`,
  30,
  `diff -f -\t${v1}`,
  `diff -f -\t${v2}`,
  `diff -f -\t${v2.replace('replicas: 2', 'replicas: 3')}`,
  `diff -f -\t${svc}---\n${v2}`,
  `diff -f - -l app=x\t${v2}`,
  `diff -f -\t${unknown}`,
  `diff -f -\t${unknownNested}`,
  'diff',
  'diff -f /nope',
  'diff -f -\tkind: Deployment\n',
  `diff -f -\t${v2.replace('replicas: 2', 'replicas: -1')}`,
  `diff -f -\t${v1.replace('name: kubia', 'name: kubia\n  namespace: nope')}`,
  'diff --help',
  'get deployment kubia -o jsonpath={.spec.template.spec.containers[0].image}',
];

/** The temporary directories' names and the files' times, which only the wall clock decides. */
const masked = (r: KubectlResult) =>
  `${r.stdout.replace(/(LIVE|MERGED)-\d+/g, '$1-N').replace(/\t\d{4}-\d\d-\d\d \S+ \+0000/g, '\t<time>')}\n${r.stderr}\n${r.exitCode}`;

describe.skipIf(!kubectl)(`kubectl diff beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints the same unified diff and exits with the same status', async () => {
    let diffs = 0;
    const differences = await pair().differences(STEPS, '', {
      same: (inPage, real) => masked(inPage) === masked(real),
      seen: (run) => {
        if (run.real.exitCode === 1) diffs++;
      },
    });
    expect(differences).toEqual([]);
    expect(diffs).toBe(7);
  });
});
