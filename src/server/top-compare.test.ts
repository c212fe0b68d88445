/**
 * `kubectl top` beside the real kubectl against the served simulator, which serves no Metrics API
 * (no metrics.k8s.io group in discovery, as a cluster without metrics-server): kubectl's own
 * errors about its arguments and flags, then `error: Metrics API not available` for nodes and
 * pods, by name or not, with the flags that change only what it would print. `kubectl top` alone
 * prints its help on stderr. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply -f -\t${deploymentManifest('kubia', { spec: 'replicas: 2' })}`,
  60,
  'top',
  'top foo',
  'top --bogus',
  // Before kubectl asks for metrics: its arguments and flags.
  'top pod a b',
  'top node a b',
  'top pod --sort-by=x',
  'top node --sort-by=disk',
  'top pod a -l app=x',
  'top pod a --field-selector=x=y',
  'top node a -l x=y',
  'top pod --field-selector=bad',
  'top pod -o yaml',
  'top node -A',
  // Then the Metrics API is not there.
  'top pods',
  'top nodes',
  'top pod kubia',
  'top node node-1',
  'top po -A',
  'top no --show-capacity --no-headers',
  'top pods --containers --sum --sort-by=cpu',
  'top pods -n kube-system -l app=x --field-selector=a=b',
  'top pod --use-protocol-buffers=false',
];

describe.skipIf(!kubectl)(`kubectl top beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints what the real kubectl prints without a Metrics API', async () => {
    const outputs = new Map<string, string>();
    const differ = await pair().differences(STEPS, '', {
      seen: (run) => outputs.set(run.line, `${run.real.stdout}${run.real.stderr}exit ${run.real.exitCode}`),
    });
    expect(differ).toEqual([]);
    for (const line of ['top pods', 'top nodes', 'top pod kubia'])
      expect(outputs.get(line)).toBe('error: Metrics API not available\nexit 1');
  }, 120_000);
});
