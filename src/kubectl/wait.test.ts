/**
 * `kubectl wait` in the simulator's own terms: what --for accepts (conditionFuncFor's table), the
 * moment a wait ends as the caller moves time (the console's stream), in the synchronous API, and
 * as a query that never moves time. What it prints is compared with the real kubectl in
 * src/server/wait-compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index.ts';
import type { SimCluster } from '../cluster/cluster.ts';
import { parseFor } from './commands/wait.ts';
import { queryKubectl } from './query.ts';
import { startKubectl, type KubectlOutputChunk } from './stream.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';

const slow = { scheduleSeconds: 1, imagePullSeconds: 2, containerStartSeconds: 1, terminationSeconds: 3 };

function slowKubia() {
  const c = createCluster({ timing: slow }) as ReturnType<typeof createCluster> & { sim: SimCluster };
  c.apply(kubiaYaml());
  return c;
}

/** The first wake-up at which `holds` is true of the cluster, found by stepping a plain cluster. */
function firstMoment(holds: (c: ReturnType<typeof slowKubia>) => boolean): number {
  const c = slowKubia();
  for (let i = 0; i < 10_000; i++) {
    if (holds(c)) return c.now();
    const next = c.nextWakeUp();
    if (next === undefined) break;
    c.advance(next - c.now());
  }
  throw new Error('never held');
}

type Status = { conditions?: { type: string; status: string }[]; readyReplicas?: number };
const statusOf = (c: ReturnType<typeof slowKubia>) =>
  ((c.get('deployment', 'kubia') as { status?: Status } | undefined)?.status ?? {}) as Status;
const available = (c: ReturnType<typeof slowKubia>) =>
  statusOf(c).conditions?.some((x) => x.type === 'Available' && x.status === 'True') ?? false;

describe('--for, as conditionFuncFor reads it', () => {
  it.each([
    ['delete', { type: 'delete' }],
    ['DELETE', { type: 'delete' }],
    ['Create', { type: 'create' }],
    ['condition=Available', { type: 'condition', name: 'Available', value: 'true' }],
    ['condition=Ready=false', { type: 'condition', name: 'Ready', value: 'false' }],
    ['condition=a=b=c', { type: 'condition', name: 'a', value: 'b=c' }],
    ['jsonpath={.status.phase}=Running', { type: 'jsonpath', expr: '{.status.phase}', value: 'Running' }],
    ['jsonpath=.status.phase', { type: 'jsonpath', expr: '{.status.phase}', value: undefined }],
    ['jsonpath={.spec.replicas}="3"', { type: 'jsonpath', expr: '{.spec.replicas}', value: '3' }],
    ['jsonpath={.items[?(@.a=="b")].c}=d', { type: 'jsonpath', expr: '{.items[?(@.a=="b")].c}', value: 'd' }],
  ])('%s', (text, cond) => {
    expect(parseFor(text)).toEqual(cond);
  });

  it.each([
    ['', 'unrecognized condition: ""'],
    ['Condition=Ready', 'unrecognized condition: "Condition=Ready"'],
    ['jsonpath=', 'jsonpath expression cannot be empty'],
    [
      'jsonpath={.a}=',
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    ],
    [
      'jsonpath={.a}=1=2',
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    ],
    ['jsonpath={[}', 'unterminated array'],
  ])('%j is refused', (text, message) => {
    expect(() => parseFor(text)).toThrow(message);
  });
});

describe('kubectl wait as time moves', () => {
  it('ends at the instant the condition holds, and never moves time itself', () => {
    const expected = firstMoment(available);
    expect(expected).toBeGreaterThan(0);
    const c = slowKubia();
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, 'wait --for=condition=Available deployment/kubia', undefined, (ch) =>
      chunks.push(ch),
    );
    expect(c.now()).toBe(0);
    expect(run.done).toBe(false);
    expect(chunks).toEqual([]);
    while (!run.done) {
      const next = c.nextWakeUp()!;
      c.advance(next - c.now());
    }
    expect(c.now()).toBe(expected);
    expect(run.exitCode).toBe(0);
    expect(chunks).toEqual([{ stdout: 'deployment.apps/kubia condition met\n' }]);
  });

  it('a jsonpath value: the first instant one replica is ready', () => {
    const expected = firstMoment((c) => statusOf(c).readyReplicas === 1);
    const c = slowKubia();
    const r = c.kubectl('wait --for=jsonpath={.status.readyReplicas}=1 deploy/kubia -o name');
    expect(r).toEqual({ stdout: 'deployment.apps/kubia\n', stderr: '', exitCode: 0 });
    expect(c.now()).toBe(expected);
  });

  it('times out at its deadline, shared by every object it visits', () => {
    const c = slowKubia();
    const r = c.kubectl('wait --for=condition=Ready deploy/kubia deploy/kubia --timeout=7s');
    expect(r.stderr).toBe(
      'timed out waiting for the condition on deployments/kubia\ntimed out waiting for the condition on deployments/kubia\n',
    );
    expect(r.exitCode).toBe(1);
    expect(c.now()).toBe(7);
  });

  it("--for=delete waits out a pod's grace period", () => {
    const c = slowKubia();
    c.advance(30);
    const pod = (c.list('pod') as { metadata: { name: string } }[])[0]!.metadata.name;
    c.kubectl(`delete pod ${pod} --wait=false`);
    const from = c.now();
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, `wait --for=delete pod/${pod}`, undefined, (ch) => chunks.push(ch));
    c.advance(2);
    expect(run.done).toBe(false);
    c.advance(slow.terminationSeconds);
    expect(run.done).toBe(true);
    expect(c.now() - from).toBe(5);
    expect(chunks).toEqual([{ stdout: `pod/${pod} condition met\n` }]);
  });

  it('--for=create looks again every 2 s until the object is there', () => {
    const c = slowKubia();
    const chunks: KubectlOutputChunk[] = [];
    const run = startKubectl(c.sim, 'wait --for=create deployment/late', undefined, (ch) => chunks.push(ch));
    c.advance(3);
    c.kubectl('create deployment late --image=nginx');
    c.advance(0.5);
    expect(run.done).toBe(false);
    c.advance(0.5);
    expect(run.done).toBe(true);
    expect(chunks).toEqual([{ stdout: 'deployment.apps/late condition met\n' }]);
  });

  it('as a query, prints what holds now and changes neither time nor the cluster', () => {
    const c = slowKubia();
    const version = c.sim.store.resourceVersion;
    const waiting = queryKubectl(c.sim, 'kubectl wait --for=condition=Available deployment/kubia');
    expect(waiting).toEqual({ stdout: '', stderr: '', exitCode: 0, watching: true });
    const once = queryKubectl(c.sim, 'kubectl wait --for=condition=Available deployment/kubia --timeout=0');
    expect(once.stderr).toBe('error: condition not met for deployments/kubia\n');
    expect(c.now()).toBe(0);
    expect(c.sim.store.resourceVersion).toBe(version);
  });
});
