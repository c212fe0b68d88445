/**
 * `kubectl apply -f` and `create -f` with several documents, some of them bad, through the
 * in-page kubectl and the real kubectl against the served simulator: the good documents go
 * through and their lines are printed, the errors follow (alone, or one per line when there are
 * several), the exit code is 1, and both clusters hold the same objects afterwards. Also
 * --validate (strict, warn, ignore) on unknown fields and --dry-run=client, where the server
 * checks nothing, and -o. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const deployment = (name: string, spec = 'replicas: 1') => deploymentManifest(name, { spec });
const docs = (...d: string[]) => d.join('---\n');
const noKind = (name: string) => deployment(name).replace('kind: Deployment\n', '');
const noName = deployment('x').replace('  name: x\n', '');
const inNamespace = (name: string, ns: string) =>
  deployment(name).replace(`  name: ${name}\n`, `  name: ${name}\n  namespace: ${ns}\n`);

/** [command line, stdin]: each case names its own Deployments, so they run in one pair. */
const CASES: [string, string][] = [
  // One bad document among good ones: the good ones are applied, the error printed alone.
  ['apply -f -', docs(deployment('a1'), deployment('bad1', 'replicas: three'), deployment('a2'))],
  ['apply -f -', docs(deployment('a3'), deployment('unknown1', 'replicas: 1\n  foo: bar'))],
  ['apply -f -', docs(deployment('a4'), deployment('Bad_Name'))],
  ['apply -f -', docs(deployment('a5'), noName)],
  ['apply -f -', docs(deployment('a6'), inNamespace('a6b', 'nope'))],
  ['apply -f -', docs(deployment('a7'), noKind('nk1'), deployment('never1'))],
  // Several errors: one line each, the builder's (schema, namespace) before the server's.
  [
    'apply -f -',
    docs(
      deployment('bad2', 'replicas: three'),
      deployment('unknown2', 'replicas: 1\n  foo: bar'),
      deployment('Bad_Name2'),
      deployment('a8'),
    ),
  ],
  ['apply -f -', docs(deployment('neg1', 'replicas: -1'), noKind('nk2'))],
  [
    'apply -f -',
    docs(deployment('neg2', 'replicas: -1'), deployment('neg3', 'replicas: -1\n  minReadySeconds: -2')),
  ],
  ['apply -f - -n kube-system', docs(deployment('neg4', 'replicas: -1'), inNamespace('b1', 'default'))],
  // An update refused among several errors: the patch kubectl sent, then the server's words.
  ['apply -f -', docs(deployment('a1', 'replicas: -1'), deployment('Bad_Name3'))],
  [
    'create -f -',
    docs(deployment('c1'), deployment('bad3', 'replicas: three'), deployment('Bad_Name4'), deployment('c2')),
  ],
  ['create -f -', docs(deployment('c1'), deployment('c3'))],
  ['create -f -', docs(deployment('neg5', 'replicas: -1'), noKind('nk3'), deployment('never2'))],
  // --validate: unknown fields refused, dropped with a warning, or dropped silently.
  ['apply --validate=false -f -', deployment('v1', 'replicas: 1\n  foo: bar')],
  ['apply --validate=ignore -f -', deployment('v2', 'replicas: 1\n  foo: bar')],
  ['apply --validate=warn -f -', deployment('v3', 'replicas: 1\n  foo: bar\n  bar: 1')],
  ['apply --validate=strict -f -', deployment('v4', 'replicas: 1\n  foo: bar')],
  ['apply --validate=true -f -', deployment('v5', 'replicas: 1\n  foo: bar')],
  ['apply --validate=bogus -f -', deployment('v6')],
  ['apply --validate=false -f -', deployment('v1', 'replicas: 1\n  foo: bar')],
  ['apply --validate=warn -f -', deployment('v1', 'replicas: 2\n  foo: baz')],
  ['apply --validate=false -f -', docs(noKind('nk4'), deployment('neg6', 'replicas: -1'), deployment('v7'))],
  ['apply --validate=false -f -', deployment('v8', 'replicas: three')],
  ['create --validate=false -f -', deployment('v9', 'replicas: 1\n  foo: bar')],
  ['create --validate=warn -f -', deployment('v10', 'replicas: 1\n  foo: bar')],
  // --dry-run=client: nothing reaches the server, so only the builder's checks and the GET run.
  ['apply --dry-run=client -f -', deployment('a1', 'replicas: three')],
  ['apply --dry-run=client -f -', deployment('a1', 'replicas: -1')],
  ['apply --dry-run=client -f -', deployment('a1')],
  ['apply --dry-run=client -f -', deployment('a1', 'replicas: 1\n  foo: bar')],
  ['apply --dry-run=client -f -', deployment('a1').replace(/app: a1\}/g, 'app: a1, x: z}')],
  [
    'apply --dry-run=client -f -',
    docs(deployment('d1'), deployment('bad4', 'replicas: three'), deployment('Bad_Name5')),
  ],
  ['apply --dry-run=client -f -', inNamespace('d2', 'nope')],
  ['apply --dry-run=client -f -', noName],
  ['apply --dry-run=client -f -', noKind('nk5')],
  [
    'create --dry-run=client -f -',
    docs(deployment('c1'), deployment('bad5', 'replicas: three'), deployment('d3')),
  ],
  ['apply --dry-run=server -f -', deployment('a1', 'replicas: three')],
  // -o: the name alone, whatever apply did; a template over what the server returned; no tables.
  ['apply -f - -o name', deployment('o1')],
  ['apply -f - -o name', deployment('o1', 'replicas: 2')],
  ['apply -f - -o name', deployment('o1', 'replicas: 2')],
  ['apply -f - -o name --dry-run=client', deployment('o2')],
  ['apply -f - -o name --dry-run=server', deployment('o2')],
  ['apply -f - -o jsonpath={.spec.replicas}', deployment('o3', 'replicas: 3')],
  ['apply -f - -o wide', deployment('o4')],
  ['apply -f - -o custom-columns=N:.metadata.name', deployment('o4')],
  ['apply -f - -o name', docs(deployment('o5'), deployment('bad6', 'replicas: three'))],
  // Applied to what `create` made: kubectl warns that the last-applied annotation is missing (not
  // in a client dry run, which sends nothing), and the patch adds it.
  ['apply --dry-run=client -f -', deployment('c2', 'replicas: 2')],
  ['apply --dry-run=server -f -', deployment('c2', 'replicas: 2')],
  ['apply -f -', docs(deployment('c1', 'replicas: 2'), deployment('c2', 'replicas: 2'))],
  ['apply -f -', deployment('c1', 'replicas: 3')],
  // A document that is not an object: refused by the schema check, or by the decoder without it.
  ['apply -f -', '- a\n- b\n'],
  ['apply -f - --validate=false', '- a\n- b\n'],
  ['create -f -', 'hello\n'],
  ['apply -f - --validate=false', 'hello\n'],
  ['apply -f - --validate=false', '42\n'],
  ['apply -f - --validate=false', 'true\n'],
  ['apply -f -', docs(deployment('l1'), '[1, 2]\n')],
  ['apply -f - --validate=false', '[1, 2]\n'],
  ['delete -f -', '- a\n'],
];

describe.skipIf(!kubectl)(
  `apply and create of several documents beside the real ${kubectl?.name ?? 'kubectl'}`,
  () => {
    const pair = usePairedClusters(kubectl?.path);

    it.each(CASES)('kubectl %s', async (line, stdin) => {
      const run = await pair().run(line, stdin);
      expect(run.inPage).toEqual(run.real);
      // The same objects, as stored, on both sides.
      const state = await pair().run('get deployments -o jsonpath={.items[*].metadata.name}{.items[*].spec}');
      expect(state.inPage).toEqual(state.real);
    });
  },
);

/**
 * What apply and create print with -o yaml or json: the object the server returned (with the
 * controller's revision annotation kept across an update), or in a client dry run the object
 * kubectl holds: the manifest for a new object, the live one for an existing object. A pair of
 * its own, so uids and resourceVersions line up.
 */
describe.skipIf(!kubectl)(`apply and create -o yaml beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it.each([
    ['create -f - -o yaml', deployment('y1')],
    ['apply -f - -o yaml', deployment('y2')],
    ['apply -f - -o json', deployment('y2', 'replicas: 2')],
    ['get deployment y2 -o yaml', ''],
    ['apply -f - -o yaml --dry-run=client', deployment('y3')],
    ['apply -f - -o yaml --dry-run=client', deployment('y2', 'replicas: 4')],
    ['create -f - -o json --dry-run=client', deployment('y4')],
    ['create -f - -o yaml --dry-run=client', deployment('y4')],
    // A new budget's status counts are written at 0 (no omitempty), before the controller's.
    ['create pdb y5 --selector=app=y5 --min-available=1 -o yaml', ''],
    ['create pdb y6 --selector=app=y6 --max-unavailable=1 -o json', ''],
  ])('kubectl %s', async (line, stdin) => {
    const run = await pair().run(line, stdin || undefined);
    expect(run.inPage).toEqual(run.real);
    pair().advance(1);
  });
});
