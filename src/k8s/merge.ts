/**
 * The three-way merge `kubectl apply` performs between the live object, the last applied
 * configuration and the new manifest: fields the manifest sets win; fields it stopped setting are
 * removed; fields someone else set (a `kubectl scale`, the controller's annotations) are kept.
 * Lists merge as strategic merge patch merges them, with upstream's patch strategies (below): by
 * a key (containers by name, conditions by type), as sets of scalars (finalizers), or not at all
 * (atomic lists are replaced). The patch itself, as the API server applies it, is in
 * strategic-patch.ts.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export const isObject = (v: unknown): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Upstream's patch strategies for the fields of the kinds we serve, as `strategy[:mergeKey]`: the
 * patchStrategy and patchMergeKey struct tags of k8s.io/api core/v1, apps/v1 and policy/v1 and of
 * meta/v1's ObjectMeta. Each group lists the fields it holds by name, or by the end of their path
 * where one name means two things (`containers.ports`, by containerPort; `spec.ports`, a Service's,
 * by port; a Node's `status.addresses`). Lists not named are atomic: a patch replaces them (an
 * EndpointSlice's endpoints and ports, an Endpoints subset's addresses and ports, tolerations,
 * taints, container statuses); maps not named merge.
 */
const strategies = new Map<string, string>();
for (const group of (
  'merge:name=containers,initContainers,ephemeralContainers,env,imagePullSecrets,schedulingGates,allocatedResourcesStatus;' +
  'merge,retainKeys:name=volumes,resourceClaims,resourceClaimStatuses;merge:type=conditions,status.addresses;' +
  'merge:ip=podIPs,hostIPs,hostAliases;merge:mountPath=volumeMounts;merge:devicePath=volumeDevices;' +
  'merge:topologyKey=topologySpreadConstraints;merge:uid=ownerReferences;' +
  'merge:containerPort=containers.ports,initContainers.ports,ephemeralContainers.ports;merge:port=spec.ports;' +
  'merge=metadata.finalizers,podCIDRs;retainKeys=spec.strategy;replace=PodDisruptionBudget.spec.selector'
).split(';')) {
  const [strategy, fields] = group.split('=');
  for (const f of fields!.split(',')) strategies.set(f, strategy!);
}

/**
 * The patch strategy of the field at `path` (dotted from the kind, `Pod.spec.containers.ports`; a
 * list's items share its path): the entry for the longest end of the path the table names.
 */
export function patchStrategy(path: string): string | undefined {
  for (let p = path; ; p = p.slice(p.indexOf('.') + 1))
    if (strategies.has(p) || !p.includes('.')) return strategies.get(p);
}

/** The key a list at `path` merges by ('' for scalars merged as a set); undefined when atomic. */
export function mergeKey(path: string): string | undefined {
  const s = patchStrategy(path);
  return s?.startsWith('merge') ? (s.split(':')[1] ?? '') : undefined;
}

export const kindOf = (o: Json) => (isObject(o) ? String(o['kind']) : '');

/** An item's identity in a list merged by `key`: its key's value, or itself in a set of scalars. */
export const idBy = (key: string | undefined) => (x: Json) =>
  JSON.stringify(key && isObject(x) ? (x[key] ?? null) : x);

export function threeWayMerge(
  live: Json,
  lastApplied: Json | undefined,
  desired: Json,
  path = kindOf(live),
): Json {
  if (isObject(live) && isObject(desired)) {
    const strategy = patchStrategy(path);
    // A map replaced whole takes the manifest's; one that retains keys keeps only the manifest's
    // keys (kubectl sends `$retainKeys`), so a strategy's defaulted rollingUpdate goes with Recreate.
    if (strategy === 'replace') return desired;
    const out: JsonObject = strategy?.includes('retainKeys') ? {} : { ...live };
    const last = isObject(lastApplied) ? lastApplied : {};
    for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    for (const [k, v] of Object.entries(desired)) {
      out[k] = k in live ? threeWayMerge(live[k]!, last[k], v, `${path}.${k}`) : v;
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(desired)) {
    const key = mergeKey(path);
    if (key === undefined) return desired;
    const lastItems = Array.isArray(lastApplied) ? lastApplied : [];
    const idOf = idBy(key);
    const desiredIds = new Set(desired.map(idOf));
    const lastIds = new Set(lastItems.map(idOf));
    const out: Json[] = [];
    for (const d of desired) {
      const id = idOf(d);
      const l = live.find((x) => idOf(x) === id);
      const la = lastItems.find((x) => idOf(x) === id);
      out.push(l !== undefined ? threeWayMerge(l, la, d, path) : d);
    }
    // Items someone else added (not in the last applied configuration) are kept.
    for (const l of live) {
      const id = idOf(l);
      if (!desiredIds.has(id) && !lastIds.has(id)) out.push(l);
    }
    return out;
  }
  return desired;
}

/**
 * A JSON merge patch (RFC 7386): objects merge recursively, null deletes, everything else
 * replaces. Used by `kubectl patch --type=merge`.
 */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

/**
 * The patch `kubectl apply` sends for an object that exists (strategicpatch.CreateThreeWayMergePatch):
 * what changed from the live object to the manifest, plus `null` for fields the last applied
 * configuration had and the manifest dropped. Lists merged by a key carry the changed items and a
 * `$setElementOrder/<field>` directive with every item's key, in the manifest's order.
 */
export function threeWayPatch(
  current: Json,
  original: Json | undefined,
  modified: Json,
  path = kindOf(current),
): Json {
  if (!isObject(modified)) return modified;
  const cur = isObject(current) ? current : {};
  const orig = isObject(original) ? original : {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(modified)) {
    const c = cur[k];
    if (c !== undefined && JSON.stringify(c) === JSON.stringify(v)) continue;
    if (isObject(v) && isObject(c)) {
      const sub = threeWayPatch(c, orig[k], v, `${path}.${k}`);
      if (isObject(sub) && Object.keys(sub).length) out[k] = sub;
      continue;
    }
    const key = Array.isArray(v) ? mergeKey(`${path}.${k}`) : undefined;
    if (key && Array.isArray(v) && Array.isArray(c) && v.every(isObject)) {
      const items: Json[] = [];
      for (const item of v as JsonObject[]) {
        const live = c.find((x) => isObject(x) && JSON.stringify(x[key]) === JSON.stringify(item[key]));
        const diff = live === undefined ? item : threeWayPatch(live, undefined, item, `${path}.${k}`);
        if (isObject(diff) && Object.keys(diff).length === 0) continue;
        items.push({ ...(isObject(diff) ? diff : {}), [key]: item[key] ?? null });
      }
      const order = (list: Json[]) => JSON.stringify(list.map((i) => (isObject(i) ? i[key] : null)));
      if (items.length === 0 && order(v) === order(c)) continue;
      out[`$setElementOrder/${k}`] = (v as JsonObject[]).map((i) => ({ [key]: i[key] ?? null }));
      out[k] = items;
      continue;
    }
    out[k] = v;
  }
  for (const k of Object.keys(orig)) if (!(k in modified)) out[k] = null;
  return out;
}
