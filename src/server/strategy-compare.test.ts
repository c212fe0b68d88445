/**
 * Upstream's patch strategies beside the real kubectl against the served simulator. The real
 * kubectl computes `kubectl apply`'s patch from the served OpenAPI's x-kubernetes-patch-*
 * extensions and the server merges it; the in-page kubectl merges the manifest itself. Both must
 * hold the same object afterwards: a Deployment's strategy retains only the manifest's keys, a
 * PodDisruptionBudget's selector is replaced whole, a Service's ports merge by port; and that is
 * what a real API server holds. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const service = (ports: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
${ports}
`;

const budget = (labels: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {${labels}}
`;

/**
 * [command line, stdin, a command that prints what both clusters must agree on, and what it prints
 * against a real API server where this shows a strategy]
 */
const CASES: [string, string, string, string?][] = [
  // retainKeys: Recreate drops the defaulted rollingUpdate (it failed validation before).
  [
    'apply -f -',
    deploymentManifest('d'),
    'get deployment d -o jsonpath={.spec.strategy.type}',
    'RollingUpdate',
  ],
  [
    'apply -f -',
    deploymentManifest('d', { spec: 'replicas: 1\n  strategy: {type: Recreate}' }),
    'get deployment d -o jsonpath={.spec.strategy}',
    '{"type":"Recreate"}',
  ],
  // replace: the manifest's selector is the budget's whole, the label patched in goes.
  [
    'apply -f -',
    budget('app: web'),
    'get pdb web -o jsonpath={.spec.selector}',
    '{"matchLabels":{"app":"web"}}',
  ],
  [
    `patch pdb web -p '{"spec":{"selector":{"matchLabels":{"tier":"front"}}}}'`,
    '',
    'get pdb web -o jsonpath={.spec.selector}',
    '{"matchLabels":{"tier":"front"}}',
  ],
  [
    'apply -f -',
    budget('app: web'),
    'get pdb web -o jsonpath={.spec.selector}',
    '{"matchLabels":{"app":"web"}}',
  ],
  // merge by port: the port patched in stays through apply.
  [
    'apply -f -',
    service('  - {name: a, port: 80}\n  - {name: b, port: 81}'),
    'get service web -o jsonpath={.spec.ports[*].port}',
    '80 81',
  ],
  [
    `patch service web -p '{"spec":{"ports":[{"port":81,"targetPort":8081},{"port":82,"name":"c"}]}}'`,
    '',
    'get service web -o jsonpath={.spec.ports[*].targetPort}',
    '80 8081 82',
  ],
  [
    'apply -f -',
    service('  - {name: a, port: 80}\n  - {name: b, port: 81}'),
    'get service web -o jsonpath={.spec.ports[*].targetPort}',
    '80 8081 82',
  ],
];

describe.skipIf(!kubectl)(`patch strategies beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it.each(CASES)('kubectl %s', async (line, stdin, check, upstream) => {
    const run = await pair().run(line, stdin || undefined);
    expect(run.inPage).toEqual(run.real);
    const state = await pair().run(check);
    expect(state.inPage).toEqual(state.real);
    if (upstream !== undefined) expect(state.real.stdout).toBe(upstream);
    pair().advance(1);
  });
});
