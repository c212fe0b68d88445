/**
 * `kubectl apply` against the simulated API server: defaulting, validation (with Kubernetes'
 * messages), the three-way merge with the last applied configuration, and the
 * created/configured/unchanged outcome per object.
 */
import { deepCopy, deepEqual } from '../k8s/copy.ts';
import { setDefaults } from '../k8s/defaults.ts';
import { threeWayMerge } from '../k8s/merge.ts';
import { apiVersionOf, resolveResource, type ResourceInfo } from '../k8s/resources.ts';
import type { KubeObject } from '../k8s/types.ts';
import { invalidError, validate, ValidationError } from '../k8s/validation.ts';
import { LastAppliedConfigAnnotation } from './controllers/deployment/util.ts';
import type { SimCluster } from './cluster.ts';

/** Namespaces that exist in the simulated cluster. */
export const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** The Namespace objects the simulated cluster has, as the API server returns them. */
export function namespaceObjects(): KubeObject[] {
  return NAMESPACES.map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { 'kubernetes.io/metadata.name': name },
      creationTimestamp: '2025-01-01T00:00:00Z',
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  }));
}

export { ApiError } from './errors.ts';
import { ApiError } from './errors.ts';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export interface PreparedApply {
  info: ResourceInfo;
  next: KubeObject;
  existing: KubeObject | undefined;
  action: ApplyAction;
}

type Json = Parameters<typeof threeWayMerge>[0];

const serverFields = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'managedFields',
  'selfLink',
];

/** kubectl validates the basics client-side before sending anything. */
export function checkManifest(raw: Record<string, unknown>, source: string): ResourceInfo {
  const missing: string[] = [];
  if (!raw['apiVersion']) missing.push('apiVersion not set');
  if (!raw['kind']) missing.push('kind not set');
  if (missing.length)
    throw new ApiError(
      `error validating "${source}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
  const kind = String(raw['kind']);
  const info = resolveResource(kind);
  const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
  if (
    !info ||
    info.kind !== kind ||
    apiVersionOf(info) !== raw['apiVersion'] ||
    info.kind === 'Event' ||
    info.kind === 'Namespace'
  ) {
    throw new ApiError(
      `resource mapping not found for name: "${String(meta['name'] ?? '')}" namespace: "${String(meta['namespace'] ?? '')}" from "${source}": no matches for kind "${kind}" in version "${String(raw['apiVersion'])}"\nensure CRDs are installed first`,
    );
  }
  if (typeof meta['name'] !== 'string' || meta['name'] === '') {
    throw new ApiError(
      `error when retrieving current configuration of:\nResource: "${info.group ? `${info.group}/${info.version}` : info.version}, Resource=${info.plural}", GroupVersionKind: "${apiVersionOf(info)}, Kind=${info.kind}"\nName: "", Namespace: "default"\nfrom server for: "${source}": resource name may not be empty`,
    );
  }
  return info;
}

/**
 * Works out what applying one manifest would write, without writing: the merged, defaulted,
 * validated object. Throws ValidationError or ApiError.
 */
export function prepareApply(
  cluster: SimCluster,
  raw: Record<string, unknown>,
  source = 'STDIN',
  namespaceOverride?: string,
): PreparedApply {
  const info = checkManifest(raw, source);
  const manifest = deepCopy(raw) as unknown as KubeObject & { status?: unknown };
  const meta = manifest.metadata as unknown as Record<string, unknown>;
  for (const f of serverFields) delete meta[f];
  delete manifest.status;
  const namespace = info.namespaced ? String(meta['namespace'] ?? namespaceOverride ?? 'default') : undefined;
  if (namespaceOverride && meta['namespace'] && meta['namespace'] !== namespaceOverride)
    throw new ApiError(
      `the namespace from the provided object "${String(meta['namespace'])}" does not match the namespace "${namespaceOverride}". You must pass '--namespace=${String(meta['namespace'])}' to perform this operation.`,
    );
  if (namespace !== undefined && !NAMESPACES.includes(namespace))
    throw new ApiError(
      `Error from server (NotFound): error when creating "${source}": namespaces "${namespace}" not found`,
      'NotFound',
    );
  if (namespace !== undefined) manifest.metadata = { ...manifest.metadata, namespace };

  // What kubectl records: the manifest as given, without the annotation itself.
  const recorded = deepCopy(raw) as Record<string, unknown>;
  const recordedMeta = { ...((recorded['metadata'] ?? {}) as Record<string, unknown>) };
  const recordedAnnotations = { ...((recordedMeta['annotations'] ?? {}) as Record<string, string>) };
  delete recordedAnnotations[LastAppliedConfigAnnotation];
  if (Object.keys(recordedAnnotations).length) recordedMeta['annotations'] = recordedAnnotations;
  else delete recordedMeta['annotations'];
  recorded['metadata'] = recordedMeta;
  const lastApplied = `${JSON.stringify(recorded)}\n`;

  const existing = cluster.store.get(info.kind, namespace, manifest.metadata.name);
  let next: KubeObject;
  if (!existing) {
    next = manifest;
  } else {
    const liveAnnotations = existing.metadata.annotations ?? {};
    const previous = liveAnnotations[LastAppliedConfigAnnotation];
    let previousObj: Json | undefined;
    try {
      previousObj = previous ? (JSON.parse(previous) as Json) : undefined;
    } catch {
      previousObj = undefined;
    }
    const { status: _status, ...live } = existing as KubeObject & { status?: unknown };
    next = threeWayMerge(
      live as unknown as Json,
      previousObj,
      manifest as unknown as Json,
    ) as unknown as KubeObject;
  }
  next = {
    ...next,
    metadata: {
      ...next.metadata,
      annotations: { ...(next.metadata.annotations ?? {}), [LastAppliedConfigAnnotation]: lastApplied },
    },
  };
  next = setDefaults(next);
  const errors = validate(next, existing);
  if (errors.length) throw invalidError(info.kind, next.metadata.name, errors);
  let action: ApplyAction = 'created';
  if (existing) {
    const { status: _a, ...a } = existing as KubeObject & { status?: unknown };
    const { status: _b, ...b } = next as KubeObject & { status?: unknown };
    const strip = (o: KubeObject) => ({
      ...o,
      metadata: {
        ...o.metadata,
        resourceVersion: undefined,
        uid: undefined,
        creationTimestamp: undefined,
        generation: undefined,
      },
    });
    action = deepEqual(strip(a as KubeObject), strip(b as KubeObject)) ? 'unchanged' : 'configured';
  }
  return { info, next, existing, action };
}

/**
 * An update through the API as a client sends it: defaulted and validated like the API server
 * does, so a bad `set image`, `label` or `patch` is refused with Kubernetes' message.
 */
export function validatedUpdate<T extends KubeObject>(cluster: SimCluster, obj: T): T {
  const existing = cluster.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
  const next = setDefaults(obj) as T;
  const errors = validate(next, existing);
  if (errors.length) throw invalidError(next.kind, next.metadata.name, errors);
  const stored = cluster.update(next);
  cluster.settle();
  return stored;
}

/** Writes a prepared apply. Returns the stored object. */
export function commitApply(cluster: SimCluster, p: PreparedApply): KubeObject {
  if (p.action === 'unchanged') return p.existing!;
  if (!p.existing) return cluster.create(p.next);
  return cluster.update(p.next);
}

/**
 * Applies every object or none: all are prepared (and validated) first. Throws the first error.
 * Returns the action per object.
 */
export function applyAll(
  cluster: SimCluster,
  objects: Record<string, unknown>[],
  source = 'STDIN',
): { obj: KubeObject; action: ApplyAction; info: ResourceInfo }[] {
  const prepared = objects.map((o) => prepareApply(cluster, o, source));
  const out = prepared.map((p) => ({ obj: commitApply(cluster, p), action: p.action, info: p.info }));
  cluster.settle();
  cluster.notify();
  return out;
}

export { ValidationError };
