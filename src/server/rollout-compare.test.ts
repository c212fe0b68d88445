/**
 * A Deployment's life through the rollout commands, beside the real kubectl against the served
 * simulator: change-causes, a pause with a change held back, resume, history with and without
 * --revision (and -o yaml, the ReplicaSet as kubectl decodes it), undo to a revision, to one
 * that is not there, while paused, a restart, a scale to zero. Each output must match once
 * describe's ages are masked. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** Command lines, and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  'create deployment kubia --image=luksa/kubia:v1 --replicas=3',
  30,
  'annotate deployment kubia kubernetes.io/change-cause="first"',
  'set image deployment kubia kubia=luksa/kubia:v2',
  'annotate deployment kubia kubernetes.io/change-cause="to v2" --overwrite',
  5,
  'rollout pause deployment kubia',
  'rollout status deployment kubia --watch=false',
  'set image deployment kubia kubia=luksa/kubia:v3',
  'rollout history deployment kubia',
  'get rs',
  'rollout resume deployment kubia',
  3,
  'rollout status deployment kubia --watch=false',
  'rollout history deployment kubia',
  'rollout history deployment kubia --revision=1',
  'rollout undo deployment kubia --to-revision=1',
  2,
  'rollout history deployment kubia',
  'rollout undo deployment kubia --to-revision=9',
  'rollout undo deployment kubia --dry-run=server',
  'rollout pause deployment kubia',
  'rollout undo deployment kubia',
  'rollout restart deployment kubia',
  'rollout resume deployment kubia',
  'rollout history deployment kubia -o yaml --revision=2',
  'describe deployment kubia',
  'get deploy kubia -o wide',
  'rollout status deployment kubia --watch=false --revision=5',
  'scale deployment kubia --replicas=0',
  3,
  'get rs -o wide',
  'rollout history rs',
  'rollout status rs/kubia',
  'get deploy kubia -o jsonpath={.status}',
];

describe.skipIf(!kubectl)(`a rollout's life beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints what the real kubectl prints at every step', async () => {
    expect(await pair().differences(STEPS)).toEqual([]);
  });
});
