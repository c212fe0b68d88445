/**
 * Strategic merge patch as the API server applies it (`kubectl patch`'s default type). Apart from
 * merge.ts, which the first load needs for `kubectl apply`'s three-way merge: only the API server
 * facade and the in-page `kubectl patch`, both loaded on demand, apply a patch.
 */
import { idBy, isObject, kindOf, mergeKey, patchStrategy, type Json, type JsonObject } from './merge.ts';

/**
 * A strategic merge patch with upstream's strategies (merge.ts): like a merge patch, but lists merge
 * by their key or as sets of scalars, a replaced map is replaced, and the patch directives kubectl
 * sends are honoured: `$patch: delete | replace` on maps and list items, `$retainKeys`,
 * `$setElementOrder/<list>` (the order of a merged list, which `kubectl apply` and `set image`
 * send) and `$deleteFromPrimitiveList/<list>`. `rollingUpdate: null` removes the block, as it does
 * upstream.
 */
export function strategicMergePatch(target: Json, patch: Json, path = kindOf(target)): Json {
  if (Array.isArray(patch)) {
    const key = mergeKey(path);
    if (patch.some((p) => isObject(p) && p['$patch'] === 'replace' && Object.keys(p).length === 1))
      return patch.filter((p) => !(isObject(p) && p['$patch'] !== undefined));
    if (key === undefined || !Array.isArray(target))
      return patch.filter((p) => !(isObject(p) && p['$patch'] === 'delete'));
    const out = [...target];
    const idOf = idBy(key);
    for (const p of patch) {
      // Maps merge by their key; scalars as a set, the patch's that are not there yet added.
      if (key && !isObject(p)) continue;
      const idx = out.findIndex((t) => idOf(t) === idOf(p));
      if (isObject(p) && p['$patch'] === 'delete') {
        if (idx >= 0) out.splice(idx, 1);
      } else if (idx >= 0) out[idx] = strategicMergePatch(out[idx]!, p, path);
      else out.push(strategicMergePatch(null, p, path));
    }
    return out;
  }
  // A map whose strategy is replace (a PodDisruptionBudget's selector) is the patch's as it is.
  if (!isObject(patch) || patchStrategy(path) === 'replace') return patch;
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
      const merged = strategicMergePatch(out[k] ?? null, v, `${path}.${k}`);
      if (merged === null) delete out[k];
      else out[k] = merged;
    }
  }
  for (const [list, order] of orders) {
    const cur = out[list];
    if (!Array.isArray(cur)) continue;
    const idOf = idBy(mergeKey(`${path}.${list}`));
    const rank = new Map(order.map((x, i) => [idOf(x), i]));
    // Items the order names come in that order; the others keep their place after them.
    out[list] = [...cur].sort(
      (a, b) => (rank.get(idOf(a)) ?? order.length) - (rank.get(idOf(b)) ?? order.length),
    );
  }
  return out;
}
