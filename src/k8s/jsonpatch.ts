/**
 * RFC 6902 JSON patch with the semantics and messages of evanphx/json-patch, which the API server
 * uses for `application/json-patch+json` (`kubectl patch --type=json`, `kubectl rollout undo`).
 */
import { deepCopy, deepEqual } from './copy.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObj = (v: unknown): v is { [k: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A patch that cannot be applied; the message is the API server's (a BadRequest). */
export class PatchError extends Error {}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`JSON pointer must be empty or start with a "/": ${path}`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: Json, parts: string[], path: string): Json {
  let cur: Json = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) {
      const i = Number(p);
      if (!/^[0-9]+$/.test(p) || i >= cur.length) throw new PatchError(`doc is missing path: "${path}"`);
      cur = cur[i]!;
    } else if (isObj(cur) && p in cur) cur = cur[p]!;
    else throw new PatchError(`doc is missing path: "${path}"`);
  }
  return cur;
}

function parentOf(doc: Json, parts: string[], path: string): [Json, string] {
  if (parts.length === 0) throw new PatchError(`unable to operate on the document root: "${path}"`);
  return [getAt(doc, parts.slice(0, -1), path), parts[parts.length - 1]!];
}

function removeAt(doc: Json, parts: string[], path: string): Json {
  const [parent, key] = parentOf(doc, parts, path);
  if (Array.isArray(parent)) {
    const i = Number(key);
    if (!/^[0-9]+$/.test(key) || i >= parent.length)
      throw new PatchError(`Unable to remove nonexistent key: ${key}: missing value`);
    return parent.splice(i, 1)[0]!;
  }
  if (!isObj(parent) || !(key in parent))
    throw new PatchError(`Unable to remove nonexistent key: ${key}: missing value`);
  const v = parent[key]!;
  delete parent[key];
  return v;
}

function addAt(doc: Json, parts: string[], value: Json, path: string, replace: boolean): Json {
  if (parts.length === 0) return value;
  const [parent, key] = parentOf(doc, parts, path);
  if (Array.isArray(parent)) {
    if (key === '-' && !replace) parent.push(value);
    else {
      const i = Number(key);
      if (!/^[0-9]+$/.test(key) || i > parent.length || (replace && i >= parent.length))
        throw new PatchError(`Unable to access invalid index: ${key}: invalid index referenced`);
      if (replace) parent[i] = value;
      else parent.splice(i, 0, value);
    }
  } else if (isObj(parent)) {
    if (replace && !(key in parent))
      throw new PatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
    parent[key] = value;
  } else throw new PatchError(`doc is missing path: "${path}"`);
  return doc;
}

/** RFC 6902 JSON patch (evanphx/json-patch semantics). */
export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = deepCopy(target);
  for (const op of ops) {
    if (!isObj(op)) throw new PatchError('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const kind = op['op'];
    const path = typeof op['path'] === 'string' ? op['path'] : undefined;
    if (path === undefined) throw new PatchError(`${String(kind)} operation missing path`);
    const parts = decodePointer(path);
    switch (kind) {
      case 'add':
        if (!('value' in op)) throw new PatchError('add operation missing value');
        doc = addAt(doc, parts, deepCopy(op['value']!), path, false);
        break;
      case 'replace':
        if (!('value' in op)) throw new PatchError('replace operation missing value');
        doc = addAt(doc, parts, deepCopy(op['value']!), path, true);
        break;
      case 'remove':
        removeAt(doc, parts, path);
        break;
      case 'move':
      case 'copy': {
        const from = typeof op['from'] === 'string' ? op['from'] : undefined;
        if (from === undefined) throw new PatchError(`${kind} operation missing from`);
        const fp = decodePointer(from);
        const value = kind === 'move' ? removeAt(doc, fp, from) : deepCopy(getAt(doc, fp, from));
        doc = addAt(doc, parts, value, path, false);
        break;
      }
      case 'test':
        if (!deepEqual(getAt(doc, parts, path), op['value'] ?? null))
          throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${String(kind)}`);
    }
  }
  return doc;
}
