/**
 * Running a Scenario: a fresh cluster of its shape, its manifests applied at t=0, then each step's
 * kubectl command at its time. The same scenario always yields the same cluster, byte for byte.
 */
import { applyAll } from '../cluster/apply.ts';
import { SimCluster } from '../cluster/cluster.ts';
import type { KubectlResult } from '../kubectl/command.ts';
import { runKubectl } from '../kubectl/index.ts';
import { parseManifests } from '../k8s/yaml.ts';
import type { Scenario, ScenarioStep } from './scenario.ts';

export interface StepResult {
  step: ScenarioStep;
  result: KubectlResult;
}

export function clusterForScenario(s: Scenario): SimCluster {
  const cluster = new SimCluster({
    seed: s.spec.seed,
    nodes: s.spec.cluster.nodes,
    cpu: s.spec.cluster.cpu,
    memory: s.spec.cluster.memory,
    ...(s.spec.cluster.maxPods !== undefined ? { maxPods: s.spec.cluster.maxPods } : {}),
    timing: s.spec.timing,
    ...(s.spec.apps ? { apps: s.spec.apps } : {}),
  });
  for (const [name, text] of Object.entries(s.spec.files ?? {})) cluster.files.set(name, text);
  if (s.spec.manifests.trim()) applyAll(cluster, parseManifests(s.spec.manifests, 'manifests'), 'manifests');
  if (s.spec.traffic) cluster.setTraffic(s.spec.traffic.service, s.spec.traffic.requestsPerSecond);
  return cluster;
}

/** Runs the steps due up to `until` (inclusive) and leaves the clock at `until`. */
export function runSteps(cluster: SimCluster, s: Scenario, until: number, from = 0): StepResult[] {
  const results: StepResult[] = [];
  for (const step of s.spec.steps) {
    if (step.at < from || step.at > until) continue;
    if (step.at > cluster.now) cluster.advance(step.at - cluster.now);
    results.push({ step, result: runKubectl(cluster, step.run, step.stdin) });
  }
  if (until > cluster.now) cluster.advance(until - cluster.now);
  return results;
}
