/**
 * Reading manifests: multi-document YAML or JSON, a `kind: List` flattened to its items. Errors
 * read like kubectl's (`error converting YAML to JSON: yaml: line 3: …`).
 *
 * The YAML library is plugged in by `yaml-impl.ts` (imported by `src/index.ts`, the CLI and the
 * tests; the browser loads it on demand, since it is not tree-shaken): JSON needs no library.
 */
import type * as YamlLibrary from 'yaml';

let impl: typeof YamlLibrary | undefined;

/** Plugs in the YAML library (see yaml-impl.ts). */
export function useYamlLibrary(library: typeof YamlLibrary): void {
  impl = library;
}

/** The YAML library, once plugged in. */
export function yamlLibrary(): typeof YamlLibrary | undefined {
  return impl;
}

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}

/** Keys that must never become properties of parsed objects. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

function sanitize(value: unknown, depth = 0): unknown {
  if (depth > 64) throw new ManifestError('error converting YAML to JSON: yaml: exceeded max depth of 64');
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (forbiddenKeys.has(k)) continue;
      out[k] = sanitize(v, depth + 1);
    }
    return out;
  }
  return value;
}

export function parseManifests(text: string, source = 'STDIN'): Record<string, unknown>[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return flatten(sanitize(JSON.parse(trimmed)));
    } catch (e) {
      if (e instanceof ManifestError) throw e;
      // Not JSON after all: fall through to YAML, which reports the position.
    }
  }
  if (!impl)
    throw new ManifestError(`error parsing ${source}: YAML support is still loading; try again in a moment`);
  let docs: ReturnType<typeof impl.parseAllDocuments>;
  try {
    docs = impl.parseAllDocuments(text, { uniqueKeys: false });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`);
  }
  const out: Record<string, unknown>[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) {
      const line = err.linePos?.[0]?.line;
      const detail = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new ManifestError(
        `error parsing ${source}: error converting YAML to JSON: yaml: ${line !== undefined ? `line ${line}: ` : ''}${detail}`,
      );
    }
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // Unresolved or runaway aliases, and documents too deep to convert.
      const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      throw new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`);
    }
    const value = sanitize(js);
    if (value === null || value === undefined) continue;
    out.push(...flatten(value));
  }
  return out;
}

function flatten(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value === null || typeof value !== 'object') {
    throw new ManifestError(
      `error: error validating data: invalid object: expected a map, got ${JSON.stringify(value)}`,
    );
  }
  const obj = value as Record<string, unknown>;
  if (obj['kind'] === 'List' && Array.isArray(obj['items']))
    return (obj['items'] as unknown[]).flatMap(flatten);
  return [obj];
}

/** YAML as kubectl prints it (`-o yaml`): two-space indent, lists not indented under their key. */
export function toYaml(value: unknown): string {
  // JSON is YAML too: the fallback while the library loads.
  if (!impl) return `${JSON.stringify(value, null, 2)}\n`;
  return impl.stringify(value, { indent: 2, indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false });
}
