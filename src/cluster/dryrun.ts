/**
 * Server-side dry runs (`--dry-run=server`, `?dryRun=All`): the write runs as it would, on a copy
 * or undone after, and the answer is what an API server answers: the object as the write made it
 * (defaults, a new generation, a uid and creation time for a new one), stored nowhere.
 */
import type { KubeObject } from '../k8s/types.ts';
import type { SimCluster } from './cluster.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What a dry run answers (DryRunnableStorage): the object as written, with no new resourceVersion,
 * as nothing was stored: the stored object's, or none for one it would have created.
 */
export function unwritten<T>(cluster: SimCluster, out: T): T {
  if (!isObj(out) || typeof out['kind'] !== 'string' || !isObj(out['metadata'])) return out;
  const obj = out as unknown as KubeObject;
  const stored = cluster.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
  const { resourceVersion: _written, ...metadata } = obj.metadata;
  const resourceVersion = stored?.metadata.resourceVersion;
  return { ...obj, metadata: resourceVersion ? { ...metadata, resourceVersion } : metadata } as T;
}

/** A write run as a server-side dry run, on a copy of the cluster: nothing here changes. */
export function dryRunWrite(cluster: SimCluster, write: (copy: SimCluster) => KubeObject): KubeObject {
  return unwritten(cluster, write(cluster.fork()));
}
