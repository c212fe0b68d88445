/**
 * Runs fuzz inputs through the public API (src/index.ts) in a worker thread, so that the test
 * can end a hang at its deadline. For each input it reports how long it took and what, if
 * anything, went wrong: an exception where the API promises none, an internal error, a failed
 * command that changed the cluster without printing what it changed, or playback that threw
 * afterwards.
 */
import { parentPort } from 'node:worker_threads';
import '../k8s/yaml-impl.ts';
import {
  createCluster,
  ManifestError,
  parseScenario,
  ScenarioError,
  type Cluster,
  type ClusterSnapshot,
} from '../index.ts';
import { KUBIA, TABLE_CLUSTER } from '../fuzz/cases.ts';
import type { FuzzInput } from '../fuzz/generate.ts';
import { decodeShare } from '../scenario/share.ts';

const SERVICE = `apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  selector: {app: kubia}
  ports: [{port: 80, targetPort: 8080}]
`;

const cluster: Cluster = createCluster(TABLE_CLUSTER);
cluster.apply(`${KUBIA}---\n${SERVICE}`);
cluster.advance(1);
const base: ClusterSnapshot = cluster.snapshot();

const fingerprint = (c: Cluster) =>
  JSON.stringify(['deployments', 'replicasets', 'pods', 'services', 'endpoints'].map((k) => c.list(k)));
const baseFingerprint = fingerprint(cluster);

/** Commands that move virtual time (watches), so a failure after them is not a failed write. */
const movesTime = (run: string) => /(^|\s)(-w|--watch(=true)?)(\s|$)|rollout status|--wait/.test(run);

export interface FuzzResult {
  i: number;
  ms: number;
  problem?: string;
  exitCode?: number;
}

function runOne(input: FuzzInput): Omit<FuzzResult, 'i' | 'ms'> {
  if (input.kind === 'link') {
    const r = decodeShare(input.fragment);
    if (r.ok && r.payload.scenario.kind !== 'Scenario') return { problem: 'a link opened as something else' };
    return {};
  }
  if (input.kind === 'scenario') {
    try {
      parseScenario(input.text);
    } catch (e) {
      if (!(e instanceof ScenarioError) && !(e instanceof ManifestError))
        return { problem: `parseScenario threw ${String(e)}` };
    }
    return {};
  }
  cluster.restore(base);
  const r = cluster.kubectl(input.run, input.stdin);
  if (r.stderr.includes('internal error in the simulator'))
    return { problem: r.stderr, exitCode: r.exitCode };
  // A failed command may keep what it wrote, as kubectl does with several objects of which some
  // are missing, but then it printed what it changed.
  if (
    r.exitCode !== 0 &&
    !movesTime(input.run) &&
    r.stdout === '' &&
    fingerprint(cluster) !== baseFingerprint
  )
    return {
      problem: `a failed command changed the cluster without saying so: ${r.stderr}`,
      exitCode: r.exitCode,
    };
  cluster.advance(5);
  return { exitCode: r.exitCode };
}

parentPort!.on('message', (msg: { inputs: FuzzInput[]; from: number }) => {
  msg.inputs.forEach((input, k) => {
    const i = msg.from + k;
    parentPort!.postMessage({ start: i });
    const t0 = performance.now();
    let out: Omit<FuzzResult, 'i' | 'ms'>;
    try {
      out = runOne(input);
    } catch (e) {
      out = { problem: `threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
    }
    parentPort!.postMessage({ i, ms: performance.now() - t0, ...out } satisfies FuzzResult);
  });
  parentPort!.postMessage({ done: true });
});
