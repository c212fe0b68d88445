/**
 * The API resources the simulated server serves, with the names kubectl resolves
 * (`kubectl api-resources`): plural, singular, short names, group and whether they are namespaced.
 */
export interface ResourceInfo {
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  group: string;
  version: string;
  namespaced: boolean;
  verbs: string[];
}

const rw = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const resources: ResourceInfo[] = [
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'Endpoints',
    plural: 'endpoints',
    singular: 'endpoints',
    shortNames: ['ep'],
    group: '',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'EndpointSlice',
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
    verbs: rw,
  },
  {
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    shortNames: ['pdb'],
    group: 'policy',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'Event',
    plural: 'events',
    singular: 'event',
    shortNames: ['ev'],
    group: '',
    version: 'v1',
    namespaced: true,
    verbs: rw,
  },
  {
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
];

/** `deployments.apps` / `deployment` / `deploy` / `Deployment` / `deployments.v1.apps` → the resource. */
export function resolveResource(name: string): ResourceInfo | undefined {
  // schema.ParseResourceArg: `resource`, `resource.group` or `resource.version.group`.
  const [typed = '', ...rest] = name.split('.');
  const base = typed.toLowerCase();
  const suffix = rest.join('.').toLowerCase();
  for (const r of resources) {
    // Short names as typed (kubectl's shortcut expander); the rest as the RESTMapper matches
    // them, lowercased: `Pods` is pods, `PO` and `Deploy` are nothing.
    if (![r.plural, r.singular, r.kind.toLowerCase()].includes(base) && !r.shortNames.includes(typed))
      continue;
    if (suffix === '' || suffix === r.group || suffix === `${r.version}.${r.group}`) return r;
  }
  return undefined;
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return resources.find((r) => r.kind === kind);
}

/** `deployments.apps`, `pods`: how kubectl names a resource in messages. */
export function groupResource(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** The kind as kubectl names it in its lines: `deployment.apps`, `pod`. */
export function kindGroup(r: ResourceInfo): string {
  return r.group ? `${r.singular}.${r.group}` : r.singular;
}

/** `deployment.apps/kubia`, `pod/kubia-x`: the name printer's form. */
export function kindSlashName(r: ResourceInfo, name: string): string {
  return `${kindGroup(r)}/${name}`;
}

export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}
