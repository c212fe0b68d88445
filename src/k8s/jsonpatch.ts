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

/** Go's strconv.Atoi, as json-patch reads an array index; undefined where it fails. */
const atoi = (key: string): number | undefined => (/^[+-]?[0-9]+$/.test(key) ? Number(key) : undefined);

/**
 * A map or an array of the document, as evanphx/json-patch v4 reaches it (its container): a map's
 * missing key (or null) reads as nothing, without error; an array's index is checked.
 */
class Container {
  constructor(readonly node: { [k: string]: Json } | Json[]) {}

  private index(key: string, size: number, op: string): number {
    const i = atoi(key);
    if (i === undefined) {
      const cause = `strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
      throw new PatchError(op === 'add' ? `value was not a proper array index: '${key}': ${cause}` : cause);
    }
    if (i >= size || (op !== 'get' && i < -size) || (op === 'get' && i < 0))
      throw new PatchError(`Unable to access invalid index: ${i}: invalid index referenced`);
    return i < 0 ? i + size : i;
  }

  get(key: string): Json | undefined {
    if (!Array.isArray(this.node)) return this.node[key] ?? undefined;
    return this.node[this.index(key, this.node.length, 'get')];
  }

  set(key: string, value: Json): void {
    if (Array.isArray(this.node)) this.node[this.index(key, this.node.length, 'get')] = value;
    else this.node[key] = value;
  }

  add(key: string, value: Json): void {
    if (!Array.isArray(this.node)) this.node[key] = value;
    else if (key === '-') this.node.push(value);
    else this.node.splice(this.index(key, this.node.length + 1, 'add'), 0, value);
  }

  remove(key: string): void {
    if (Array.isArray(this.node)) this.node.splice(this.index(key, this.node.length, 'remove'), 1);
    else if (!(key in this.node))
      throw new PatchError(`Unable to remove nonexistent key: ${key}: missing value`);
    else delete this.node[key];
  }
}

/** findObject: the container of a path's last key, and that key; none where a step is missing. */
function findObject(doc: Json, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Json | undefined = doc;
  for (const part of split.slice(1, -1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    try {
      cur = new Container(cur).get(decodeKey(part));
    } catch {
      return undefined;
    }
  }
  if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
  return [new Container(cur), decodeKey(split[split.length - 1]!)];
}

const decodeKey = (key: string) => key.replace(/~1/g, '/').replace(/~0/g, '~');

/** lazyNode.equal: a map equals one that has its keys with equal values (more keys or not). */
function v4Equal(a: Json, b: Json): boolean {
  if (isObj(a)) return isObj(b) && Object.keys(a).every((k) => k in b && v4Equal(a[k]!, b[k]!));
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => v4Equal(x, b[i]!));
  return deepEqual(a, b);
}

/**
 * RFC 6902 JSON patch as evanphx/json-patch v4 applies it, which kubectl uses to patch on the
 * client (`patch --type=json --dry-run=client`): each failure in its words (`add operation does
 * not apply: doc is missing path: "/a/b": missing value`); a replace of a map's missing key, or an
 * add without a value, goes through.
 */
export function jsonPatchV4(target: Json, ops: Json): Json {
  const goType = (v: Json) =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v;
  if (ops !== null && !Array.isArray(ops))
    throw new PatchError(`json: cannot unmarshal ${goType(ops)} into Go value of type jsonpatch.Patch`);
  const doc = deepCopy(target);
  for (const op of ops ?? []) {
    if (op !== null && !isObj(op))
      throw new PatchError(`json: cannot unmarshal ${goType(op)} into Go value of type jsonpatch.Operation`);
    const field = (name: 'path' | 'from') => {
      const v = op?.[name] ?? null;
      if (typeof v === 'string') return v;
      if (v === null)
        throw new PatchError(
          `${name === 'path' ? 'operation missing path field' : 'operation, missing from field'}: missing value`,
        );
      throw new PatchError(`json: cannot unmarshal ${goType(v)} into Go value of type string`);
    };
    const kind = typeof op?.['op'] === 'string' ? op['op'] : 'unknown';
    // Each step's error, wrapped as json-patch wraps it (pkg/errors: `context: cause`).
    const step = <T>(context: string, f: () => T, missing = false): T => {
      try {
        return f();
      } catch (e) {
        if (!(e instanceof PatchError)) throw e;
        throw new PatchError(`${context}: ${missing ? 'missing value' : e.message}`);
      }
    };
    const find = (path: string, context: string) => {
      const found = findObject(doc, path);
      if (!found) throw new PatchError(`${context}: missing value`);
      return found;
    };
    const value = op !== null && 'value' in op ? op['value']! : null;
    switch (kind) {
      case 'add': {
        const path = step('add operation failed to decode path', () => field('path'), true);
        const [con, key] = find(path, `add operation does not apply: doc is missing path: "${path}"`);
        step(`error in add for path: '${path}'`, () => con.add(key, deepCopy(value)));
        break;
      }
      case 'remove': {
        const path = step('remove operation failed to decode path', () => field('path'), true);
        const [con, key] = find(path, `remove operation does not apply: doc is missing path: "${path}"`);
        step(`error in remove for path: '${path}'`, () => con.remove(key));
        break;
      }
      case 'replace': {
        const path = step('replace operation failed to decode path', () => field('path'));
        const [con, key] = find(path, `replace operation does not apply: doc is missing path: ${path}`);
        step(`replace operation does not apply: doc is missing key: ${path}`, () => con.get(key), true);
        con.set(key, deepCopy(value));
        break;
      }
      case 'move': {
        const from = step('move operation failed to decode from', () => field('from'));
        const [src, fromKey] = find(from, `move operation does not apply: doc is missing from path: ${from}`);
        const moved = step(`error in move for path: '${fromKey}'`, () => src.get(fromKey)) ?? null;
        step(`error in move for path: '${fromKey}'`, () => src.remove(fromKey));
        const path = step('move operation failed to decode path', () => field('path'));
        const [con, key] = find(
          path,
          `move operation does not apply: doc is missing destination path: ${path}`,
        );
        step(`error in move for path: '${path}'`, () => con.add(key, moved));
        break;
      }
      case 'test': {
        const path = step('test operation failed to decode path', () => field('path'));
        const [con, key] = find(path, `test operation does not apply: is missing path: ${path}`);
        const found = step(`error in test for path: '${path}'`, () => con.get(key));
        const same =
          found === undefined || found === null ? value === null : value !== null && v4Equal(found, value);
        if (!same) throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      }
      case 'copy': {
        const from = step('copy operation failed to decode from', () => field('from'));
        const [src, fromKey] = find(from, `copy operation does not apply: doc is missing from path: ${from}`);
        const copied = step(`error in copy for from: '${from}'`, () => src.get(fromKey)) ?? null;
        const path = step('copy operation failed to decode path', () => field('path'), true);
        const [con, key] = find(
          path,
          `copy operation does not apply: doc is missing destination path: ${path}`,
        );
        step('error while adding value during copy', () => con.add(key, deepCopy(copied)));
        break;
      }
      default:
        throw new PatchError(`Unexpected kind: ${kind}`);
    }
  }
  return doc;
}
