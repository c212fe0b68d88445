/**
 * kubectl's own checks and formats beside the real kubectl against the served simulator: what it
 * refuses before it asks the server anything, what it asks first, and how it lays out what it
 * prints. Each was found different once: `--show-labels` with a printer that is not a table,
 * `--no-headers` over several tables, resource names typed in capitals or with a version,
 * api-resources' VERBS, the server's version, `set image` with a container name and no image,
 * pause on several objects it cannot pause, and describe's lines for an ExternalName Service and
 * a load balancer's requested IP, empty maps a patch leaves (not stored), a sort by a value that
 * cannot be ordered (klog's fatal line), an empty custom column, and the global flags (`kubectl
 * options`). (A second restart within the same second is in
 * src/kubectl/fidelity.test.ts: the real kubectl stamps it with its own clock.) Skipped, saying
 * why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { KUBIA_FILES, KUBIA_SETUP } from './fixtures.ts';
import { comparisonKubectl, withoutKlogHeaders } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES = [
  // Labels are a column: any printer but the table's refuses them, named as typed.
  'get pods --show-labels -o name',
  'get pods --show-labels -o yaml',
  'get deploy --show-labels -ojsonpath={.kind}',
  'get deploy --show-labels -o custom-columns=N:.metadata.name',
  'get deploy --show-labels -o go-template={{.kind}}',
  'get deploy --show-labels -o wide',
  // Without headers, no blank line between tables.
  'get deploy,rs --no-headers',
  'get all --no-headers',
  'get all -o wide --no-headers',
  'get deploy/kubia svc/kubia --no-headers -L app --show-kind',
  'get deploy,rs',
  // VERBS joined with commas.
  'api-resources -o wide',
  'api-resources -o wide --api-group=apps',
  // A container name typed without its image is one more name, looked up first.
  'set image deploy kubia nodejs',
  'set image deploy kubia',
  // Short names as typed, other names in any case; the error names the resource before any dot.
  'get DEPLOY',
  'get Deploy',
  'get PO',
  'get Pods',
  'get DEPLOYMENTS',
  'get pod.v1',
  'get pods.v1.',
  'get deployment.extensions',
  'get deployments.v1beta1.apps',
  'get deployments.apps.v1',
  'get deploy.v1.apps',
  'get nothing.apps',
  // Several objects that cannot be paused: each line keeps its own prefix.
  'rollout pause pod -l app=kubia',
  'rollout resume pod -l app=kubia',
  'rollout restart pod -l app=kubia',
  'rollout pause pod -l app=kubia -o name',
  // An ExternalName Service: a DNS name, no cluster IP; a load balancer's requested IP.
  'create service externalname ext --external-name=example.com',
  'describe svc ext',
  'get svc ext -o yaml',
  'get svc -o wide',
  'create service loadbalancer lb --tcp=80:8080',
  `patch svc lb -p '{"spec":{"loadBalancerIP":"1.2.3.4"}}'`,
  'describe svc lb',
  // Empty maps are not stored: the last label removed leaves none, an empty nodeSelector is no change.
  'create service clusterip plain --tcp=80:8080',
  'label svc plain app-',
  'label svc plain tier=web',
  `patch svc plain --type=merge -p '{"metadata":{"labels":{"tier":null}}}'`,
  'get svc plain -o yaml',
  `patch deploy kubia -p '{"spec":{"template":{"spec":{"nodeSelector":{}}}}}'`,
  `patch deploy kubia --type=json -p '[{"op":"add","path":"/spec/selector/matchLabels/x","value":"y"}]'`,
  'get deploy kubia -o yaml',
  // Global flags: credentials and an identity change nothing against this API server.
  'get deploy --as=alice',
  'get deploy --as=alice --as-group=a --as-group=b --as-uid=1',
  'get deploy --as-group=a',
  'get deploy --as-uid=1',
  'get deploy --token=abc',
  'get deploy --username=a --password=b',
  'get deploy --token=abc --username=a --password=b',
  'get deploy --token=abc --password=b',
  'get deploy --insecure-skip-tls-verify --tls-server-name=x --disable-compression',
  'get deploy --match-server-version --cache-dir=/tmp/x --vmodule=a=1 --log-flush-frequency=1s',
  'get deploy --profile=none -v=0',
  // Before the command, a global flag's value may be the next word.
  '--as alice get deploy',
  '--request-timeout 5s get deploy',
  '-v 0 --as-group a --as alice get deploy',
  '--insecure-skip-tls-verify get deploy',
  'get deploy --log-flush-frequency=abc',
  'get deploy -v=abc',
  // Undoing a rollout of an applied Deployment: kubectl 1.33 warns of nothing (1.36 does).
  'set image deployment kubia nodejs=luksa/kubia:v2',
  'rollout undo deployment kubia',
];

describe.skipIf(!kubectl)(`kubectl's own checks beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, KUBIA_SETUP, 60, { files: KUBIA_FILES });

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  // Values the sorter cannot order end kubectl with klog's fatal line; its header carries each
  // one's own clock and process id, the rest is compared.
  it.each([
    'get pods --sort-by=.metadata.labels',
    'get pods --sort-by=.spec.enableServiceLinks',
    'get pods --sort-by=.status.conditions',
    'get pods --sort-by=.metadata.labels -o name',
    'get deploy,rs --sort-by=.metadata',
    'get deploy,rs --sort-by=.rows',
    'get deploy -o custom-columns=:',
    'get deploy -o custom-columns=A:,B:.metadata.name',
  ])('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(withoutKlogHeaders(run.inPage)).toEqual(withoutKlogHeaders(run.real));
  });

  it('kubectl options lists the global flags, the cache under its own home', async () => {
    const run = await pair().run('options');
    const home = (text: string) => text.replace(/--cache-dir='[^']*'/, "--cache-dir='~/.kube/cache'");
    expect(home(run.inPage.stdout)).toBe(home(run.real.stdout));
    expect(run.inPage.stdout).toContain("--cache-dir='/root/.kube/cache'");
    expect({ ...run.inPage, stdout: '' }).toEqual({ ...run.real, stdout: '' });
  });

  it('reports the same server version, the release the cluster runs', async () => {
    const run = await pair().run('version -o json');
    const server = (text: string) => (JSON.parse(text) as { serverVersion: unknown }).serverVersion;
    expect(server(run.inPage.stdout)).toEqual(server(run.real.stdout));
    const nodes = await pair().run('get nodes -o jsonpath={.items[0].status.nodeInfo.kubeletVersion}');
    expect(nodes.inPage).toEqual(nodes.real);
    expect(nodes.real.stdout).toBe((server(run.real.stdout) as { gitVersion: string }).gitVersion);
  });
});
