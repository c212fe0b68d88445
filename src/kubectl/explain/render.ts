/**
 * `kubectl explain`'s plaintext output, computed the way kubectl's template does it
 * (`kubectl: pkg/explain/v2/templates/plaintext.tmpl`) from the OpenAPI v3 component schemas the
 * API server serves: the field path followed through `$ref`, `allOf`, `items` and
 * `additionalProperties`; each field's type guessed from its schema (`<[]Container>`,
 * `<map[string]string>`, `<IntOrString>`); descriptions word-wrapped as `go-wordwrap` wraps them;
 * enums listed; `--recursive` as an indented tree that stops at a cycle.
 */

export interface Schema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  $ref?: string;
  enum?: unknown[];
  externalDocs?: { description?: string; url?: string };
  'x-kubernetes-group-version-kind'?: { group: string; kind: string; version: string }[];
  [key: string]: unknown;
}

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** What the template printed before it stopped, and the error it stopped with, if any. */
export interface Explained {
  stdout: string;
  error?: string;
}

/** An object that Go's templates treat as true: a non-empty map, string or list, or a scalar. */
const truthy = (v: unknown): boolean => {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
};

const isSchemaMap = (v: unknown): v is Schema => typeof v === 'object' && v !== null && truthy(v);

/** `github.com/mitchellh/go-wordwrap`'s WrapString: breaks at spaces, keeps newlines, never splits a word. */
export function wordWrap(s: string, lim: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      buf += space + word + ch;
      space = '';
      word = '';
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += [...space].length + [...word].length;
        buf += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wordLen = [...word].length;
      if (current + [...space].length + wordLen > lim && wordLen < lim) {
        buf += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= lim) buf += space;
  } else buf += space + word;
  return buf;
}

const wrap = (width: number, s: string) => wordWrap(s, width);
const indent = (n: number, s: string) => {
  const pad = ' '.repeat(n);
  return pad + s.replace(/\n/g, `\n${pad}`);
};

class Failure extends Error {}

type History = Readonly<Record<string, true>>;

class Renderer {
  constructor(private readonly schemas: Readonly<Record<string, Schema>>) {}

  resolveRef(ref: string | undefined): Schema | undefined {
    if (!ref) return undefined;
    const name = ref.split('/').pop()!;
    const s = this.schemas[name];
    return isSchemaMap(s) ? s : undefined;
  }

  /** The `output` template: follows the field path, then describes where it ends. */
  output(schema: Schema, history: History, path: readonly string[], recursive: boolean): string {
    const ref = schema.$ref ?? '';
    const next: History = { ...history, [ref]: true };
    const resolved = this.resolveRef(ref) ?? schema;
    if (path.length === 0) {
      let out = 'DESCRIPTION:\n';
      out += indent(4, wrap(76, this.description(resolved) || '<empty>')) + '\n';
      const docs = this.externalDocs(resolved);
      if (docs) out += '\n' + docs;
      const fields = this.fieldList(resolved, 1, {}, recursive);
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (ref && history[ref]) return '';
    const first = path[0]!;
    const sub = resolved.properties?.[first];
    if (truthy(resolved.properties) && isSchemaMap(sub)) {
      let out = '';
      if (path.length === 1) {
        out += `FIELD: ${first} <${this.typeGuess(sub)}>\n`;
        out += this.extractEnum(sub, true, -1, 0) + '\n';
        out += '\n';
      }
      return out + this.output(sub, {}, path.slice(1), recursive);
    }
    if (isSchemaMap(resolved.items)) return this.output(resolved.items, next, path, recursive);
    if (isSchemaMap(resolved.additionalProperties))
      return this.output(resolved.additionalProperties, next, path, recursive);
    for (const alt of resolved.allOf ?? []) {
      const out = this.output(alt, next, path, recursive);
      if (out) return out;
    }
    return '';
  }

  /** The `description` template: the schema's own, then its allOf's, items' and map values'. */
  description(schema: Schema): string {
    const s = this.resolveRef(schema.$ref) ?? schema;
    if (!truthy(s)) return '';
    let out = '';
    if (s.description) out += s.description + '\n';
    for (const alt of s.allOf ?? []) out += this.description(alt);
    if (isSchemaMap(s.items)) out += this.description(s.items);
    if (isSchemaMap(s.additionalProperties)) out += this.description(s.additionalProperties);
    return out;
  }

  externalDocs(schema: Schema): string {
    const d = schema.externalDocs;
    if (!truthy(d)) return '';
    let out = 'EXTERNAL DOCS:\n';
    if (d!.description) out += indent(4, wrap(76, d!.description)) + '\n';
    if (d!.url) out += indent(4, `URL: ${d!.url}`) + '\n';
    return out;
  }

  fieldList(schema: Schema, level: number, history: History, recursive: boolean): string {
    const ref = schema.$ref ?? '';
    if (ref && history[ref]) return '';
    const next: History = { ...history, [ref]: true };
    const resolved = this.resolveRef(ref) ?? schema;
    let out = '';
    for (const name of Object.keys(resolved.properties ?? {}).sort()) {
      out += this.fieldDetail(name, resolved, recursive, level);
      if (recursive) out += this.fieldList(resolved.properties![name]!, level + 1, next, recursive);
    }
    for (const alt of resolved.allOf ?? []) out += this.fieldList(alt, level, next, recursive);
    if (isSchemaMap(resolved.items)) out += this.fieldList(resolved.items, level, next, recursive);
    if (isSchemaMap(resolved.additionalProperties))
      out += this.fieldList(resolved.additionalProperties, level, next, recursive);
    return out;
  }

  fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
    const amount = level * 2;
    const field = parent.properties![name]!;
    let out = `${indent(amount, name)}\t<${this.typeGuess(field)}>`;
    if (parent.required?.includes(name)) out += ' -required-';
    out += this.extractEnum(field, false, 4, amount);
    out += '\n';
    if (!short) {
      out += indent(amount + 2, wrap(78 - amount, field.description || '<no description>')) + '\n';
      const docs = field.externalDocs;
      if (truthy(docs)) {
        out += '\n' + indent(amount + 2, 'EXTERNAL DOCS:') + '\n';
        if (docs!.description) out += indent(amount + 4, wrap(76 - amount, docs!.description)) + '\n';
        if (docs!.url) out += indent(amount + 4, `URL: ${docs!.url}`) + '\n';
      }
      out += '\n';
    }
    return out;
  }

  typeGuess(schema: Schema | undefined): string {
    if (!isSchemaMap(schema)) throw new Failure("expected schema argument to subtemplate 'typeguess'");
    if (isSchemaMap(schema.items)) return `[]${this.typeGuess(schema.items)}`;
    if (isSchemaMap(schema.additionalProperties))
      return `map[string]${this.typeGuess(schema.additionalProperties)}`;
    if (truthy(schema.allOf) && !truthy(schema.properties) && schema.allOf!.length === 1)
      return this.typeGuess(schema.allOf![0]);
    if (schema.$ref) {
      const target = this.resolveRef(schema.$ref);
      if (!target || !target.type || target.type === 'object') {
        const name = schema.$ref.split('/').pop()!;
        return name.split('.').pop() || 'Object';
      }
      return target.type;
    }
    if (schema.type === 'object') return 'Object';
    return schema.type || 'Object';
  }

  extractEnum(schema: Schema, long: boolean, limit: number, amount: number): string {
    const values = schema.enum;
    if (!values || values.length === 0) return '';
    let out = long ? 'ENUM:' : `\n${' '.repeat(amount)}enum: `;
    const max = limit || -1;
    for (const [i, v] of values.entries()) {
      if (max > -1 && i >= max) {
        out += ', ....';
        break;
      }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      out += v === '' ? '""' : String(v);
    }
    return out;
  }
}

/**
 * What `kubectl explain` prints for `gvk` and a field path against these component schemas (the
 * header lines, then the field or the resource), or where it stops with an error.
 */
export function explain(
  schemas: Readonly<Record<string, Schema>>,
  gvk: Gvk,
  fieldPath: readonly string[],
  recursive: boolean,
): Explained {
  let header = '';
  if (gvk.group) header += `GROUP:      ${gvk.group}\n`;
  header += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const r = new Renderer(schemas);
  const matches = (s: Schema) =>
    (s['x-kubernetes-group-version-kind'] ?? []).some(
      (g) => g.group === gvk.group && g.kind === gvk.kind && g.version === gvk.version,
    );
  const name = Object.keys(schemas)
    .sort()
    .find((k) => matches(schemas[k]!));
  if (name === undefined)
    return {
      stdout: header,
      error: `error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema`,
    };
  try {
    const out = r.output(schemas[name]!, {}, fieldPath, recursive);
    if (!out)
      return { stdout: header, error: `error: field "${fieldPath[fieldPath.length - 1]}" does not exist` };
    return { stdout: header + out + '\n' };
  } catch (e) {
    if (e instanceof Failure) return { stdout: header, error: `error: ${e.message}` };
    throw e;
  }
}
