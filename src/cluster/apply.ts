/**
 * `kubectl apply` against the simulated API server: defaulting, validation (with Kubernetes'
 * messages), the three-way merge with the last applied configuration, and the
 * created/configured/unchanged outcome per object.
 */
import { deepCopy } from '../k8s/copy.ts';
import { goJsonText } from '../k8s/go-json.ts';
import { setDefaults } from '../k8s/defaults.ts';
import {
  decodeObject,
  decodeObjectWarn,
  DecodeError,
  goPrintValue,
  objectMetaTypeError,
} from '../k8s/decode.ts';
import { threeWayMerge, threeWayPatch } from '../k8s/merge.ts';
import { apiVersionOf, resolveResource, type ResourceInfo } from '../k8s/resources.ts';
import type { KubeObject } from '../k8s/types.ts';
import { goQuote, invalidError, servedInvalidMessage, validate, ValidationError } from '../k8s/validation.ts';
import { LastAppliedConfigAnnotation } from './controllers/deployment/util.ts';
import type { SimCluster } from './cluster.ts';

/** Namespaces that exist in the simulated cluster. */
export const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export { ApiError } from './errors.ts';
import { ApiError } from './errors.ts';

export type ApplyAction = 'created' | 'configured' | 'unchanged';

/**
 * The apiserver's create handler on a body it cannot decode (transformDecodeError in
 * `staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go`), as kubectl create and apply
 * print it (AddSourceToErr "creating", then checkErr's `Error from server (BadRequest): `).
 */
export function createDecodeError(
  info: ResourceInfo,
  source: string | undefined,
  e: DecodeError,
  verb = 'creating',
): ApiError {
  const body = `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${e.detail}`;
  return new ApiError(
    `Error from server (BadRequest): ${source ? `error when ${verb} "${source}": ` : ''}${body}`,
  );
}

/**
 * The API server's decoding of a request body under the request's fieldValidation: Strict refuses
 * an unknown field (DecodeError), Warn drops it with a warning (pushed to `warnings`, as kubectl
 * prints it), Ignore drops it.
 */
export function decodeUnder<T extends KubeObject>(
  obj: Record<string, unknown>,
  fieldValidation: FieldValidation,
  warnings: string[],
  mode: 'json' | 'unstructured' = 'json',
): T {
  if (fieldValidation === 'Strict') return decodeObject<T>(obj, mode);
  const r = decodeObjectWarn<T>(obj, mode);
  if (fieldValidation === 'Warn') warnings.push(...r.warnings.map((w) => `Warning: ${w}`));
  return r.obj;
}

/**
 * The last-applied-configuration kubectl records (GetModifiedConfiguration): the manifest as given,
 * its namespace filled in by the resource builder when the kind is namespaced, annotations as a map
 * without the annotation itself, encoded as Go's JSON encoder writes a map (keys sorted, HTML
 * escaped, a newline after).
 */
export function lastAppliedOf(raw: Record<string, unknown>, namespace: string | undefined): string {
  const recorded = deepCopy(raw) as Record<string, unknown>;
  const recordedMeta = { ...((recorded['metadata'] ?? {}) as Record<string, unknown>) };
  const givenAnnotations = recordedMeta['annotations'];
  const recordedAnnotations = {
    ...((givenAnnotations !== null && typeof givenAnnotations === 'object' && !Array.isArray(givenAnnotations)
      ? givenAnnotations
      : {}) as Record<string, string>),
  };
  delete recordedAnnotations[LastAppliedConfigAnnotation];
  recordedMeta['annotations'] = recordedAnnotations;
  if (namespace !== undefined) recordedMeta['namespace'] = namespace;
  recorded['metadata'] = recordedMeta;
  return `${goJsonText(recorded)}\n`;
}

/**
 * A patch the apiserver cannot convert back into the object's type: a 422 with no kind or name,
 * which kubectl prints as `The request is invalid: patch: Invalid value: "<the patch>": <why>`
 * (applyPatchToObject in `…/handlers/patch.go`; `shown` is the `%+v` of the patch map for
 * strategic merge patches, the patched object's JSON for the others).
 */
export function patchDecodeError(shown: string, e: DecodeError): ApiError {
  return new ApiError(
    `The request is invalid: patch: Invalid value: ${goQuote(shown)}: ${e.detail}`,
    'Invalid',
  );
}

export interface PreparedApply {
  info: ResourceInfo;
  next: KubeObject;
  existing: KubeObject | undefined;
  action: ApplyAction;
  /** The API server's warnings (unknown fields under fieldValidation=Warn), as kubectl prints them. */
  warnings: string[];
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

/**
 * kubectl's schema check before anything is sent (skipped with --validate=false): a manifest
 * without apiVersion or kind is refused, and the rest of its stream is not read.
 */
export function checkSchema(raw: Record<string, unknown>, source: string): void {
  const missing: string[] = [];
  if (!raw['apiVersion']) missing.push('apiVersion not set');
  if (!raw['kind']) missing.push('kind not set');
  // An aggregate of one prints without brackets.
  if (missing.length)
    throw new ApiError(
      `error validating "${source}": error validating data: ${missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`}; if you choose to ignore these errors, turn validation off with --validate=false`,
    );
}

/**
 * The resource builder's mapping of a manifest to a resource the server serves (with validation
 * off, a manifest without a kind cannot even be decoded).
 */
export function mapManifest(raw: Record<string, unknown>, source: string): ResourceInfo {
  if (!raw['kind'])
    throw new ApiError(
      `unable to decode ${goQuote(source)}: Object 'Kind' is missing in '${goJsonText(raw)}'`,
    );
  const metaError = objectMetaTypeError(raw);
  if (metaError) throw new ApiError(`unable to decode ${goQuote(source)}: ${metaError}`);
  const kind = String(raw['kind']);
  const info = resolveResource(kind);
  const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
  if (
    !info ||
    info.kind !== kind ||
    apiVersionOf(info) !== (raw['apiVersion'] ?? '') ||
    info.kind === 'Event' ||
    info.kind === 'Namespace'
  ) {
    throw new ApiError(
      `resource mapping not found for name: "${String(meta['name'] ?? '')}" namespace: "${String(meta['namespace'] ?? '')}" from "${source}": no matches for kind "${kind}" in version "${String(raw['apiVersion'] ?? '')}"\nensure CRDs are installed first`,
    );
  }
  return info;
}

/** apply's first request, the GET of the object, needs a name. */
export function checkName(raw: Record<string, unknown>, info: ResourceInfo, source: string): void {
  const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
  if (typeof meta['name'] !== 'string' || meta['name'] === '') {
    throw new ApiError(
      `error when retrieving current configuration of:\n${resourceText(info, '', 'default')}\nfrom server for: "${source}": resource name may not be empty`,
    );
  }
}

/** The resource builder's Info as kubectl prints it (`%v`) in apply's errors. */
function resourceText(info: ResourceInfo, name: string, namespace: string): string {
  return `Resource: "${info.group ? `${info.group}/${info.version}` : info.version}, Resource=${info.plural}", GroupVersionKind: "${apiVersionOf(info)}, Kind=${info.kind}"\nName: "${name}", Namespace: "${namespace}"`;
}

/** kubectl validates the basics client-side before sending anything. */
export function checkManifest(raw: Record<string, unknown>, source: string): ResourceInfo {
  checkSchema(raw, source);
  const info = mapManifest(raw, source);
  checkName(raw, info, source);
  return info;
}

/** `--validate`: Strict refuses unknown fields, Warn drops them with a warning, Ignore silently. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface ApplyOptions {
  /** What kubectl sends as fieldValidation (Strict unless --validate says otherwise). */
  fieldValidation?: FieldValidation;
  /**
   * --dry-run=client: nothing is sent but the GET, so the server checks nothing; an existing
   * object is reported configured whatever the change.
   */
  clientDryRun?: boolean;
  /**
   * Whether the last-applied annotation is sent and set (true). `kubectl diff` patches without it
   * (GetModifiedConfiguration with annotate false), so its merged object keeps the live one.
   */
  annotate?: boolean;
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
  options: ApplyOptions = {},
): PreparedApply {
  const info = checkManifest(raw, source);
  const fieldValidation = options.fieldValidation ?? 'Strict';
  const warnings: string[] = [];
  const manifest = deepCopy(raw) as unknown as KubeObject & { status?: unknown };
  const meta = manifest.metadata as unknown as Record<string, unknown>;
  for (const f of serverFields) delete meta[f];
  delete manifest.status;
  const namespace = info.namespaced ? String(meta['namespace'] ?? namespaceOverride ?? 'default') : undefined;
  if (namespaceOverride && meta['namespace'] && meta['namespace'] !== namespaceOverride)
    throw new ApiError(
      `the namespace from the provided object "${String(meta['namespace'])}" does not match the namespace "${namespaceOverride}". You must pass '--namespace=${String(meta['namespace'])}' to perform this operation.`,
    );
  if (namespace !== undefined) manifest.metadata = { ...manifest.metadata, namespace };
  const lastApplied = lastAppliedOf(raw, namespace);
  const existing = cluster.store.get(info.kind, namespace, manifest.metadata.name);
  if (options.clientDryRun) {
    // Nothing goes to the server: what kubectl would have sent, unchecked.
    const annotations = {
      ...(manifest.metadata.annotations ?? {}),
      [LastAppliedConfigAnnotation]: lastApplied,
    };
    const next = { ...manifest, metadata: { ...manifest.metadata, annotations } } as KubeObject;
    return { info, next, existing, action: existing ? 'configured' : 'created', warnings };
  }
  if (!existing && namespace !== undefined && !NAMESPACES.includes(namespace))
    throw new ApiError(
      `Error from server (NotFound): error when creating "${source}": namespaces "${namespace}" not found`,
      'NotFound',
    );

  // kubectl reads annotations with GetAnnotations, which takes anything but a map as none.
  const given = manifest.metadata.annotations as unknown;
  if (given !== undefined && (given === null || typeof given !== 'object' || Array.isArray(given)))
    manifest.metadata = { ...manifest.metadata, annotations: {} };
  // What kubectl sends: the manifest with the last-applied annotation (whole to create, as a patch
  // against the live object to update).
  // GetModifiedConfiguration: the annotations map is always there, empty or not.
  const annotate = options.annotate ?? true;
  const modified = {
    ...(manifest as unknown as Record<string, unknown>),
    metadata: {
      ...manifest.metadata,
      annotations: {
        ...(manifest.metadata.annotations ?? {}),
        ...(annotate ? { [LastAppliedConfigAnnotation]: lastApplied } : {}),
      },
    },
  };
  let next: KubeObject;
  /** The patch apply sends, for the server's errors about it (made only for an error). */
  let patchOf: (() => Json) | undefined;
  if (!existing) {
    // What kubectl creates, decoded under fieldValidation.
    try {
      next = decodeUnder(modified, fieldValidation, warnings);
    } catch (e) {
      if (e instanceof DecodeError) throw createDecodeError(info, source, e);
      throw e;
    }
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
    // Merged against what kubectl sends, its last-applied annotation included: a manifest without
    // annotations still has that one, so the live annotations map (and the controller's revision
    // in it) is not deleted for being absent from the manifest.
    next = threeWayMerge(
      live as unknown as Json,
      previousObj,
      modified as unknown as Json,
    ) as unknown as KubeObject;
    patchOf = () => threeWayPatch(live as unknown as Json, previousObj, modified as unknown as Json);
    // The server applies kubectl's strategic merge patch and converts the result back into the
    // Go type, under the request's fieldValidation.
    try {
      next = decodeUnder(
        next as unknown as Record<string, unknown>,
        fieldValidation,
        warnings,
        'unstructured',
      );
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      if (!e.strict) throw patchDecodeError(goPrintValue(patchOf()), e);
      throw new ApiError(
        `Error from server (BadRequest): ${applyingPatch(info, patchOf(), manifest.metadata.name, namespace, source)}${e.detail}`,
      );
    }
  }
  if (annotate)
    next = {
      ...next,
      metadata: {
        ...next.metadata,
        annotations: { ...(next.metadata.annotations ?? {}), [LastAppliedConfigAnnotation]: lastApplied },
      },
    };
  next = setDefaults(next);
  const errors = validate(next, existing);
  if (errors.length) {
    const e = invalidError(info.kind, next.metadata.name, errors);
    const served = servedInvalidMessage(info.kind, info.group, next.metadata.name, errors);
    e.listed = `Error from server (Invalid): ${
      patchOf === undefined
        ? `error when creating ${goQuote(source)}: `
        : applyingPatch(info, patchOf(), manifest.metadata.name, namespace, source)
    }${served}`;
    throw e;
  }
  // kubectl says unchanged when its patch is empty, whatever the server would then make of it
  // (a field the server drops is in the patch every time, and the object is "configured").
  let action: ApplyAction = 'created';
  if (patchOf) {
    const patch = patchOf();
    action =
      patch !== null && typeof patch === 'object' && Object.keys(patch).length === 0
        ? 'unchanged'
        : 'configured';
  }
  return { info, next, existing, action, warnings };
}

/** AddSourceToErr's words before the server's message when apply's patch is refused. */
function applyingPatch(
  info: ResourceInfo,
  patch: Json,
  name: string,
  namespace: string | undefined,
  source: string,
): string {
  return `error when applying patch:\n${goJsonText(patch)}\nto:\n${resourceText(info, name, namespace ?? '')}\nfor: ${goQuote(source)}: error when patching ${goQuote(source)}: `;
}

/**
 * An update through the API as a client sends it: defaulted and validated like the API server
 * does, so a bad `set image`, `label` or `patch` is refused with Kubernetes' message.
 */
export function validatedUpdate<T extends KubeObject>(cluster: SimCluster, obj: T): T {
  const existing = cluster.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
  let decoded: T;
  try {
    decoded = decodeObject<T>(obj as unknown as Record<string, unknown>);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    const info = resolveResource(obj.kind);
    throw new ApiError(
      `Error from server (BadRequest): ${obj.kind} in version "${info?.version ?? 'v1'}" cannot be handled as a ${obj.kind}: ${e.detail}`,
    );
  }
  const next = setDefaults(decoded) as T;
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
