/**
 * Before a scenario from outside (a link, a file, storage) replaces the current one: check that
 * the browser can replay it in reasonable time, load the YAML library when it needs it, and apply
 * its manifests to a throwaway cluster so a scenario the core refuses is an error message, never a
 * half-loaded session. Nothing here touches the live session.
 */
import type { Deployment, ReplicaSet } from '../../src/k8s/types.ts';
import { clusterForScenario } from '../../src/scenario/run.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { loadDeferred, needsYaml, yamlReady } from '../sim/deferred.ts';
import type { Problem } from './link.ts';

/**
 * What the page replays at once. The session computes the whole run up front (about 1 ms per
 * virtual second for the kubia scenario; a 1,000-pod run takes seconds), so links and files that
 * ask for more are refused with a message rather than freezing the tab. The CLI has no such limit.
 */
export const BROWSER_LIMITS = { seconds: 3600, replicas: 1000 };

/** `replicas: 5000`, `"replicas":5000`, `--replicas=5000`, `--replicas 5000` in commands and stdin. */
const REPLICAS = /replicas["']?\s*[:=\s]\s*["']?(\d+)/gi;

function maxReplicasIn(text: string): number {
  let max = 0;
  for (const m of text.matchAll(REPLICAS)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Checks that need no cluster: how far the timeline reaches and replicas asked for by steps. */
export function checkBudget(s: Scenario, at: number): Problem | undefined {
  const end = Math.max(at, ...s.spec.steps.map((x) => x.at));
  if (end > BROWSER_LIMITS.seconds)
    return {
      key: 'share.problem.tooLongRun',
      vars: { seconds: Math.round(end), max: BROWSER_LIMITS.seconds },
    };
  const asked = Math.max(0, ...s.spec.steps.map((x) => maxReplicasIn(`${x.run}\n${x.stdin ?? ''}`)));
  if (asked > BROWSER_LIMITS.replicas)
    return { key: 'share.problem.tooManyPods', vars: { n: asked, max: BROWSER_LIMITS.replicas } };
  return undefined;
}

const needsYamlLibrary = (s: Scenario) =>
  needsYaml(s.spec.manifests.trim() ? s.spec.manifests : undefined) ||
  s.spec.steps.some((x) => needsYaml(x.stdin));

/** Undefined when `s` can replace the current scenario; otherwise what is wrong. */
export async function prepare(s: Scenario, at: number): Promise<Problem | undefined> {
  const budget = checkBudget(s, at);
  if (budget) return budget;
  if (!yamlReady() && needsYamlLibrary(s)) {
    try {
      await loadDeferred();
    } catch {
      return { key: 'share.problem.yamlOffline' };
    }
  }
  try {
    const c = clusterForScenario(s);
    let replicas = 0;
    for (const d of c.store.list<Deployment>('Deployment')) replicas += d.spec.replicas ?? 1;
    for (const r of c.store.list<ReplicaSet>('ReplicaSet'))
      if (!r.metadata.ownerReferences?.length) replicas += r.spec.replicas ?? 1;
    if (replicas > BROWSER_LIMITS.replicas)
      return { key: 'share.problem.tooManyPods', vars: { n: replicas, max: BROWSER_LIMITS.replicas } };
  } catch (e) {
    return { key: 'share.problem.rejected', detail: e instanceof Error ? e.message : String(e) };
  }
  return undefined;
}
