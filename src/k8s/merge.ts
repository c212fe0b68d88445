/**
 * The three-way merge `kubectl apply` performs between the live object, the last applied
 * configuration and the new manifest: fields the manifest sets win; fields it stopped setting are
 * removed; fields someone else set (a `kubectl scale`, the controller's annotations) are kept.
 * Lists of named items (containers, ports, env) merge by name, as strategic merge patch does for
 * the fields Deployments and Services use; other lists are replaced.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

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

function mergeKeyFor(field: string, items: Json[]): string | undefined {
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
 * A strategic merge patch for the fields Deployments and Services use: like a merge patch, but
 * lists of named items merge by their key, and the patch directives kubectl sends are honoured:
 * `$patch: delete | replace` on maps and list items, `$retainKeys`, `$setElementOrder/<list>`
 * (the order of a merged list, which `kubectl apply` and `set image` send) and
 * `$deleteFromPrimitiveList/<list>`. `rollingUpdate: null` removes the block, as it does upstream.
 */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (Array.isArray(patch)) {
    const key = mergeKeyFor(field, patch);
    if (patch.some((p) => isObject(p) && p['$patch'] === 'replace' && Object.keys(p).length === 1))
      return patch.filter((p) => !(isObject(p) && p['$patch'] !== undefined));
    if (!key || !Array.isArray(target))
      return patch.filter((p) => !(isObject(p) && p['$patch'] === 'delete'));
    const out = [...target];
    for (const p of patch) {
      if (!isObject(p)) continue;
      const idx = out.findIndex(
        (t) => isObject(t) && JSON.stringify(t[key] ?? null) === JSON.stringify(p[key] ?? null),
      );
      if (p['$patch'] === 'delete') {
        if (idx >= 0) out.splice(idx, 1);
      } else if (idx >= 0) out[idx] = strategicMergePatch(out[idx]!, p, '');
      else out.push(strategicMergePatch(null, p, ''));
    }
    return out;
  }
  if (!isObject(patch)) return patch;
  if (patch['$patch'] === 'delete') return null;
  const replace = patch['$patch'] === 'replace';
  let out: JsonObject = isObject(target) && !replace ? { ...target } : {};
  const retain = patch['$retainKeys'];
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(String));
    out = Object.fromEntries(Object.entries(out).filter(([k]) => keep.has(k)));
  }
  const orders: [string, Json[]][] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (k.startsWith('$setElementOrder/')) {
      if (Array.isArray(v)) orders.push([k.slice('$setElementOrder/'.length), v]);
      continue;
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const list = k.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set((Array.isArray(v) ? v : []).map((x) => JSON.stringify(x)));
      const cur = out[list];
      if (Array.isArray(cur)) out[list] = cur.filter((x) => !drop.has(JSON.stringify(x)));
      continue;
    }
    if (v === null) delete out[k];
    else {
      const merged = strategicMergePatch(out[k] ?? null, v, k);
      if (merged === null) delete out[k];
      else out[k] = merged;
    }
  }
  for (const [list, order] of orders) {
    const cur = out[list];
    if (!Array.isArray(cur)) continue;
    const key = mergeKeyFor(list, order);
    const idOf = (x: Json) => (key && isObject(x) ? JSON.stringify(x[key] ?? null) : JSON.stringify(x));
    const rank = new Map(order.map((x, i) => [idOf(x), i]));
    // Items the order names come in that order; the others keep their place after them.
    out[list] = [...cur].sort(
      (a, b) => (rank.get(idOf(a)) ?? order.length) - (rank.get(idOf(b)) ?? order.length),
    );
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
