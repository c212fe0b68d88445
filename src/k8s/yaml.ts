/**
 * Reading manifests: multi-document YAML or JSON, a `kind: List` flattened to its items. Errors
 * read like kubectl's (`error converting YAML to JSON: yaml: line 3: …`).
 *
 * The YAML library is plugged in by `yaml-impl.ts` (imported by `src/index.ts`, the CLI and the
 * tests; the browser loads it on demand, since it is not tree-shaken): JSON needs no library.
 */
import type * as YamlLibrary from 'yaml';
import type { YamlSlip } from './go-yaml.ts';

let impl: typeof YamlLibrary | undefined;

export type YamlTags = Extract<NonNullable<YamlLibrary.SchemaOptions['customTags']>, unknown[]>;

/** go-yaml's reading of plain scalars and its quoting (go-yaml.ts), loaded with the library. */
export interface GoYaml {
  readTags(tags: YamlTags): YamlTags;
  quotes(s: string): boolean;
  /** What JSON cannot hold in a value read (NaN, +Inf, -Inf), as encoding/json names it. */
  unsupported(value: unknown): string | undefined;
  /** go-yaml's words (and line) for what the YAML library found, where they are known. */
  slip(slip: YamlSlip): { message: string; line?: number | undefined } | undefined;
}

let go: GoYaml | undefined;

/** Plugs in the YAML library and go-yaml's rules (see yaml-impl.ts). */
export function useYamlLibrary(library: typeof YamlLibrary, goYaml: GoYaml): void {
  impl = library;
  go = goYaml;
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

/**
 * A document kubectl's reader cannot take for an object (a list, a string, a number): Go's JSON
 * decoder's words. With validation on, kubectl refuses it before it decodes (see apply's visit).
 */
export class NotAnObjectError extends ManifestError {
  constructor(
    readonly source: string,
    goType: string,
  ) {
    super(
      `unable to decode "${source}": json: cannot unmarshal ${goType} into Go value of type unstructured.detector`,
    );
    this.name = 'NotAnObjectError';
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

/**
 * Manifests as kubectl reads them: plain scalars as go-yaml v2 resolves them (see go-yaml.ts:
 * `on` and `yes` are booleans, `010` is eight), merge keys (`<<`) honoured.
 */
export function parseManifests(text: string, source = 'STDIN', strict = false): Record<string, unknown>[] {
  const { objects, error } = parseManifestStream(text, source, strict);
  if (error) throw error;
  return objects;
}

/**
 * The objects of a stream, in order, up to its first bad document, as kubectl's StreamVisitor
 * reads them: what came before a document it cannot parse is still visited, and the error ends
 * the stream. Go's YAML reader parses each document on its own, so an error's line counts from
 * the document's first line (after its `---`).
 */
export function parseManifestStream(
  text: string,
  source = 'STDIN',
  /** As kubectl reads `-f`: a document that is a list is not its items, but an error. */
  strict = false,
): { objects: Record<string, unknown>[]; error?: ManifestError } {
  const bad = badChunk(text);
  const { values, error } = readDocuments(bad ? bad.before : text, source, true);
  const objects: Record<string, unknown>[] = [];
  for (const value of values) {
    try {
      if (strict && (value === null || typeof value !== 'object' || Array.isArray(value)))
        throw new NotAnObjectError(
          source,
          Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value,
        );
      objects.push(...flatten(value));
    } catch (e) {
      if (e instanceof ManifestError) return { objects, error: e };
      throw e;
    }
  }
  if (error) return { objects, error };
  if (bad) return { objects, error: new ManifestError(`error parsing ${source}: ${bad.message}`) };
  return { objects };
}

/**
 * The first document kubectl's YAML reader cannot take, as it splits the stream at its `---` lines
 * (dropping them) before go-yaml reads each piece: a line that starts with `---` but goes on with
 * more than a comment, or a document that starts with directives. With what comes before it (the
 * documents the reader returned). Not for JSON, which is read without it.
 */
function badChunk(text: string): { message: string; before: string } | undefined {
  if (/^\s*[[{]/.test(text)) return undefined;
  const lines = text.split('\n');
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !lines[i]!.startsWith('---')) continue;
    const refused = (message: string) => ({ message, before: lines.slice(0, start).join('\n') });
    // The reader refuses the separator before it returns the document the line would end.
    const rest = i < lines.length ? lines[i]!.slice(3).trim() : '';
    if (rest && !rest.startsWith('#')) return refused(`invalid Yaml document separator: ${rest}`);
    const slip = directiveSlip(lines.slice(start, i), i < lines.length);
    if (slip) return refused(`error converting YAML to JSON: yaml: ${slip}`);
    start = i + 1;
  }
  return undefined;
}

/**
 * What go-yaml v2 says of a document that starts with directives (`%YAML 1.1`, `%TAG`), or nothing
 * when it starts otherwise. Directives must be followed by `---`, which kubectl's reader cut off:
 * such a document always fails, at the latest with "did not find expected <document start>".
 * Lines are go-yaml's: a parser error names its 0-based line (none on line 0), a scanner error the
 * 1-based one (none on the first).
 */
function directiveSlip(lines: string[], newlineAtEnd: boolean): string | undefined {
  const blank = (l: string) => /^[ \t]*(#.*)?\r?$/.test(l);
  const parserError = (line: number, problem: string) => `${line ? `line ${line}: ` : ''}${problem}`;
  const scannerError = (line: number, problem: string) => `${line ? `line ${line + 1}: ` : ''}${problem}`;
  let first = 0;
  while (first < lines.length && blank(lines[first]!)) first++;
  if (first === lines.length || !lines[first]!.startsWith('%')) return undefined;
  let version = false;
  const handles = new Set<string>();
  let i = first;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (blank(line)) continue;
    if (!line.startsWith('%')) break;
    const yaml = /^%YAML[ \t]+([0-9]{1,9})\.([0-9]{1,9})[ \t]*(#.*)?\r?$/.exec(line);
    const tag = /^%TAG[ \t]+(!(?:[0-9A-Za-z_-]*!)?)[ \t]+\S/.exec(line);
    if (yaml) {
      if (version) return parserError(i, 'found duplicate %YAML directive');
      if (yaml[1] !== '1' || Number(yaml[2]) !== 1) return parserError(i, 'found incompatible YAML document');
      version = true;
    } else if (tag) {
      if (handles.has(tag[1]!)) return parserError(i, 'found duplicate %TAG directive');
      handles.add(tag[1]!);
    } else if (/^%[0-9A-Za-z_-]+([ \t]|\r?$)/.test(line) && !/^%(YAML|TAG)([ \t]|\r?$)/.test(line))
      return scannerError(i, 'found unknown directive name');
    // A directive go-yaml cannot scan: left to the reader, which refuses it in its own words.
    else return undefined;
  }
  // The next token: the document's first content, or the end of the stream, which go-yaml puts
  // on a line of its own after a last line without a line break.
  const end = i < lines.length || newlineAtEnd || lines[lines.length - 1] !== '' ? i : lines.length - 1;
  return parserError(end, 'did not find expected <document start>');
}

/**
 * The documents of YAML (or JSON) text as they are, empty ones left out: a list stays a list (no
 * `kind: List` flattening), for text that must be one value of a known shape (a scenario file, a
 * step's claims). YAML 1.2's scalars: these are Rollout Lab's files, not kubectl's input. A key
 * twice in one map is refused as a strict Go decoder refuses it (`key "steps" already set in
 * map`): the first would be lost without a word.
 */
export function parseDocuments(text: string, source = 'STDIN'): unknown[] {
  const { values, error } = readDocuments(text, source, false);
  if (error) throw error;
  return values;
}

/**
 * One YAML (or JSON) document as kubectl's yaml.ToJSON reads it (go-yaml's scalars), for text
 * that is a value rather than an object (a patch). Throws ManifestError.
 */
export function parseKubectlYaml(text: string, source = 'STDIN'): unknown {
  const { values, error } = readDocuments(text, source, true);
  if (error) throw error;
  return values[0] ?? null;
}

/**
 * The documents up to the first one that cannot be read, and that one's error. `go`: scalars
 * and merge keys as kubectl's reader takes them; otherwise YAML 1.2's core schema.
 */
function readDocuments(
  text: string,
  source: string,
  goScalars: boolean,
): { values: unknown[]; error?: ManifestError } {
  const trimmed = text.trim();
  // Rollout Lab's own files (not goScalars) go through the YAML reader once it is in, JSON too,
  // which finds a key given twice; JSON.parse keeps the last without a word.
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && (goScalars || !impl)) {
    try {
      return { values: [sanitize(JSON.parse(trimmed))] };
    } catch (e) {
      if (e instanceof ManifestError) return { values: [], error: e };
      // Not JSON after all: fall through to YAML, which reports the position.
    }
  }
  if (!impl)
    return {
      values: [],
      error: new ManifestError(
        `error parsing ${source}: YAML support is still loading; try again in a moment`,
      ),
    };
  let docs: ReturnType<typeof impl.parseAllDocuments>;
  try {
    docs = impl.parseAllDocuments(
      text,
      goScalars && go
        ? { uniqueKeys: false, merge: true, customTags: go.readTags }
        : { uniqueKeys: !goScalars },
    );
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return {
      values: [],
      error: new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`),
    };
  }
  const out: unknown[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err?.code === 'DUPLICATE_KEY') {
      const line = err.linePos?.[0]?.line;
      const key = keyAt(text, line, err.linePos?.[0]?.col);
      return {
        values: out,
        error: new ManifestError(
          `error parsing ${source}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${line ?? 0}: key ${JSON.stringify(key)} already set in map`,
        ),
      };
    }
    if (err) {
      const line = err.linePos?.[0]?.line;
      const own = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      const said = goScalars
        ? go?.slip({
            code: err.code,
            message: own,
            line,
            col: err.linePos?.[0]?.col,
            lines: text.split('\n'),
          })
        : undefined;
      const at = said ? said.line : line;
      // Numbered within the document the slip is in (kubectl reads each on its own). go-yaml names
      // no line for a parser error on a document's first line (its line 0).
      const inDocument =
        at === undefined || line === undefined ? undefined : at - separatorLineBefore(text, line);
      return {
        values: out,
        error: new ManifestError(
          `error parsing ${source}: error converting YAML to JSON: yaml: ${inDocument ? `line ${inDocument}: ` : ''}${said?.message ?? own}`,
        ),
      };
    }
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // Unresolved or runaway aliases, and documents too deep to convert.
      const own = e instanceof Error ? e.message.split('\n')[0]! : String(e);
      const detail = (goScalars && go?.slip({ code: '', message: own, lines: [] })?.message) || own;
      return {
        values: out,
        error: new ManifestError(`error parsing ${source}: error converting YAML to JSON: yaml: ${detail}`),
      };
    }
    const value = sanitize(js);
    // sigs.k8s.io/yaml turns the document into JSON, which holds no NaN or infinity.
    const bad = goScalars ? go?.unsupported(value) : undefined;
    if (bad)
      return {
        values: out,
        error: new ManifestError(
          `error parsing ${source}: error converting YAML to JSON: json: unsupported value: ${bad}`,
        ),
      };
    if (value === null || value === undefined) continue;
    out.push(value);
  }
  return { values: out };
}

/** The key of a map entry written at `line` and `col` (1-based), unquoted. */
function keyAt(text: string, line: number | undefined, col: number | undefined): string {
  const rest = text.split(/\r?\n/)[(line ?? 1) - 1]?.slice((col ?? 1) - 1) ?? '';
  const m = /^(?:"((?:[^"\\]|\\.)*)"\s*|'((?:[^']|'')*)'\s*|([^:,{}]*)):/.exec(rest);
  if (!m) return rest.trim();
  if (m[2] !== undefined) return m[2].replaceAll("''", "'");
  if (m[3] !== undefined) return m[3].trim();
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return m[1]!; // An escape of YAML's own (`\x41`): as written.
  }
}

/** The number (1-based) of the last `---` separator line before line `line`, or 0. */
function separatorLineBefore(text: string, line: number): number {
  const lines = text.split('\n');
  for (let n = Math.min(line - 1, lines.length); n >= 1; n--)
    if (/^---\s*(#.*)?$/.test(lines[n - 1]!)) return n;
  return 0;
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

/**
 * YAML for a person to read and edit (scenario files, claims): two-space indent, lists not
 * indented under their key, and quoted wherever kubectl's reader would otherwise take a string
 * for something else (`"on"`, `"010"`), so that manifests written here read back as they were.
 */
export function toYaml(value: unknown): string {
  // JSON is YAML too: the fallback while the library loads.
  if (!impl) return `${JSON.stringify(value, null, 2)}\n`;
  const doc = new impl.Document(value, { aliasDuplicateObjects: false });
  impl.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value !== '' && go?.quotes(node.value))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ indent: 2, indentSeq: false, lineWidth: 0 });
}
