/**
 * The three-way merge `kubectl apply` performs between the live object, the last applied
 * configuration and the new manifest: fields the manifest sets win; fields it stopped setting are
 * removed; fields someone else set (a `kubectl scale`, the controller's annotations) are kept.
 * Lists of named items (containers, ports, env) merge by name, as strategic merge patch does for
 * the fields Deployments and Services use; other lists are replaced. The patch itself, as the API
 * server applies it, is in strategic-patch.ts.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export const isObject = (v: unknown): v is JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keys by which strategic merge patch merges lists (patchMergeKey) for the kinds we simulate. */
const mergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
};

/**
 * The merge key of a list field whose items have the named type (as the published OpenAPI schema
 * says it): ServicePort lists merge by `port`, ContainerPort lists by `containerPort`; the other
 * `ports` lists (an Endpoints subset's, an EndpointSlice's) are atomic upstream, with no key.
 */
export function mergeKeyForType(field: string, itemType: string): string | undefined {
  const key = mergeKeys[field];
  if (!key || field !== 'ports') return key;
  if (itemType === 'ServicePort') return 'port';
  return itemType === 'ContainerPort' ? key : undefined;
}

export function mergeKeyFor(field: string, items: Json[]): string | undefined {
  const key = mergeKeys[field];
  if (!key) return undefined;
  // Service ports merge by `port`, container ports by `containerPort`.
  if (field === 'ports' && items.some((i) => isObject(i) && 'port' in i && !('containerPort' in i)))
    return 'port';
  return key;
}

export function threeWayMerge(live: Json, lastApplied: Json | undefined, desired: Json, field = ''): Json {
  if (isObject(live) && isObject(desired)) {
    const out: JsonObject = { ...live };
    const last = isObject(lastApplied) ? lastApplied : {};
    for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    for (const [k, v] of Object.entries(desired)) {
      out[k] = k in live ? threeWayMerge(live[k]!, last[k], v, k) : v;
    }
    return out;
  }
  if (Array.isArray(live) && Array.isArray(desired)) {
    const key = mergeKeyFor(field, desired);
    if (!key) return desired;
    const lastItems = Array.isArray(lastApplied) ? lastApplied : [];
    const idOf = (i: Json) => (isObject(i) ? JSON.stringify(i[key] ?? null) : undefined);
    const desiredIds = new Set(desired.map(idOf));
    const lastIds = new Set(lastItems.map(idOf));
    const out: Json[] = [];
    for (const d of desired) {
      const id = idOf(d);
      const l = live.find((x) => idOf(x) === id);
      const la = lastItems.find((x) => idOf(x) === id);
      out.push(l !== undefined ? threeWayMerge(l, la, d, '') : d);
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
export function threeWayPatch(current: Json, original: Json | undefined, modified: Json, field = ''): Json {
  if (!isObject(modified)) return modified;
  const cur = isObject(current) ? current : {};
  const orig = isObject(original) ? original : {};
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(modified)) {
    const c = cur[k];
    if (c !== undefined && JSON.stringify(c) === JSON.stringify(v)) continue;
    if (isObject(v) && isObject(c)) {
      const sub = threeWayPatch(c, orig[k], v, k);
      if (isObject(sub) && Object.keys(sub).length) out[k] = sub;
      continue;
    }
    const key = Array.isArray(v) ? mergeKeyFor(k, v) : undefined;
    if (key && Array.isArray(v) && Array.isArray(c) && v.every(isObject)) {
      const items: Json[] = [];
      for (const item of v as JsonObject[]) {
        const live = c.find((x) => isObject(x) && JSON.stringify(x[key]) === JSON.stringify(item[key]));
        const diff = live === undefined ? item : threeWayPatch(live, undefined, item, k);
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
  void field;
  return out;
}
