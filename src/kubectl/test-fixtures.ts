/** Builders shared by the kubectl tests: a cluster with instant pods and the book's manifests. */
import { createCluster, type Cluster } from '../index.ts';
import type { SimCluster } from '../cluster/cluster.ts';
import { kubiaYaml } from '../test-helpers/builders.ts';

export const instant = {
  scheduleSeconds: 0,
  imagePullSeconds: 0,
  containerStartSeconds: 0,
  terminationSeconds: 0,
};

export function cluster(files: Record<string, string> = {}): Cluster & { sim: SimCluster } {
  const c = createCluster({ timing: instant }) as Cluster & { sim: SimCluster };
  for (const [k, v] of Object.entries(files)) c.sim.files.set(k, v);
  return c;
}

/** A cluster with the kubia Deployment (3 replicas of v1) rolled out. */
export function withKubia(): Cluster & { sim: SimCluster } {
  const c = cluster({ 'kubia-deployment-v1.yaml': kubiaYaml() });
  c.kubectl('create -f kubia-deployment-v1.yaml');
  return c;
}
