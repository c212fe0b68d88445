/**
 * The same command line through the simulator and through the real kubectl 1.33, where kubectl
 * needs no cluster to answer: client-side dry runs of the generators, version --client, help, and
 * the errors kubectl gives before it contacts a server. stdout, stderr and the exit code must be
 * byte-identical. Skipped, with the reason printed, where no kubectl 1.33 binary is installed.
 */
import { describe, expect, it } from 'vitest';
import { realKubectl, runRealKubectl } from '../test-helpers/kubectl-binary.ts';
import { shellWords } from './parse.ts';
import { cluster } from './test-fixtures.ts';

const binary = realKubectl();
if ('missing' in binary) console.warn(`real-kubectl tests skipped: ${binary.missing}`);

const lines = [
  // create deployment (the book's generator)
  'create deployment kubia --image=luksa/kubia:v1 --dry-run=client -o yaml',
  'create deployment kubia --image=luksa/kubia:v1 --dry-run=client -o json',
  'create deployment kubia --image=luksa/kubia:v1 --replicas=3 --port=8080 --dry-run=client -o yaml',
  'create deployment kubia --image=luksa/kubia:v1 --replicas=3 --port=8080 --dry-run=client -o json',
  'create deployment web --image=nginx:1.27 --image=busybox --dry-run=client -o yaml',
  'create deployment kubia --image=luksa/kubia:v1 --dry-run=client',
  'create deployment kubia --image=luksa/kubia:v1 --dry-run=client -o name',
  'create deployment kubia --image=luksa/kubia:v1 --dry-run=client -o jsonpath={.spec.template.spec.containers[0].name}',
  'create deploy kubia --image=docker.io/luksa/kubia:v1 --dry-run=client -o yaml',
  'create deployment kubia --image=luksa/kubia:v1 -n other --dry-run=client -o yaml',
  // create service
  'create service clusterip kubia --tcp=80:8080 --dry-run=client -o yaml',
  'create service clusterip kubia --tcp=80:8080 --dry-run=client -o json',
  'create service nodeport kubia --tcp=80:8080 --node-port=30123 --dry-run=client -o json',
  'create service loadbalancer kubia --tcp=80:8080,443 --dry-run=client -o yaml',
  'create service clusterip kubia --clusterip=None --dry-run=client -o yaml',
  'create service externalname kubia --external-name=example.com --dry-run=client -o yaml',
  'create svc clusterip kubia --tcp=80:http --dry-run=client -o yaml',
  'create service clusterip kubia --tcp=80 --dry-run=client',
  'create service clusterip kubia --dry-run=client',
  'create service clusterip --tcp=80 --dry-run=client',
  'create service clusterip kubia --tcp=x --dry-run=client',
  'create service clusterip kubia --tcp=70000 --dry-run=client',
  'create service nodeport kubia --clusterip=None --dry-run=client',
  'create service externalname kubia --external-name=Bad_Name --dry-run=client',
  // version
  'version --client',
  'version --client -o json',
  'version --client -o yaml',
  'version --client -o wide',
  'version --client extra',
  'version --client -o',
  // help
  '--help',
  'help',
  // errors before any request
  'foo',
  'rollouts status deploy/kubia',
  'get pods --foo',
  'get pods -z',
  'scale deployment kubia --replicas=abc',
  'rollout history deployment kubia --revision=x',
  'rollout status deployment kubia --timeout=x',
  'logs --tail=x kubia',
  // flag values refused as pflag parses them: the shorthand named, Go's quoting, duration flags
  'get pods --all-namespaces=maybe',
  'get pods --watch=maybe',
  'scale deployment kubia --replicas=2 --timeout=abc',
  'delete pods --all --timeout=abc',
  'wait --for=delete pod/kubia --timeout=1x',
  'logs kubia --since=5q',
  'rollout status deployment kubia --timeout=2ö',
  'rollout status deployment kubia --timeout=5',
  'rollout status deployment kubia --timeout=1hx',
  'rollout status deployment kubia --timeout=1h5',
  'rollout status deployment kubia --timeout=.s',
  'rollout status deployment kubia --timeout=-',
  'rollout status deployment kubia --timeout="a\\"b"',
  'scale deployment kubia --replicas="1 2"',
  'logs',
  'logs -l app=kubia kubia',
  'set image',
  'set selector',
  'rollout frobnicate deployment kubia',
  // create poddisruptionbudget, and drain's and cordon's errors before any request
  'create pdb kubia --selector=app=kubia --min-available=2 --dry-run=client -o yaml',
  'create pdb kubia --selector=app=kubia --min-available=2 --dry-run=client -o json',
  'create poddisruptionbudget kubia --selector=app=kubia --max-unavailable=25% --dry-run=client -o yaml',
  'create pdb kubia --selector=app=kubia,tier!=db --min-available=50% --dry-run=client -o yaml',
  'create pdb kubia --selector=app=kubia,tier --min-available=50% --dry-run=client -o yaml',
  'create pdb kubia --selector=app=kubia --min-available=1 --dry-run=client',
  'create pdb kubia --selector=app=kubia --min-available=1 -n other --dry-run=client -o yaml',
  'create pdb kubia --dry-run=client',
  'create pdb kubia --selector=app=kubia --dry-run=client',
  'create pdb kubia --selector=app=kubia --min-available=1 --max-unavailable=1 --dry-run=client',
  'create pdb kubia --selector=app=kubia --min-available=2Gb --dry-run=client',
  'create pdb kubia --selector=app=kubia --max-unavailable=x --dry-run=client',
  'create pdb --selector=app=kubia --min-available=1 --dry-run=client',
  'cordon',
  'uncordon',
  'drain',
  'drain node-1 --timeout=x',
  // commands that only group subcommands
  'rollout',
  'set',
  'set foo bar',
];

describe.skipIf('missing' in binary)('the same bytes as kubectl 1.33 where it needs no cluster', () => {
  it.each(lines)('kubectl %s', (line) => {
    const sim = cluster().kubectl(line);
    expect(sim).toEqual(runRealKubectl(shellWords(line)));
  });
});
