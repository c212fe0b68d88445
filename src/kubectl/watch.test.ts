/**
 * Watching: `get -w` and `rollout status` in the synchronous API (virtual time moves to each
 * controller wake-up) and in the console's streaming API (the caller moves time).
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import type { SimCluster } from '../cluster/cluster.ts';
import { complete } from './complete.ts';
import { startKubectl, type KubectlOutputChunk } from './stream.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';
import { cluster, withKubia } from './test-fixtures.ts';

const slow = { scheduleSeconds: 0, imagePullSeconds: 2, containerStartSeconds: 1, terminationSeconds: 3 };

function slowKubia() {
  const c = createCluster({ timing: slow }) as ReturnType<typeof createCluster> & { sim: SimCluster };
  c.apply(kubiaYaml());
  return c;
}

describe('rollout status', () => {
  it('waits in virtual time and prints one line per deployment update', () => {
    const c = slowKubia();
    const r = c.kubectl('rollout status deployment/kubia');
    expect(r.exitCode).toBe(0);
    const lines = [...new Set(r.stdout.trim().split('\n'))];
    expect(lines[0]).toMatch(/^Waiting for deployment "kubia" rollout to finish: 0 (of|out of) 3/);
    expect(lines[lines.length - 1]).toBe('deployment "kubia" successfully rolled out');
    expect(c.now()).toBeGreaterThan(0);
  });

  it.each([
    ['--watch=false prints the current state once', 'rollout status deploy/kubia --watch=false', 0],
    ['a revision that is not running fails', 'rollout status deploy/kubia --revision=7', 1],
  ])('%s', (_name, line, exitCode) => {
    const c = slowKubia();
    const r = c.kubectl(line);
    expect(r.exitCode).toBe(exitCode);
    expect(c.now()).toBe(0);
  });

  it('streams lines as the caller moves time and finishes on success', () => {
    const c = slowKubia();
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, 'rollout status deployment kubia', undefined, (ch) => chunks.push(ch));
    expect(run.done).toBe(false);
    expect(chunks.map((ch) => ch.stdout).join('')).toContain('Waiting for deployment "kubia"');
    for (let i = 0; i < 20 && !run.done; i++) c.advance(1);
    expect(run.done).toBe(true);
    expect(run.exitCode).toBe(0);
    expect(chunks.map((ch) => ch.stdout ?? '').join('')).toMatch(/successfully rolled out\n$/);
  });
});

describe('get -w', () => {
  it('prints the table, then a row per change, and ends when the cluster is quiet', () => {
    const c = slowKubia();
    const r = c.kubectl('get deploy -w');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('NAME    READY   UP-TO-DATE   AVAILABLE   AGE');
    expect(lines[lines.length - 1]).toMatch(/^kubia {3}3\/3 {5}3 {12}3 {11}\d+s$/);
  });

  it('streams rows and stops on request', () => {
    const c = slowKubia();
    const out: string[] = [];
    const run = startKubectl(c.sim, 'get pods --watch', undefined, (ch) => out.push(ch.stdout ?? ''));
    const first = out.join('');
    expect(first.split('\n')[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    c.advance(5);
    expect(out.join('').length).toBeGreaterThan(first.length);
    run.stop();
    const stopped = out.join('');
    c.advance(5);
    expect(out.join('')).toBe(stopped);
    expect(run.done).toBe(true);
  });

  it('prints only the changes its field selector selects', () => {
    const c = slowKubia();
    const out: string[] = [];
    startKubectl(c.sim, 'get pods -w --field-selector spec.nodeName=node-1', undefined, (ch) =>
      out.push(ch.stdout ?? ''),
    );
    c.advance(10);
    const watched = new Set(
      out
        .join('')
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(' ')[0]),
    );
    const onNode1 = c.kubectl('get pods --field-selector spec.nodeName=node-1 -o name').stdout;
    const all = c.kubectl('get pods -o name').stdout;
    expect(onNode1.trim().split('\n').length).toBeLessThan(all.trim().split('\n').length);
    expect([...watched].map((name) => `pod/${name}\n`).join('')).toBe(onNode1);
  });

  it('runs a finished command at once', () => {
    const c = withKubia();
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, 'get deploy nope', undefined, (ch) => chunks.push(ch));
    expect(run).toMatchObject({ done: true, exitCode: 1 });
    expect(chunks).toEqual([{ stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n' }]);
  });
});

// As kubectl 1.32 prints them against the served cluster (`kubectl … 2>&1 | cat`).
describe('get -w refuses and warns as kubectl does', () => {
  const SINGLE = 'error: you may only specify a single resource type\n';
  it.each([
    ['two types, before asking for either', 'get pods,endpoints -w', '', SINGLE, 1],
    ['all is several types', 'get all -w', '', SINGLE, 1],
    ['types named apart', 'get pods/a deploy/b -w', '', SINGLE, 1],
    [
      'only the first missing name',
      'get pods a b -w',
      '',
      'Error from server (NotFound): pods "a" not found\n',
      1,
    ],
    [
      'a missing name with --sort-by',
      'get pods nosuch -w --sort-by=.metadata.name',
      '',
      'warning: --watch requested, --sort-by will be ignored for watch events received\nError from server (NotFound): pods "nosuch" not found\n',
      1,
    ],
    [
      '--watch-only with --sort-by',
      'get deploy --watch-only --sort-by=.metadata.name --request-timeout=1s',
      '',
      'warning: --watch-only requested, --sort-by will be ignored\n',
      0,
    ],
    [
      '--watch and --watch-only with --sort-by',
      'get deploy kubia -w --watch-only --sort-by=.metadata.name --request-timeout=1s',
      '',
      'warning: --watch requested, --sort-by will be ignored for watch events received\n',
      0,
    ],
  ])('%s', (_name, line, stdout, stderr, exitCode) => {
    const c = withKubia();
    expect(c.kubectl(line)).toEqual({ stdout, stderr, exitCode });
  });
});

describe('delete waits for terminating pods', () => {
  it('a deleted pod of a ReplicaSet is replaced', () => {
    const c = withKubia();
    const pod = (c.list('pods')[0] as { metadata: { name: string } }).metadata.name;
    const r = c.kubectl(`delete pod ${pod}`);
    expect(r).toEqual({ stdout: `pod "${pod}" deleted\n`, stderr: '', exitCode: 0 });
    const names = c.list('pods').map((p) => (p as { metadata: { name: string } }).metadata.name);
    expect(names).toHaveLength(3);
    expect(names).not.toContain(pod);
  });
});

describe('complete', () => {
  it.each([
    ['commands', 'kubectl ro', ['rollout']],
    ['subcommands', 'kubectl rollout u', ['undo']],
    ['kinds', 'kubectl get depl', ['deployments']],
    ['names of the kind typed', 'kubectl describe deploy k', ['kubia']],
    ['kind/name form', 'kubectl rollout status deployment/', ['deployment/kubia']],
    ['flags', 'kubectl get pods --show-l', ['--show-labels']],
    ['namespaces', 'kubectl get pods -n kube-s', ['kube-system']],
    ['nothing after a complete line', 'kubectl version --client ', []],
  ])('%s', (_name, line, expected) => {
    const c = withKubia();
    expect(complete(c.sim, line)).toEqual(expected);
  });

  it('never throws on odd input', () => {
    const c = cluster();
    for (const line of ['', ' ', '"', 'kubectl get "de', 'get ///', 'rollout status x/'])
      expect(() => complete(c.sim, line)).not.toThrow();
  });
});
