/**
 * Kubernetes in Action, chapter 9, as one transcript: create kubia v1 with --record, expose it,
 * update to v2, watch the rollout, read the history, undo, undo to a revision, pause and resume.
 * Every step's exact stdout, stderr and exit code, with every timing 0.
 */
import { expect, it } from 'vitest';
import { kubiaYaml } from '../test-helpers/builders.ts';
import { cluster } from './test-fixtures.ts';

// [command line, stdout, stderr, exit code]
const transcript: [string, string, string, number][] = [
  [
    'kubectl create -f kubia-deployment-v1.yaml --record',
    'deployment.apps/kubia created\n',
    'Flag --record has been deprecated, --record will be removed in the future\n',
    0,
  ],
  ['kubectl expose deployment kubia --port=80 --target-port=8080', 'service/kubia exposed\n', '', 0],
  [
    'kubectl get svc kubia',
    'NAME    TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE\nkubia   ClusterIP   10.96.86.96   <none>        80/TCP    0s\n',
    '',
    0,
  ],
  ['kubectl rollout status deployment kubia', 'deployment "kubia" successfully rolled out\n', '', 0],
  [
    'kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record',
    'deployment.apps/kubia image updated\n',
    'Flag --record has been deprecated, --record will be removed in the future\n',
    0,
  ],
  ['kubectl rollout status deployment kubia', 'deployment "kubia" successfully rolled out\n', '', 0],
  [
    'kubectl get rs',
    'NAME               DESIRED   CURRENT   READY   AGE\nkubia-556b495f69   0         0         0       0s\nkubia-75cf4dd79b   3         3         3       0s\n',
    '',
    0,
  ],
  [
    'kubectl set image deployment kubia nodejs=luksa/kubia:v3 --record',
    'deployment.apps/kubia image updated\n',
    'Flag --record has been deprecated, --record will be removed in the future\n',
    0,
  ],
  [
    'kubectl rollout history deployment kubia',
    'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         kubectl create --filename=kubia-deployment-v1.yaml --record=true\n2         kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true\n3         kubectl set image deployment kubia nodejs=luksa/kubia:v3 --record=true\n\n',
    '',
    0,
  ],
  ['kubectl rollout undo deployment kubia', 'deployment.apps/kubia rolled back\n', '', 0],
  [
    'kubectl rollout history deployment kubia',
    'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         kubectl create --filename=kubia-deployment-v1.yaml --record=true\n3         kubectl set image deployment kubia nodejs=luksa/kubia:v3 --record=true\n4         kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true\n\n',
    '',
    0,
  ],
  ['kubectl rollout undo deployment kubia --to-revision=1', 'deployment.apps/kubia rolled back\n', '', 0],
  ['kubectl get deploy kubia -o jsonpath={.spec.template.spec.containers[0].image}', 'luksa/kubia:v1', '', 0],
  ['kubectl rollout pause deployment kubia', 'deployment.apps/kubia paused\n', '', 0],
  [
    'kubectl set image deployment kubia nodejs=luksa/kubia:v4 --record',
    'deployment.apps/kubia image updated\n',
    'Flag --record has been deprecated, --record will be removed in the future\n',
    0,
  ],
  [
    'kubectl get rs',
    'NAME               DESIRED   CURRENT   READY   AGE\nkubia-556b495f69   3         3         3       0s\nkubia-75779d58b7   0         0         0       0s\nkubia-75cf4dd79b   0         0         0       0s\n',
    '',
    0,
  ],
  ['kubectl rollout pause deployment kubia', '', 'error: deployments.apps "kubia" is already paused\n', 1],
  ['kubectl rollout resume deployment kubia', 'deployment.apps/kubia resumed\n', '', 0],
  ['kubectl rollout status deployment kubia', 'deployment "kubia" successfully rolled out\n', '', 0],
  [
    'kubectl rollout history deployment kubia',
    'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n3         kubectl set image deployment kubia nodejs=luksa/kubia:v3 --record=true\n4         kubectl set image deployment kubia nodejs=luksa/kubia:v2 --record=true\n5         kubectl create --filename=kubia-deployment-v1.yaml --record=true\n6         kubectl set image deployment kubia nodejs=luksa/kubia:v4 --record=true\n\n',
    '',
    0,
  ],
];

it('replays the book chapter on Deployments step by step', () => {
  const c = cluster({ 'kubia-deployment-v1.yaml': kubiaYaml() });
  const seen = transcript.map(([line]) => {
    const r = c.kubectl(line);
    return [line, r.stdout, r.stderr, r.exitCode];
  });
  expect(seen).toEqual(transcript);
});
