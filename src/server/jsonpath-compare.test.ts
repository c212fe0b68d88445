/**
 * `-o jsonpath` and `-o custom-columns` field names as client-go's parser reads them, beside the
 * real kubectl against the served simulator: a field runs to the next `.`, `[`, `,`, space or
 * brace not escaped by a backslash, so `{.metadata.annotations.deployment\.kubernetes\.io/revision}`
 * reads the revision annotation; a key in brackets takes single quotes only. And
 * `-o jsonpath-as-json`, which prints what each part of the template found as a JSON array. And
 * filters compared as text/template compares (a bare word is an unknown identifier, a string and
 * a bool are incompatible), with kubectl's debugging output (the object as Go's %#v) when a
 * template fails. Skipped, saying why, without a kubectl binary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const CASES = [
  `get deployment web -o 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}'`,
  `get deployment web -o 'jsonpath={.metadata.annotations.a/b}'`,
  `get deployment web -o 'jsonpath={.metadata.annotations.a\\/b}'`,
  `get deployment web -o 'jsonpath={.metadata.annotations.x\\.y/z}'`,
  `get deployment web -o 'jsonpath={.metadata.annotations.x.y/z}'`,
  `get deployment web -o "jsonpath={.metadata.annotations['x.y/z']}"`,
  `get deployment web -o 'jsonpath={.metadata.annotations["x.y/z"]}'`,
  `get deployment web -o 'jsonpath={.metadata.annotations.a=b}'`,
  `get deployment web -o 'jsonpath={.metadata.name)}'`,
  `get pods -o 'jsonpath={.items[*].metadata.labels.pod-template-hash}'`,
  `get deployment web -o 'jsonpath={.spec.template.spec.containers[?(@.name=="nginx")].image}'`,
  `get deployment web -o 'custom-columns=REV:.metadata.annotations.deployment\\.kubernetes\\.io/revision,N:.metadata.name'`,
  // jsonpath-as-json: every value found, text included, as one JSON array.
  `get deployment web -o 'jsonpath-as-json={.metadata.name}'`,
  `get pods -o 'jsonpath-as-json={.items[*].metadata.labels}'`,
  `get deployment web -o 'jsonpath-as-json={.metadata.name}{"<&>"}{.spec.replicas}'`,
  `get deployment web -o 'jsonpath-as-json={.metadata.nothing}'`,
  `get deployment web -o 'jsonpath-as-json={range .spec.template.spec.containers[*]}{.name}{.image}{end}'`,
  // Filters compare as text/template does, and a failed template prints what it was given.
  `get deployment web -o 'jsonpath={.status.conditions[?(@.type==Available)].status}'`,
  `get deployment web -o 'jsonpath={.status.conditions[?(@.status==True)].type}'`,
  `get deployment web -o 'jsonpath={.status.conditions[?(@.type==true)].status}'`,
  `get deployment web -o 'jsonpath={.status.conditions[?(@.lastUpdateTime<"2025")].type}'`,
  `get deployments -o 'jsonpath={.items[?(@.spec.replicas>0)].metadata.name}'`,
  `get deployments -o 'jsonpath={.items[?(@.spec.replicas>0.5)].metadata.name}'`,
  `get deployments -o 'jsonpath={.items[?(@.spec.replicas<true)].metadata.name}'`,
  `get pods -o 'jsonpath={.items[?(@.spec.containers[*].name=="nginx")].metadata.name}'`,
  `get deployment web -o 'jsonpath={.status.conditions[5]}'`,
  `get pods -o 'jsonpath-as-json={.items[7]}'`,
  // A bare word is an identifier: true and false print, others fail as the template runs.
  `get deployment web -o 'jsonpath={.metadata.name}{true}'`,
  `get deployment web -o 'jsonpath={n}'`,
  `get deployment web -o 'jsonpath={.metadata.name foo}'`,
  `get deployment web -o 'jsonpath={x.y}'`,
];

describe.skipIf(!kubectl)(`jsonpath field names beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);
  beforeAll(async () => {
    await pair().run('create deployment web --image=nginx');
    pair().advance(20);
    await pair().run('annotate deployment web a/b=1 x.y/z=2');
  });

  it.each(CASES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  it('reads the revision annotation through escaped dots', async () => {
    const run = await pair().run(CASES[0]!);
    expect(run.real.stdout).toBe('1');
  });
});
