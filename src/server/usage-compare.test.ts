/**
 * Commands typed short, beside the real kubectl against the served simulator: each command without
 * the resources it needs (each says what it wants in its own words), `-o` spelled in capitals
 * (the JSON, YAML and name printers take any case, the others do not), patch's patch (checked
 * and read before the resources), and `delete --ignore-not-found` of names that are not there
 * (silent) or of a selector that finds nothing, and a name kubectl must escape in its URL.
 * Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES = [
  'scale --replicas=2',
  'label',
  'label x=y',
  'annotate a=b',
  'rollout status',
  'rollout undo',
  'rollout history',
  'rollout restart',
  'set image nginx=nginx:2',
  'set env A=b',
  'set resources --limits=cpu=1',
  'wait --for=delete',
  'cordon',
  'drain',
  'taint nodes',
  'logs',
  'expose',
  'edit',
  'patch -p {}',
  // patch checks its patch first (Validate), and reads it (RunPatch), before the resources.
  'patch',
  'patch deploy',
  'patch deploy kubia --type=foo',
  'patch --patch-file=nosuch',
  "patch -p 'a: [b'",
  'diff',
  'apply',
  'create',
  'explain',
  'top pod x y',
  'get deploy kubia -o JSON',
  'get deploy kubia -o Name',
  'get deploy kubia -o yAml',
  'get deploy kubia -o Wide',
  'get deploy kubia -o JsonPath={.metadata.name}',
  'delete deploy nope nope2 --ignore-not-found',
  'delete deploy -l app=zz --ignore-not-found',
  'delete deploy --all --ignore-not-found -n other',
  'delete deploy -l app=zz',
  // No shell here: the pipe is a name, which kubectl escapes in the URL and the server reads back.
  'get deploy kubia -o name | head',
  // pflag: a word after a dash is flags, a digit too; -v is klog's verbosity.
  'get deploy kubia -o name | head -1',
  'get deploy kubia -v 0 -o name',
  // A group of subcommands run alone prints its help on stderr, and fails.
  'create svc',
  'create service',
  // --image is a string slice: a comma list, `--image=` none (no containers, which the server refuses).
  'create deploy e1 --image=',
  'create deploy e2 --image= --image=nginx',
  'create deploy e3 --image=a,b',
];

describe.skipIf(!kubectl)(`short commands beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, ['create deployment kubia --image=nginx --replicas=2'], 20);

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });
});
