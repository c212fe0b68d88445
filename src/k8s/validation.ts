/**
 * API-server validation, ported from kubernetes/kubernetes:
 *
 * - `pkg/apis/apps/validation/validation.go` (Deployment, ReplicaSet),
 * - `pkg/apis/core/validation/validation.go` (pod spec, pod template, Service), limited to the
 *   fields types.ts models,
 * - `staging/src/k8s.io/apimachinery/pkg/api/validation` (object metadata, names),
 *   `pkg/apis/meta/v1/validation` (labels, label selectors) and `pkg/util/validation` (DNS names,
 *   label keys and values, percents, ports),
 * - `pkg/util/validation/field/errors.go` for how a field error is printed,
 * - kubectl `pkg/cmd/util/helpers.go` (`checkErr`, `MultilineError`) for the message users see.
 *
 * Errors come out in upstream order, because kubectl prints them in that order and the first one
 * is what people read. Messages are byte-for-byte upstream's; bad values print like Go's
 * `field.Error` of the releases that render composite values with `%#v`
 * (`intstr.IntOrString{Type:0, IntVal:0, StrVal:""}`), see {@link GoValue}.
 *
 * The validators expect objects that went through defaults.ts first, as the API server defaults
 * before it validates; on undefaulted objects they report what defaulting would have filled in.
 */
import { selectorMatches } from './labels.ts';
import { canonicalQuantity, parseQuantity } from './quantity.ts';
import type {
  Container,
  ContainerPort,
  Deployment,
  DeploymentSpec,
  DeploymentStrategy,
  IntOrString,
  KubeObject,
  LabelSelector,
  LabelSelectorRequirement,
  NodeObject,
  ObjectMeta,
  OwnerReference,
  Pod,
  PodDisruptionBudget,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  ReplicaSetSpec,
  RollingUpdateDeployment,
  Service,
  ServicePort,
  Taint,
} from './types.ts';

// =============================================================================================
// Field errors (k8s.io/apimachinery/pkg/util/validation/field)

/** field.ErrorType, as its String() prints it. */
export type FieldErrorType =
  | 'Invalid value'
  | 'Required value'
  | 'Unsupported value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Too long'
  | 'Not found';

/** field.Error: `field` is the rendered path (`spec.template.spec.containers[0].name`). */
export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail: string;
}

/**
 * A bad value Go would print with `%#v` (structs, maps, IntOrString). JSON values cannot tell an
 * IntOrString 0 from an int 0, so validators wrap such values; `value` keeps the JSON value.
 */
export class GoValue {
  constructor(
    readonly value: unknown,
    readonly goSyntax: string,
  ) {}

  toString(): string {
    return this.goSyntax;
  }
}

/** field.Error.Error(): `<field>: <ErrorBody()>`. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** field.Error.ErrorBody(): Required, Forbidden and Too long never print the value. */
function errorBody(e: FieldError): string {
  const valueless = e.type === 'Required value' || e.type === 'Forbidden' || e.type === 'Too long';
  const body = valueless ? e.type : `${e.type}: ${formatBadValue(e.badValue)}`;
  return e.detail === '' ? body : `${body}: ${e.detail}`;
}

/** ErrorBody's value switch: nil → null, numbers and bools plain, strings %q, the rest %#v. */
function formatBadValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (v instanceof GoValue) return v.goSyntax;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return goStringSlice(v);
  return JSON.stringify(v) ?? 'null';
}

function invalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'Invalid value', field, badValue, detail };
}

function required(field: string, detail = ''): FieldError {
  return { type: 'Required value', field, detail };
}

function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail };
}

function duplicate(field: string, badValue: unknown): FieldError {
  return { type: 'Duplicate value', field, badValue, detail: '' };
}

function tooLong(field: string, maxLength: number): FieldError {
  return { type: 'Too long', field, detail: `must have at most ${maxLength} bytes` };
}

/** field.NotSupported: the detail lists the valid values quoted, in the order given. */
function notSupported(field: string, badValue: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return { type: 'Unsupported value', field, badValue, detail };
}

/** One Invalid error per message, as upstream's `for _, msg := range IsXxx(v)` loops produce. */
function invalidEach(field: string, badValue: unknown, messages: readonly string[]): FieldError[] {
  return messages.map((msg) => invalid(field, badValue, msg));
}

// =============================================================================================
// The error kubectl prints (k8s.io/apimachinery/pkg/api/errors.NewInvalid + kubectl checkErr)

/** An API `Invalid` (422) status error, with the message `kubectl` prints for it. */
export class ValidationError extends Error {
  override readonly name: string = 'ValidationError';

  /**
   * The error as kubectl lists it among several (MultipleErrors): the API server's Status
   * message with the source kubectl added (`Error from server (Invalid): error when creating
   * "STDIN": Deployment.apps "x" is invalid: …`). Set where the request is known.
   */
  listed?: string;

  constructor(
    readonly kind: string,
    readonly objectName: string,
    readonly causes: FieldError[],
  ) {
    super(invalidMessage(kind, objectName, causes));
  }
}

/**
 * errors.NewInvalid's message: `<Kind>.<group> "<name>" is invalid: ` and the causes as
 * ErrorList.ToAggregate prints them (duplicates dropped; several in brackets, comma-separated).
 */
export function servedInvalidMessage(
  kind: string,
  group: string,
  name: string,
  causes: readonly FieldError[],
): string {
  const lines = [...new Set(causes.map(formatFieldError))];
  const aggregate = lines.length === 1 ? lines[0]! : `[${lines.join(', ')}]`;
  return `${group ? `${kind}.${group}` : kind} ${goQuote(name)} is invalid: ${aggregate}`;
}

export function invalidError(kind: string, name: string, causes: FieldError[]): ValidationError {
  return new ValidationError(kind, name, causes);
}

/**
 * kubectl's checkErr for an Invalid status: `The <Kind> "<name>" is invalid` and the causes
 * (duplicates dropped, as statusCausesToAggrError does) through MultilineError: one cause on the
 * same line, several as `* cause` lines after a line break. kubectl ends the text with a newline
 * when it prints it; the message here leaves that newline out.
 */
function invalidMessage(kind: string, name: string, causes: readonly FieldError[]): string {
  const prefix = `The ${kind} ${goQuote(name)} is invalid`;
  const lines = [...new Set(causes.map(formatFieldError))];
  if (lines.length === 0) return prefix;
  if (lines.length === 1) return `${prefix}: ${lines[0]}`;
  return `${prefix}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
}

// =============================================================================================
// Go value rendering (fmt %q / %#v), for bad values

/** strconv.Quote: printable characters as is, the rest escaped Go style. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch);
  return `${out}"`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function quoteRune(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short !== undefined) return short;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  if ((code >= 0x80 && code < 0xa0) || code === 0xad || code === 0xfeff || (code >= 0xd800 && code < 0xe000))
    return `\\u${code.toString(16).padStart(4, '0')}`;
  return ch;
}

function goStringSlice(values: readonly string[] | undefined): string {
  if (values === undefined) return '[]string(nil)';
  return `[]string{${values.map(goQuote).join(', ')}}`;
}

/** %#v of a map[string]string: keys sorted (fmt sorts maps), nil prints as `(nil)`. */
function goStringMap(m: Record<string, string> | undefined): string {
  if (m === undefined) return 'map[string]string(nil)';
  const entries = Object.keys(m)
    .sort(compareStrings)
    .map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`);
  return `map[string]string{${entries.join(', ')}}`;
}

function goIntOrStringSyntax(v: IntOrString | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

/** An IntOrString bad value; unset is the zero IntOrString (an int 0), as in the internal types. */
export function goIntOrString(v: IntOrString | undefined): GoValue {
  return new GoValue(v, goIntOrStringSyntax(v));
}

/** A `map[string]string` bad value (template labels). */
export function goLabels(m: Record<string, string> | undefined): GoValue {
  return new GoValue(m, goStringMap(m));
}

/** A `*metav1.LabelSelector` bad value: the pointer is dereferenced, so it prints as the struct. */
export function goLabelSelector(s: LabelSelector | undefined): GoValue {
  if (s === undefined) return new GoValue(s, 'null');
  const exprs = s.matchExpressions;
  const exprSyntax =
    exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs.map(goRequirement).join(', ')}}`;
  return new GoValue(
    s,
    `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprSyntax}}`,
  );
}

function goRequirement(r: LabelSelectorRequirement): string {
  return `v1.LabelSelectorRequirement{Key:${goQuote(r.key)}, Operator:${goQuote(r.operator)}, Values:${goStringSlice(r.values)}}`;
}

/**
 * A `*apps.DeploymentStrategy` bad value. Go prints a set rollingUpdate pointer as a heap address,
 * which cannot be reproduced; a fixed plausible address stands in for it.
 */
function goDeploymentStrategy(s: DeploymentStrategy | undefined): GoValue {
  const rollingUpdate = s?.rollingUpdate == null ? 'nil' : '0xc000a2c0f0';
  return new GoValue(
    s,
    `apps.DeploymentStrategy{Type:${goQuote(s?.type ?? '')}, RollingUpdate:(*apps.RollingUpdateDeployment)(${rollingUpdate})}`,
  );
}

/** The core.ServicePort map key ValidateService reports duplicate (protocol, port) pairs with. */
function goServicePortKey(protocol: string, port: number): GoValue {
  return new GoValue(
    { protocol, port },
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:${goIntOrStringSyntax(0)}, NodePort:0}`,
  );
}

// =============================================================================================
// Format checks (k8s.io/apimachinery/pkg/util/validation): each returns upstream's messages

/** RegexError: `msg (e.g. 'a',  or 'b', regex used for validation is 'fmt')` (double space and all). */
function regexError(msg: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${format}')`;
  const shown = examples.map((e, i) => `${i > 0 ? ' or ' : ''}'${e}', `).join('');
  return `${msg} (e.g. ${shown}regex used for validation is '${format}')`;
}

const maxLenError = (length: number): string => `must be no more than ${length} characters`;
const EMPTY_ERROR = 'must be non-empty';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);
const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_FMT}$`);
const QUALIFIED_NAME_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = new RegExp(`^${PERCENT_FMT}$`);
const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_RE = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

/** IsDNS1123Label: container names, port names, namespaces. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    errs.push(
      DNS1123_SUBDOMAIN_RE.test(value)
        ? 'must not contain dots'
        : regexError(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            DNS1123_LABEL_FMT,
            'my-name',
            '123-abc',
          ),
    );
  }
  return errs;
}

/** IsDNS1123Subdomain: names of Deployments, ReplicaSets, Pods and nodes. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        'example.com',
      ),
    );
  }
  return errs;
}

/** IsDNS1035Label: Service names. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value)) {
    errs.push(
      regexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
        DNS1035_LABEL_FMT,
        'my-name',
        'abc-123',
      ),
    );
  }
  return errs;
}

/** IsQualifiedName: label keys and (lower-cased) annotation keys, `[prefix/]name`. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  if (parts.length > 2) {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  const name = parts.length === 2 ? (parts[1] ?? '') : value;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix === '') errs.push(`prefix part ${EMPTY_ERROR}`);
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  }
  if (name === '') errs.push(`name part ${EMPTY_ERROR}`);
  else if (utf8Length(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QUALIFIED_NAME_RE.test(name)) {
    errs.push(
      `name part ${regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`,
    );
  }
  return errs;
}

/** IsValidLabelValue: empty, or up to 63 characters shaped like a qualified name. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

/** IsValidPercent: `<digits>%` only; no sign, no fraction. */
export function isValidPercent(value: string): string[] {
  if (PERCENT_RE.test(value)) return [];
  return [
    regexError(
      "a valid percent string must be a numeric string followed by an ending '%'",
      PERCENT_FMT,
      '1%',
      '93%',
    ),
  ];
}

/** IsValidPortNum. */
function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** IsValidPortName (IANA_SVC_NAME): what a named port or a targetPort string must look like. */
function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8Length(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsEnvVarName (the strict rule; RelaxedEnvironmentVariableValidation off). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME_RE.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

// =============================================================================================
// Small shared validators

const NEGATIVE_MSG = 'must be greater than or equal to 0';
const IMMUTABLE_MSG = 'field is immutable';

/** ValidateNonnegativeField. Unset numbers are the Go zero value, 0. */
function nonNegative(value: number | undefined, field: string): FieldError[] {
  return (value ?? 0) < 0 ? [invalid(field, value, NEGATIVE_MSG)] : [];
}

/** A validateXxxName function: the messages for `name`, `prefix` true for a generateName. */
export type NameValidator = (name: string, prefix: boolean) => string[];

/** NameIsDNSSubdomain, with maskTrailingDash for generateName prefixes. */
export const nameIsDNSSubdomain: NameValidator = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** NameIsDNS1035Label (Service names). */
export const nameIsDNS1035Label: NameValidator = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** maskTrailingDash, including its quirk of dropping two characters before adding the "a". */
function maskTrailingDash(name: string): string {
  return name.endsWith('-') ? `${name.slice(0, Math.max(0, name.length - 2))}a` : name;
}

/** ValidateLabels: every key a qualified name, every value a label value (in the map's order). */
export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...invalidEach(field, k, isQualifiedName(k)), ...invalidEach(field, v, isValidLabelValue(v)));
  }
  return errs;
}

/** ValidateAnnotations: keys are qualified names ignoring case; all of them together at most 256 KiB. */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...invalidEach(field, k, isQualifiedName(k.toLowerCase())));
    size += utf8Length(k) + utf8Length(v);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** ValidateImmutableField with apiequality.Semantic: unset and empty maps/lists count as equal. */
function immutable(newValue: unknown, oldValue: unknown, field: string, badValue: unknown): FieldError[] {
  return semanticEqual(newValue, oldValue) ? [] : [invalid(field, badValue, IMMUTABLE_MSG)];
}

// =============================================================================================
// ObjectMeta (k8s.io/apimachinery/pkg/api/validation/objectmeta.go)

/**
 * ValidateObjectMeta on create: name required (`name or generateName is required`) and valid for
 * the kind, generateName, generation, labels, annotations, owner references. A missing namespace
 * is not reported: the API server takes it from the request before validating.
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  fieldPrefix = 'metadata',
  nameRule: NameValidator = nameIsDNSSubdomain,
): FieldError[] {
  const m: Partial<ObjectMeta> = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    errs.push(...invalidEach(`${fieldPrefix}.generateName`, m.generateName, nameRule(m.generateName, true)));
  }
  if (!m.name) errs.push(required(`${fieldPrefix}.name`, 'name or generateName is required'));
  else errs.push(...invalidEach(`${fieldPrefix}.name`, m.name, nameRule(m.name, false)));
  if (m.namespace)
    errs.push(...invalidEach(`${fieldPrefix}.namespace`, m.namespace, isDNS1123Label(m.namespace)));
  errs.push(...validateObjectMetaCommon(m, fieldPrefix));
  return errs;
}

/** The part of ValidateObjectMeta that updates re-check too. */
function validateObjectMetaCommon(m: Partial<ObjectMeta>, fieldPrefix: string): FieldError[] {
  return [
    ...nonNegative(m.generation, `${fieldPrefix}.generation`),
    ...validateLabels(m.labels, `${fieldPrefix}.labels`),
    ...validateAnnotations(m.annotations, `${fieldPrefix}.annotations`),
    ...validateOwnerReferences(m.ownerReferences, `${fieldPrefix}.ownerReferences`),
  ];
}

/**
 * ValidateObjectMetaUpdate, reduced to what a simulator's callers can get wrong: the name may not
 * change, and labels, annotations and owner references must still be valid.
 */
function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  return [
    ...immutable(meta.name, old.name, 'metadata.name', meta.name),
    ...validateObjectMetaCommon(meta, 'metadata'),
  ];
}

/** ValidateOwnerReferences: each reference complete, at most one controller. */
function validateOwnerReferences(refs: OwnerReference[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, field));
    if (ref.controller !== true) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (firstController === '') firstController = current;
    else
      errs.push(
        invalid(
          field,
          refs,
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
        ),
      );
  }
  return errs;
}

function validateOwnerReference(ref: OwnerReference, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (apiVersionVersion(ref.apiVersion ?? '') === '')
    errs.push(invalid(`${field}.apiVersion`, ref.apiVersion, 'version must not be empty'));
  if (!ref.kind) errs.push(invalid(`${field}.kind`, ref.kind ?? '', 'must not be empty'));
  if (!ref.name) errs.push(invalid(`${field}.name`, ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(invalid(`${field}.uid`, ref.uid ?? '', 'must not be empty'));
  return errs;
}

/** The version of an apiVersion (schema.ParseGroupVersion): "" when it does not parse. */
function apiVersionVersion(apiVersion: string): string {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return parts[0] ?? '';
  return parts.length === 2 ? (parts[1] ?? '') : '';
}

// =============================================================================================
// Label selectors (k8s.io/apimachinery/pkg/apis/meta/v1/validation)

/** ValidateLabelSelector with AllowInvalidLabelValueInSelector off, as Deployments and ReplicaSets use it. */
function validateLabelSelector(selector: LabelSelector, field: string): FieldError[] {
  const errs = validateLabels(selector.matchLabels, `${field}.matchLabels`);
  (selector.matchExpressions ?? []).forEach((req, i) => {
    errs.push(...validateLabelSelectorRequirement(req, `${field}.matchExpressions[${i}]`));
  });
  return errs;
}

function validateLabelSelectorRequirement(req: LabelSelectorRequirement, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(required(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0)
        errs.push(
          forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      break;
    default:
      errs.push(invalid(`${field}.operator`, req.operator, 'not a valid selector operator'));
  }
  errs.push(...invalidEach(`${field}.key`, req.key, isQualifiedName(req.key ?? '')));
  values.forEach((v, i) => errs.push(...invalidEach(`${field}.values[${i}]`, v, isValidLabelValue(v))));
  return errs;
}

/**
 * metav1.LabelSelectorAsSelector fails exactly when a requirement is malformed, i.e. when the
 * strict selector validation above finds something; a nil selector converts to "nothing".
 */
function selectorConverts(selector: LabelSelector | undefined): boolean {
  return selector === undefined || validateLabelSelector(selector, '').length === 0;
}

function selectorHasRequirements(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length > 0;
}

// =============================================================================================
// Pod spec (pkg/apis/core/validation)

/**
 * ValidatePodSpec for the fields types.ts models, in upstream order: terminationGracePeriodSeconds,
 * containers, restartPolicy, dnsPolicy, nodeName, activeDeadlineSeconds.
 */
export function validatePodSpec(spec: PodSpec | undefined, field: string): FieldError[] {
  const s: Partial<PodSpec> = spec ?? {};
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds == null) errs.push(required(`${field}.terminationGracePeriodSeconds`));
  errs.push(...validateContainers(s.containers, `${field}.containers`));
  errs.push(...validateRestartPolicy(s.restartPolicy ?? '', `${field}.restartPolicy`));
  errs.push(...validateDNSPolicy(s.dnsPolicy ?? '', `${field}.dnsPolicy`));
  if (s.nodeName) errs.push(...invalidEach(`${field}.nodeName`, s.nodeName, isDNS1123Subdomain(s.nodeName)));
  errs.push(...validateActiveDeadlineSeconds(s.activeDeadlineSeconds, `${field}.activeDeadlineSeconds`));
  return errs;
}

const MAX_INT32 = 2147483647;

function validateActiveDeadlineSeconds(value: number | undefined, field: string): FieldError[] {
  if (value == null || (value >= 1 && value <= MAX_INT32)) return [];
  return [invalid(field, value, `must be between 1 and ${MAX_INT32}, inclusive`)];
}

/** validateRestartPolicy: what a Pod accepts; templates of ReplicaSets narrow it to Always. */
function validateRestartPolicy(policy: string, field: string): FieldError[] {
  return validateEnum(policy, field, ['Always', 'OnFailure', 'Never']);
}

function validateDNSPolicy(policy: string, field: string): FieldError[] {
  return validateEnum(policy, field, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']);
}

/** The common `case "": Required; default: NotSupported` switch. */
function validateEnum(value: string, field: string, valid: readonly string[]): FieldError[] {
  if (value === '') return [required(field)];
  return valid.includes(value) ? [] : [notSupported(field, value, valid)];
}

/** validateContainers: at least one, each valid, names unique, probes valid. */
function validateContainers(containers: Container[] | undefined, field: string): FieldError[] {
  if (!containers || containers.length === 0) return [required(field)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const path = `${field}[${i}]`;
    errs.push(...validateContainerCommon(c, path));
    // A name left out is Go's "", as the API server decodes it.
    const name = c.name ?? '';
    if (names.has(name)) errs.push(duplicate(`${path}.name`, name));
    else names.add(name);
    errs.push(...validateLivenessProbe(c.livenessProbe, `${path}.livenessProbe`));
    errs.push(...validateProbe(c.readinessProbe, `${path}.readinessProbe`));
  });
  return errs;
}

/** validateContainerCommon: name, image, terminationMessagePolicy, ports, env, imagePullPolicy. */
function validateContainerCommon(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(`${path}.name`));
  else errs.push(...invalidEach(`${path}.name`, c.name, isDNS1123Label(c.name)));
  if (!c.image) errs.push(required(`${path}.image`));
  errs.push(
    ...validateEnum(c.terminationMessagePolicy ?? '', `${path}.terminationMessagePolicy`, [
      'File',
      'FallbackToLogsOnError',
    ]),
  );
  errs.push(...validateContainerPorts(c.ports, `${path}.ports`));
  errs.push(...validateEnv(c.env, `${path}.env`));
  errs.push(
    ...validateEnum(c.imagePullPolicy ?? '', `${path}.imagePullPolicy`, ['Always', 'IfNotPresent', 'Never']),
  );
  errs.push(...validateResourceRequirements(c.resources, `${path}.resources`));
  return errs;
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * ValidateContainerResourceRequirements: resource names a container may ask for, quantities not
 * negative, and each request at most its limit (`must be less than or equal to cpu limit of 1`).
 * Upstream walks Go maps, whose order is random; the keys here are sorted.
 */
function validateResourceRequirements(r: Container['resources'], field: string): FieldError[] {
  const errs: FieldError[] = [];
  const check = (name: string, q: string, path: string) => {
    if (!STANDARD_CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-') && !name.includes('/'))
      errs.push(invalid(path, name, 'must be a standard resource type or fully qualified'));
    if (parseQuantity(q) < 0) errs.push(invalid(path, canonicalQuantity(String(q)), NEGATIVE_MSG));
  };
  const limits = r?.limits ?? {};
  const requests = r?.requests ?? {};
  for (const name of Object.keys(limits).sort()) check(name, limits[name]!, `${field}.limits[${name}]`);
  for (const name of Object.keys(requests).sort()) {
    const q = requests[name]!;
    check(name, q, `${field}.requests[${name}]`);
    const limit = limits[name];
    if (limit !== undefined && parseQuantity(q) > parseQuantity(limit))
      errs.push(
        invalid(
          `${field}.requests`,
          canonicalQuantity(String(q)),
          `must be less than or equal to ${name} limit of ${canonicalQuantity(String(limit))}`,
        ),
      );
  }
  return errs;
}

/** validateContainerPorts: names unique IANA service names, containerPort 1-65535, protocol known. */
function validateContainerPorts(ports: ContainerPort[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    const path = `${field}[${i}]`;
    if (p.name) {
      const msgs = isValidPortName(p.name);
      if (msgs.length) errs.push(...invalidEach(`${path}.name`, p.name, msgs));
      else if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      else names.add(p.name);
    }
    if (!p.containerPort) errs.push(required(`${path}.containerPort`));
    else errs.push(...invalidEach(`${path}.containerPort`, p.containerPort, isValidPortNum(p.containerPort)));
    errs.push(...validateProtocol(p.protocol, `${path}.protocol`));
  });
  return errs;
}

function validateProtocol(protocol: string | undefined, field: string): FieldError[] {
  if (!protocol) return [required(field)];
  return ['SCTP', 'TCP', 'UDP'].includes(protocol)
    ? []
    : [notSupported(field, protocol, ['SCTP', 'TCP', 'UDP'])];
}

/** ValidateEnv: every variable named, with a valid name. */
function validateEnv(env: Container['env'], field: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const path = `${field}[${i}].name`;
    if (!ev.name) errs.push(required(path));
    else errs.push(...invalidEach(path, ev.name, isEnvVarName(ev.name)));
  });
  return errs;
}

/** validateLivenessProbe: a liveness (or startup) probe must have successThreshold 1. */
function validateLivenessProbe(probe: Probe | undefined, field: string): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, field);
  if (probe.successThreshold !== 1) {
    errs.push(invalid(`${field}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

/** validateProbe: exactly one handler, then every timing field non-negative. */
function validateProbe(probe: Probe | undefined, field: string): FieldError[] {
  if (!probe) return [];
  return [
    ...validateHandler(probe, field),
    ...nonNegative(probe.initialDelaySeconds, `${field}.initialDelaySeconds`),
    ...nonNegative(probe.timeoutSeconds, `${field}.timeoutSeconds`),
    ...nonNegative(probe.periodSeconds, `${field}.periodSeconds`),
    ...nonNegative(probe.successThreshold, `${field}.successThreshold`),
    ...nonNegative(probe.failureThreshold, `${field}.failureThreshold`),
  ];
}

/** validateHandler: the first handler set is validated, any further one is forbidden. */
function validateHandler(probe: Probe, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  const visit = (name: string, present: boolean, check: () => FieldError[]): void => {
    if (!present) return;
    if (handlers++ > 0) errs.push(forbidden(`${field}.${name}`, 'may not specify more than 1 handler type'));
    else errs.push(...check());
  };
  visit('exec', probe.exec != null, () =>
    probe.exec?.command?.length ? [] : [required(`${field}.exec.command`)],
  );
  visit('httpGet', probe.httpGet != null, () => validateHTTPGet(probe.httpGet, `${field}.httpGet`));
  visit('tcpSocket', probe.tcpSocket != null, () =>
    validatePortNumOrName(probe.tcpSocket?.port, `${field}.tcpSocket.port`),
  );
  if (handlers === 0) errs.push(required(field, 'must specify a handler type'));
  return errs;
}

function validateHTTPGet(h: Probe['httpGet'], field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!h?.path) errs.push(required(`${field}.path`));
  errs.push(...validatePortNumOrName(h?.port, `${field}.port`));
  const scheme = h?.scheme ?? '';
  if (scheme !== 'HTTP' && scheme !== 'HTTPS')
    errs.push(notSupported(`${field}.scheme`, scheme, ['HTTP', 'HTTPS']));
  return errs;
}

/** ValidatePortNumOrName: a number 1-65535 or an IANA service name (a digit string is a name). */
function validatePortNumOrName(port: IntOrString | undefined, field: string): FieldError[] {
  if (typeof port === 'string') return invalidEach(field, port, isValidPortName(port));
  return invalidEach(field, port ?? 0, isValidPortNum(port ?? 0));
}

/** ValidatePodSpecificAnnotations, for the annotations the simulator gives meaning to. */
function validatePodSpecificAnnotations(
  annotations: Record<string, string> | undefined,
  spec: PodSpec | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const mirror = annotations?.[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !spec?.nodeName) {
    errs.push(
      invalid(
        `${field}[${MIRROR_POD_ANNOTATION}]`,
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  }
  const cost = annotations?.[POD_DELETION_COST];
  if (cost !== undefined && !isValidDeletionCost(cost)) {
    errs.push(invalid(`${field}[${POD_DELETION_COST}]`, cost, 'must be a 32bit integer'));
  }
  return errs;
}

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** helper.GetDeletionCostFromPodAnnotations: no "+", no leading zeros, fits in an int32. */
function isValidDeletionCost(value: string): boolean {
  if (!/^(-[0-9]+|0|[1-9][0-9]*)$/.test(value)) return false;
  const n = Number(value);
  return n >= -2147483648 && n <= MAX_INT32;
}

/** ValidatePodTemplateSpec: template labels are reported under `<template>.labels`, as upstream does. */
function validatePodTemplateSpec(template: PodTemplateSpec, field: string): FieldError[] {
  const meta = template.metadata ?? {};
  return [
    ...validateLabels(meta.labels, `${field}.labels`),
    ...validateAnnotations(meta.annotations, `${field}.annotations`),
    ...validatePodSpecificAnnotations(meta.annotations, template.spec, `${field}.annotations`),
    ...validatePodSpec(template.spec, `${field}.spec`),
  ];
}

/**
 * ValidatePodTemplateSpecForReplicaSet: the selector must select the template's labels, the pod
 * template must be valid, restartPolicy must be Always and activeDeadlineSeconds unset.
 */
function validatePodTemplateForReplicaSet(
  template: PodTemplateSpec | undefined,
  selector: LabelSelector | undefined,
  field: string,
): FieldError[] {
  if (!template) return [required(field)];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels;
  // A nil selector converts to labels.Nothing(), which is not "empty" and matches nothing.
  const selectsEverything = selector !== undefined && !selectorHasRequirements(selector);
  if (!selectsEverything && !selectorMatches(selector, labels)) {
    errs.push(
      invalid(`${field}.metadata.labels`, goLabels(labels), '`selector` does not match template `labels`'),
    );
  }
  errs.push(...validatePodTemplateSpec(template, field));
  const restartPolicy = template.spec?.restartPolicy ?? '';
  if (restartPolicy !== 'Always')
    errs.push(notSupported(`${field}.spec.restartPolicy`, restartPolicy, ['Always']));
  if (template.spec?.activeDeadlineSeconds != null) {
    errs.push(
      forbidden(
        `${field}.spec.activeDeadlineSeconds`,
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    );
  }
  return errs;
}

// =============================================================================================
// Shared by Deployment and ReplicaSet specs

/**
 * The selector block of ValidateDeploymentSpec / ValidateReplicaSetSpec: required, strictly
 * valid, not empty; then the template, unless the selector does not even convert.
 */
function validateSelectorAndTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  if (selector === undefined) {
    errs.push(required('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (!selectorHasRequirements(selector)) {
      // Upstream's ReplicaSet validation reuses the Deployment message word for word.
      errs.push(
        invalid('spec.selector', goLabelSelector(selector), 'empty selector is invalid for deployment'),
      );
    }
  }
  if (!selectorConverts(selector)) {
    errs.push(invalid('spec.selector', goLabelSelector(selector), 'invalid label selector'));
  } else {
    errs.push(...validatePodTemplateForReplicaSet(template, selector, 'spec.template'));
  }
  return errs;
}

/** The registry strategies' update rule for apps/v1: `spec.selector` may never change. */
function selectorImmutable(
  selector: LabelSelector | undefined,
  old: LabelSelector | undefined,
): FieldError[] {
  return immutable(selector, old, 'spec.selector', goLabelSelector(selector));
}

// =============================================================================================
// Deployment (pkg/apis/apps/validation)

/**
 * ValidateDeployment (or, given `old`, ValidateDeploymentUpdate plus the apps/v1 strategy's
 * selector immutability, which comes last).
 */
export function validateDeployment(d: Deployment, old?: Deployment): FieldError[] {
  const meta = old ? validateObjectMetaUpdate(d.metadata, old.metadata) : validateObjectMeta(d.metadata);
  const errs = [...meta, ...validateDeploymentSpec(d.spec)];
  if (old) errs.push(...selectorImmutable(d.spec?.selector, old.spec?.selector));
  return errs;
}

/**
 * ValidateDeploymentSpec, in upstream order: replicas, selector, template, strategy,
 * minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds.
 */
function validateDeploymentSpec(spec: DeploymentSpec | undefined): FieldError[] {
  const s: Partial<DeploymentSpec> = spec ?? {};
  return [
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(s.selector, s.template),
    ...validateDeploymentStrategy(s.strategy, 'spec.strategy'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...(s.revisionHistoryLimit != null
      ? nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit')
      : []),
    ...validateProgressDeadline(s.progressDeadlineSeconds, s.minReadySeconds ?? 0),
  ];
}

/**
 * progressDeadlineSeconds, when set, is non-negative and strictly greater than minReadySeconds
 * (a negative value gets both errors, as upstream).
 */
function validateProgressDeadline(deadline: number | undefined, minReadySeconds: number): FieldError[] {
  if (deadline == null) return [];
  const errs = nonNegative(deadline, 'spec.progressDeadlineSeconds');
  if (deadline <= minReadySeconds) {
    errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return errs;
}

/** ValidateDeploymentStrategy: Recreate without rollingUpdate, RollingUpdate with a valid one. */
function validateDeploymentStrategy(strategy: DeploymentStrategy | undefined, field: string): FieldError[] {
  const rollingUpdate = strategy?.rollingUpdate ?? undefined;
  switch (strategy?.type) {
    case 'Recreate':
      return rollingUpdate
        ? [forbidden(`${field}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")]
        : [];
    case 'RollingUpdate':
      return rollingUpdate
        ? validateRollingUpdateDeployment(rollingUpdate, `${field}.rollingUpdate`)
        : [required(`${field}.rollingUpdate`, 'this should be defaulted and never be nil')];
    default:
      return [notSupported(field, goDeploymentStrategy(strategy), ['Recreate', 'RollingUpdate'])];
  }
}

/**
 * ValidateRollingUpdateDeployment: each field a non-negative int or a valid percent; not both
 * zero (the literal values: 0 and "0%", and strings that are not numbers count as 0, even
 * though "1%" of a small deployment rounds down to 0 pods); maxUnavailable at most 100%.
 */
function validateRollingUpdateDeployment(ru: RollingUpdateDeployment, field: string): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${field}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${field}.maxSurge`),
  ];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(
      invalid(
        `${field}.maxUnavailable`,
        goIntOrString(ru.maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${field}.maxUnavailable`));
  return errs;
}

/** ValidatePositiveIntOrPercent: strings must be `<digits>%`, ints must be >= 0. */
function validatePositiveIntOrPercent(v: IntOrString | undefined, field: string): FieldError[] {
  if (typeof v === 'string') return invalidEach(field, goIntOrString(v), isValidPercent(v));
  return nonNegative(v, field);
}

/** IsNotMoreThan100Percent: only valid percent strings are checked. */
function notMoreThan100Percent(v: IntOrString | undefined, field: string): FieldError[] {
  const percent = percentValue(v);
  return percent !== undefined && percent > 100
    ? [invalid(field, goIntOrString(v), 'must not be greater than 100%')]
    : [];
}

/** getPercentValue: the number of a valid percent string, else undefined. */
function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return Number(v.slice(0, -1));
}

/**
 * getIntOrPercentValue: a percent's number, an int as is, otherwise IntOrString.IntValue(), which
 * for a string is strconv.Atoi with the error ignored: "5" is 5, "20Percent" is 0.
 */
function intOrPercentValue(v: IntOrString | undefined): number {
  const percent = percentValue(v);
  if (percent !== undefined) return percent;
  if (typeof v === 'string') return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
  return v ?? 0;
}

// =============================================================================================
// ReplicaSet

/** ValidateReplicaSet (or ValidateReplicaSetUpdate plus the apps/v1 selector immutability). */
export function validateReplicaSet(rs: ReplicaSet, old?: ReplicaSet): FieldError[] {
  const meta = old ? validateObjectMetaUpdate(rs.metadata, old.metadata) : validateObjectMeta(rs.metadata);
  const errs = [...meta, ...validateReplicaSetSpec(rs.spec)];
  if (old) errs.push(...selectorImmutable(rs.spec?.selector, old.spec?.selector));
  return errs;
}

/** ValidateReplicaSetSpec: replicas and minReadySeconds first, then selector and template. */
function validateReplicaSetSpec(spec: ReplicaSetSpec | undefined): FieldError[] {
  const s: Partial<ReplicaSetSpec> = spec ?? {};
  return [
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(s.selector, s.template),
  ];
}

// =============================================================================================
// Pod

/** ValidatePodCreate for the modelled fields: metadata, pod annotations, spec, image whitespace. */
export function validatePod(p: Pod): FieldError[] {
  const errs = [
    ...validateObjectMeta(p.metadata),
    ...validatePodSpecificAnnotations(p.metadata?.annotations, p.spec, 'metadata.annotations'),
    ...validatePodSpec(p.spec, 'spec'),
  ];
  (p.spec?.containers ?? []).forEach((c, i) => {
    if (typeof c.image === 'string' && c.image !== c.image.trim()) {
      errs.push(
        invalid(`spec.containers[${i}].image`, c.image, 'must not have leading or trailing whitespace'),
      );
    }
  });
  return errs;
}

// =============================================================================================
// Service

type ServiceSpec = Service['spec'];

/**
 * ValidateService for the modelled fields. Given `old`, ValidateServiceUpdate: the name and the
 * allocated cluster IPs may not change, then everything ValidateService checks on create (so an
 * invalid label is reported twice, as upstream does; kubectl's message drops the repeat).
 */
export function validateService(s: Service, old?: Service): FieldError[] {
  const update = old
    ? [...validateObjectMetaUpdate(s.metadata, old.metadata), ...validateClusterIPsUpdate(s.spec, old.spec)]
    : [];
  return [
    ...update,
    ...validateObjectMeta(s.metadata, 'metadata', nameIsDNS1035Label),
    ...validateServiceSpec(s.spec ?? {}),
  ];
}

function validateServiceSpec(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  const headless = isHeadless(spec);
  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(required('spec.ports'));
  if (headless && (spec.type === 'LoadBalancer' || spec.type === 'NodePort')) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateSessionAffinity(spec.sessionAffinity ?? ''));
  errs.push(...validateServiceType(spec.type ?? ''));
  errs.push(...validateServicePortsTogether(spec));
  return errs;
}

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

function validateServiceType(type: string): FieldError[] {
  if (type === '') return [required('spec.type')];
  return SERVICE_TYPES.includes(type) ? [] : [notSupported('spec.type', type, SERVICE_TYPES)];
}

function validateSessionAffinity(affinity: string): FieldError[] {
  if (affinity === '') return [required('spec.sessionAffinity')];
  const valid = ['ClientIP', 'None'];
  return valid.includes(affinity) ? [] : [notSupported('spec.sessionAffinity', affinity, valid)];
}

/** validateServicePort: names (required when there are several), port, protocol, targetPort. */
function validateServicePort(
  p: ServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${path}.name`));
  else if (p.name) {
    errs.push(...invalidEach(`${path}.name`, p.name, isDNS1123Label(p.name)));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    else names.add(p.name);
  }
  errs.push(...invalidEach(`${path}.port`, p.port ?? 0, isValidPortNum(p.port ?? 0)));
  errs.push(...validateProtocol(p.protocol, `${path}.protocol`));
  errs.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`));
  return errs;
}

/** The checks across ports: nodePort only off ClusterIP, unique nodePorts, unique (protocol, port). */
function validateServicePortsTogether(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  const ports = spec.ports ?? [];
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol ?? ''}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol ?? ''}/${p.port}`;
    if (seen.has(key))
      errs.push(duplicate(`spec.ports[${i}]`, goServicePortKey(p.protocol ?? '', p.port ?? 0)));
    seen.add(key);
  });
  return errs;
}

function clusterIPs(spec: ServiceSpec | undefined): string[] {
  if (spec?.clusterIPs?.length) return spec.clusterIPs;
  return spec?.clusterIP ? [spec.clusterIP] : [];
}

function isHeadless(spec: ServiceSpec): boolean {
  const ips = clusterIPs(spec);
  return ips.length === 1 && ips[0] === 'None';
}

/**
 * validateUpgradeDowngradeClusterIPs, for single-stack services: once allocated, cluster IPs stay
 * (an update that leaves them out keeps the old ones, as the registry copies them over).
 */
function validateClusterIPsUpdate(spec: ServiceSpec | undefined, old: ServiceSpec | undefined): FieldError[] {
  if (spec?.type === 'ExternalName' || old?.type === 'ExternalName') return [];
  const next = clusterIPs(spec);
  const prev = clusterIPs(old);
  if (next.length === 0 || prev.length !== next.length) return [];
  return prev.flatMap((ip, i) =>
    ip === next[i] ? [] : [invalid(`spec.clusterIPs[${i}]`, next, 'may not change once set')],
  );
}

// =============================================================================================
// Dispatch

// =============================================================================================
// PodDisruptionBudget

const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'] as const;

/**
 * A `policy.PodDisruptionBudgetSpec` bad value (minAvailable and maxUnavailable both set). Go
 * prints its set pointers as heap addresses, which cannot be reproduced; fixed plausible
 * addresses stand in for them.
 */
function goBudgetSpec(spec: PodDisruptionBudget['spec']): GoValue {
  const ptr = (type: string, set: boolean, address: string) => `(*${type})(${set ? address : 'nil'})`;
  return new GoValue(
    spec,
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable !== undefined, '0xc000b3e0a0')}, Selector:${ptr('v1.LabelSelector', spec.selector !== undefined, '0xc000a1d2c0')}, MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable !== undefined, '0xc000b3e0c0')}, UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy !== undefined, '0xc000c4a1b0')}}`,
  );
}

/**
 * ValidatePodDisruptionBudget (policy/v1; the spec is mutable): not both minAvailable and
 * maxUnavailable, each a non-negative int or a percent up to 100%, a valid selector and a known
 * unhealthyPodEvictionPolicy. Given `old`, the object meta as an update.
 */
export function validatePodDisruptionBudget(
  pdb: PodDisruptionBudget,
  old?: PodDisruptionBudget,
): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs = old ? validateObjectMetaUpdate(pdb.metadata, old.metadata) : validateObjectMeta(pdb.metadata);
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined)
    errs.push(invalid('spec', goBudgetSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  for (const f of ['minAvailable', 'maxUnavailable'] as const)
    if (spec[f] !== undefined)
      errs.push(
        ...validatePositiveIntOrPercent(spec[f], `spec.${f}`),
        ...notMoreThan100Percent(spec[f], `spec.${f}`),
      );
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !(UNHEALTHY_POD_EVICTION_POLICIES as readonly string[]).includes(policy))
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, UNHEALTHY_POD_EVICTION_POLICIES));
  return errs;
}

// =============================================================================================
// Node

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** A taint as `%#v` prints the internal core.Taint (TimeAdded is a pointer: its address). */
function goTaint(t: Taint): GoValue {
  const time = t.timeAdded ? '(*v1.Time)(0xc000b5e0a8)' : '<nil>';
  return new GoValue(
    t,
    `core.Taint{Key:${goQuote(t.key ?? '')}, Value:${goQuote(t.value ?? '')}, Effect:${goQuote(t.effect ?? '')}, TimeAdded:${time}}`,
  );
}

/**
 * validateNodeTaints: each key a qualified name, each value a label value, each effect one of
 * the three, and no two taints with the same key and effect. ValidateNode checks them under
 * `metadata.taints` (upstream's field path, although they live in spec).
 */
function validateNodeTaints(taints: readonly Taint[], field: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const path = `${field}[${i}]`;
    const key = t.key ?? '';
    errs.push(...invalidEach(`${path}.key`, key, isQualifiedName(key)));
    const value = t.value ?? '';
    const valueErrs = isValidLabelValue(value);
    if (valueErrs.length) errs.push(invalid(`${path}.value`, value, valueErrs.join(';')));
    const effect: string = t.effect ?? '';
    if (effect === '') errs.push(required(`${path}.effect`));
    else if (!(TAINT_EFFECTS as readonly string[]).includes(effect))
      errs.push(notSupported(`${path}.effect`, effect, TAINT_EFFECTS));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      errs.push({ ...duplicate(path, goTaint(t)), detail: 'taints must be unique by key and effect pair' });
      return;
    }
    keys.add(key);
    seen.set(effect, keys);
  });
  return errs;
}

/**
 * ValidateNode for what a Node's writers here can change (its metadata and its taints); given
 * `old`, ValidateNodeUpdate's metadata checks after it, as the node strategy runs both.
 */
export function validateNode(n: NodeObject, old?: NodeObject): FieldError[] {
  const errs = validateObjectMeta(n.metadata);
  const taints = n.spec?.taints ?? [];
  if (taints.length) errs.push(...validateNodeTaints(taints, 'metadata.taints'));
  if (old) errs.push(...validateObjectMetaUpdate(n.metadata, old.metadata));
  return errs;
}

/** Validates any object by kind (with `old`, as an update); other kinds have no rules here. */
export function validate(obj: KubeObject, old?: KubeObject): FieldError[] {
  switch (obj.kind) {
    case 'Deployment':
      return validateDeployment(obj as Deployment, old as Deployment | undefined);
    case 'ReplicaSet':
      return validateReplicaSet(obj as ReplicaSet, old as ReplicaSet | undefined);
    case 'Pod':
      return validatePod(obj as Pod);
    case 'Service':
      return validateService(obj as Service, old as Service | undefined);
    case 'PodDisruptionBudget':
      return validatePodDisruptionBudget(obj as PodDisruptionBudget, old as PodDisruptionBudget | undefined);
    case 'Node':
      return validateNode(obj as NodeObject, old as NodeObject | undefined);
    default:
      return [];
  }
}

// =============================================================================================
// Helpers

/** Go's len() of a string: its UTF-8 byte count. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Byte-wise string order, as Go sorts map keys. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** apiequality.Semantic.DeepEqual for JSON values: unset, empty map and empty list are equal. */
function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmptyish(a) && isEmptyish(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => semanticEqual(a[k], b[k]));
  }
  return a === b;
}

function isEmptyish(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) && Object.keys(v).length === 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
