/**
 * `get -w --output-watch-events` beside the real kubectl against the served simulator: each change
 * printed as its watch event (ADDED, MODIFIED, DELETED) in the table's EVENT column, as
 * metav1.WatchEvent in JSON and YAML, and given to the template printers. The served cluster
 * moves to where the page's watch ended once the real kubectl watches; the real one then waits out
 * its --request-timeout on the wall clock. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES = [
  'get deploy --output-watch-events',
  'get deploy kubia -w --output-watch-events --request-timeout=1s',
  'get deploy kubia -w --output-watch-events --request-timeout=1s -o json',
  'get deploy kubia -w --output-watch-events --request-timeout=1s -o name',
  'get deploy kubia -w --output-watch-events --request-timeout=1s -o jsonpath={.type}',
  'get deploy kubia -w --output-watch-events --request-timeout=1s -o custom-columns=N:.metadata.name,T:.type',
  'get deploy -A -w --output-watch-events --request-timeout=1s --show-labels',
  'scale deploy kubia --replicas=3',
  // A pod created, scheduled and started: ADDED, then MODIFIED.
  'get pods -w --output-watch-events --request-timeout=8s',
  'scale deploy kubia --replicas=2',
  // A pod terminating, then gone: DELETED, as YAML events with --- between them.
  'get pods -w --watch-only --output-watch-events --request-timeout=6s -o yaml',
];

describe.skipIf(!kubectl)(`watch events beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, ['create deployment kubia --image=nginx --replicas=2'], 30);

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(run.inPage).toEqual(run.real);
  });
});
