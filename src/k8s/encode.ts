/**
 * Objects as the API server serializes them. The server encodes Go structs, and a struct field
 * without `omitempty` semantics is written even when empty: every container has `resources: {}`,
 * a pod template's ObjectMeta writes its zero creationTimestamp as `null`, a Service always has
 * `status.loadBalancer`, and a PodDisruptionBudget its status counts. The store keeps
 * objects without these (they carry no information, and pod-template-hash is computed from the
 * template as stored); everything that shows an object the way a client receives it (`-o yaml`,
 * `-o json`, jsonpath, the typed objects kubectl prints) encodes it here first.
 */
import type { Container, KubeObject, PodTemplateSpec } from './types.ts';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function encodeContainers(containers: unknown): unknown {
  if (!Array.isArray(containers)) return containers;
  return containers.map((c: unknown) =>
    isObj(c) && c['resources'] === undefined ? { ...(c as unknown as Container), resources: {} } : c,
  );
}

function encodePodSpec(spec: unknown): unknown {
  if (!isObj(spec)) return spec;
  const out: Json = { ...spec, containers: encodeContainers(spec['containers']) };
  if (spec['initContainers'] !== undefined) out['initContainers'] = encodeContainers(spec['initContainers']);
  return out;
}

/** A PodTemplateSpec as Go writes it: `metadata.creationTimestamp: null`, containers' `resources: {}`. */
export function encodePodTemplate(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const t = (template ?? {}) as unknown as Json;
  const metadata = isObj(t['metadata']) ? t['metadata'] : {};
  return {
    ...t,
    metadata: { ...metadata, creationTimestamp: metadata['creationTimestamp'] ?? null },
    spec: encodePodSpec(t['spec'] ?? {}),
  } as unknown as PodTemplateSpec;
}

/** An object as the API server returns it (a copy where anything is added). */
export function apiEncode<T extends KubeObject>(obj: T): T {
  const o = obj as unknown as Json;
  const spec = o['spec'];
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet':
      if (!isObj(spec)) return obj;
      return { ...obj, spec: { ...spec, template: encodePodTemplate(spec['template'] as PodTemplateSpec) } };
    case 'Pod':
      return isObj(spec) ? { ...obj, spec: encodePodSpec(spec) } : obj;
    case 'Service': {
      // ServiceStatus and its LoadBalancerStatus are structs: always written.
      const status = isObj(o['status']) ? o['status'] : {};
      return { ...obj, status: { ...status, loadBalancer: status['loadBalancer'] ?? {} } };
    }
    case 'PodDisruptionBudget': {
      // PodDisruptionBudgetStatus's four counts have no omitempty: a new budget's are written at 0.
      const status: Json = { ...(isObj(o['status']) ? o['status'] : {}) };
      for (const k of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'])
        status[k] ??= 0;
      return { ...obj, status };
    }
    default:
      return obj;
  }
}
