/**
 * kubectl replace beside the real kubectl against the served simulator: each object of the file
 * put whole in place of the stored one (what it leaves out is defaulted again: replicas back to
 * 1), a stale resourceVersion refused as a conflict, a missing object or namespace, an invalid or
 * undecodable manifest, dry runs, --save-config, and --force (deleted, then created). Then the
 * same reads on both sides show the same objects. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const noReplicas = deploymentManifest('kubia', { spec: 'minReadySeconds: 5' });
const v2 = deploymentManifest('kubia', { spec: 'replicas: 3' }).replace('image: nginx', 'image: nginx:1.27');

/** Command lines with their standard input (a manifest), in order: each sees what came before. */
const STEPS: [string, string?][] = [
  ['replace -f -', v2],
  ['get deploy kubia -o jsonpath={.spec.replicas}/{.metadata.generation}'],
  ['replace -f -', v2],
  ['replace -f -', noReplicas],
  ['get deploy kubia -o jsonpath={.spec.replicas}/{.spec.minReadySeconds}/{.metadata.generation}'],
  ['replace -f -', deploymentManifest('nope')],
  ['replace -f - -n other', v2],
  ['replace -f -', v2.replace('image: nginx:1.27', 'image: ""')],
  ['replace -f -', v2.replace('  replicas: 3', '  replicas: 3\n  foo: 1')],
  [
    'replace -f - --validate=false -o jsonpath={.spec.replicas}',
    v2.replace('  replicas: 3', '  replicas: 3\n  foo: 1'),
  ],
  ['replace -f -', v2.replace('  name: kubia', '  name: kubia\n  resourceVersion: "1"')],
  ['replace -f -', `${v2}---\n${deploymentManifest('nope')}`],
  ['replace -f -', `${v2.replace('image: nginx:1.27', 'image: ""')}---\n${deploymentManifest('nope')}`],
  ['replace -f - --dry-run=server -o yaml', noReplicas],
  ['replace -f - --dry-run=client', noReplicas],
  ['replace -f - --save-config -o jsonpath={.metadata.annotations}', v2],
  ['replace --force -f - --dry-run=client', v2],
  ['replace --force -f -', v2],
  ['replace --force -f -', deploymentManifest('fresh')],
  ['replace'],
  ['replace deploy kubia'],
  ['get deploy -o wide'],
  ['rollout history deploy/kubia'],
];

describe.skipIf(!kubectl)(`kubectl replace beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, ['create deployment kubia --image=nginx --replicas=2'], 20);

  it.each(STEPS.map(([line, stdin], i) => [i, line, stdin] as const))(
    '%i: kubectl %s',
    async (_, line, stdin) => {
      const run = await pair().run(line, stdin);
      expect(run.inPage).toEqual(run.real);
      pair().advance(5);
    },
  );
});
