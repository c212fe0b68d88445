/**
 * `kubectl delete --cascade` beside the real kubectl against the served simulator. Orphan: the
 * owner goes, what it owned stays without its owner reference, and a Deployment applied again
 * adopts its ReplicaSet (no new one, no pod replaced). Foreground, which keeps the owner until
 * the garbage collector has deleted its dependents, is not simulated: the served API refuses it
 * for an owner that has dependents, and the in-page kubectl says the same. Several objects are
 * deleted one request at a time, each list asked for in its turn. Skipped, saying why, without a
 * kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();
const KUBIA = deploymentManifest('kubia', { spec: 'replicas: 3' });
const OWNERS =
  'get rs,pods -o custom-columns=KIND:.kind,OWNER:.metadata.ownerReferences[*].kind --sort-by=.kind';

/** [command line, stdin, seconds to let pass after it] */
const STEPS: [string, (string | undefined)?, number?][] = [
  ['apply -f -', KUBIA, 30],
  ['delete deployment kubia --cascade=x'],
  ['delete deployment kubia --cascade=foreground --dry-run=client'],
  ['delete deployment kubia --cascade=foreground'],
  [OWNERS],
  ['delete deployment kubia --cascade=orphan', undefined, 5],
  ['get deployments'],
  [OWNERS],
  ['get rs -o jsonpath={.items[*].status.replicas}'],
  ['get rs -o custom-columns=OWNER:.metadata.ownerReferences[*].kind --no-headers'],
  ['get deployments -o custom-columns=NAME:.metadata.name --no-headers'],
  ['get deployments -o custom-columns=NAME:.metadata.name'],
  // Applied again: the Deployment adopts its ReplicaSet, whose pods keep running.
  ['apply -f -', KUBIA, 5],
  [OWNERS],
  ['get rs -o jsonpath={.items[*].status.replicas}'],
  ['rollout status deployment kubia --watch=false'],
  // A boolean still works, with kubectl's warning: false orphans.
  ['delete deployment kubia --cascade=false', undefined, 5],
  [OWNERS],
  ['delete rs -l app=kubia --cascade=orphan', undefined, 5],
  ['get pods -o custom-columns=OWNER:.metadata.ownerReferences[*].kind'],
  // A pod owns nothing: foreground is background for it.
  ['delete pods -l app=kubia --cascade=foreground --wait=false', undefined, 40],
  ['get pods'],
  // One DELETE at a time, each list asked for when its turn comes: the ReplicaSet replaces each
  // pod before the next goes (so both sides name the new pods alike), and the Deployment's
  // ReplicaSet is gone by the time its list is asked for.
  ['apply -f -', KUBIA, 30],
  ['delete pods --all --wait=false', undefined, 3],
  ['get pods'],
  ['delete deploy,rs --all --wait=false', undefined, 3],
  ['get deploy,rs'],
];

describe.skipIf(!kubectl)(`delete --cascade beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it.each(STEPS)('kubectl %s', async (line, stdin, after) => {
    const run = await pair().run(line, stdin);
    expect(run.inPage).toEqual(run.real);
    if (after) pair().advance(after);
  });
});
