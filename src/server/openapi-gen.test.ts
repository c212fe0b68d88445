/**
 * The served OpenAPI's patch extensions agree with the strategies the simulator merges by
 * (src/k8s/merge.ts): the real kubectl computes `kubectl apply`'s patch from the former, the
 * in-page kubectl and the API server merge by the latter. Every field reachable from every kind,
 * wherever a shared type is used, is checked.
 */
import { describe, expect, it } from 'vitest';
import schemas from '../k8s/openapi-schemas.json';
import { patchStrategy } from '../k8s/merge.ts';

type Schema = Record<string, unknown>;
const all = schemas as Record<string, Schema>;

/** The schema a property or list item refers to (directly or in `allOf`), if any. */
function target(s: Schema): Schema | undefined {
  const ref = (s['$ref'] ?? (s['allOf'] as Schema[] | undefined)?.[0]?.['$ref']) as string | undefined;
  return ref ? all[ref.replace('#/components/schemas/', '')] : undefined;
}

/** [path, what the served schema says, what merge.ts says] for every field under `s`. */
function fields(s: Schema, path: string, out: [string, unknown, unknown][], depth = 0): void {
  const props = (s['properties'] ?? {}) as Record<string, Schema>;
  for (const [name, p] of Object.entries(props)) {
    const at = `${path}.${name}`;
    const strategy = patchStrategy(at);
    if (p['type'] === 'array') {
      const served = p['x-kubernetes-patch-strategy'];
      const key = p['x-kubernetes-patch-merge-key'];
      out.push([
        at,
        served === undefined ? undefined : key ? `${String(served)}:${String(key)}` : served,
        strategy,
      ]);
      const item = target(p['items'] as Schema) ?? (p['items'] as Schema);
      if (depth < 8) fields(item, at, out, depth + 1);
    } else {
      const t = target(p) ?? p;
      // A map's own strategy: retainKeys or replace (a list's `merge:…` names its items' path).
      const own = strategy?.startsWith('merge') ? undefined : strategy;
      out.push([at, p['x-kubernetes-patch-strategy'], own]);
      if (depth < 8) fields(t, at, out, depth + 1);
    }
  }
}

const kinds = Object.values(all).flatMap((s) => {
  const gvk = s['x-kubernetes-group-version-kind'] as { kind: string }[] | undefined;
  return gvk ? [[gvk[0]!.kind, s] as const] : [];
});

describe('the served OpenAPI and the merge strategies', () => {
  it.each(kinds.map(([kind]) => kind))('agree for every field of %s', (kind) => {
    const out: [string, unknown, unknown][] = [];
    fields(kinds.find(([k]) => k === kind)![1], kind, out);
    expect(out.length).toBeGreaterThan(0);
    expect(out.filter(([, served, merged]) => served !== merged)).toEqual([]);
  });

  it.each([
    ['io.k8s.api.discovery.v1.EndpointSlice', 'ports', undefined, undefined],
    ['io.k8s.api.discovery.v1.EndpointSlice', 'endpoints', undefined, undefined],
    ['io.k8s.api.core.v1.EndpointSubset', 'ports', undefined, undefined],
    ['io.k8s.api.core.v1.NodeStatus', 'conditions', 'merge', 'type'],
    ['io.k8s.api.core.v1.NodeStatus', 'addresses', 'merge', 'type'],
    ['io.k8s.api.core.v1.NodeSpec', 'podCIDRs', 'merge', undefined],
    ['io.k8s.api.core.v1.ServiceSpec', 'ports', 'merge', 'port'],
    ['io.k8s.api.core.v1.Container', 'ports', 'merge', 'containerPort'],
    ['io.k8s.api.apps.v1.DeploymentSpec', 'strategy', 'retainKeys', undefined],
    ['io.k8s.api.policy.v1.PodDisruptionBudgetSpec', 'selector', 'replace', undefined],
  ])('%s.%s is served with strategy %s, merge key %s', (schema, field, strategy, key) => {
    const p = (all[schema]!['properties'] as Record<string, Schema>)[field]!;
    expect([p['x-kubernetes-patch-strategy'], p['x-kubernetes-patch-merge-key']]).toEqual([strategy, key]);
  });
});
