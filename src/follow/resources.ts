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
  /**
   * Followed only once the server refuses this other kind. A page keeps at most six connections
   * open to a server that speaks HTTP/1.1 (kubectl proxy, `npm run serve`), and each followed
   * kind holds one for its watch: a seventh watch would wait for one of them to end. Endpoints
   * are made from the EndpointSlices when those are read instead (state.ts).
   */
  insteadOf?: string;
  /**
   * Watched in short spells, a one-second watch every this many seconds, instead of one watch held
   * open: the page's sixth connection then stays free most of the time for its own requests (a
   * part of the app loaded when first used, from `kubectl proxy --www` on the same origin), which
   * a sixth open watch would hold up for minutes. Each spell still starts from the last
   * resourceVersion seen, so nothing is missed; it only arrives up to this much later.
   */
  pollSeconds?: number;
}

export const FOLLOWED_RESOURCES: readonly FollowedResource[] = [
  { kind: 'Deployment', plural: 'deployments', group: 'apps', version: 'v1', optional: false },
  { kind: 'ReplicaSet', plural: 'replicasets', group: 'apps', version: 'v1', optional: false },
  { kind: 'Pod', plural: 'pods', group: '', version: 'v1', optional: false },
  { kind: 'Service', plural: 'services', group: '', version: 'v1', optional: false },
  {
    kind: 'Endpoints',
    plural: 'endpoints',
    group: '',
    version: 'v1',
    optional: true,
    insteadOf: 'EndpointSlice',
  },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    group: 'discovery.k8s.io',
    version: 'v1',
    optional: true,
  },
  { kind: 'Event', plural: 'events', group: '', version: 'v1', optional: true, pollSeconds: 2 },
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
