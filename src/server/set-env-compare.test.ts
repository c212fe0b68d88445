/**
 * `kubectl set env` beside the real kubectl against the served simulator: setting, changing and
 * removing variables (a change to the pod template starts a rollout), `--list`, `-e -` from stdin,
 * `--prefix`, `--overwrite=false`, container wildcards, `-f` and `--local`, dry runs and `-o`, and
 * kubectl's errors, the API server's among them. Then the resource builder's argument forms, which
 * every command shares (`a,b NAME`, `TYPE/NAME` with too many slashes or types). Skipped, saying
 * why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const v1 = deploymentManifest('kubia', { spec: 'replicas: 2' });
const svc =
  'apiVersion: v1\nkind: Service\nmetadata: {name: kubia}\nspec: {selector: {app: kubia}, ports: [{port: 80}]}\n';
/** A manifest as a file holds it: no server fields, and no defaults. */
const file = `apiVersion: apps/v1
kind: Deployment
metadata: {name: kubia}
spec:
  replicas: 2
  selector: {matchLabels: {app: kubia}}
  template:
    metadata: {labels: {app: kubia}}
    spec:
      containers:
      - {name: c, image: nginx}
`;
const env = 'get deployment kubia -o jsonpath={.spec.template.spec.containers[0].env}';

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply -f -\t${v1}`,
  `apply -f -\t${svc}`,
  30,
  'set env deployment/kubia GREETING=hello',
  // The same again: an empty patch is not sent, and nothing is printed.
  'set env deployment/kubia GREETING=hello',
  'set env deployment/kubia --list',
  'set env deployment/kubia MODE=fast LEVEL=3 -o yaml',
  env,
  'set env deployment/kubia GREETING=bye --overwrite=false',
  'set env deployment/kubia GREETING=hello --overwrite=false',
  'set env deployment/kubia MODE-',
  'set env deploy kubia -c c* WHO=all',
  'set env deploy kubia -c *x WHO=none',
  'set env deployment/kubia --prefix=APP_ A=1 B=2',
  'set env deployment/kubia -e -\tFROM_STDIN=1\nCOMMENTED=2 # note\nignored line\n',
  'set env deployment/kubia -e -\t1BAD=x\n',
  'set env deployment/kubia X=1 --dry-run=client',
  'set env deployment/kubia X=1 --dry-run=server -o name',
  'set env deployment/kubia X=1 -o jsonpath={.metadata.generation}',
  env,
  30,
  'rollout history deployment/kubia',
  'get replicasets -o custom-columns=NAME:.metadata.name,DESIRED:.spec.replicas,ENV:.spec.template.spec.containers[0].env[*].name',
  `set env -f - FROM_FILE=1\t${file}`,
  `set env -f - --list\t${file}`,
  `set env --local -f - LOCAL=1\t${file}`,
  `set env --local -f - LOCAL=1 -o yaml\t${file}`,
  `set env --local -f - LOCAL=1 -o json\t${file}`,
  'set env --all deployments ALL=1',
  'set env deployments -l app=nope X=1',
  'set env pods --all --list',
  'set env deployment/kubia --list --resolve',
  // kubectl's errors.
  'set env',
  'set env deployment/kubia 1A=b',
  'set env deployment/kubia A=b B=c A-',
  'set env deployment/kubia A=b extra',
  'set env deployment/kubia =x',
  'set env service/kubia A=b',
  'set env deployment/nope A=b',
  'set env deployment/kubia --from=configmap/settings',
  'set env deployment/kubia --from=deployment/kubia',
  'set env deployment/kubia --keys=a',
  'set env deployment/kubia --list -o yaml',
  'set env --all -l app=kubia deployments A=b',
  'set env --local deployment/kubia A=b',
  `set env --local --dry-run=server -f - A=b\t${file}`,
  'set env deployment/kubia A=b --dry-run=maybe',
  'set env --help',
  // Several errors: each on its own line, an empty one after a message that ends in a newline;
  // set image's missing containers before the objects' own errors.
  `apply -f -\t${svc.replace('name: kubia', 'name: other')}`,
  'set image service/kubia service/other c=nginx:1.29',
  'set env service/kubia service/other A=1',
  'set image service/kubia deployment/kubia c=nginx:1.28 nope=nginx',
  // set image and set selector print with the same flags, templates included.
  'set image deployment/kubia c=nginx:1.29 --template={{.spec.template.spec.containers}}',
  'set image deployment/kubia c=nginx:1.30 -o go-template={{.nope}} --allow-missing-template-keys=false',
  'set selector service/kubia app=kubia --dry-run=client -o go-template={{.spec.selector}}',
  'set env deployment/kubia T=1 --template={{.metadata.name}}',
  // set image reads -f too: the live objects, or with --local the manifests themselves.
  `set image -f - c=nginx:1.31\t${file}`,
  `set image --local -f - c=nginx:1.32\t${file}`,
  `set image --local -f - c=nginx:1.32 -o yaml\t${file}`,
  `set image --local -f - c=nginx:1.32 --dry-run=client -o name\t${file}`,
  'set image --local deployment/kubia c=nginx:1.32',
  `set image -f - deployment/kubia c=nginx:1.32\t${file}`,
  `set image --local --dry-run=server -f - c=nginx:1.32\t${file}`,
  `set image --local -f - c=nginx:1.32\t${svc}`,
  `set selector --local -f - tier=web -o yaml\t${svc}`,
  `set selector -f - app=kubia --dry-run=client\t${svc}`,
  `set selector --local -f - tier=web\t${file}`,
  'set selector --local service/kubia tier=web',
  `set selector --local --dry-run=server -f - tier=web\t${svc}`,
  // The resource builder's argument forms.
  'set env deploy,svc kubia Q=1',
  'get deploy,deploy kubia',
  'get deploy,svc kubia',
  'get deploy/kubia,svc/kubia',
  'get deploy,svc/kubia',
  'get deploy/kubia/x',
  'get deploy, kubia',
  'get deploy,',
  'delete deploy,svc kubia --dry-run=client',
  env,
];

describe.skipIf(!kubectl)(`kubectl set env beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('changes, lists and refuses as kubectl does, and the rollouts follow', async () => {
    let updated = 0;
    const differences = await pair().differences(STEPS, '', {
      seen: (run) => {
        if (run.real.stdout.includes('env updated')) updated++;
      },
    });
    expect(differences).toEqual([]);
    // Not a comparison of nothing: the real kubectl changed the Deployment this often.
    expect(updated).toBeGreaterThanOrEqual(8);
  });
});
