/**
 * `kubectl get --sort-by` beside the real kubectl against the served simulator. What the real one
 * does here is its own code, not the server's: strings compared byte by byte since 1.31 (`a10`
 * before `a2`), quantities as quantities; a table printer's sort error left unreported (the list
 * prints nothing, so "No resources found"); and with more than one list or named object, the
 * server's Table objects themselves sorted first, which have no field of the objects in them.
 * Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** Deployments with names and quantity labels whose orders differ by each comparison. */
const SETUP = [
  'create deployment web --image=nginx --replicas=2',
  'create deployment web2 --image=nginx --replicas=3',
  ...['a9', 'a10', 'a-1', 'ab', 'a02', 'a2'].map((n) => `create deployment ${n} --image=nginx --replicas=0`),
  'label deployment a9 q=10',
  'label deployment a10 q=9',
  'label deployment a-1 q=1Gi',
  'label deployment ab q=512Mi',
  'label deployment a02 q=1k',
];

const LINES = [
  // Strings byte by byte (a-1 a02 a10 a2 a9 ab); quantities by value, a missing one first.
  'get deployments --sort-by=.metadata.name -o name',
  'get deployments --sort-by=.metadata.name',
  'get deployments --sort-by=.metadata.labels.q -L q',
  'get pods --sort-by=.metadata.name',
  'get deployments,pods --sort-by=.metadata.name -o name',
  // A field no object has: a list's table prints nothing; -o name says so.
  'get pods --sort-by=.metadata.nam',
  'get pods --sort-by=.metadata.nam -A',
  'get pods --sort-by=.metadata.nam -o name',
  'get deployments web --sort-by=.nothing',
  // Two lists or two names: the Tables are sorted, and they have no metadata.name.
  'get deployments,pods --sort-by=.metadata.name',
  'get deployments web web2 --sort-by=.metadata.name',
  'get deployments,pods --sort-by=.kind',
  'get deployments -o yml',
];

describe.skipIf(!kubectl)(`get --sort-by beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, SETUP, 30);

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });

  it('sorts strings byte by byte, as kubectl 1.31 and later do', async () => {
    const run = await pair().run('get deployments --sort-by=.metadata.name -o name');
    expect(
      run.real.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace('deployment.apps/', '')),
    ).toEqual(['a-1', 'a02', 'a10', 'a2', 'a9', 'ab', 'web', 'web2']);
  });
});
