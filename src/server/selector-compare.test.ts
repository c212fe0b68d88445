/**
 * Label and field selectors beside the real kubectl against the served simulator. kubectl sends
 * `-l` and `--field-selector` with each list and does not read them itself: a selector the API
 * server cannot parse fails every list the command asks for, in labels.Parse's words, and the
 * builder names each list in its report (`Unable to find "/v1, Resource=pods" that match label
 * selector ...`). `create pdb --selector` and `set selector` read theirs with
 * metav1.ParseToLabelSelector, which refuses `!=` and the integer comparisons. A field selector
 * is read for each list's kind: a field that kind does not register fails that list alone, in
 * its conversion's words, and kubectl prints what the other lists found. Skipped, saying why,
 * without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const SETUP = [
  'create deployment kubia --image=nginx --replicas=2',
  'create deployment web --image=nginx --replicas=1',
  'label deployment web tier=front rank=3',
  'create service clusterip kubia --tcp=80:8080',
  'cordon node-2',
];

/** What a learner types after `-l`: slips first, then selectors that select. */
const SELECTORS = [
  'a b',
  'app:kubia',
  'app.kubernetes_io/name=kubia',
  '-ltier=postgres',
  ',app',
  'app,',
  '!app kubia',
  'app=kubia=web',
  'app==kubia,,x',
  'app in kubia',
  'app in (kubia web)',
  'app in (kubia',
  'app notin',
  'app=(',
  'app=@',
  'app=kubia,tier=fr#nt',
  'rank>a',
  'rank>=1',
  'app in ()',
  'app=kubia',
  'app==kubia',
  'app!=kubia',
  'app in (kubia,web)',
  'app notin (kubia)',
  'app in (web,,)',
  '!tier',
  'tier',
  'rank>2',
  'rank<3',
  'in in (in)',
  'app=kubia,app=web',
  'app=kubia, pod-template-hash',
];

const LINES = [
  ...SELECTORS.map((s) => `get pods -l '${s}' -o name`),
  "get deploy,svc -l 'a b'",
  "get all -l 'a b'",
  "get deploy web -l 'a b'",
  "get pods -A -l 'app:kubia'",
  "get pods --field-selector 'a b'",
  "get pods -l 'a b' --field-selector status.phase=Running",
  "get pods -l app=kubia --field-selector 'status.phase Running'",
  "describe deploy -l 'a b'",
  "delete pods -l 'a b'",
  "logs -l 'app:kubia'",
  "label pods -l 'a b' x=y",
  "annotate deploy -l 'a b' x=y",
  "scale deploy -l 'a b' --replicas=2",
  "rollout status deploy -l 'a b'",
  "rollout restart deploy -l 'a b'",
  "wait --for=delete pods -l 'a b' --timeout=1s",
  "set image deploy -l 'a b' nginx=nginx:2",
  // An object's selector: metav1.ParseToLabelSelector.
  "create pdb p1 --selector='b in (y,x),a notin (z),c' --min-available=1 --dry-run=client -o yaml",
  "create pdb p2 --selector='app=kubia,app=web' --min-available=1 --dry-run=client -o yaml",
  "create pdb p3 --selector='app!=kubia' --min-available=1 --dry-run=client -o yaml",
  "create pdb p4 --selector='rank>1' --min-available=1 --dry-run=client -o yaml",
  "create pdb p5 --selector='a b' --min-available=1 --dry-run=client -o yaml",
  "set selector service kubia 'app:kubia' --dry-run=client -o yaml",
  "set selector service kubia 'app!=kubia' --dry-run=client -o yaml",
  // Nodes, and what kubectl reads itself: drain's --pod-selector, and -l over the objects of -f.
  "cordon -l 'a b'",
  "taint nodes -l 'a b' k=v:NoSchedule",
  "drain node-1 --pod-selector='a b'",
  "top pod -l 'app:kubia'",
];

/**
 * Field selectors: each kind's registered field labels, the values its registry exposes (a
 * node's `spec.unschedulable` is "false" when unset), fields.ParseSelector's escapes and empty
 * terms, and one refusal per list kind that does not know the field, after what the others found.
 */
const FIELD_LINES = [
  'get pods --field-selector status.phase=Running -o name',
  'get pods --field-selector status.phase!=Running',
  'get pods --field-selector spec.host=node-1 -o name',
  'get pods --field-selector spec.hostNetwork=false,spec.restartPolicy=Always -o name',
  "get pods --field-selector ',status.podIP!=,' -o name",
  'get pods --field-selector spec.replicas=1',
  'get deploy --field-selector spec.replicas=2',
  'get deploy --field-selector metadata.name=kubia -o name',
  'get rs --field-selector status.replicas=2',
  'get svc --field-selector spec.type=ClusterIP -o name',
  'get nodes --field-selector spec.unschedulable=false -o name',
  'get nodes --field-selector metadata.namespace=default',
  'get ns --field-selector status.phase=Active -o name',
  'get events --field-selector source=kubelet,reason=Started -o name',
  'get events --field-selector involvedObject.kind=Deployment -o name',
  'get events --field-selector count=1',
  "get pods --field-selector 'status.phase=Run=ning'",
  "get pods --field-selector 'status.phase=Run\\,ning'",
  "get pods --field-selector 'status.phase=Run\\ning'",
  "get pods --field-selector 'status.phase = Running'",
  "get pods --field-selector 'zz=1,a b'",
  'get deploy,pods --field-selector status.phase=Running',
  'get all --field-selector status.phase=Running',
  'delete pods --field-selector spec.replicas=1',
  // A list the server refuses is reported; the other lists are labeled, annotated, waited for
  // or deleted.
  'label deploy,pods --field-selector status.phase=Running checked=yes',
  'annotate pods,deploy --field-selector status.phase=Running note=x',
  'get pods,deploy --show-labels',
  "label deploy,pods -l 'a b' x=y",
  'wait --for=condition=Ready deploy,pods --field-selector status.phase=Running --timeout=5s',
  'wait --for=condition=Ready=false deploy,pods --field-selector status.phase=Running --timeout=1s',
  'wait --for=delete deploy,pods --field-selector status.phase=Failed --timeout=1s',
  'delete deploy,pods --field-selector status.phase=Failed',
  'delete rs,pods --field-selector status.phase=Running --wait=false',
];

/** `-f -` with `-l`: the builder filters the manifest's objects with the selector it parses. */
const MANIFEST = deploymentManifest('filtered');
const FILE_LINES = [
  "apply -f - -l 'a b'",
  "create -f - -l 'app:filtered'",
  "diff -f - -l 'a b'",
  "apply -f - -l 'app!=filtered' --dry-run=client",
];

describe.skipIf(!kubectl)(`selectors beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, SETUP, 30);

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  it.each(FIELD_LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  it.each(FILE_LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line, MANIFEST);
    expect(run.inPage).toEqual(run.real);
  });
});
