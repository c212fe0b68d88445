/**
 * Generates the OpenAPI v3 component schemas the server publishes (`openapi-schemas.json`) from
 * the project's own object types in src/k8s/types.ts, with the TypeScript compiler:
 *
 *   npx tsx src/server/openapi-gen.ts          # rewrites src/k8s/openapi-schemas.json
 *
 * Each exported interface becomes a schema under its upstream name (`io.k8s.api.apps.v1.Deployment`);
 * optional properties are optional, the rest `required`; `IntOrString` is upstream's int-or-string;
 * fields with a patch strategy (src/k8s/merge.ts: lists merged by a key or as a set, a map that
 * retains keys or is replaced) carry upstream's `x-kubernetes-patch-strategy` /
 * `x-kubernetes-patch-merge-key` / `x-kubernetes-list-*` extensions, which the real kubectl reads
 * to compute `kubectl apply`'s patch. Only fields the simulator types are described; open maps
 * (`Record<string, unknown>`) preserve unknown fields.
 * A unit test checks the committed file is what this produces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { patchStrategy } from '../k8s/merge.ts';

type Schema = Record<string, unknown>;

const here = dirname(fileURLToPath(import.meta.url));
export const TYPES_FILE = join(here, '..', 'k8s', 'types.ts');
// Beside the types: the in-page `kubectl explain` reads them too (loaded when it first runs).
export const SCHEMAS_FILE = join(here, '..', 'k8s', 'openapi-schemas.json');
/** Upstream's descriptions, required fields and defaults for our fields (see `upstreamShape`). */
export const DOCS_FILE = join(here, 'openapi-docs.json');

/** Our interface names where they differ from upstream's. */
const RENAMED: Record<string, string> = { NodeObject: 'Node', KubeEvent: 'Event', SliceEndpoint: 'Endpoint' };
const META = new Set(['ObjectMeta', 'OwnerReference', 'LabelSelector', 'LabelSelectorRequirement']);
const APPS = /^(Deployment|ReplicaSet|RollingUpdateDeployment)/;
const DISCOVERY = /^(EndpointSlice|SliceEndpoint)/;
const POLICY = /^PodDisruptionBudget/;
/**
 * Where our named types sit in a kind, as the dotted paths merge.ts looks patch strategies up by
 * (a kind's own fields sit under its name). Any one place will do: every place a type is used has
 * the same strategies, which openapi-gen.test.ts checks.
 */
const PATHS: Record<string, string> = {
  Container: 'Pod.spec.containers',
  PodSpec: 'Pod.spec',
  PodStatus: 'Pod.status',
  ObjectMeta: 'Pod.metadata',
  DeploymentSpec: 'Deployment.spec',
  PodDisruptionBudgetSpec: 'PodDisruptionBudget.spec',
};
/** Upstream's list-map keys where they are more than the merge key (`+listMapKey`), by item type. */
const LIST_MAP_KEYS: Record<string, string[]> = {
  ContainerPort: ['containerPort', 'protocol'],
  ServicePort: ['port', 'protocol'],
};
/** Lists merged by a key that are atomic to server-side apply (`+listType=atomic`). */
const ATOMIC = new Set(['hostIPs']);

/** Not API types: helpers of the simulator's own. */
const SKIPPED = new Set(['KubeObject', 'PodPhase']);

/** The upstream schema name for one of our type names. */
export function schemaName(name: string): string {
  const n = RENAMED[name] ?? name;
  if (n === 'IntOrString') return 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
  if (META.has(n)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${n}`;
  if (APPS.test(n)) return `io.k8s.api.apps.v1.${n}`;
  if (DISCOVERY.test(name)) return `io.k8s.api.discovery.v1.${n}`;
  if (POLICY.test(n)) return `io.k8s.api.policy.v1.${n}`;
  return `io.k8s.api.core.v1.${n}`;
}

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${schemaName(name)}` });

export function generateSchemas(file = TYPES_FILE): Record<string, Schema> {
  // ES5's lib is enough for arrays and Records, and much quicker to load than the default (DOM).
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    lib: ['lib.es5.d.ts'],
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const exported = new Set<string>();
  ts.forEachChild(source, (n) => {
    if ((ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n)) && !SKIPPED.has(n.name.text))
      exported.add(n.name.text);
  });

  /** A type's schema; `path` is where it sits (PATHS), to look its patch strategy up by. */
  const typeSchema = (type: ts.Type, path: string): Schema => {
    const alias = type.aliasSymbol?.name;
    if (alias === 'IntOrString') return ref('IntOrString');
    if (alias === 'Record') {
      const value = type.aliasTypeArguments?.[1];
      if (value && value.flags & ts.TypeFlags.String)
        return { type: 'object', additionalProperties: { type: 'string' } };
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    }
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (parts.every((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.String)))
        return { type: 'string' };
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { type: 'boolean' };
      if (parts.length === 1) return typeSchema(parts[0]!, path);
    }
    if (type.flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: 'integer', format: 'int32' };
    if (type.flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (checker.isArrayType(type)) {
      const item = checker.getTypeArguments(type as ts.TypeReference)[0]!;
      const s: Schema = { type: 'array', items: typeSchema(item, path) };
      const [strategy, key] = patchStrategy(path)?.split(':') ?? [];
      if (key) {
        if (ATOMIC.has(path.slice(path.lastIndexOf('.') + 1))) s['x-kubernetes-list-type'] = 'atomic';
        else {
          s['x-kubernetes-list-map-keys'] = LIST_MAP_KEYS[item.symbol?.name ?? ''] ?? [key];
          s['x-kubernetes-list-type'] = 'map';
        }
        s['x-kubernetes-patch-merge-key'] = key;
      } else if (strategy) s['x-kubernetes-list-type'] = 'set';
      if (strategy) s['x-kubernetes-patch-strategy'] = strategy;
      return s;
    }
    const name = type.symbol?.name;
    if (name && exported.has(name)) {
      // A map that retains keys (a Deployment's strategy) or is replaced (a budget's selector);
      // a list's strategy (`merge:…`) is its items' path too, and says nothing of the items.
      const strategy = patchStrategy(path);
      return strategy && !strategy.startsWith('merge')
        ? { ...ref(name), 'x-kubernetes-patch-strategy': strategy }
        : ref(name);
    }
    if (type.flags & ts.TypeFlags.Object) return objectSchema(type, path);
    return {};
  };

  const objectSchema = (type: ts.Type, path: string): Schema => {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const p of checker.getPropertiesOfType(type)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      if (!decl) continue;
      properties[p.name] = typeSchema(checker.getTypeOfSymbolAtLocation(p, decl), `${path}.${p.name}`);
      if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.name);
    }
    const sorted = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
    const s: Schema = { type: 'object', properties: sorted };
    if (required.length) s['required'] = required.sort();
    return s;
  };

  const out: Record<string, Schema> = {
    [schemaName('IntOrString')]: {
      type: 'string',
      format: 'int-or-string',
      'x-kubernetes-int-or-string': true,
    },
  };
  ts.forEachChild(source, (n) => {
    if (!ts.isInterfaceDeclaration(n) || SKIPPED.has(n.name.text)) return;
    const name = n.name.text;
    const s = objectSchema(checker.getTypeAtLocation(n), PATHS[name] ?? RENAMED[name] ?? name);
    // Kinds name themselves, as upstream's x-kubernetes-group-version-kind does.
    const kind = (s['properties'] as Record<string, Schema>)['kind'];
    if (kind && n.heritageClauses?.length) {
      const upstream = schemaName(name).split('.');
      const group =
        upstream[3] === 'core' ? '' : upstream[3] === 'discovery' ? 'discovery.k8s.io' : upstream[3]!;
      s['x-kubernetes-group-version-kind'] = [{ group, kind: RENAMED[name] ?? name, version: 'v1' }];
      (s['properties'] as Record<string, Schema>)['kind'] = { type: 'string' };
      (s['properties'] as Record<string, Schema>)['apiVersion'] = { type: 'string' };
      // Our kinds always carry spec and status once stored; a client may leave them out.
      delete s['required'];
    }
    out[schemaName(name)] = s;
  });
  return upstreamShape(
    Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1))),
    JSON.parse(readFileSync(DOCS_FILE, 'utf8')) as UpstreamDocs,
  );
}

/**
 * A field's words: its description, or the description and its default, or both and the values
 * upstream enumerates (`+enum` types), each with its constant's comment ('' for none). Upstream
 * lists those values, sorted, as the schema's `enum` and at the end of the description.
 */
type PropertyDoc =
  | string
  | [description: string, defaultValue: unknown]
  | { description: string; default?: unknown; enum: Record<string, string> };

/** A field's description, default and enum as upstream publishes them. */
export function propertyDoc(d: PropertyDoc): { description: string; default?: unknown; enum?: string[] } {
  if (typeof d === 'string') return { description: d };
  if (Array.isArray(d))
    return d[1] === undefined ? { description: d[0] } : { description: d[0], default: d[1] };
  const values = Object.keys(d.enum).sort();
  const lines = values.map((v) => ` - \`${JSON.stringify(v)}\`${d.enum[v] ? ` ${d.enum[v]}` : ''}`);
  const description = `${d.description}\n\nPossible enum values:\n${lines.join('\n')}`;
  return d.default === undefined
    ? { description, enum: values }
    : { description, default: d.default, enum: values };
}

/** What openapi-docs.json holds: upstream's words for the fields the simulator types. */
export interface UpstreamDocs {
  schemas: Record<
    string,
    { description: string; required?: string[]; properties: Record<string, PropertyDoc> }
  >;
  /** Schemas published whole, as upstream does (Time, IntOrString, Quantity). */
  whole: Record<string, Schema>;
  /** [schema, property, target]: a property that is upstream a reference (a Time, an IntOrString). */
  refs: [string, string, string][];
  /** [schema, property, target]: a map whose values are upstream a reference (Quantity). */
  mapRefs: [string, string, string][];
  /** [schema, property, name]: an inline object of ours that upstream names. */
  hoist: [string, string, string][];
}

const refTo = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const propsOf = (s: Schema | undefined): Record<string, Schema> | undefined =>
  s?.['properties'] as Record<string, Schema> | undefined;

/**
 * Our schemas in upstream's shape, so `kubectl explain` prints against the served API what it
 * prints against a real one: each schema and field with upstream's description; references
 * wrapped in `allOf` beside their field's description, as upstream's OpenAPI v3 has them; the
 * types upstream names (EnvVar, Toleration, Time, IntOrString, Quantity) named; upstream's
 * required fields, defaults and enums. The fields themselves stay the ones the simulator types.
 */
export function upstreamShape(schemas: Record<string, Schema>, docs: UpstreamDocs): Record<string, Schema> {
  const out = structuredClone(schemas);
  for (const [parent, prop, name] of docs.hoist) {
    const props = propsOf(out[parent]);
    const p = props?.[prop];
    if (!props || !p) continue;
    if (p['type'] === 'array' && p['items'] && !(p['items'] as Schema)['$ref']) {
      out[name] = p['items'] as Schema;
      props[prop] = { ...p, items: refTo(name) };
    } else if (!p['$ref']) {
      out[name] = p;
      props[prop] = refTo(name);
    }
  }
  Object.assign(out, structuredClone(docs.whole));
  for (const [parent, prop, target] of docs.refs) {
    const props = propsOf(out[parent]);
    if (props?.[prop]) props[prop] = refTo(target);
  }
  for (const [parent, prop, target] of docs.mapRefs) {
    const props = propsOf(out[parent]);
    if (props?.[prop]) props[prop] = { ...props[prop], additionalProperties: refTo(target) };
  }
  for (const [name, doc] of Object.entries(docs.schemas)) {
    const s = out[name];
    const props = propsOf(s);
    if (!s || !props) continue;
    s['description'] = doc.description;
    if (doc.required) {
      const required = doc.required.filter((r) => r in props);
      if (required.length) s['required'] = required;
      else delete s['required'];
    }
    for (const [prop, d] of Object.entries(doc.properties)) {
      const p = props[prop];
      if (!p) continue;
      const { description, default: dflt, enum: values } = propertyDoc(d);
      const withDefault = dflt === undefined ? {} : { default: dflt };
      const withEnum = values ? { enum: values } : {};
      const { $ref, ...extensions } = p;
      const next: Schema = $ref
        ? { allOf: [{ $ref }], ...withDefault, description, ...extensions }
        : { ...p, ...withDefault, description, ...withEnum };
      const items = next['items'] as Schema | undefined;
      if (items?.['$ref']) next['items'] = { allOf: [{ $ref: items['$ref'] }], default: {} };
      props[prop] = next;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function schemasText(): string {
  return `${JSON.stringify(generateSchemas(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMAS_FILE, schemasText());
  process.stdout.write(`wrote ${SCHEMAS_FILE}\n`);
}
