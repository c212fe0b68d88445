/**
 * What kubectl makes of the resources a command line asks for, beside the real kubectl against the
 * served simulator: the "No resources found" line, which names the namespace only when every type
 * listed is namespaced; the `kind/` before each name, there only when kubectl read objects of more
 * than one type (a type whose names were all not found does not count); and names beside a
 * selector or --all, refused in words that say how the names were given (TYPE/NAME, and `TYPE1,TYPE2
 * NAME`, are resource/name arguments); describe's two arguments whose one lookup failed, taken
 * as what the first selects alone and a name prefix. Each line was found different once. Skipped, saying why, without a
 * kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { KUBIA_FILES, KUBIA_SETUP } from './fixtures.ts';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES = [
  // A Node or a Namespace is in no namespace: nothing found is "No resources found", alone.
  'get nodes -l app=none',
  'get ns -l app=none',
  'get nodes,pods -l app=none',
  'get pods,nodes -l app=none',
  'get nodes -n foo -l app=none',
  'get all,nodes -l app=none',
  // Only Deployments were found: no `deployment.apps/` before the name.
  'get deploy/kubia pods/nosuch',
  'get deploy/kubia svc/nosuch',
  'get deploy,rs kubia',
  // Names beside a selector: resource/name arguments are refused in those words by every command.
  'get deploy/kubia -l app=x',
  'get deploy,rs kubia -l app=x',
  'get deploy/kubia --field-selector a=b',
  'get deploy kubia --field-selector a=b',
  'describe deploy/kubia -l app=x',
  'describe deploy kubia -l app=x',
  'describe deploy,rs kubia -l app=x',
  'delete deploy/kubia -l app=x',
  'delete deploy/kubia --all',
  'annotate deploy/kubia a=b -l app=x',
  'label deploy/kubia a=b -l app=x',
  'scale deploy/kubia --replicas=2 -l app=x',
  'set image deploy/kubia nodejs=x -l app=x',
  'set resources deploy/kubia --limits=cpu=1 -l app=x',
  'set env deploy/kubia A=b -l app=x',
  'rollout undo deploy/kubia -l app=x',
  'rollout status deploy/kubia -l app=x',
  'rollout history deploy/kubia -l app=x',
  'rollout pause deploy/kubia -l app=x',
  'wait deploy,rs kubia --for=delete -l app=x',
  // describe's DescribeMatchingResources: one type only, the second argument a name prefix.
  'describe deploy,rs kubia',
  'describe rs,deploy kubia',
  'describe deploy,rs kubia-',
  'describe deploy,rs kubi',
  'describe deploy/nosuch deploy/kubia',
  'describe deploy/kubia deploy/nosuch',
  'describe deploy/kubia rs/kubia',
  // `all` stands for several types, and one name under several types is refused (visitByName).
  'get all kubia',
  'get all kubia nosuch',
  'get all,all kubia',
  'get all kubia -A',
  'describe all kubia',
  'label all kubia a=b',
  'annotate all kubia x=y',
  'delete all kubia',
  'scale all kubia --replicas=2',
  'set image all kubia nodejs=x',
  'wait all kubia --for=delete',
  // rollout's builder expands `all` too: each object of its types, or the same refusal with a name.
  'rollout status all',
  'rollout status all kubia',
  'rollout history all',
  'rollout history all kubia',
  'rollout history all --revision=1',
  'rollout undo all',
  'rollout undo all kubia',
  'rollout pause all',
  'rollout resume all',
  'rollout restart all',
  'rollout restart all kubia',
  'rollout status all,deploy',
  // `all,deploy kubia` is all/kubia and deploy/kubia, and there is no resource type `all`.
  'get all,deploy kubia',
  'get deploy,all kubia',
  'describe all,deploy kubia',
  'label all,deploy kubia a=b',
  // Names beside a selector are refused before any type is looked up.
  'get foo/kubia -l app=x',
  'get foo kubia -l app=x',
  'get foo,bar kubia -l app=x',
  'describe foo/kubia -l app=x',
  'delete foo kubia -l app=x',
  'delete foo/kubia --all',
  'label foo/kubia a=b -l app=x',
  'scale foo/kubia --replicas=1 -l app=x',
  'rollout status foo/kubia -l app=x',
  'get foo/kubia/x -l app=x',
  'get foo -l app=x',
  // Empty images (a string slice of two empty values): left out of what is sent, as omitempty does.
  'create deploy x --image=,',
  'create deploy x --image=, --dry-run=client -o yaml',
];

describe.skipIf(!kubectl)(`the resources asked for, beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, KUBIA_SETUP, 60, { files: KUBIA_FILES });

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });
});
