/**
 * `kubectl wait` beside the real kubectl against the served simulator: each kind of --for
 * (condition, jsonpath, delete, create), met at once, met later as the cluster moves on, not met
 * with --timeout=0, timed out (the same deadline for every object), objects by name, by selector
 * and missing, -o formats, and the errors kubectl gives before it waits. Timeouts here are short:
 * the real kubectl waits for them on the wall clock. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply -f -\t${deploymentManifest('kubia', { spec: 'replicas: 2' })}`,
  // Before any wait: kubectl's help and own errors.
  'wait --help',
  'wait --for=foo --timeout=abc deployment/kubia',
  'wait deployment/kubia',
  'wait --for=foo deployment/kubia',
  'wait --for=condition=Available',
  'wait --for=condition=Available deployment',
  'wait --for=condition=Available deployment/kubia -l app=kubia',
  'wait --for=condition=Available deployment kubia -l app=kubia',
  'wait --for=condition=Available deployment/kubia -A',
  'wait --for=condition=Available deployment/kubia --local',
  'wait --for=condition=Available deployment/kubia --timeout=abc',
  'wait --for=condition=Available deployment/kubia -o wide',
  'wait --for=condition=Available -f /nope',
  'wait --for=jsonpath= deployment/kubia',
  'wait --for=jsonpath={.spec.replicas}= deployment/kubia',
  'wait --for=jsonpath={.a}=1=2 deployment/kubia',
  'wait --for=jsonpath={.status.replicas deployment/kubia',
  'wait --for=jsonpath={.status.readyReplicas}==2 deployment/kubia',
  // Not yet available: one look, then a wait the cluster ends.
  'wait --for=condition=Available deployment/kubia --timeout=0',
  'wait --for=condition=Available deployment/kubia',
  'wait --for=condition=Available deployment/nope',
  'wait --for=condition=Available deployment/nope deployment/kubia',
  'wait --for=condition=Available deployment/nope deployment/nope2 --timeout=0',
  'wait --for=delete deployment/nope',
  20,
  'wait --for=condition=available=TRUE deploy kubia -o name',
  'wait --for=condition=Available,Progressing deployment/kubia --timeout=0',
  'wait --for=condition=Available=false deployment/kubia deployment/kubia --timeout=1s',
  'wait --for=condition=Ready pod -l app=kubia',
  'wait --for=condition=Ready pod --all -o yaml',
  'wait --for=condition=Ready pod --all -o json',
  'wait --for=condition=Ready pod -l app=none',
  'wait --for=delete pod -l app=none',
  'wait --for=delete pods --all --timeout=0',
  'wait --for=condition=Available deployment/kubia --timeout=-1s',
  `wait --for=condition=Available -f -\t${deploymentManifest('kubia', { spec: 'replicas: 2' })}`,
  // jsonpath: a value, any value, values that cannot be compared.
  'wait --for=jsonpath={.status.readyReplicas}=2 deployment/kubia',
  "wait --for=jsonpath='{.status.replicas}'=' 2 ' deployment/kubia --timeout=0",
  'wait --for=jsonpath={.status.conditions[0].status}=True deployment/kubia --timeout=0',
  'wait --for=jsonpath={.status} deployment/kubia --timeout=0',
  'wait --for=jsonpath={.status}=x deployment/kubia --timeout=0',
  'wait --for=jsonpath={.status.conditions[*].type} deployment/kubia --timeout=0',
  'wait --for=jsonpath={.spec.paused}=false deployment/kubia --timeout=0',
  "wait --for=jsonpath='{.status.readyReplicas}'=2 deployment/kubia -o yaml --timeout=0",
  'wait --for=condition=Progressing deployment/kubia -o jsonpath={.status.conditions[1].reason}',
  // create: there already, never there, two missing at once.
  'wait --for=create deployment/kubia -o name',
  'wait --for=create deployment/nope --timeout=1s',
  'wait --for=create deployment/nope --timeout=0',
  'wait --for=create deployment/kubia --timeout=0 -o name',
  'wait --for=create deployment -l app=x --timeout=0',
  'wait --for=create deployment/a deployment/b --timeout=1s',
  'wait --for=create deployment -l app=x --timeout=1s',
  // During a rolling update: pods come and go while they are waited for.
  'set image deployment/kubia c=nginx:1.27',
  'wait --for=jsonpath={.status.updatedReplicas}=2 deployment/kubia',
  'wait --for=condition=Ready pods -l app=kubia --timeout=2s',
  'wait --for=condition=Ready pods -l app=kubia --timeout=20s',
  'wait --for=jsonpath={.status.phase}=Running pod -l app=kubia -o name',
  // delete: the pods' grace period after a scale to zero, then the Deployment.
  'scale deployment kubia --replicas=0',
  'wait --for=delete pod -l app=kubia --timeout=0',
  'wait --for=delete pod -l app=kubia --timeout=60s',
  'get pods',
  'delete deployment kubia --wait=false',
  'wait --for=delete deployment/kubia --timeout=40s',
  'get deployments',
];

describe.skipIf(!kubectl)(`kubectl wait beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints what the real kubectl prints, at the same virtual moments', async () => {
    expect(await pair().differences(STEPS)).toEqual([]);
  }, 120_000);
});
