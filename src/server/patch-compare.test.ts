/**
 * `kubectl patch` beside the real kubectl against the served simulator: JSON, YAML, and what is
 * neither. kubectl sends a patch that starts with `{` as it is, and the API server answers text
 * that is not JSON in encoding/json's words (`invalid character 's' looking for beginning of
 * object key string`, the slip of a patch typed without its quotes); other text is YAML, read
 * with go-yaml's scalars, and a YAML slip is kubectl's own error. A patch with --dry-run=client
 * is applied by kubectl itself, its result printed as it comes out and its failures kubectl's
 * errors. Skipped, saying why, without a kubectl binary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const CASES = [
  `patch deployment kubia -p '{"spec":{"replicas":4}}'`,
  `patch deployment kubia -p '{spec: {replicas: 5}}'`,
  `patch deployment kubia -p 'spec: {replicas: 6}'`,
  `patch deployment kubia -p '{spec:{replicas:4}}'`,
  `patch deployment kubia -p '{"spec":'`,
  `patch deployment kubia -p '{"spec":{"replicas":4},}'`,
  `patch deployment kubia -p '{"spec":{"replicas":04}}'`,
  `patch deployment kubia -p '{"a":tru}'`,
  `patch deployment kubia --type=merge -p '{spec: 1}'`,
  `patch deployment kubia -p 'spec: [a'`,
  `patch deployment kubia -p 'a: {b: 1,'`,
  `patch deployment kubia -p 'spec: {replicas: on}'`,
  `patch deployment nosuch -p '{x'`,
  // A client dry run: kubectl applies a JSON patch itself (json-patch v4), its errors its own.
  ...[
    '{"op":"add","path":"/metadata/labels/x/y","value":"v"}',
    '{"op":"add","path":"spec","value":1}',
    '{"op":"add","value":1}',
    '{"op":"remove","path":"/spec/nosuch"}',
    '{"op":"remove","path":""}',
    '{"op":"remove","path":"/spec/template/spec/containers/5"}',
    '{"op":"replace","path":"/spec/nosuch/x","value":1}',
    '{"op":"replace","path":"/spec/template/spec/containers/5","value":{}}',
    '{"op":"move","from":"/spec/nosuch","path":"/spec/x"}',
    '{"op":"test","path":"/spec/replicas","value":7}',
    '{"op":"test","path":"/spec/nosuch","value":7}',
    '{"op":"bogus","path":"/spec/x"}',
  ].map((op) => `patch deployment kubia --type=json -p '[${op}]' --dry-run=client`),
  // A client dry run of any type is kubectl's own: the object it read, patched and printed as it
  // comes out (no field dropped or warned about, no type checked), and a patch that is not JSON
  // refused in the words of the library that reads it.
  `patch deployment kubia -p '{"spec":{"bogus":1}}' --dry-run=client -o name`,
  `patch deployment kubia -p '{"spec":{"bogus":1,"replicas":"x"}}' --dry-run=client -o json`,
  `patch deployment kubia -p '{"spec":{"replicas":"x"}}' --dry-run=client`,
  `patch deployment kubia --type=merge -p '{"spec":{"bogus":1}}' --dry-run=client -o yaml`,
  `patch deployment kubia --type=json -p '[{"op":"add","path":"/spec/replicas","value":"y"}]' --dry-run=client -o jsonpath={.spec.replicas}`,
  `patch deployment kubia -p '{spec:{replicas:4}}' --dry-run=client`,
  `patch deployment kubia --type=merge -p '{spec: 1}' --dry-run=client`,
  `patch deployment kubia --type=json -p '{x}' --dry-run=client`,
  `patch deployment kubia --type=merge -p '[1]' --dry-run=client`,
  `patch deployment kubia --type=merge -p '1' --dry-run=client`,
  `patch deployment kubia --type=merge -p 'null' --dry-run=client`,
  `patch deployment kubia -p '[1]' --dry-run=client`,
  `patch deployment kubia -p '"x"' --dry-run=client`,
  `patch deployment kubia --type=json -p '[{"op":"remove","path":"/kind"}]' --dry-run=client`,
  `patch deployment kubia --type=json -p '[{"op":"replace","path":"/metadata/name","value":"x"}]' --dry-run=client`,
  `patch deployment kubia --type=merge -p '{"metadata":{"name":"y"}}' --dry-run=client -o name`,
  `patch deployment kubia -p '{"spec":{"replicas":1}}' --dry-run=client`,
  `patch deployment kubia -p '{}' --dry-run=client`,
  `patch deployment kubia -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"x"}]}}}}' --dry-run=client -o jsonpath={.spec.template.spec.containers[*].image}`,
  `patch deployment kubia -p 'spec: {replicas: 9}' --dry-run=client -o yaml`,
];

describe.skipIf(!kubectl)(`kubectl patch beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);
  beforeAll(async () => {
    await pair().run('create deployment kubia --image=nginx');
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
    const state = await pair().run('get deployment kubia -o jsonpath={.spec.replicas}');
    expect(state.inPage).toEqual(state.real);
  });
});
