/**
 * A context, cluster or user that the kubeconfig does not have, beside the real kubectl against the
 * served simulator (whose kubeconfig has one of each, `rollout-lab`): refused in client-go's words,
 * which differ by what the command reads first (its namespace, through the resource builder, or
 * its REST config), after the checks a command makes of its arguments first, and listed together
 * where clientcmd validates them together. `-n` changes the path. `kubectl config` reads the file
 * itself. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { KUBIA_FILES, KUBIA_SETUP } from './fixtures.ts';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** One line per command the page simulates, each fine as it stands. */
const COMMANDS = [
  'get pods',
  'get --raw /api',
  'describe deploy kubia',
  'edit deploy kubia',
  'delete pod nosuch',
  'rollout status deploy/kubia',
  'rollout history deploy/kubia',
  'rollout undo deploy/kubia',
  'rollout pause deploy/kubia',
  'rollout restart deploy/kubia',
  'scale deploy/kubia --replicas=3',
  'top pod',
  'top node',
  'taint nodes --all a=b:NoSchedule',
  'logs deploy/kubia',
  'events',
  'label deploy kubia a=b',
  'annotate deploy kubia a=b',
  'patch deploy kubia -p {}',
  'set image deploy/kubia nodejs=luksa/kubia:v2',
  'set resources deploy/kubia --limits=cpu=1',
  'set env deploy/kubia A=b',
  'set selector svc kubia app=kubia',
  'set serviceaccount deploy kubia default',
  'create deploy x --image=nginx',
  'create -f kubia-svc.yaml',
  'create service clusterip x --tcp=80',
  'create pdb x --selector=app=kubia --min-available=1',
  'expose deploy kubia --port=80 --name=x',
  'run x --image=nginx',
  'apply -f kubia-svc.yaml',
  'replace -f kubia-svc.yaml',
  'diff -f kubia-svc.yaml',
  'explain pods',
  'wait --for=condition=Available deploy/kubia',
  'cordon nosuch',
  'uncordon nosuch',
  'drain nosuch',
  'api-resources',
  'api-versions',
  'version',
  // The commands the page does not simulate check the configuration first too.
  'exec kubia -- ls',
  'cp kubia:/a b',
  'auth can-i get pods',
  'autoscale deploy kubia --max=2',
  'create secret generic x',
  'cluster-info',
];

const LINES = [
  ...COMMANDS.flatMap((c) => [`--context=x ${c}`, `--cluster=x ${c}`, `--user=x ${c}`]),
  // Several at once: the namespace path lists what clientcmd validates together; the REST path
  // names the user first, then the context, then the cluster.
  ...['get pods', 'set selector svc kubia app=kubia', 'create deploy x --image=nginx'].flatMap((c) => [
    `--context=x --cluster=y ${c}`,
    `--context=x --user=z ${c}`,
    `--context=x --cluster=y --user=z ${c}`,
    `--cluster=y --user=z ${c}`,
    `--context=rollout-lab --cluster=y ${c}`,
    `--context=x --cluster=rollout-lab ${c}`,
    `--context=x --user=rollout-lab ${c}`,
    `--context=x --token=a --username=b ${c}`,
    `--cluster=x --token=a --username=b ${c}`,
  ]),
  // -n skips the namespace path; an empty name is no name; the kubeconfig's own names work.
  '--context=x -n default get pods',
  '--context=x -n default set selector svc kubia app=kubia',
  '--cluster=x -n default get pods',
  '--context= get deploy',
  '--user= --cluster= get deploy',
  '--context=rollout-lab --cluster=rollout-lab --user=rollout-lab get deploy',
  // What a command checks first still comes first.
  '--context=x create deploy x',
  '--context=x create deploy',
  '--context=x create',
  '--context=x run x',
  '--context=x scale deploy/kubia',
  '--context=x logs',
  '--context=x cordon',
  '--context=x drain',
  '--context=x diff',
  '--context=x get pods --bogus',
  '--context=x rollout bogus',
  '--context=x get pods -o bogus',
  '--context=x version --client',
  '--context=x version -o bogus',
  '--context=x api-resources -o bogus',
  // config reads the kubeconfig itself: the names it has, whatever the flags say.
  'config current-context',
  'config current-context x',
  'config get-contexts',
  'config get-contexts rollout-lab',
  'config get-contexts --no-headers',
  'config get-contexts -o name',
  'config get-contexts x',
  'config get-contexts x y rollout-lab rollout-lab',
  'config get-contexts -o name x',
  'config get-contexts -o wide',
  'config get-clusters',
  'config get-users',
  'config get-users --no-headers',
  'config',
  'config bogus',
  '--context=x config get-contexts',
  '--context=x -n foo config current-context',
  '--context=x help',
  '--context=x rollout',
  '--token=a --username=b set selector svc kubia app=kubia',
  '--token=a --username=b get pods',
  '--token=a --username=b create deploy x --image=nginx',
  // A global flag's value before a subcommand is not the subcommand (cobra's stripFlags).
  '--context rollout-lab rollout status deploy/kubia',
  '--as alice rollout history deploy/kubia',
  '-v 0 set image deploy/kubia nodejs=luksa/kubia:v2',
  '--unknown x rollout status deploy/kubia',
  'rollout --insecure_skip_tls_verify history deploy/kubia',
  // Nor is the help flag's (cobra adds it to the command it found), and `--` ends the search.
  '-h get',
  '--help get',
  'rollout -h status',
  'create -h deployment',
  '-- get deploy',
  '-n default -- get deploy',
];

describe.skipIf(!kubectl)(
  `a kubeconfig name it does not have, beside the real ${kubectl?.name ?? 'kubectl'}`,
  () => {
    const pair = usePairedClusters(kubectl?.path, KUBIA_SETUP, 60, { files: KUBIA_FILES });

    it.each(LINES)('kubectl %s', async (line) => {
      const run = await pair().run(line);
      expect(run.inPage).toEqual(run.real);
    });
  },
);
