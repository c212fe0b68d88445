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
 * says it): ServicePort lists merge by `port`, every other `ports` list by `containerPort`.
 */
export function mergeKeyForType(field: string, itemType: string): string | undefined {
  const key = mergeKeys[field];
  if (!key) return undefined;
  return field === 'ports' && itemType === 'ServicePort' ? 'port' : key;
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
 * lists of named items merge by their key, and `$patch: delete` / `$retainKeys` are honoured for
 * list items. `rollingUpdate: null` removes the block, as it does upstream.
 */
export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (Array.isArray(patch)) {
    const key = mergeKeyFor(field, patch);
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
      else out.push(p);
    }
    return out;
  }
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue;
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k] ?? null, v, k);
  }
  return out;
}
