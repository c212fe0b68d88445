/**
 * `-o yaml|json|name|jsonpath=…|custom-columns=…|go-template=…` (the Go templates in
 * gotemplate.ts): kubectl's resource printers. Objects print as
 * the API server returns them, keys in Go's map order (sorted), YAML the way sigs.k8s.io/yaml
 * writes it, JSON indented by four spaces; several objects print as a `List`.
 */
import { apiEncode } from '../../k8s/encode.ts';
import { inGoOrder } from '../../k8s/go-order.ts';
import { yamlLibrary } from '../../k8s/yaml.ts';
import { goWriteTags, goYamlKeyOrder } from '../../k8s/go-yaml.ts';
import { kindSlashName, resourceForKind } from '../../k8s/resources.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { KubectlError } from '../command.ts';
import { flagBool, flagString, type FlagSpec, type ParsedArgs } from '../parse.ts';
import {
  JsonPathError,
  executeTemplate,
  goSharpV,
  resetJsonPathBudget,
  selectValues,
  templateValues,
  withMissingKeys,
} from './jsonpath.ts';
import { goJsonText } from '../../k8s/go-json.ts';
import { goQuote } from '../../k8s/validation.ts';
import { goPrintValue } from '../../k8s/decode.ts';
import { renderTable } from './table.ts';
import { foldYaml } from './yaml-fold.ts';
import {
  GO_TEMPLATE_FORMATS,
  goTemplateFormat,
  printWithGoTemplate,
  type GoTemplateFormat,
} from './gotemplate.ts';

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Keys in go-yaml's order at every level (keyList.Less: `a2` before `a10`), as it writes maps. */
function sortYamlKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortYamlKeys);
  if (isObj(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(goYamlKeyOrder)) if (v[k] !== undefined) out[k] = sortYamlKeys(v[k]);
    return out;
  }
  return v;
}

/** YAML as `kubectl get -o yaml` prints it (sigs.k8s.io/yaml → go-yaml v2). */
export function goYaml(value: unknown): string {
  const lib = yamlLibrary();
  // JSON is YAML too: the fallback while the library loads in the browser.
  if (!lib) return `${goJsonText(value, { indent: '  ' })}\n`;
  // Strings in go-yaml's styles (goWriteTags): `"on"`, `'''a'`, `"a\tb"`, `|2-`.
  const doc = new lib.Document(sortYamlKeys(value), { customTags: goWriteTags });
  // Written a scalar a line, then broken past 80 columns as go-yaml's emitter breaks them.
  return foldYaml(
    doc.toString({
      indent: 2,
      indentSeq: false,
      lineWidth: 0,
      singleQuote: true,
      nullStr: 'null',
    }),
  );
}

export function goJsonIndent(value: unknown): string {
  return `${goJsonText(value, { indent: '    ' })}\n`;
}

/** The `List` kubectl prints when a get returns several objects (or a list query). */
export function asList(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export type OutputFormat =
  | { type: 'table'; wide: boolean }
  | { type: 'yaml' | 'json' | 'name' }
  | {
      type: 'jsonpath';
      template: string;
      asJson?: boolean;
      /** `--allow-missing-template-keys=false`: a field no object has is an error. */
      strict?: boolean;
    }
  | {
      type: 'custom-columns';
      columns: { header: string; expr: string }[];
      /** get's --no-headers, which its custom-columns printer honours too. */
      noHeaders?: boolean;
    }
  | GoTemplateFormat;

/** As cli-runtime's NoCompatiblePrinterError joins them: sorted, with bare commas. */
const allowedFormats =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

const UNSIMULATED_FORMATS = ['jsonpath-file', 'custom-columns-file'];

/**
 * Parses `-o`; throws kubectl's errors for unknown formats and bad specs. `files` are the
 * scenario's files, which `-o go-template-file=NAME` reads.
 */
export function parseOutput(o: string | undefined, files?: ReadonlyMap<string, string>): OutputFormat {
  if (o === undefined || o === '') return { type: 'table', wide: false };
  if (o === 'wide') return { type: 'table', wide: true };
  // The JSON, YAML and name printers read their format in any case; the others, as written.
  const lower = o.toLowerCase();
  if (lower === 'yaml' || lower === 'json' || lower === 'name') return { type: lower };
  const eq = o.indexOf('=');
  const name = eq >= 0 ? o.slice(0, eq) : o;
  const arg = eq >= 0 ? o.slice(eq + 1) : '';
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (!arg) throw new KubectlError('template format specified but no template given');
    try {
      executeTemplate(arg, {});
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      if (!e.atRun) throw new KubectlError(`error parsing jsonpath ${arg}, ${e.message}`);
    }
    return name === 'jsonpath'
      ? { type: 'jsonpath', template: arg }
      : { type: 'jsonpath', template: arg, asJson: true };
  }
  if (GO_TEMPLATE_FORMATS.includes(name)) return goTemplateFormat(name, arg, files);
  if (name === 'custom-columns') {
    if (!arg) throw new KubectlError('custom-columns format specified but no custom columns given');
    const columns = arg.split(',').map((spec) => {
      const i = spec.indexOf(':');
      if (i < 0)
        throw new KubectlError(`unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>`);
      let expr = spec.slice(i + 1);
      // RelaxedJSONPathExpression: `.a.b` or `a.b` or `{.a.b}`; an empty one stays empty, a
      // template of no nodes, which finds nothing (`<none>`).
      if (expr && !expr.startsWith('{')) expr = `{${expr.startsWith('.') ? '' : '.'}${expr}}`;
      try {
        selectValues(expr, {});
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(e.message);
        throw e;
      }
      return { header: spec.slice(0, i), expr };
    });
    return { type: 'custom-columns', columns };
  }
  // Formats kubectl has and the simulator does not: said plainly, not as formats kubectl lacks.
  if (UNSIMULATED_FORMATS.includes(name))
    throw new KubectlError(
      `-o ${name} is not simulated in Rollout Lab: use -o jsonpath or -o custom-columns`,
    );
  throw new KubectlError(
    `unable to match a printer suitable for the output format "${o}", allowed formats are: ${allowedFormats}`,
  );
}

/** Prints objects in a non-table format. `single` means one object was asked for by name. */
export function printObjects(
  format: OutputFormat,
  shown: KubeObject[],
  single: boolean,
  /** As the server encodes them; false for objects kubectl holds as it read them (a client dry run). */
  encoded = true,
): string {
  const objects = encoded ? shown.map(apiEncode) : shown;
  const data: unknown = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.type) {
    case 'yaml':
      return goYaml(data);
    case 'json':
      return goJsonIndent(data);
    case 'name':
      return objects
        .map((o) => {
          const info = resourceForKind(o.kind);
          return `${info ? kindSlashName(info, o.metadata.name) : `${o.kind.toLowerCase()}/${o.metadata.name}`}\n`;
        })
        .join('');
    case 'jsonpath': {
      const plain = JSON.parse(JSON.stringify(data)) as unknown;
      try {
        return withMissingKeys(!format.strict, () =>
          // jsonpath-as-json: what each part found, as a JSON array (MarshalIndent, four spaces).
          format.asJson
            ? templateValues(format.template, plain)
                .map((group) => `${goJsonText(group, { indent: '    ' })}\n`)
                .join('')
            : executeTemplate(format.template, plain),
        );
      } catch (e) {
        // The JSONPath printer's error, with what it was given, as kubectl prints it to debug by.
        if (e instanceof JsonPathError)
          throw new KubectlError(
            `error executing jsonpath ${goQuote(format.template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${format.template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(plain)}\n\n`,
          );
        throw e;
      }
    }
    case 'go-template': {
      // The template sees the object as JSON decoded into interface{} values.
      const plain = JSON.parse(JSON.stringify(data)) as unknown;
      return printWithGoTemplate(format, plain, goJsonText(plain));
    }
    case 'custom-columns': {
      const lines = format.noHeaders ? [] : [format.columns.map((c) => c.header)];
      // One budget for the whole table (see JSONPATH_BUDGET).
      resetJsonPathBudget();
      try {
        for (const o of objects) {
          const plain = JSON.parse(JSON.stringify(o)) as unknown;
          lines.push(
            format.columns.map((c) => {
              const values = c.expr ? selectValues(c.expr, plain, false) : [];
              return values.length ? values.map(goPrintValue).join(',') : '<none>';
            }),
          );
        }
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(e.message);
        throw e;
      }
      return renderTable(lines);
    }
    case 'table':
      return '';
  }
}

/** The formats of genericclioptions.PrintFlags (commands that print the objects they change). */
const objectFormats = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
];

/**
 * genericclioptions.PrintFlags, as a command that prints objects lists them in its help (read
 * with printFlagsOutput). `--show-managed-fields` keeps nothing more here: the simulated API
 * server records no managedFields, so objects print the same with it as without it.
 */
export const PRINT_FLAGS: FlagSpec[] = [
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    default: true,
    help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
  },
  {
    name: 'show-managed-fields',
    type: 'bool',
    help: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  },
  {
    name: 'template',
    type: 'string',
    help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
  },
];

/**
 * Parses `-o` of a command that prints objects rather than tables (rollout, create deployment,
 * expose, scale…): undefined for the default `kind/name verb` line.
 */
export function parseObjectOutput(
  o: string | undefined,
  files?: ReadonlyMap<string, string>,
): OutputFormat | undefined {
  if (o === undefined || o === '') return undefined;
  const eq = o.indexOf('=');
  if (!objectFormats.includes(eq >= 0 ? o.slice(0, eq) : o))
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${o}", allowed formats are: ${objectFormats.join(',')}`,
    );
  return parseOutput(o, files);
}

/** The formats whose template (or its file) `--template` gives. */
const TEMPLATE_FORMATS = [
  'go-template',
  'go-template-file',
  'template',
  'templatefile',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
];

/**
 * The printer PrintFlags.ToPrinter makes of `-o`, `--template` and `--allow-missing-template-keys`
 * for a command that prints objects (undefined: its own `kind/name verb` line). A `--template`
 * without `-o` means `-o go-template`; with a template format (`-o jsonpath`) it is the template
 * (or its file); beside a format that carries its own (`-o jsonpath=…`) no printer takes it.
 */
export function printFlagsOutput(
  args: ParsedArgs,
  files?: ReadonlyMap<string, string>,
): OutputFormat | undefined {
  return withTemplateFlags(args, (o) => parseObjectOutput(o, files), objectFormats.join(','));
}

/** printFlagsOutput for `get`, whose printers include its tables (the default one too). */
export function tablePrintFlagsOutput(args: ParsedArgs, files?: ReadonlyMap<string, string>): OutputFormat {
  return withTemplateFlags(args, (o) => parseOutput(o, files), allowedFormats);
}

function withTemplateFlags<T extends OutputFormat | undefined>(
  args: ParsedArgs,
  parse: (o: string | undefined) => T,
  allowed: string,
): T {
  let output = flagString(args, 'output') ?? '';
  const template = flagString(args, 'template') ?? '';
  if (template !== '') {
    if (output === '') output = 'go-template';
    if (output.includes('='))
      throw new KubectlError(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: ${allowed}`,
      );
    if (TEMPLATE_FORMATS.includes(output)) output = `${output}=${template}`;
  }
  const format = parse(output === '' ? undefined : output);
  if (
    (format?.type === 'jsonpath' || format?.type === 'go-template') &&
    !flagBool(args, 'allow-missing-template-keys', true)
  )
    return { ...format, strict: true };
  return format;
}

/**
 * kubectl's printers for objects it holds as typed Go values: YAML as for any object, JSON in the
 * structs' field order, and several objects one after another (YAML separated by `---`), not as a
 * List. One printer per command, as kubectl keeps one.
 */
export class TypedPrinter {
  private printed = 0;

  constructor(private readonly format: OutputFormat) {}

  print(shown: KubeObject): string {
    const obj = inGoOrder(apiEncode(shown));
    const first = this.printed++ === 0;
    switch (this.format.type) {
      case 'yaml':
        return `${first ? '' : '---\n'}${goYaml(obj)}`;
      case 'json':
        return `${goJsonText(obj, { indent: '    ', sort: false })}\n`;
      case 'go-template': {
        // The raw data kubectl shows when the template fails is json.Marshal of the struct.
        const plain = JSON.parse(JSON.stringify(obj)) as unknown;
        return printWithGoTemplate(this.format, plain, goJsonText(obj, { sort: false }));
      }
      default:
        return printObjects(this.format, [obj], true);
    }
  }
}
