/**
 * `get --server-print=false` beside the real kubectl against the served simulator: without the
 * server's table, kubectl prints the only columns it knows of any object, NAME and AGE, with -A's,
 * -L's and --show-labels' columns around them. kubectl then works out AGE itself, from the wall
 * clock, which is not the simulated one: that cell is masked on both sides. Skipped, saying why,
 * without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import type { KubectlResult } from '../index.ts';
import { comparisonKubectl } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const LINES = [
  'get pods --server-print=false',
  'get pods --server-print=false -o wide',
  'get deploy,svc --server-print=false --show-labels',
  'get pods --server-print=false -A -L app',
  'get deploy kubia --server-print=false --no-headers',
  'get ns --server-print=false',
  'get deploy --server-print=false -o name',
];

/** Each line's cells, the AGE column's masked (found by its header, or last without headers). */
function masked(r: KubectlResult): string {
  let at = -1;
  const lines = r.stdout.split('\n').map((line) => {
    const cells = line.split(/ {2,}/);
    const header = cells.indexOf('AGE');
    if (header >= 0) at = header;
    else if (line === '') at = -1;
    else if (cells.length > 1) cells[at >= 0 ? at : cells.length - 1] = '<age>';
    return cells.join(' | ');
  });
  return `${lines.join('\n')}\nstderr: ${r.stderr}\nexit: ${r.exitCode}`;
}

describe.skipIf(!kubectl)(`get --server-print=false beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(
    kubectl?.path,
    ['create deployment kubia --image=nginx --replicas=2', 'expose deployment kubia --port=80'],
    30,
  );

  it.each(LINES)('kubectl %s', async (line) => {
    const run = await pair().run(line);
    expect(masked(run.inPage)).toEqual(masked(run.real));
  });
});
