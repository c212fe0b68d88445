/**
 * What the server says about itself: `/version`, discovery (aggregated `apidiscovery.k8s.io/v2`
 * and v2beta1, and the legacy per-group documents) and OpenAPI v3 per group version. All of it is
 * derived from the core's resource table (src/k8s/resources.ts) and the generated schemas.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { apiVersionOf, resources, type ResourceInfo } from '../k8s/resources.ts';
import { SCHEMAS_FILE, schemaName } from './openapi-gen.ts';
import { versionInfo } from '../k8s/version.ts';

/** `/version`: the simulated cluster's release, as `kubectl version` in the page reports it. */
export const SERVER_VERSION = versionInfo();

/** kubectl's `all` category. */
const ALL = new Set(['pods', 'services', 'deployments', 'replicasets']);

interface Sub {
  name: string;
  group: string;
  version: string;
  kind: string;
  verbs: string[];
}

function subresources(r: ResourceInfo): Sub[] {
  const own = { group: r.group, version: r.version, kind: r.kind };
  const rw = ['get', 'patch', 'update'];
  const out: Sub[] = [];
  if (r.kind === 'Deployment' || r.kind === 'ReplicaSet')
    out.push({ name: 'scale', group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: rw });
  // pods/eviction sorts before pods/status upstream; kubectl drain looks for it before evicting.
  if (r.kind === 'Pod')
    out.push({ name: 'eviction', group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
  if (['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Node', 'Namespace'].includes(r.kind))
    out.push({ name: 'status', ...own, verbs: rw });
  return out;
}

/** The group versions served, in discovery order (core first). */
export function groupVersions(): { group: string; version: string; resources: ResourceInfo[] }[] {
  const out: { group: string; version: string; resources: ResourceInfo[] }[] = [];
  for (const r of resources) {
    let gv = out.find((g) => g.group === r.group && g.version === r.version);
    if (!gv) {
      gv = { group: r.group, version: r.version, resources: [] };
      out.push(gv);
    }
    gv.resources.push(r);
  }
  return out.sort((a, b) => (a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Legacy discovery

export function apiVersions(): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
  };
}

function apiGroup(group: string, version: string): object {
  const gv = { groupVersion: `${group}/${version}`, version };
  return { name: group, versions: [gv], preferredVersion: gv };
}

export function apiGroupList(): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupVersions()
      .filter((g) => g.group !== '')
      .map((g) => apiGroup(g.group, g.version)),
  };
}

export function apiGroupDoc(group: string): object | undefined {
  const gv = groupVersions().find((g) => g.group === group && group !== '');
  return gv && { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(gv.group, gv.version) };
}

export function apiResourceList(group: string, version: string): object | undefined {
  const gv = groupVersions().find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  const list: object[] = [];
  for (const r of gv.resources) {
    list.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
      ...(ALL.has(r.plural) ? { categories: ['all'] } : {}),
    });
    for (const s of subresources(r))
      list.push({
        name: `${r.plural}/${s.name}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(s.group !== r.group ? { group: s.group, version: s.version } : {}),
        kind: s.kind,
        verbs: s.verbs,
      });
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(gv.resources[0]!),
    resources: list,
  };
}

// ---------------------------------------------------------------------------------------------
// Aggregated discovery

export type DiscoveryVersion = 'v2' | 'v2beta1';

/** Which aggregated discovery format an Accept header asks for, if any. */
export function aggregatedDiscovery(accept: string | undefined): DiscoveryVersion | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    const params = part.split(';').map((p) => p.trim());
    if (!params.includes('g=apidiscovery.k8s.io') || !params.includes('as=APIGroupDiscoveryList')) continue;
    if (params.includes('v=v2')) return 'v2';
    if (params.includes('v=v2beta1')) return 'v2beta1';
  }
  return undefined;
}

export function discoveryContentType(v: DiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;
}

/** `/api` (core, `legacy` true) or `/apis` as an APIGroupDiscoveryList. */
export function groupDiscoveryList(legacy: boolean, v: DiscoveryVersion): object {
  const items = groupVersions()
    .filter((g) => (g.group === '') === legacy)
    .map((g) => ({
      metadata: legacy ? { creationTimestamp: null } : { name: g.group, creationTimestamp: null },
      versions: [
        {
          version: g.version,
          resources: g.resources.map((r) => {
            const subs = subresources(r);
            return {
              resource: r.plural,
              responseKind: { group: r.group, version: r.version, kind: r.kind },
              scope: r.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: r.singular,
              verbs: r.verbs,
              ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
              ...(ALL.has(r.plural) ? { categories: ['all'] } : {}),
              ...(subs.length
                ? {
                    subresources: subs.map((s) => ({
                      subresource: s.name,
                      responseKind: { group: s.group, version: s.version, kind: s.kind },
                      verbs: s.verbs,
                    })),
                  }
                : {}),
            };
          }),
          freshness: 'Current',
        },
      ],
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${v}`, metadata: {}, items };
}

// ---------------------------------------------------------------------------------------------
// OpenAPI v3

let schemas: Record<string, unknown> | undefined;
function componentSchemas(): Record<string, unknown> {
  schemas ??= JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8')) as Record<string, unknown>;
  return schemas;
}

/** `api/v1`, `apis/apps/v1`: the key of a group version in `/openapi/v3`. */
export function openapiPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const queryParam = (name: string, type = 'string'): object => ({
  name,
  in: 'query',
  schema: { type, uniqueItems: true },
});

const TYPE_NAMES: Record<string, string> = { Node: 'NodeObject', Event: 'KubeEvent' };

/** One group version's OpenAPI v3 document: its resources' paths and the schemas they use. */
export function openapiDocument(group: string, version: string): object | undefined {
  const gv = groupVersions().find((g) => g.group === group && g.version === version);
  if (!gv) return undefined;
  const all = componentSchemas();
  const paths: Record<string, object> = {};
  const prefix = `/${openapiPath(group, version)}`;
  const opGroup = group ? group.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()) : 'Core';
  const opVersion = version.replace(/^./, (c) => c.toUpperCase());
  for (const r of gv.resources) {
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const ref = schemaName(TYPE_NAMES[r.kind] ?? r.kind);
    const content = (schema: object) => ({
      content: { 'application/json': { schema }, 'application/yaml': { schema } },
    });
    const body = all[ref] ? { $ref: `#/components/schemas/${ref}` } : { type: 'object' };
    const op = (action: string, verb: string, extra: object = {}) => ({
      operationId: `${verb}${opGroup}${opVersion}${r.namespaced ? 'Namespaced' : ''}${r.kind}`,
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
      responses: { '200': { description: 'OK', ...content(body) } },
      ...extra,
    });
    const write = [queryParam('dryRun'), queryParam('fieldManager'), queryParam('fieldValidation')];
    const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
    const pathParams = [
      ...(r.namespaced
        ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string' } }]
        : []),
    ];
    paths[base] = {
      get: op('list', 'list'),
      post: op('post', 'create', { parameters: write, requestBody: content(body) }),
      parameters: pathParams,
    };
    const item = {
      get: op('get', 'read'),
      put: op('put', 'replace', { parameters: write, requestBody: content(body) }),
      patch: op('patch', 'patch', {
        parameters: [...write, queryParam('force', 'boolean')],
        requestBody: {
          content: Object.fromEntries(
            [
              'application/apply-patch+yaml',
              'application/json-patch+json',
              'application/merge-patch+json',
              'application/strategic-merge-patch+json',
            ].map((t) => [t, { schema: { type: 'object' } }]),
          ),
        },
      }),
      delete: op('delete', 'delete', { parameters: [queryParam('dryRun')] }),
      parameters: [...pathParams, { name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    };
    paths[`${base}/{name}`] = item;
  }
  // The schemas this group version's kinds reach.
  const used: Record<string, unknown> = {};
  const visit = (name: string) => {
    if (used[name] !== undefined || all[name] === undefined) return;
    used[name] = all[name];
    JSON.stringify(all[name]).replace(/#\/components\/schemas\/([A-Za-z0-9.]+)/g, (_, n: string) => {
      visit(n);
      return '';
    });
  };
  for (const r of gv.resources) visit(schemaName(TYPE_NAMES[r.kind] ?? r.kind));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion },
    paths,
    components: { schemas: Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1))) },
  };
}

/** `/openapi/v3`: each group version's document with a hash, so clients cache it. */
export function openapiRoot(): object {
  const paths: Record<string, object> = {};
  for (const g of groupVersions()) {
    const key = openapiPath(g.group, g.version);
    const hash = createHash('sha512')
      .update(JSON.stringify(openapiDocument(g.group, g.version)))
      .digest('hex')
      .slice(0, 128)
      .toUpperCase();
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hash}` };
  }
  return { paths };
}
