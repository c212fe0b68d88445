/**
 * kubectl run beside the real kubectl against the served simulator: the pod its generator builds
 * (labels, annotations, env, ports, args or command, restart and pull policy, privileged, stdin),
 * --expose's Service, --overrides of each type, --record and --save-config, the dry runs, and the
 * refusals in kubectl's order and words. Then the bare pod's life: scheduled, started, and once
 * deleted, gone, since no ReplicaSet owns it; one whose command ends, Failed with its output in
 * its log. And what run shares with the other generators: a
 * command after `--` (create deployment) and --save-config. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES: string[] = [
  'run a1 --image=nginx --dry-run=client -o yaml --annotations=x=y --annotations=z=w --env=A=1 --env=B=2 --port=80 --labels=app=x,tier=y --restart=Never --image-pull-policy=IfNotPresent --privileged -- arg1 arg2',
  "run a2 --image=nginx --command --dry-run=client -o json -- sh -c 'echo hi'",
  'run a3 --image=nginx --expose --port=8080 --dry-run=client -o yaml',
  'run a4 --image=nginx --expose --dry-run=client',
  'run --image=nginx',
  'run a5',
  'run a6 --image=NGINX',
  'run a7 --image=nginx -t',
  'run a8 --image=nginx --rm',
  'run a9 --image=nginx --restart=Sometimes',
  'run a10 --image=nginx --image-pull-policy=Sometimes',
  'run a11 --image=nginx --env=1A=b',
  'run a12 --image=nginx --port=abc --dry-run=client -o yaml',
  'run a13 --image=nginx --port=70000 --dry-run=client -o yaml',
  'run a14 --image=nginx -i --dry-run=client',
  'run a15 --image=nginx --labels=bad --dry-run=client',
  'run A16 --image=nginx',
  'run a18 --image=nginx --dry-run=client',
  'run a19 --image=nginx --dry-run=server',
  'run a20 --image=nginx --dry-run=server -o yaml',
  'run a21 --image=nginx -o name',
  'run a21 --image=nginx',
  'run a22 --image=nginx --expose --port=80',
  'run a23 --image=nginx -- a b',
  'run a24 a25 --image=nginx --dry-run=client -o yaml',
  'run b1 --image=nginx --dry-run=client --cascade=orphan',
  'run b6 --image=nginx --dry-run=client --overrides=\'{"spec":{"nodeName":"x"}}\' -o yaml',
  'run b7 --image=nginx --dry-run=client --overrides=\'{"apiVersion":"v1","spec":{"containers":[{"name":"z"}]}}\' -o yaml',
  'run b8 --image=nginx --dry-run=client --override-type=json --overrides=\'[{"op":"add","path":"/metadata/labels/q","value":"r"}]\' -o yaml',
  'run b9 --image=nginx --dry-run=client --override-type=strategic --overrides=\'{"spec":{"containers":[{"name":"b9","image":"busybox"}]}}\' -o yaml',
  "run b10 --image=nginx --dry-run=client --override-type=foo --overrides='{}'",
  'run b11 --image=nginx --dry-run=client --port=0 -o yaml',
  'run b12 --image=nginx --dry-run=client --port=-5',
  'run b13 --image=nginx --dry-run=client --env=A',
  'run b14 --image=nginx --dry-run=client --annotations=bad',
  "run b15 --image=nginx --dry-run=client --labels='a=b,,c=d'",
  'run b16 --image=nginx:1.27 --dry-run=client -n kube-system -o yaml',
  'run b17 --image=nginx -n nope',
  'run b18 --image=nginx --save-config -o yaml --dry-run=server',
  'run b19 --image=nginx --dry-run=client -o wide',
  'run b20 --image=nginx --expose --port=80 -o name --dry-run=client',
  'run b21 --image=nginx --expose --port=80 -o json --dry-run=client',
  'run b22 --image=nginx --attach --dry-run=client',
  'run b24 --image=nginx --pod-running-timeout=0 --dry-run=client',
  'run b25 --image=docker.io/library/nginx@sha256:abc --dry-run=client',
  "run c1 --image=nginx --dry-run=client --labels='a=b=c'",
  "run c2 --image=nginx --dry-run=client --labels='a=' -o yaml",
  "run c4 --image=nginx --dry-run=client --annotations='a=b=c' --annotations='e=' -o yaml",
  'run c5 --image=nginx --dry-run=client --labels=bad --annotations=q --port=x',
  'run c6 --image=nginx --dry-run=client --env=1=2 --annotations=q --port=x',
  'run c7 --image=nginx --dry-run=client --labels=bad --port=x',
  'run c8 --image=nginx --port=70000',
  'run c10 --image=nginx -i --attach=false --dry-run=client -o yaml',
  'run c13 --image=nginx --expose --port=80 --labels=app=z --dry-run=client -o yaml',
  'run c15 --image=nginx --overrides=\'{"metadata":{"name":"other"}}\' --dry-run=client -o yaml',
  "run c17 --image=nginx --overrides='not json' --override-type=json --dry-run=client",
  "run c17b --image=nginx --overrides='not json' --dry-run=client",
  "run c17c --image=nginx --overrides='not json' --override-type=strategic --dry-run=client",
  'run c18 --image=nginx --overrides=\'[{"op":"remove","path":"/nope"}]\' --override-type=json --dry-run=client',
  'run c18b --image=nginx --overrides=\'{"spec":{"containers":"x"}}\' --dry-run=client',
  'run c20 --image=nginx --record --dry-run=client -o yaml',
  'run c21 --image=nginx --labels=run=c21,x=y --expose --port=80',
  'run c21 --image=nginx --labels=run=c21,x=y --expose --port=80',
  'run c22 --image=nginx --restart=OnFailure',
  'run c23 --image=nginx --restart=never',
  'run --image=nginx -- c25',
  "run c26 --image nginx -o yaml --dry-run=client --env 'A=1' --command -- /bin/sh -c 'sleep 1'",
  "run c27 --image=nginx --labels='=x' --dry-run=client",
  "run c28 --image=nginx --annotations='=x' --dry-run=client -o yaml",
  'run c29 --image=nginx --restart= -i --attach=false --dry-run=client -o yaml',
  'run c30 --image=nginx --save-config --dry-run=client -o yaml',
  'run c31 --image=nginx --port=99999999999999999999 --dry-run=client',
  'run c32 --image=nginx --port=4294967376 --dry-run=client -o yaml',
  'run c33 --image=nginx:1.27 --labels=app=kubia',
  "run c34 --image=nginx --overrides='{}' --override-type=json --dry-run=client",
  'run c35 --image=nginx --overrides=\'[{"op":"add","path":"/spec/x/y","value":1}]\' --override-type=json --dry-run=client',
  'run c36 --image=nginx --overrides=\'{"kind":"Service"}\' --dry-run=client -o yaml',
  'run c37 --image=nginx --overrides=\'{"spec":{"containers":[{"name":"c37","image":"nginx","bogus":1}]}}\'',
  'run c38 --image=nginx --overrides=\'{"spec":{"restartPolicy":"Sometimes"}}\'',
  'run c39 --image=nginx --expose --port=80 --labels=app=kubia -o yaml --dry-run=server',
];

/** The other generators: a command after `--`, and --save-config (which create service reads and ignores). */
const GENERATOR_LINES = [
  // The pod is created, its Service is not (one of that name exists): the pod stays.
  'create service clusterip taken --tcp=80',
  'run taken --image=nginx --expose --port=80',
  'get pod taken -o name',
  'create deployment d1 --image=busybox -- date',
  'create deployment d2 --image=busybox --dry-run=client -o yaml -- sh -c "sleep 1"',
  'create deployment -- date',
  'create deployment d3 d4 --image=busybox',
  'create deployment d4 --image=nginx --image=busybox -- date',
  'create deployment d5 --image=nginx --save-config --dry-run=server -o yaml',
  'create deployment d6 --image=nginx --save-config -n default -o yaml',
  'create service clusterip s1 --tcp=80 --save-config -o yaml --dry-run=server',
  'create pdb p1 --selector=app=x --min-available=1 --save-config -o yaml --dry-run=server',
  'expose deployment kubia --port=80 --name=s2 --save-config -o yaml --dry-run=server',
  'get deploy d1 -o jsonpath={.spec.template.spec.containers}',
];

describe.skipIf(!kubectl)(`kubectl run beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, ['create deployment kubia --image=nginx --replicas=2'], 30);

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  it.each(GENERATOR_LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  it('runs a bare pod that nothing replaces once it is deleted', async () => {
    const steps: [string, number][] = [
      ['get pods -o wide', 0],
      ['get svc a22 c21 -o yaml', 0],
      ['get pod a22 c33 -o yaml', 10],
      ['get pods -o wide', 0],
      [
        'get events --field-selector involvedObject.name=c33 -o custom-columns=REASON:.reason,MESSAGE:.message',
        0,
      ],
      ['delete pod c33 --wait=false', 40],
      ['get pods c33', 0],
      ['get pods -l run -o name', 0],
      // A command that ends: Completed, its output in the log, its terminal status.
      [`run said --image=busybox:1.36 --restart=Never -- sh -c "echo hello; sleep 5; date; exit 3"`, 30],
      ['get pod said', 0],
      ['logs said --timestamps', 0],
      ['get pod said -o jsonpath={.status}', 0],
    ];
    for (const [line, after] of steps) {
      const run = await pair().run(line);
      expect(run.inPage, line).toEqual(run.real);
      if (after) pair().advance(after);
    }
  });
});
