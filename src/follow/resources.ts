/**
 * What a followed session reads of one namespace: the objects the diagram draws, their endpoints
 * and the Events about them. Read-only by construction: these are paths to list and watch, and
 * nothing in src/follow builds any other request.
 */

export interface FollowedResource {
  kind: string;
  /** The resource's plural name in its API path. */
  plural: string;
  /** '' for the core group (`/api/v1`). */
  group: string;
  version: string;
  /**
   * A cluster may not serve it or may not let this user read it (core/v1 Endpoints is deprecated
   * from 1.33; Events may be forbidden): the session then goes on without it.
   */
  optional: boolean;
}

export const FOLLOWED_RESOURCES: readonly FollowedResource[] = [
  { kind: 'Deployment', plural: 'deployments', group: 'apps', version: 'v1', optional: false },
  { kind: 'ReplicaSet', plural: 'replicasets', group: 'apps', version: 'v1', optional: false },
  { kind: 'Pod', plural: 'pods', group: '', version: 'v1', optional: false },
  { kind: 'Service', plural: 'services', group: '', version: 'v1', optional: false },
  { kind: 'Endpoints', plural: 'endpoints', group: '', version: 'v1', optional: true },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    group: 'discovery.k8s.io',
    version: 'v1',
    optional: true,
  },
  { kind: 'Event', plural: 'events', group: '', version: 'v1', optional: true },
];

export const FOLLOWED_KINDS: ReadonlySet<string> = new Set(FOLLOWED_RESOURCES.map((r) => r.kind));

/** `/apis/apps/v1/namespaces/default/deployments`: where a resource of a namespace is listed. */
export function resourcePath(r: FollowedResource, namespace: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  return `${base}/namespaces/${encodeURIComponent(namespace)}/${r.plural}`;
}

/** A namespace name as the API server accepts it (RFC 1123 label). */
export function validNamespace(ns: string): boolean {
  return ns.length > 0 && ns.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns);
}
