/**
 * `kubectl set resources` beside the real kubectl against the served simulator: limits and
 * requests set on every container (init containers too) or on those `-c` selects with wildcards,
 * quantities in the canonical form kubectl sends, an unchanged object not sent, `-l`, `--all`,
 * `-o`, both dry runs, `--local` with `-f`, `--record`; kubectl's own errors, the objects it cannot
 * change, and the API server's refusal of a request above its limit. A request no node can hold
 * starts a rollout whose new pod stays Pending. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** Two containers and an init container, to select among. */
const KUBIA = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
  labels: {tier: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
      initContainers:
      - name: init
        image: busybox
      containers:
      - name: c
        image: nginx
      - name: sidecar
        image: busybox
`;
const OTHER = deploymentManifest('other', { metadata: '  labels: {tier: web}\n' });
const SVC =
  'apiVersion: v1\nkind: Service\nmetadata: {name: kubia}\nspec: {selector: {app: kubia}, ports: [{port: 80}]}\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx}]}\n';
const PDB =
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec: {minAvailable: 1}\n';
const NAMED = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\n`;

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply -f -\t${KUBIA}`,
  `apply -f -\t${OTHER}`,
  `apply -f -\t${SVC}`,
  20,
  'set --help',
  'set resources --help',
  // Every container, then the same values in another spelling: an empty patch, not sent.
  'set resources deployment kubia --limits=cpu=200m,memory=512Mi',
  'set resources deployment kubia --limits=cpu=0.2,memory=512Mi',
  'set resources deployment kubia -c=c --requests=cpu=100m,memory=256Mi -o yaml',
  "set resources deployment kubia -c 's*' --limits=cpu=300m -o name",
  "set resources deployment kubia -c '*i*' --requests=cpu=10m --dry-run=server",
  'set resources deployment kubia -c init --limits=memory=1G --dry-run=client -o jsonpath={.spec.template.spec.initContainers[0].resources}',
  // Quantities as resource.ParseQuantity keeps or canonicalizes them.
  'set resources deployment kubia --limits=cpu=0.5,memory=1024Mi,ephemeral-storage=1e3 --dry-run=client -o jsonpath={.spec.template.spec.containers[*].resources}',
  'set resources deployment kubia -c c --limits=a=+1,b=012,c=100e-3,d=1.5Gi,e=0.5n,f=1000E,g=15e2 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].resources.limits}',
  // Selected by label, all of a type, none.
  'set resources deployment -l tier=web --requests=memory=64Mi',
  'set resources deployment -l tier=none --limits=cpu=1',
  'set resources deployment --all --limits=memory=128Mi --dry-run=client -o name',
  'set resources deployment --all -l tier=web --limits=cpu=1',
  // Objects it cannot change: no such container, no pod template, not found.
  'set resources deployment kubia other -c nope --limits=cpu=1',
  'set resources deployment kubia other -c c --limits=cpu=600m',
  'set resources service/kubia deployment/kubia --limits=cpu=700m',
  'set resources service/kubia service/kubia --limits=cpu=700m',
  'set resources deployment/kubia deployment/nope --limits=cpu=1',
  'set resources deployment/nope deployment/nope2 --limits=cpu=1',
  // kubectl's own errors.
  'set resources deployment kubia',
  'set resources deployment kubia --limits=cpu=abc',
  'set resources deployment kubia --limits=memory=1Gb',
  'set resources deployment kubia --limits=cpu',
  'set resources deployment kubia --limits=cpu=1=2',
  'set resources deployment kubia --limits=,',
  'set resources deployment kubia --limits=cpu=1 --dry-run=bogus',
  'set resources deployment kubia --limits=cpu=1 -o wide',
  'set resources --limits=cpu=1',
  'set resources deployment --limits=cpu=1',
  'set resources deployment kubia --local --limits=cpu=1',
  // The API server's: a request above its limit, a negative quantity.
  'set resources deployment kubia --requests=cpu=2 --limits=cpu=1',
  'set resources deployment kubia other --limits=cpu=100m --requests=cpu=200m',
  'set resources deployment kubia --limits=cpu=-1',
  // From manifests: printed as read with --local, the live objects without it.
  `set resources -f - --local --limits=cpu=200m,memory=512Mi -o yaml\t${OTHER}`,
  `set resources -f - --local --dry-run=server --limits=cpu=1\t${POD}`,
  `set resources -f - --local --limits=cpu=1\t${PDB}`,
  `set resources -f - --limits=cpu=250m\t${NAMED('kubia')}---\n${NAMED('nope')}`,
  `set resources -f - --limits=cpu=250m -o name\t${NAMED('kubia')}---\n${NAMED('other')}`,
  // A request no node can hold: the new ReplicaSet's pod stays Pending.
  'set resources deployment other --limits=cpu=100 --requests=cpu=100 --record',
  "get deployment other -o jsonpath='{.metadata.annotations.kubernetes\\.io/change-cause}'",
  10,
  'get pods -l app=other',
  'get deployment kubia -o yaml',
];

describe.skipIf(!kubectl)(`kubectl set resources beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints what the real kubectl prints and stores what it stores', async () => {
    expect(await pair().differences(STEPS)).toEqual([]);
  }, 120_000);
});
