/**
 * Server-side dry runs beside the real kubectl against the served simulator: apply, create, scale,
 * set image, patch, label, rollout undo and delete with --dry-run=server, printed as the API
 * server answers them (a new object with a uid, creation time and generation but no
 * resourceVersion; a changed one with its next generation and the stored resourceVersion), and
 * nothing stored. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const v1 = deploymentManifest('kubia', { spec: 'replicas: 2' });
const v2 = deploymentManifest('kubia', { spec: 'replicas: 3' }).replace('image: nginx', 'image: nginx:1.27');

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply --dry-run=server -o yaml -f -\t${v1}`,
  `create --dry-run=server -o yaml -f -\t${v1}`,
  'create deployment x --image=nginx --dry-run=server -o yaml',
  // kubectl sends a typed create as protobuf: a negative int32 there takes ten bytes.
  'create deployment neg --image=nginx --replicas=-1 --dry-run=server',
  'create deployment neg --image=nginx --replicas=-2',
  'get deployments',
  `apply -f -\t${v1}`,
  30,
  `apply --dry-run=server -o yaml -f -\t${v1}`,
  `apply --dry-run=server -o yaml -f -\t${v2}`,
  `apply --dry-run=server -f -\t${v2}`,
  `create --dry-run=server -o yaml -f -\t${v1}`,
  'scale deployment kubia --replicas=5 --dry-run=server -o yaml',
  'set image deployment/kubia c=nginx:2 --dry-run=server -o yaml',
  `patch deployment kubia -p {"spec":{"replicas":4}} --dry-run=server -o yaml`,
  'label deployment kubia a=b --dry-run=server -o yaml',
  'rollout undo deployment kubia --dry-run=server',
  'delete deployment kubia --dry-run=server',
  'get deployment kubia -o yaml',
];

describe.skipIf(!kubectl)(`server-side dry runs beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints what the real kubectl prints, and stores nothing', async () => {
    expect(await pair().differences(STEPS)).toEqual([]);
  });
});
