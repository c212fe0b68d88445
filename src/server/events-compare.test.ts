/**
 * `kubectl events` beside the real kubectl against the served simulator: a rollout's events, a
 * bad release's repeated readiness failures (`(xN over …)`), --for, --types, -A, --no-headers,
 * the -o formats and the errors. The real kubectl computes LAST SEEN against the wall clock from
 * timestamps in virtual time, so that cell is masked on both sides (the repeat counts are kept);
 * the rest of each line must match. Then `kubectl describe` of events: Event has no describer of
 * its own, so kubectl describes each generically, every field the server sent by name (Involved
 * Object:, Source:, …), each exactly. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import type { KubectlResult } from '../kubectl/command.ts';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

/** v3 answers 500 from its fifth request on: its readiness probe fails every second after. */
const broken = deploymentManifest('broken', {
  spec: 'replicas: 1',
}).replace(
  'image: nginx',
  'image: luksa/kubia:v3\n        readinessProbe:\n          periodSeconds: 1\n          httpGet: {path: /, port: 8080}',
);

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  'events',
  'events -A',
  `apply -f -\t${deploymentManifest('kubia', { spec: 'replicas: 2' })}`,
  30,
  'set image deployment/kubia c=nginx:1.27',
  30,
  'events',
  'events -A',
  'events --for=deployment/kubia',
  'events --for deploy/kubia --no-headers',
  'events --for=deployments.apps/kubia --types=normal',
  'events --types=Warning',
  'events --for deploy/nope',
  'events -o yaml --for=deployment/kubia',
  'events -o json --for=deployment/kubia',
  'events -o name',
  'events -o jsonpath={.items[*].reason} --for=deployment/kubia',
  `apply -f -\t${broken}`,
  40,
  'events --types=Warning',
  'events --for deployment/broken',
  'events -n other',
  // kubectl's errors.
  'events -o wide',
  'events --for kubia',
  'events --for a/b/c',
  'events --for x/y',
  'events --types=foo',
  'events --help',
];

/** Each line's cells, LAST SEEN's ages (the first cell, after NAMESPACE with -A) masked. */
function masked(r: KubectlResult): string {
  const lines = r.stdout.split('\n').map((line) => {
    const cells = line.split(/ {2,}/);
    const at = /^(NAMESPACE|default|kube-system|other)$/.test(cells[0] ?? '') && cells.length > 5 ? 1 : 0;
    if (cells.length >= 5 && cells[at] !== 'LAST SEEN')
      cells[at] = cells[at]!.replace(/^\S+( \(x\d+ over )\S+\)$|^\S+$/, (_m, over?: string) =>
        over ? `<age>${over}<age>)` : '<age>',
      );
    return cells.join(' | ');
  });
  return `${lines.join('\n')}\nstderr: ${r.stderr}\nexit: ${r.exitCode}`;
}

describe.skipIf(!kubectl)(`kubectl events beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path);

  it('prints what the real kubectl prints, but for the wall clock', async () => {
    let repeated = 0;
    const differences = await pair().differences(STEPS, '', {
      same: (inPage, real) => masked(inPage) === masked(real),
      seen: (run) => {
        if (/\(x\d+ over /.test(run.real.stdout)) repeated++;
      },
    });
    expect(differences).toEqual([]);
    // The bad release's readiness failures were seen again and again, and shown so.
    expect(repeated).toBeGreaterThan(0);
  }, 60_000);

  it.each(['describe events', 'describe ev -A', 'describe ev --show-events=false'])(
    'kubectl %s',
    async (line) => {
      const run = await pair().run(line);
      expect(run.inPage).toEqual(run.real);
    },
  );

  it('describes one event named, and those a prefix names', async () => {
    const name = (await pair().run('get events -o name')).real.stdout.split('\n')[0]!.replace(/^event\//, '');
    for (const line of [
      `describe event/${name}`,
      `describe ev ${name}`,
      `describe ev ${name.split('.')[0]!}`,
    ]) {
      const run = await pair().run(line);
      expect(run.inPage).toEqual(run.real);
      expect(run.real.stdout).toContain('Involved Object:');
    }
  });
});
