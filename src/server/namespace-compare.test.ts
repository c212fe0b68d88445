/**
 * Namespaces that do not exist, beside the real kubectl against the served simulator. A list in
 * one is empty; a name kubectl does not find in a namespace other than default has it ask for the
 * namespace (the builder's Info.Get), and the missing namespace is what it reports. An empty
 * `--namespace` overrides nothing. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const SETUP = [
  'create deployment kubia --image=nginx --replicas=2',
  'create service clusterip kubia --tcp=80:8080',
];

const LINES = [
  'get pods -n nope',
  'get all -n nope',
  'get deploy kubia -n nope',
  'get deploy kubia -n kube-system',
  'get deploy kubia,web -n nope --ignore-not-found',
  'describe deploy kubia -n nope',
  'describe pods -n nope',
  'delete deploy kubia -n nope',
  'delete pods --all -n nope',
  'scale deploy kubia --replicas=3 -n nope',
  'rollout status deploy kubia -n nope',
  'rollout undo deploy/kubia -n nope',
  'label deploy kubia a=b -n nope',
  'set image deploy/kubia nginx=nginx:2 -n nope',
  'create deployment x --image=nginx -n nope',
  'get pods --namespace=""',
  'get deploy kubia -n "" -o name',
];

describe.skipIf(!kubectl)(`namespaces beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, SETUP, 30);

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });
});
