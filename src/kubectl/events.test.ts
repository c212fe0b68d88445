/**
 * `kubectl events` in the simulator's own terms: LAST SEEN in virtual time, oldest first, and
 * `--watch` as a stream the caller's clock drives. What it prints is compared with the real
 * kubectl in src/server/events-compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import type { SimCluster } from '../cluster/cluster.ts';
import { startKubectl, type KubectlOutputChunk } from './stream.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';

function kubia() {
  const c = createCluster({ seed: 7 }) as ReturnType<typeof createCluster> & { sim: SimCluster };
  c.apply(kubiaYaml());
  return c;
}

const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/ {2,}/));

describe('kubectl events', () => {
  it('lists the namespace events oldest first, LAST SEEN in virtual time', () => {
    const c = kubia();
    c.advance(60);
    const r = c.kubectl('kubectl events');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    const ages = rows(r.stdout).map((cells) => Number(/^(\d+)s$/.exec(cells[0]!)![1]));
    expect(ages[0]).toBe(60);
    // Oldest first: the ages only go down.
    expect(ages.every((a, i) => i === 0 || a <= ages[i - 1]!)).toBe(true);
    expect(rows(r.stdout).find((cells) => cells[2] === 'ScalingReplicaSet')).toEqual([
      '60s',
      'Normal',
      'ScalingReplicaSet',
      'Deployment/kubia',
      'Scaled up replica set kubia-556b495f69 to 3',
    ]);
  });

  it('--watch prints what there is, then each new event as time moves, the header once', () => {
    const c = kubia();
    c.advance(60);
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, 'events -w --for deployment/kubia', undefined, (ch) => chunks.push(ch));
    const out = () => chunks.map((ch) => ch.stdout ?? '').join('');
    expect(
      out()
        .split('\n')
        .filter((l) => l.startsWith('LAST SEEN')),
    ).toHaveLength(1);
    expect(out()).toContain('Scaled up replica set');
    expect(out()).not.toContain('Scaled down');
    c.kubectl('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    c.advance(60);
    expect(run.done).toBe(false);
    expect(out()).toContain('Scaled down replica set');
    expect(
      out()
        .split('\n')
        .filter((l) => l.startsWith('LAST SEEN')),
    ).toHaveLength(1);
    run.stop();
  });

  it('--watch lines its rows up on the widest cells so far, as the tab writer of kubectl remembers them', () => {
    const c = kubia();
    c.advance(30);
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, 'events -w', undefined, (ch) => chunks.push(ch));
    const lines = chunks
      .map((ch) => ch.stdout ?? '')
      .join('')
      .trim()
      .split('\n');
    expect(lines.length).toBeGreaterThan(3);
    // Each row's TYPE starts where the header's does: no row is flushed in columns of its own.
    const typeAt = lines[0]!.indexOf('TYPE');
    for (const line of lines.slice(1)) expect(line.slice(typeAt)).toMatch(/^(Normal|Warning) /);
    run.stop();
  });

  it('says when there are none, on stderr', () => {
    const c = kubia();
    expect(c.kubectl('kubectl events -n other')).toEqual({
      stdout: '',
      stderr: 'No events found in other namespace.\n',
      exitCode: 0,
    });
  });
});
