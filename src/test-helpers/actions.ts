/**
 * What random-sequence tests do to the kubia Deployment: one kubectl action (then the instant
 * settles), or time passing. Each test draws the actions it needs.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import type { Pod } from '../k8s/types.ts';
import { runKubectl } from '../kubectl/index.ts';

export type Action =
  | { kind: 'image'; tag: string }
  | { kind: 'scale'; replicas: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'undo' }
  | { kind: 'deletePod'; index: number; grace?: number }
  | { kind: 'cordon'; on: boolean }
  | { kind: 'advance'; seconds: number };

/**
 * Does `a`; time passes through `advance` (a test that records what happens as time passes gives
 * its own), and after any other action the instant settles.
 */
export function perform(sim: SimCluster, a: Action, advance = (s: number) => sim.advance(s)): void {
  switch (a.kind) {
    case 'image':
      runKubectl(sim, `set image deployment/kubia nodejs=luksa/kubia:${a.tag}`);
      break;
    case 'scale':
      runKubectl(sim, `scale deployment/kubia --replicas=${a.replicas}`);
      break;
    case 'pause':
      runKubectl(sim, 'rollout pause deployment/kubia');
      break;
    case 'resume':
      runKubectl(sim, 'rollout resume deployment/kubia');
      break;
    case 'undo':
      runKubectl(sim, 'rollout undo deployment/kubia');
      break;
    case 'deletePod': {
      const pods = sim.store.list<Pod>('Pod');
      const p = pods[a.index % Math.max(1, pods.length)];
      if (p) sim.delete('Pod', p.metadata.namespace, p.metadata.name, a.grace);
      break;
    }
    case 'cordon':
      runKubectl(sim, `${a.on ? 'cordon' : 'uncordon'} node-1`);
      break;
    case 'advance':
      advance(a.seconds);
      return;
  }
  advance(0);
}
