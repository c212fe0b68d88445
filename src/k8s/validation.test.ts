/**
 * Table-driven tests for validation.ts. Cases are ported from kubernetes/kubernetes
 * `pkg/apis/apps/validation/validation_test.go` (TestValidateDeployment, TestValidateReplicaSet,
 * the rolling-update cases), `pkg/apis/core/validation/validation_test.go` (containers, probes,
 * ports, services), `staging/.../util/validation/validation_test.go` (DNS names, qualified names,
 * label values, percents) and `staging/.../util/validation/field/errors_test.go`.
 *
 * Expected messages are written out literally, not built with the code under test, so a change
 * in wording shows up here.
 */
import { describe, expect, it } from 'vitest';
import {
  setDefaultsDeployment,
  setDefaultsPod,
  setDefaultsReplicaSet,
  setDefaultsService,
} from './defaults.ts';
import type {
  Container,
  Deployment,
  KubeObject,
  LabelSelector,
  ObjectMeta,
  Pod,
  PodDisruptionBudget,
  Probe,
  ReplicaSet,
  RollingUpdateDeployment,
  Service,
} from './types.ts';
import {
  GoValue,
  ValidationError,
  formatFieldError,
  goIntOrString,
  goLabelSelector,
  goLabels,
  invalidError,
  validatePodDisruptionBudget,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  nameIsDNS1035Label,
  validate,
  validateDeployment,
  validateObjectMeta,
  validatePod,
  validateReplicaSet,
  validateService,
  type FieldError,
} from './validation.ts';

// ---------------------------------------------------------------------------------------------
// Upstream messages, verbatim

const DNS_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS_1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QUALIFIED_NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const NAME_PART = `name part ${QUALIFIED_NAME_RULE}`;
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const PERCENT =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
const ENV_NAME =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const NOT_MATCHING = '`selector` does not match template `labels`';
const INT_ZERO = 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}';

// ---------------------------------------------------------------------------------------------
// Fixtures: defaulted objects, as the API server validates them

type Tweak<T> = (obj: T) => void;

function firstContainer(spec: { containers: Container[] }): Container {
  const c = spec.containers[0];
  if (!c) throw new Error('fixture has no container');
  return c;
}

/** Probe with its defaults filled in, as a tweak after defaulting needs. */
function probe(p: Partial<Probe>): Probe {
  return { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, ...p };
}

/** upstream validDeployment(): selector name=abc, RollingUpdate 1/1, one container. */
function validDeployment(tweak?: Tweak<Deployment>): Deployment {
  const d = setDefaultsDeployment({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      selector: { matchLabels: { name: 'abc' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      template: {
        metadata: { labels: { name: 'abc' } },
        spec: { containers: [{ name: 'ctr', image: 'image' }] },
      },
    },
    status: {},
  });
  tweak?.(d);
  return d;
}

function validReplicaSet(tweak?: Tweak<ReplicaSet>): ReplicaSet {
  const rs = setDefaultsReplicaSet({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'ctr', image: 'image' }] } },
    },
    status: { replicas: 0 },
  });
  tweak?.(rs);
  return rs;
}

function validPod(tweak?: Tweak<Pod>): Pod {
  const p = setDefaultsPod({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'abc', namespace: 'default' },
    spec: { containers: [{ name: 'ctr', image: 'image' }] },
    status: { phase: 'Pending' },
  });
  tweak?.(p);
  return p;
}

function validService(tweak?: Tweak<Service>, spec?: Service['spec']): Service {
  const s = setDefaultsService({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'abc', namespace: 'default' },
    spec: spec ?? { selector: { app: 'abc' }, ports: [{ name: 'http', port: 80 }] },
  });
  tweak?.(s);
  return s;
}

const messages = (errs: FieldError[]): string[] => errs.map(formatFieldError);

// ---------------------------------------------------------------------------------------------

describe('formatFieldError prints like field.Error.Error()', () => {
  it.each<{ scenario: string; error: FieldError; expected: string }>([
    {
      scenario: 'an int bad value prints plainly',
      error: {
        type: 'Invalid value',
        field: 'spec.replicas',
        badValue: -1,
        detail: 'must be greater than or equal to 0',
      },
      expected: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      scenario: 'a Required error never prints its value',
      error: { type: 'Required value', field: 'spec.selector', badValue: '', detail: '' },
      expected: 'spec.selector: Required value',
    },
    {
      scenario: 'a Required error with a detail',
      error: { type: 'Required value', field: 'metadata.name', detail: 'name or generateName is required' },
      expected: 'metadata.name: Required value: name or generateName is required',
    },
    {
      scenario: 'an unsupported string is quoted, then the supported values',
      error: {
        type: 'Unsupported value',
        field: 'spec.template.spec.restartPolicy',
        badValue: 'Never',
        detail: 'supported values: "Always"',
      },
      expected: 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    },
    {
      scenario: 'strings are quoted Go style, with escapes',
      error: { type: 'Invalid value', field: 'f', badValue: 'a"b\\c\nd\te\u0001', detail: 'x' },
      expected: 'f: Invalid value: "a\\"b\\\\c\\nd\\te\\x01": x',
    },
    {
      scenario: 'non-ASCII printable characters stay as they are',
      error: { type: 'Invalid value', field: 'f', badValue: 'Tama-nui-te-rā', detail: 'x' },
      expected: 'f: Invalid value: "Tama-nui-te-rā": x',
    },
    {
      scenario: 'a bool prints plainly',
      error: { type: 'Invalid value', field: 'f', badValue: true, detail: 'x' },
      expected: 'f: Invalid value: true: x',
    },
    {
      scenario: 'a nil value prints as null',
      error: { type: 'Invalid value', field: 'f', badValue: null, detail: 'x' },
      expected: 'f: Invalid value: null: x',
    },
    {
      scenario: 'an empty detail adds nothing after the value',
      error: { type: 'Invalid value', field: 'f', badValue: 5, detail: '' },
      expected: 'f: Invalid value: 5',
    },
    {
      scenario: 'Forbidden prints no value',
      error: { type: 'Forbidden', field: 'spec.strategy.rollingUpdate', badValue: '', detail: 'nope' },
      expected: 'spec.strategy.rollingUpdate: Forbidden: nope',
    },
    {
      scenario: 'Too long prints no value',
      error: {
        type: 'Too long',
        field: 'metadata.annotations',
        badValue: 'x',
        detail: 'must have at most 262144 bytes',
      },
      expected: 'metadata.annotations: Too long: must have at most 262144 bytes',
    },
    {
      scenario: 'Duplicate prints the value and no detail',
      error: { type: 'Duplicate value', field: 'spec.containers[1].name', badValue: 'web', detail: '' },
      expected: 'spec.containers[1].name: Duplicate value: "web"',
    },
    {
      scenario: 'Not found prints the value',
      error: { type: 'Not found', field: 'x', badValue: 'y', detail: '' },
      expected: 'x: Not found: "y"',
    },
    {
      scenario: 'an IntOrString 0 prints as a Go struct dump',
      error: { type: 'Invalid value', field: 'm', badValue: goIntOrString(0), detail: 'd' },
      expected: 'm: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: d',
    },
    {
      scenario: 'an unset IntOrString is the zero IntOrString',
      error: { type: 'Invalid value', field: 'm', badValue: goIntOrString(undefined), detail: 'd' },
      expected: 'm: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: d',
    },
    {
      scenario: 'an IntOrString int keeps its value in IntVal',
      error: { type: 'Invalid value', field: 'm', badValue: goIntOrString(3), detail: 'd' },
      expected: 'm: Invalid value: intstr.IntOrString{Type:0, IntVal:3, StrVal:""}: d',
    },
    {
      scenario: 'an IntOrString string is Type 1 with StrVal',
      error: { type: 'Invalid value', field: 'm', badValue: goIntOrString('110%'), detail: 'd' },
      expected: 'm: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: d',
    },
    {
      scenario: 'a label map prints with sorted keys',
      error: {
        type: 'Invalid value',
        field: 'l',
        badValue: goLabels({ tier: 'web', app: 'kubia' }),
        detail: 'd',
      },
      expected: 'l: Invalid value: map[string]string{"app":"kubia", "tier":"web"}: d',
    },
    {
      scenario: 'a nil label map',
      error: { type: 'Invalid value', field: 'l', badValue: goLabels(undefined), detail: 'd' },
      expected: 'l: Invalid value: map[string]string(nil): d',
    },
    {
      scenario: 'a label selector with expressions',
      error: {
        type: 'Invalid value',
        field: 'spec.selector',
        badValue: goLabelSelector({
          matchLabels: { app: 'a' },
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['web', 'api'] },
            { key: 'x', operator: 'Exists' },
          ],
        }),
        detail: 'field is immutable',
      },
      expected:
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"a"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string{"web", "api"}}, v1.LabelSelectorRequirement{Key:"x", Operator:"Exists", Values:[]string(nil)}}}: field is immutable',
    },
    {
      scenario: 'a string list prints as a Go slice',
      error: { type: 'Invalid value', field: 'spec.clusterIPs[0]', badValue: ['10.0.0.1'], detail: 'd' },
      expected: 'spec.clusterIPs[0]: Invalid value: []string{"10.0.0.1"}: d',
    },
  ])('$scenario', ({ error, expected }) => {
    expect(formatFieldError(error)).toBe(expected);
  });

  it('a GoValue keeps the JSON value it renders', () => {
    const v = goIntOrString('25%');
    expect(v).toBeInstanceOf(GoValue);
    expect(v.value).toBe('25%');
    expect(String(v)).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}');
  });
});

describe('invalidError builds the message kubectl prints', () => {
  const replicas: FieldError = {
    type: 'Invalid value',
    field: 'spec.replicas',
    badValue: -1,
    detail: 'must be greater than or equal to 0',
  };
  const selector: FieldError = { type: 'Required value', field: 'spec.selector', detail: '' };

  it.each<{ scenario: string; causes: FieldError[]; expected: string }>([
    {
      scenario: 'one cause follows the prefix on the same line',
      causes: [replicas],
      expected:
        'The Deployment "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      scenario: 'several causes go on their own "* " lines',
      causes: [replicas, selector],
      expected:
        'The Deployment "kubia" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value',
    },
    {
      scenario: 'repeated causes are printed once',
      causes: [replicas, selector, replicas],
      expected:
        'The Deployment "kubia" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* spec.selector: Required value',
    },
    {
      scenario: 'no causes leave only the prefix',
      causes: [],
      expected: 'The Deployment "kubia" is invalid',
    },
  ])('$scenario', ({ causes, expected }) => {
    expect(invalidError('Deployment', 'kubia', causes).message).toBe(expected);
  });

  it('is a ValidationError carrying kind, name and causes', () => {
    const err = invalidError('ReplicaSet', 'rs-1', [selector]);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ValidationError');
    expect(err.kind).toBe('ReplicaSet');
    expect(err.objectName).toBe('rs-1');
    expect(err.causes).toEqual([selector]);
  });
});

// ---------------------------------------------------------------------------------------------
// Format checks (util/validation/validation_test.go)

describe('isDNS1123Label (TestIsDNS1123Label)', () => {
  it.each([
    'a',
    'ab',
    'abc',
    'a1',
    'a-1',
    'a--1--2--b',
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    'a'.repeat(63),
  ])('accepts %j', (value) => expect(isDNS1123Label(value)).toEqual([]));

  it.each([
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    '1.',
    '.1',
    ' ',
    'a ',
    ' a',
    'a b',
    '1 ',
    ' 1',
    '1 2',
  ])('rejects %j with the regex message', (value) => expect(isDNS1123Label(value)).toEqual([DNS_LABEL]));

  it.each(['a.b', '1.2', 'my.container'])('rejects %j because it contains dots', (value) =>
    expect(isDNS1123Label(value)).toEqual(['must not contain dots']),
  );

  it('rejects 64 characters as too long', () => {
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('isDNS1123Subdomain (TestIsDNS1123Subdomain)', () => {
  it.each([
    'a',
    'ab',
    'abc',
    'a1',
    'a-1',
    'a--1--2--b',
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    'a.a',
    'ab.a',
    'abc.a',
    'a1.a',
    'a-1.a',
    'a--1--2--b.a',
    'a.1',
    '0.a',
    '01.a',
    '012.a',
    '1a.a',
    '1-a.a',
    '1--a--b--2',
    '0.1',
    '01.1',
    '012.1',
    '1a.1',
    '1-a.1',
    '1--a--b--2.1',
    'a.b.c.d.e',
    'aa.bb.cc.dd.ee',
    '1.2.3.4.5',
    '11.22.33.44.55',
    'a'.repeat(253),
  ])('accepts %j', (value) => expect(isDNS1123Subdomain(value)).toEqual([]));

  it.each([
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '1-A',
    '-',
    'a-',
    '-a',
    '1-',
    '-1',
    '_',
    'a_',
    '_a',
    'a_b',
    '1_',
    '_1',
    '1_2',
    '.',
    'a.',
    '.a',
    'a..b',
    '1.',
    '.1',
    '1..2',
    ' ',
    'a ',
    ' a',
    'a b',
    '1 ',
    ' 1',
    '1 2',
    'A.a',
    'aB.a',
    'ab.A',
    'A1.a',
    'a1.A',
    'A.1',
    'aB.1',
    'A1.1',
    '1A.1',
    '0.A',
    '01.A',
    '012.A',
    '1A.a',
    '1a.A',
    'A.B.C.D.E',
    'AA.BB.CC.DD.EE',
    'a.B.c.d.e',
    'aa.bB.cc.dd.ee',
    'a@b',
    'a,b',
    'a;b',
    'a:b',
    'a%b',
    'a?b',
    'a$b',
  ])('rejects %j', (value) => expect(isDNS1123Subdomain(value)).toEqual([DNS_SUBDOMAIN]));

  it('rejects 254 characters as too long', () => {
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
  });
});

describe('isDNS1035Label (TestIsDNS1035Label)', () => {
  it.each(['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', 'a'.repeat(63)])('accepts %j', (value) =>
    expect(isDNS1035Label(value)).toEqual([]),
  );

  it.each([
    '0',
    '01',
    '012',
    '1a',
    '1-a',
    '1--a--b--2',
    '',
    'A',
    'ABC',
    'aBc',
    'A1',
    'A-1',
    '-',
    'a-',
    '-a',
    '_',
    'a_b',
    'a.b',
    ' ',
    'a b',
  ])('rejects %j', (value) => expect(isDNS1035Label(value)).toEqual([DNS_1035]));

  it('rejects 64 characters as too long', () => {
    expect(isDNS1035Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('isQualifiedName (TestIsQualifiedName)', () => {
  it.each([
    'simple',
    'now-with-dashes',
    '1-starts-with-num',
    '1234',
    'simple/simple',
    'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes',
    'now.with.dots/simple',
    'now-with.dashes-and.dots/simple',
    '1-num.2-num/3-num',
    '1234/5678',
    '1.2.3.4/5678',
    'Uppercase_Is_OK_123',
    'example.com/Uppercase_Is_OK_123',
    'requests.storage-foo',
    'a'.repeat(63),
    `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ])('accepts %j', (value) => expect(isQualifiedName(value)).toEqual([]));

  it.each<{ value: string; expected: string[] }>([
    { value: 'nospecialchars%^=@', expected: [NAME_PART] },
    { value: 'cantendwithadash-', expected: [NAME_PART] },
    { value: '-cantstartwithadash-', expected: [NAME_PART] },
    {
      value: 'only/one/slash',
      expected: [
        `a qualified name ${QUALIFIED_NAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    },
    { value: 'Example.com/abc', expected: [`prefix part ${DNS_SUBDOMAIN}`] },
    { value: 'example_com/abc', expected: [`prefix part ${DNS_SUBDOMAIN}`] },
    { value: 'example.com/', expected: ['name part must be non-empty', NAME_PART] },
    { value: '/simple', expected: ['prefix part must be non-empty'] },
    { value: 'a'.repeat(64), expected: ['name part must be no more than 63 characters'] },
    { value: `${'a'.repeat(254)}/abc`, expected: ['prefix part must be no more than 253 characters'] },
  ])('rejects $value', ({ value, expected }) => expect(isQualifiedName(value)).toEqual(expected));
});

describe('isValidLabelValue (TestIsValidLabelValue)', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), ''])(
    'accepts %j',
    (value) => expect(isValidLabelValue(value)).toEqual([]),
  );

  it.each([
    'nospecialchars%^=@',
    'Tama-nui-te-rā.is.Māori.sun',
    '\\backslashes\\are\\bad',
    '-starts-with-dash',
    'ends-with-dash-',
    '.starts.with.dot',
    'ends.with.dot.',
  ])('rejects %j', (value) => expect(isValidLabelValue(value)).toEqual([LABEL_VALUE]));

  it('rejects 64 characters as too long', () => {
    expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});

describe('isValidPercent (TestIsValidPercent)', () => {
  it.each(['0%', '00000%', '00100%', '01%', '1%', '10%', '100%', '200%'])('accepts %j', (value) =>
    expect(isValidPercent(value)).toEqual([]),
  );

  it.each([
    '',
    '0',
    '100',
    '0.0%',
    '99.9%',
    'hundred',
    ' 1%',
    '1% ',
    '-0%',
    '-1%',
    '+1%',
    '%',
    '1 %',
    '20Percent',
  ])('rejects %j', (value) => expect(isValidPercent(value)).toEqual([PERCENT]));
});

// ---------------------------------------------------------------------------------------------
// ObjectMeta

describe('validateObjectMeta', () => {
  const meta = (m: Partial<ObjectMeta>): ObjectMeta => ({ name: 'abc', ...m });

  it.each<{ scenario: string; meta: ObjectMeta; expected: string[] }>([
    { scenario: 'a plain name is valid', meta: meta({}), expected: [] },
    {
      scenario: 'a dotted name is a valid DNS subdomain',
      meta: meta({ name: 'my.app-1', namespace: 'kube-system' }),
      expected: [],
    },
    {
      scenario: 'the name is required',
      meta: meta({ name: '' }),
      expected: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      scenario: 'a name with capitals and underscores is not a DNS subdomain',
      meta: meta({ name: 'My_App' }),
      expected: [`metadata.name: Invalid value: "My_App": ${DNS_SUBDOMAIN}`],
    },
    {
      scenario: 'a name longer than 253 characters',
      meta: meta({ name: 'a'.repeat(254) }),
      expected: [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`],
    },
    {
      scenario: 'a generateName may end in a dash',
      meta: meta({ generateName: 'abc-' }),
      expected: [],
    },
    {
      scenario: 'an invalid generateName is reported on its own field',
      meta: meta({ generateName: 'Abc-' }),
      expected: [`metadata.generateName: Invalid value: "Abc-": ${DNS_SUBDOMAIN}`],
    },
    {
      scenario: 'a namespace must be a DNS label',
      meta: meta({ namespace: 'Default' }),
      expected: [`metadata.namespace: Invalid value: "Default": ${DNS_LABEL}`],
    },
    {
      scenario: 'a negative generation',
      meta: meta({ generation: -1 }),
      expected: ['metadata.generation: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'prefixed label keys and empty label values are valid',
      meta: meta({ labels: { 'example.com/tier': 'web', 'app.kubernetes.io/name': '', Upper_Case: 'OK_1' } }),
      expected: [],
    },
    {
      scenario: 'a label key with an equals sign (invalid_label)',
      meta: meta({ labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }),
      expected: [`metadata.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${NAME_PART}`],
    },
    {
      scenario: 'a label value ending in a dash',
      meta: meta({ labels: { app: 'kubia-' } }),
      expected: [`metadata.labels: Invalid value: "kubia-": ${LABEL_VALUE}`],
    },
    {
      scenario: 'a label value longer than 63 characters',
      meta: meta({ labels: { app: 'v'.repeat(64) } }),
      expected: [`metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    },
    {
      scenario: 'bad key and bad value of one label are both reported, key first',
      meta: meta({ labels: { 'a/b/c': 'x y' } }),
      expected: [
        `metadata.labels: Invalid value: "a/b/c": a qualified name ${QUALIFIED_NAME_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
        `metadata.labels: Invalid value: "x y": ${LABEL_VALUE}`,
      ],
    },
    {
      scenario: 'annotation keys are checked ignoring case',
      meta: meta({
        annotations: { 'Example.COM/Change-Cause': 'kubectl set image', 'kubernetes.io/change-cause': 'x' },
      }),
      expected: [],
    },
    {
      scenario: 'an annotation key with an equals sign (invalid_annotation)',
      meta: meta({ annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }),
      expected: [`metadata.annotations: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${NAME_PART}`],
    },
    {
      scenario: 'annotations over 256 KiB in total',
      meta: meta({ annotations: { a: 'x'.repeat(256 * 1024) } }),
      expected: ['metadata.annotations: Too long: must have at most 262144 bytes'],
    },
    {
      scenario: 'annotations of exactly 256 KiB are fine',
      meta: meta({ annotations: { a: 'x'.repeat(256 * 1024 - 1) } }),
      expected: [],
    },
    {
      scenario: 'an owner reference needs apiVersion with a version, kind, name and uid',
      meta: meta({ ownerReferences: [{ apiVersion: 'apps/', kind: '', name: '', uid: '' }] }),
      expected: [
        'metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty',
        'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
        'metadata.ownerReferences.name: Invalid value: "": must not be empty',
        'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
      ],
    },
    {
      scenario: 'a complete controller reference is valid',
      meta: meta({
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true },
        ],
      }),
      expected: [],
    },
  ])('$scenario', ({ meta: m, expected }) => {
    expect(messages(validateObjectMeta(m))).toEqual(expected);
  });

  it('only one owner reference may be the controller', () => {
    const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', uid: 'u', controller: true };
    const errs = validateObjectMeta(
      meta({
        ownerReferences: [
          { ...ref, name: 'a' },
          { ...ref, name: 'b' },
        ],
      }),
    );
    expect(errs.map((e) => [e.field, e.detail])).toEqual([
      [
        'metadata.ownerReferences',
        'Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b',
      ],
    ]);
  });

  it.each<{ scenario: string; prefix: string; expected: string[] }>([
    {
      scenario: 'the field prefix is used for every path',
      prefix: 'spec.template.metadata',
      expected: [
        'spec.template.metadata.name: Required value: name or generateName is required',
        `spec.template.metadata.labels: Invalid value: "-x": ${LABEL_VALUE}`,
      ],
    },
  ])('$scenario', ({ prefix, expected }) => {
    expect(messages(validateObjectMeta({ name: '', labels: { a: '-x' } }, prefix))).toEqual(expected);
  });

  it.each<{ name: string; expected: string[] }>([
    { name: 'my-service', expected: [] },
    { name: '1abc', expected: [`metadata.name: Invalid value: "1abc": ${DNS_1035}`] },
    { name: 'my.service', expected: [`metadata.name: Invalid value: "my.service": ${DNS_1035}`] },
  ])('with the DNS-1035 rule, service name $name', ({ name, expected }) => {
    expect(messages(validateObjectMeta({ name }, 'metadata', nameIsDNS1035Label))).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Deployment

describe('validateDeployment (TestValidateDeployment)', () => {
  it.each<{ scenario: string; tweak: Tweak<Deployment> }>([
    { scenario: 'the upstream valid deployment', tweak: () => {} },
    { scenario: 'zero replicas', tweak: (d) => (d.spec.replicas = 0) },
    {
      scenario: 'revisionHistoryLimit 0 keeps no old ReplicaSets',
      tweak: (d) => (d.spec.revisionHistoryLimit = 0),
    },
    {
      scenario: 'Recreate without a rollingUpdate block',
      tweak: (d) => (d.spec.strategy = { type: 'Recreate' }),
    },
    {
      scenario: 'the defaulted 25%/25% rolling update',
      tweak: (d) =>
        (d.spec.strategy = {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
        }),
    },
    {
      scenario: 'maxSurge may exceed 100%',
      tweak: (d) =>
        (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '200%', maxUnavailable: 0 } }),
    },
    {
      scenario: 'a matchExpressions selector that selects the template',
      tweak: (d) =>
        (d.spec.selector = { matchExpressions: [{ key: 'name', operator: 'In', values: ['abc', 'def'] }] }),
    },
    {
      scenario: 'a progress deadline just above minReadySeconds',
      tweak: (d) => {
        d.spec.minReadySeconds = 10;
        d.spec.progressDeadlineSeconds = 11;
      },
    },
    {
      scenario: 'a container with ports, env and probes',
      tweak: (d) => {
        const c = firstContainer(d.spec.template.spec);
        c.ports = [{ name: 'http', containerPort: 8080, protocol: 'TCP' }];
        c.env = [{ name: 'MY_ENV.NAME', value: 'x' }];
        c.readinessProbe = probe({ httpGet: { path: '/', port: 'http', scheme: 'HTTP' } });
        c.livenessProbe = probe({ tcpSocket: { port: 8080 }, initialDelaySeconds: 5 });
      },
    },
  ])('accepts $scenario', ({ tweak }) => {
    expect(messages(validateDeployment(validDeployment(tweak)))).toEqual([]);
  });

  it.each<{ scenario: string; tweak: Tweak<Deployment>; expected: string[] }>([
    {
      scenario: 'a deployment without a name',
      tweak: (d) => (d.metadata = { name: '', namespace: 'default' }),
      expected: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      scenario: 'negative replicas',
      tweak: (d) => (d.spec.replicas = -1),
      expected: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'a selector that does not match the template labels',
      tweak: (d) => (d.spec.selector = { matchLabels: { name: 'def' } }),
      expected: [
        `spec.template.metadata.labels: Invalid value: map[string]string{"name":"abc"}: ${NOT_MATCHING}`,
      ],
    },
    {
      scenario: 'a selector asking for more labels than the template has',
      tweak: (d) => (d.spec.selector = { matchLabels: { name: 'abc', tier: 'web' } }),
      expected: [
        `spec.template.metadata.labels: Invalid value: map[string]string{"name":"abc"}: ${NOT_MATCHING}`,
      ],
    },
    {
      scenario: 'a template without labels',
      tweak: (d) => (d.spec.template.metadata = {}),
      expected: [`spec.template.metadata.labels: Invalid value: map[string]string(nil): ${NOT_MATCHING}`],
    },
    {
      scenario: 'no selector at all (a nil selector selects nothing)',
      tweak: (d) => (d.spec.selector = undefined as unknown as LabelSelector),
      expected: [
        'spec.selector: Required value',
        `spec.template.metadata.labels: Invalid value: map[string]string{"name":"abc"}: ${NOT_MATCHING}`,
      ],
    },
    {
      scenario: 'an empty selector',
      tweak: (d) => (d.spec.selector = {}),
      expected: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    },
    {
      scenario: 'an empty matchLabels map',
      tweak: (d) => (d.spec.selector = { matchLabels: {} }),
      expected: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    },
    {
      scenario: 'an In expression without values (the template is then not checked)',
      tweak: (d) =>
        (d.spec.selector = {
          matchLabels: { name: 'abc' },
          matchExpressions: [{ key: 'tier', operator: 'In' }],
        }),
      expected: [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"abc"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"In", Values:[]string(nil)}}}: invalid label selector',
      ],
    },
    {
      scenario: 'an Exists expression with values and a bad operator',
      tweak: (d) =>
        (d.spec.selector = {
          matchLabels: { name: 'abc' },
          matchExpressions: [
            { key: 'tier', operator: 'Exists', values: ['web'] },
            { key: 'x', operator: 'Equals' as 'In', values: ['y'] },
          ],
        }),
      expected: [
        "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'spec.selector.matchExpressions[1].operator: Invalid value: "Equals": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"abc"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"Exists", Values:[]string{"web"}}, v1.LabelSelectorRequirement{Key:"x", Operator:"Equals", Values:[]string{"y"}}}}: invalid label selector',
      ],
    },
    {
      scenario: 'a selector value that is not a label value',
      tweak: (d) => {
        d.spec.selector = { matchLabels: { name: 'abc!' } };
        d.spec.template.metadata = { labels: { name: 'abc!' } };
      },
      expected: [
        `spec.selector.matchLabels: Invalid value: "abc!": ${LABEL_VALUE}`,
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"abc!"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector',
      ],
    },
    {
      scenario: 'an invalid template label key is reported under spec.template.labels',
      tweak: (d) => (d.spec.template.metadata = { labels: { name: 'abc', 'bad key!': 'x' } }),
      expected: [`spec.template.labels: Invalid value: "bad key!": ${NAME_PART}`],
    },
    {
      scenario: 'restartPolicy Never',
      tweak: (d) => (d.spec.template.spec.restartPolicy = 'Never'),
      expected: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      scenario: 'restartPolicy OnFailure',
      tweak: (d) => (d.spec.template.spec.restartPolicy = 'OnFailure'),
      expected: [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    },
    {
      scenario: 'activeDeadlineSeconds in the template',
      tweak: (d) => (d.spec.template.spec.activeDeadlineSeconds = 30),
      expected: [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
      ],
    },
    {
      scenario: 'an unknown strategy type',
      tweak: (d) => (d.spec.strategy = { type: 'randomType' }),
      expected: [
        'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"randomType", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
      ],
    },
    {
      scenario: 'Recreate with a rollingUpdate block',
      tweak: (d) => (d.spec.strategy = { type: 'Recreate', rollingUpdate: {} }),
      expected: [
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
      ],
    },
    {
      scenario: 'RollingUpdate without its (normally defaulted) block',
      tweak: (d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: null }),
      expected: ['spec.strategy.rollingUpdate: Required value: this should be defaulted and never be nil'],
    },
    {
      scenario: 'maxSurge "20Percent": bad percent, and it counts as 0 next to an unset maxUnavailable',
      tweak: (d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '20Percent' } }),
      expected: [
        `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"20Percent"}: ${PERCENT}`,
        `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${INT_ZERO}: may not be 0 when \`maxSurge\` is 0`,
      ],
    },
    {
      scenario: 'maxSurge "0%" and maxUnavailable 0',
      tweak: (d) =>
        (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } }),
      expected: [
        `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${INT_ZERO}: may not be 0 when \`maxSurge\` is 0`,
      ],
    },
    {
      scenario: 'maxUnavailable "110%"',
      tweak: (d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }),
      expected: [
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"110%"}: must not be greater than 100%',
      ],
    },
    {
      scenario: 'negative minReadySeconds',
      tweak: (d) => (d.spec.minReadySeconds = -1),
      expected: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'negative revisionHistoryLimit',
      tweak: (d) => (d.spec.revisionHistoryLimit = -1),
      expected: ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'progressDeadlineSeconds equal to minReadySeconds',
      tweak: (d) => {
        d.spec.progressDeadlineSeconds = 600;
        d.spec.minReadySeconds = 600;
      },
      expected: ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds'],
    },
    {
      scenario: 'progressDeadlineSeconds below minReadySeconds',
      tweak: (d) => {
        d.spec.progressDeadlineSeconds = 10;
        d.spec.minReadySeconds = 20;
      },
      expected: ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds'],
    },
    {
      scenario: 'a negative progressDeadlineSeconds gets both errors',
      tweak: (d) => (d.spec.progressDeadlineSeconds = -1),
      expected: [
        'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
        'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than minReadySeconds',
      ],
    },
    {
      scenario: 'a template without containers',
      tweak: (d) => (d.spec.template.spec.containers = []),
      expected: ['spec.template.spec.containers: Required value'],
    },
    {
      scenario: 'a container name with capitals and an underscore',
      tweak: (d) => (firstContainer(d.spec.template.spec).name = 'Web_1'),
      expected: [`spec.template.spec.containers[0].name: Invalid value: "Web_1": ${DNS_LABEL}`],
    },
    {
      scenario: 'a container name with a dot',
      tweak: (d) => (firstContainer(d.spec.template.spec).name = 'web.v1'),
      expected: ['spec.template.spec.containers[0].name: Invalid value: "web.v1": must not contain dots'],
    },
    {
      scenario: 'a container without an image',
      tweak: (d) => (firstContainer(d.spec.template.spec).image = ''),
      expected: ['spec.template.spec.containers[0].image: Required value'],
    },
    {
      scenario: 'two containers with the same name',
      tweak: (d) =>
        d.spec.template.spec.containers.push({ ...firstContainer(d.spec.template.spec), image: 'other' }),
      expected: ['spec.template.spec.containers[1].name: Duplicate value: "ctr"'],
    },
    {
      scenario: 'several problems come out in upstream order',
      tweak: (d) => {
        d.metadata = { name: '' };
        d.spec.replicas = -1;
        d.spec.selector = { matchLabels: { name: 'def' } };
        d.spec.template.spec.restartPolicy = 'Never';
        d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } };
        d.spec.minReadySeconds = -5;
      },
      expected: [
        'metadata.name: Required value: name or generateName is required',
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        `spec.template.metadata.labels: Invalid value: map[string]string{"name":"abc"}: ${NOT_MATCHING}`,
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: ${INT_ZERO}: may not be 0 when \`maxSurge\` is 0`,
        'spec.minReadySeconds: Invalid value: -5: must be greater than or equal to 0',
      ],
    },
  ])('rejects $scenario', ({ tweak, expected }) => {
    expect(messages(validateDeployment(validDeployment(tweak)))).toEqual(expected);
  });

  it('the kubectl message for a single cause', () => {
    const d = validDeployment((x) => {
      x.metadata.name = 'kubia';
      x.spec.replicas = -1;
    });
    expect(invalidError('Deployment', 'kubia', validateDeployment(d)).message).toBe(
      'The Deployment "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});

describe('validateDeployment rolling update parameters (ValidateRollingUpdateDeployment)', () => {
  const field = 'spec.strategy.rollingUpdate';

  it.each<{ scenario: string; ru: RollingUpdateDeployment; expected: string[] }>([
    { scenario: '1 and 1', ru: { maxSurge: 1, maxUnavailable: 1 }, expected: [] },
    { scenario: 'surge only', ru: { maxSurge: 1, maxUnavailable: 0 }, expected: [] },
    { scenario: 'unavailable only', ru: { maxSurge: 0, maxUnavailable: 1 }, expected: [] },
    { scenario: '"100%" unavailable', ru: { maxSurge: 0, maxUnavailable: '100%' }, expected: [] },
    {
      scenario: 'surge "0%" with unavailable "1%" (resolves to 0 pods on small deployments, still valid)',
      ru: { maxSurge: '0%', maxUnavailable: '1%' },
      expected: [],
    },
    {
      scenario: 'both literal 0',
      ru: { maxSurge: 0, maxUnavailable: 0 },
      expected: [`${field}.maxUnavailable: Invalid value: ${INT_ZERO}: may not be 0 when \`maxSurge\` is 0`],
    },
    {
      scenario: 'both "0%"',
      ru: { maxSurge: '0%', maxUnavailable: '0%' },
      expected: [
        `${field}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when \`maxSurge\` is 0`,
      ],
    },
    {
      scenario: 'surge 0 with unavailable "000%"',
      ru: { maxSurge: 0, maxUnavailable: '000%' },
      expected: [
        `${field}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"000%"}: may not be 0 when \`maxSurge\` is 0`,
      ],
    },
    {
      scenario: 'both unset (the zero IntOrString)',
      ru: {},
      expected: [`${field}.maxUnavailable: Invalid value: ${INT_ZERO}: may not be 0 when \`maxSurge\` is 0`],
    },
    {
      scenario: 'a negative int surge',
      ru: { maxSurge: -1, maxUnavailable: 1 },
      expected: [`${field}.maxSurge: Invalid value: -1: must be greater than or equal to 0`],
    },
    {
      scenario: 'a negative int unavailable',
      ru: { maxSurge: 1, maxUnavailable: -2 },
      expected: [`${field}.maxUnavailable: Invalid value: -2: must be greater than or equal to 0`],
    },
    {
      scenario: 'a negative percent',
      ru: { maxSurge: '-10%', maxUnavailable: 1 },
      expected: [
        `${field}.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"-10%"}: ${PERCENT}`,
      ],
    },
    {
      scenario: 'a fractional percent',
      ru: { maxSurge: 1, maxUnavailable: '12.5%' },
      expected: [
        `${field}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"12.5%"}: ${PERCENT}`,
      ],
    },
    {
      scenario: 'a digit string without "%" is a bad percent but not zero (IntValue parses it)',
      ru: { maxSurge: '5', maxUnavailable: 0 },
      expected: [
        `${field}.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"5"}: ${PERCENT}`,
      ],
    },
    {
      scenario: 'a word is a bad percent and counts as zero',
      ru: { maxSurge: 0, maxUnavailable: 'abc' },
      expected: [
        `${field}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: ${PERCENT}`,
        `${field}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: may not be 0 when \`maxSurge\` is 0`,
      ],
    },
    {
      scenario: 'maxUnavailable "101%"',
      ru: { maxSurge: 1, maxUnavailable: '101%' },
      expected: [
        `${field}.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"101%"}: must not be greater than 100%`,
      ],
    },
    { scenario: 'maxSurge "101%" is allowed', ru: { maxSurge: '101%', maxUnavailable: 0 }, expected: [] },
    {
      scenario: 'an int maxUnavailable above 100 is not a percent',
      ru: { maxSurge: 0, maxUnavailable: 150 },
      expected: [],
    },
  ])('$scenario', ({ ru, expected }) => {
    const d = validDeployment((x) => (x.spec.strategy = { type: 'RollingUpdate', rollingUpdate: ru }));
    expect(messages(validateDeployment(d))).toEqual(expected);
  });
});

describe('validateDeployment on update (ValidateDeploymentUpdate + apps/v1 selector immutability)', () => {
  it.each<{ scenario: string; tweak: Tweak<Deployment>; expected: string[] }>([
    { scenario: 'an unchanged deployment', tweak: () => {}, expected: [] },
    {
      scenario: 'a new image and replica count',
      tweak: (d) => {
        d.spec.replicas = 5;
        firstContainer(d.spec.template.spec).image = 'image:v2';
      },
      expected: [],
    },
    {
      scenario: 'the same selector written with an empty matchExpressions list',
      tweak: (d) => (d.spec.selector = { matchLabels: { name: 'abc' }, matchExpressions: [] }),
      expected: [],
    },
    {
      scenario: 'a changed selector',
      tweak: (d) => {
        d.spec.selector = { matchLabels: { name: 'abc', tier: 'web' } };
        d.spec.template.metadata = { labels: { name: 'abc', tier: 'web' } };
      },
      expected: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"abc", "tier":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    },
    {
      scenario: 'a renamed deployment',
      tweak: (d) => (d.metadata.name = 'def'),
      expected: ['metadata.name: Invalid value: "def": field is immutable'],
    },
    {
      scenario: 'the spec is still validated, before the selector check',
      tweak: (d) => {
        d.spec.replicas = -1;
        d.spec.selector = { matchLabels: { name: 'def' } };
        d.spec.template.metadata = { labels: { name: 'def' } };
      },
      expected: [
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"def"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    },
  ])('$scenario', ({ tweak, expected }) => {
    expect(messages(validateDeployment(validDeployment(tweak), validDeployment()))).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// ReplicaSet

describe('validateReplicaSet (TestValidateReplicaSet)', () => {
  it.each<{ scenario: string; tweak: Tweak<ReplicaSet> }>([
    { scenario: 'abc', tweak: () => {} },
    { scenario: 'abc-123', tweak: (rs) => (rs.metadata.name = 'abc-123') },
    { scenario: 'one replica', tweak: (rs) => (rs.spec.replicas = 1) },
    { scenario: 'zero replicas', tweak: (rs) => (rs.spec.replicas = 0) },
  ])('accepts $scenario', ({ tweak }) => {
    expect(messages(validateReplicaSet(validReplicaSet(tweak)))).toEqual([]);
  });

  it.each<{ scenario: string; tweak: Tweak<ReplicaSet>; expected: string[] }>([
    {
      scenario: 'zero-length ID',
      tweak: (rs) => (rs.metadata.name = ''),
      expected: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      scenario: 'no selector',
      tweak: (rs) => (rs.spec.selector = undefined as unknown as LabelSelector),
      expected: [
        'spec.selector: Required value',
        `spec.template.metadata.labels: Invalid value: map[string]string{"a":"b"}: ${NOT_MATCHING}`,
      ],
    },
    {
      scenario: 'an empty selector (with upstream reusing the deployment message)',
      tweak: (rs) => (rs.spec.selector = {}),
      expected: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
      ],
    },
    {
      scenario: 'selector_doesnt_match',
      tweak: (rs) => (rs.spec.selector = { matchLabels: { foo: 'bar' } }),
      expected: [`spec.template.metadata.labels: Invalid value: map[string]string{"a":"b"}: ${NOT_MATCHING}`],
    },
    {
      scenario: 'invalid manifest (an empty template)',
      tweak: (rs) =>
        (rs.spec.template = setDefaultsReplicaSet({
          ...rs,
          spec: { ...rs.spec, template: { spec: { containers: [] } } },
        }).spec.template),
      expected: [
        `spec.template.metadata.labels: Invalid value: map[string]string(nil): ${NOT_MATCHING}`,
        'spec.template.spec.containers: Required value',
      ],
    },
    {
      scenario: 'negative_replicas',
      tweak: (rs) => (rs.spec.replicas = -1),
      expected: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'negative minReadySeconds',
      tweak: (rs) => (rs.spec.minReadySeconds = -1),
      expected: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'invalid_label',
      tweak: (rs) => (rs.metadata.labels = { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }),
      expected: [`metadata.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${NAME_PART}`],
    },
    {
      scenario: 'invalid_label 2 (an invalid template label the selector does not mention)',
      tweak: (rs) =>
        (rs.spec.template.metadata = { labels: { a: 'b', 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } }),
      expected: [`spec.template.labels: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${NAME_PART}`],
    },
    {
      scenario: 'invalid_annotation',
      tweak: (rs) => (rs.metadata.annotations = { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }),
      expected: [`metadata.annotations: Invalid value: "NoUppercaseOrSpecialCharsLike=Equals": ${NAME_PART}`],
    },
    {
      scenario: 'invalid restart policy 1',
      tweak: (rs) => (rs.spec.template.spec.restartPolicy = 'OnFailure'),
      expected: [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    },
    {
      scenario: 'invalid restart policy 2',
      tweak: (rs) => (rs.spec.template.spec.restartPolicy = 'Never'),
      expected: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      scenario: 'an invalid pod-deletion-cost annotation in the template',
      tweak: (rs) =>
        (rs.spec.template.metadata = {
          labels: { a: 'b' },
          annotations: { 'controller.kubernetes.io/pod-deletion-cost': 'high' },
        }),
      expected: [
        'spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "high": must be a 32bit integer',
      ],
    },
  ])('rejects $scenario', ({ tweak, expected }) => {
    expect(messages(validateReplicaSet(validReplicaSet(tweak)))).toEqual(expected);
  });

  it.each<{ scenario: string; tweak: Tweak<ReplicaSet>; expected: string[] }>([
    { scenario: 'a scaled ReplicaSet', tweak: (rs) => (rs.spec.replicas = 4), expected: [] },
    {
      scenario: 'a changed selector',
      tweak: (rs) => {
        rs.spec.selector = { matchLabels: { a: 'b', 'pod-template-hash': '5d4f' } };
        rs.spec.template.metadata = { labels: { a: 'b', 'pod-template-hash': '5d4f' } };
      },
      expected: [
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b", "pod-template-hash":"5d4f"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
      ],
    },
  ])('on update, $scenario', ({ tweak, expected }) => {
    expect(messages(validateReplicaSet(validReplicaSet(tweak), validReplicaSet()))).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Pod

describe('validatePod (containers, probes, ports from core validation_test.go)', () => {
  const c0 = (p: Pod): Container => firstContainer(p.spec);

  it.each<{ scenario: string; tweak: Tweak<Pod> }>([
    { scenario: 'a minimal pod', tweak: () => {} },
    { scenario: 'restartPolicy Never (pods may use it)', tweak: (p) => (p.spec.restartPolicy = 'Never') },
    { scenario: 'an activeDeadlineSeconds on a bare pod', tweak: (p) => (p.spec.activeDeadlineSeconds = 30) },
    { scenario: 'a dotted node name', tweak: (p) => (p.spec.nodeName = 'node-1.cluster.local') },
    {
      scenario: 'valid pod-deletion-cost annotations',
      tweak: (p) => (p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '-100' }),
    },
    {
      scenario: 'a readiness probe with successThreshold 2',
      tweak: (p) => (c0(p).readinessProbe = probe({ exec: { command: ['true'] }, successThreshold: 2 })),
    },
    {
      scenario: 'a named tcpSocket port',
      tweak: (p) => (c0(p).livenessProbe = probe({ tcpSocket: { port: 'http' } })),
    },
    {
      scenario: 'the same port number over TCP and UDP',
      tweak: (p) =>
        (c0(p).ports = [
          { name: 'dns', containerPort: 53, protocol: 'TCP' },
          { name: 'dns-udp', containerPort: 53, protocol: 'UDP' },
        ]),
    },
  ])('accepts $scenario', ({ tweak }) => {
    expect(messages(validatePod(validPod(tweak)))).toEqual([]);
  });

  const ctr = 'spec.containers[0]';
  it.each<{ scenario: string; tweak: Tweak<Pod>; expected: string[] }>([
    {
      scenario: 'no containers',
      tweak: (p) => (p.spec.containers = []),
      expected: ['spec.containers: Required value'],
    },
    {
      scenario: 'a pod name that is not a DNS subdomain',
      tweak: (p) => (p.metadata.name = 'My_Pod'),
      expected: [`metadata.name: Invalid value: "My_Pod": ${DNS_SUBDOMAIN}`],
    },
    {
      scenario: 'an image with surrounding spaces (pod-only check)',
      tweak: (p) => (c0(p).image = ' nginx '),
      expected: [`${ctr}.image: Invalid value: " nginx ": must not have leading or trailing whitespace`],
    },
    {
      scenario: 'an unknown restart policy',
      tweak: (p) => (p.spec.restartPolicy = 'Sometimes'),
      expected: [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    },
    {
      scenario: 'an unknown DNS policy',
      tweak: (p) => (p.spec.dnsPolicy = 'Magic'),
      expected: [
        'spec.dnsPolicy: Unsupported value: "Magic": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    },
    {
      scenario: 'activeDeadlineSeconds 0',
      tweak: (p) => (p.spec.activeDeadlineSeconds = 0),
      expected: ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    },
    {
      scenario: 'a missing terminationGracePeriodSeconds',
      tweak: (p) => delete p.spec.terminationGracePeriodSeconds,
      expected: ['spec.terminationGracePeriodSeconds: Required value'],
    },
    {
      scenario: 'a node name that is not a DNS subdomain',
      tweak: (p) => (p.spec.nodeName = 'Node_1'),
      expected: [`spec.nodeName: Invalid value: "Node_1": ${DNS_SUBDOMAIN}`],
    },
    {
      scenario: 'container port 0',
      tweak: (p) => (c0(p).ports = [{ containerPort: 0, protocol: 'TCP' }]),
      expected: [`${ctr}.ports[0].containerPort: Required value`],
    },
    {
      scenario: 'container port 65536',
      tweak: (p) => (c0(p).ports = [{ containerPort: 65536, protocol: 'TCP' }]),
      expected: [
        `${ctr}.ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive`,
      ],
    },
    {
      scenario: 'an upper-case port name breaks two rules',
      tweak: (p) => (c0(p).ports = [{ name: 'HTTP', containerPort: 80, protocol: 'TCP' }]),
      expected: [
        `${ctr}.ports[0].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`,
        `${ctr}.ports[0].name: Invalid value: "HTTP": must contain at least one letter (a-z)`,
      ],
    },
    {
      scenario: 'a port name longer than 15 characters',
      tweak: (p) => (c0(p).ports = [{ name: 'web-http-server-1', containerPort: 80, protocol: 'TCP' }]),
      expected: [
        `${ctr}.ports[0].name: Invalid value: "web-http-server-1": must be no more than 15 characters`,
      ],
    },
    {
      scenario: 'a port name with a double hyphen and a trailing hyphen',
      tweak: (p) => (c0(p).ports = [{ name: 'a--b-', containerPort: 80, protocol: 'TCP' }]),
      expected: [
        `${ctr}.ports[0].name: Invalid value: "a--b-": must not contain consecutive hyphens`,
        `${ctr}.ports[0].name: Invalid value: "a--b-": must not begin or end with a hyphen`,
      ],
    },
    {
      scenario: 'two ports with the same name',
      tweak: (p) =>
        (c0(p).ports = [
          { name: 'http', containerPort: 80, protocol: 'TCP' },
          { name: 'http', containerPort: 81, protocol: 'TCP' },
        ]),
      expected: [`${ctr}.ports[1].name: Duplicate value: "http"`],
    },
    {
      scenario: 'a lower-case protocol',
      tweak: (p) => (c0(p).ports = [{ containerPort: 80, protocol: 'tcp' }]),
      expected: [
        `${ctr}.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"`,
      ],
    },
    {
      scenario: 'an env var name starting with a digit',
      tweak: (p) => (c0(p).env = [{ name: '1BAD', value: 'x' }]),
      expected: [`${ctr}.env[0].name: Invalid value: "1BAD": ${ENV_NAME}`],
    },
    {
      scenario: 'an env var without a name',
      tweak: (p) => (c0(p).env = [{ name: '' }]),
      expected: [`${ctr}.env[0].name: Required value`],
    },
    {
      scenario: "an env var name starting with '..'",
      tweak: (p) => (c0(p).env = [{ name: '..x' }]),
      expected: [`${ctr}.env[0].name: Invalid value: "..x": must not start with '..'`],
    },
    {
      scenario: 'an unknown image pull policy',
      tweak: (p) => (c0(p).imagePullPolicy = 'Sometimes'),
      expected: [
        `${ctr}.imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`,
      ],
    },
    {
      scenario: 'an unknown termination message policy',
      tweak: (p) => (c0(p).terminationMessagePolicy = 'Stdout'),
      expected: [
        `${ctr}.terminationMessagePolicy: Unsupported value: "Stdout": supported values: "File", "FallbackToLogsOnError"`,
      ],
    },
    {
      scenario: 'a pod-deletion-cost with a plus sign',
      tweak: (p) => (p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '+10' }),
      expected: [
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer',
      ],
    },
    {
      scenario: 'a pod-deletion-cost with leading zeros',
      tweak: (p) => (p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '007' }),
      expected: [
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "007": must be a 32bit integer',
      ],
    },
    {
      scenario: 'a pod-deletion-cost beyond int32',
      tweak: (p) => (p.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '2147483648' }),
      expected: [
        'metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "2147483648": must be a 32bit integer',
      ],
    },
    {
      scenario: 'a mirror pod annotation without a node',
      tweak: (p) => (p.metadata.annotations = { 'kubernetes.io/config.mirror': 'abc' }),
      expected: [
        'metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set',
      ],
    },
    {
      scenario: 'a liveness probe with successThreshold 2',
      tweak: (p) => (c0(p).livenessProbe = probe({ exec: { command: ['true'] }, successThreshold: 2 })),
      expected: [`${ctr}.livenessProbe.successThreshold: Invalid value: 2: must be 1`],
    },
    {
      scenario: 'a probe without a handler',
      tweak: (p) => (c0(p).readinessProbe = probe({})),
      expected: [`${ctr}.readinessProbe: Required value: must specify a handler type`],
    },
    {
      scenario: 'a probe with two handlers',
      tweak: (p) =>
        (c0(p).readinessProbe = probe({
          exec: { command: ['true'] },
          httpGet: { path: '/', port: 80, scheme: 'HTTP' },
        })),
      expected: [`${ctr}.readinessProbe.httpGet: Forbidden: may not specify more than 1 handler type`],
    },
    {
      scenario: 'an exec probe without a command',
      tweak: (p) => (c0(p).livenessProbe = probe({ exec: { command: [] } })),
      expected: [`${ctr}.livenessProbe.exec.command: Required value`],
    },
    {
      scenario: 'an httpGet probe on port 0',
      tweak: (p) => (c0(p).readinessProbe = probe({ httpGet: { path: '/', port: 0, scheme: 'HTTP' } })),
      expected: [
        `${ctr}.readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive`,
      ],
    },
    {
      scenario: 'an httpGet port given as a digit string is read as a port name',
      tweak: (p) => (c0(p).readinessProbe = probe({ httpGet: { path: '/', port: '8080', scheme: 'HTTP' } })),
      expected: [
        `${ctr}.readinessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)`,
      ],
    },
    {
      scenario: 'an httpGet probe with an FTP scheme',
      tweak: (p) => (c0(p).readinessProbe = probe({ httpGet: { path: '/', port: 80, scheme: 'FTP' } })),
      expected: [
        `${ctr}.readinessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"`,
      ],
    },
    {
      scenario: 'an httpGet probe with an empty path',
      tweak: (p) => (c0(p).readinessProbe = probe({ httpGet: { path: '', port: 80, scheme: 'HTTP' } })),
      expected: [`${ctr}.readinessProbe.httpGet.path: Required value`],
    },
    {
      scenario: 'negative probe timings, in field order',
      tweak: (p) =>
        (c0(p).readinessProbe = probe({
          tcpSocket: { port: 80 },
          initialDelaySeconds: -1,
          timeoutSeconds: -2,
          periodSeconds: -3,
          successThreshold: -4,
          failureThreshold: -5,
        })),
      expected: [
        `${ctr}.readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0`,
        `${ctr}.readinessProbe.timeoutSeconds: Invalid value: -2: must be greater than or equal to 0`,
        `${ctr}.readinessProbe.periodSeconds: Invalid value: -3: must be greater than or equal to 0`,
        `${ctr}.readinessProbe.successThreshold: Invalid value: -4: must be greater than or equal to 0`,
        `${ctr}.readinessProbe.failureThreshold: Invalid value: -5: must be greater than or equal to 0`,
      ],
    },
    {
      scenario: 'container errors come before pod-level ones, duplicates after the container',
      tweak: (p) => {
        p.spec.restartPolicy = 'Sometimes';
        p.spec.containers = [
          { ...c0(p), name: 'Web', image: '' },
          { ...c0(p), name: 'Web' },
        ];
      },
      expected: [
        `${ctr}.name: Invalid value: "Web": ${DNS_LABEL}`,
        `${ctr}.image: Required value`,
        `spec.containers[1].name: Invalid value: "Web": ${DNS_LABEL}`,
        'spec.containers[1].name: Duplicate value: "Web"',
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    },
  ])('rejects $scenario', ({ tweak, expected }) => {
    expect(messages(validatePod(validPod(tweak)))).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Service

describe('validateService (TestValidateServiceCreate)', () => {
  it.each<{ scenario: string; tweak: Tweak<Service> }>([
    { scenario: 'the default ClusterIP service', tweak: () => {} },
    {
      scenario: 'a headless service without ports',
      tweak: (s) => {
        s.spec.clusterIP = 'None';
        s.spec.ports = [];
      },
    },
    {
      scenario: 'a NodePort service with a node port',
      tweak: (s) => {
        s.spec.type = 'NodePort';
        s.spec.ports = [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }];
      },
    },
    {
      scenario: 'the same port over TCP and UDP',
      tweak: (s) =>
        (s.spec.ports = [
          { name: 'dns', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 53 },
        ]),
    },
    {
      scenario: 'a named target port',
      tweak: (s) => (s.spec.ports = [{ port: 80, targetPort: 'http', protocol: 'TCP' }]),
    },
    { scenario: 'ClientIP session affinity', tweak: (s) => (s.spec.sessionAffinity = 'ClientIP') },
  ])('accepts $scenario', ({ tweak }) => {
    expect(messages(validateService(validService(tweak)))).toEqual([]);
  });

  it.each<{ scenario: string; tweak: Tweak<Service>; expected: string[] }>([
    {
      scenario: 'a name starting with a digit',
      tweak: (s) => (s.metadata.name = '1abc'),
      expected: [`metadata.name: Invalid value: "1abc": ${DNS_1035}`],
    },
    {
      scenario: 'a dotted name (fine for a Deployment, not for a Service)',
      tweak: (s) => (s.metadata.name = 'abc.def'),
      expected: [`metadata.name: Invalid value: "abc.def": ${DNS_1035}`],
    },
    {
      scenario: 'no ports',
      tweak: (s) => (s.spec.ports = []),
      expected: ['spec.ports: Required value'],
    },
    {
      scenario: 'port 0 (the defaulted targetPort follows it)',
      tweak: (s) => (s.spec.ports = [{ port: 0, protocol: 'TCP', targetPort: 0 }]),
      expected: [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      ],
    },
    {
      scenario: 'port 65536',
      tweak: (s) => (s.spec.ports = [{ port: 65536, protocol: 'TCP', targetPort: 8080 }]),
      expected: ['spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive'],
    },
    {
      scenario: 'an invalid protocol',
      tweak: (s) => (s.spec.ports = [{ port: 80, protocol: 'INVALID', targetPort: 80 }]),
      expected: [
        'spec.ports[0].protocol: Unsupported value: "INVALID": supported values: "SCTP", "TCP", "UDP"',
      ],
    },
    {
      scenario: 'a target port name with an underscore',
      tweak: (s) => (s.spec.ports = [{ port: 80, protocol: 'TCP', targetPort: 'http_port' }]),
      expected: [
        'spec.ports[0].targetPort: Invalid value: "http_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    },
    {
      scenario: 'two ports without names',
      tweak: (s) =>
        (s.spec.ports = [
          { port: 80, protocol: 'TCP', targetPort: 80 },
          { port: 81, protocol: 'TCP', targetPort: 81 },
        ]),
      expected: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    },
    {
      scenario: 'an upper-case port name',
      tweak: (s) => (s.spec.ports = [{ name: 'HTTP', port: 80, protocol: 'TCP', targetPort: 80 }]),
      expected: [`spec.ports[0].name: Invalid value: "HTTP": ${DNS_LABEL}`],
    },
    {
      scenario: 'two ports with one name',
      tweak: (s) =>
        (s.spec.ports = [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 80 },
          { name: 'http', port: 81, protocol: 'TCP', targetPort: 81 },
        ]),
      expected: ['spec.ports[1].name: Duplicate value: "http"'],
    },
    {
      scenario: 'two ports with the same port and protocol',
      tweak: (s) =>
        (s.spec.ports = [
          { name: 'a', port: 80, protocol: 'TCP', targetPort: 80 },
          { name: 'b', port: 80, protocol: 'TCP', targetPort: 8080 },
        ]),
      expected: [
        `spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:${INT_ZERO}, NodePort:0}`,
      ],
    },
    {
      scenario: 'a selector value with a space',
      tweak: (s) => (s.spec.selector = { app: 'a b' }),
      expected: [`spec.selector: Invalid value: "a b": ${LABEL_VALUE}`],
    },
    {
      scenario: 'an unknown type',
      tweak: (s) => (s.spec.type = 'Magic'),
      expected: [
        'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
      ],
    },
    {
      scenario: 'an unknown session affinity',
      tweak: (s) => (s.spec.sessionAffinity = 'Sticky'),
      expected: ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'],
    },
    {
      scenario: 'a node port on a ClusterIP service',
      tweak: (s) =>
        (s.spec.ports = [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }]),
      expected: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    },
    {
      scenario: 'one node port used twice',
      tweak: (s) => {
        s.spec.type = 'NodePort';
        s.spec.ports = [
          { name: 'a', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 },
          { name: 'b', port: 81, protocol: 'TCP', targetPort: 81, nodePort: 30080 },
        ];
      },
      expected: ['spec.ports[1].nodePort: Duplicate value: 30080'],
    },
    {
      scenario: 'a headless NodePort service',
      tweak: (s) => {
        s.spec.type = 'NodePort';
        s.spec.clusterIP = 'None';
      },
      expected: [
        'spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
      ],
    },
  ])('rejects $scenario', ({ tweak, expected }) => {
    expect(messages(validateService(validService(tweak)))).toEqual(expected);
  });

  const allocated =
    (ip: string): Tweak<Service> =>
    (s) => {
      s.spec.clusterIP = ip;
      s.spec.clusterIPs = [ip];
    };

  it.each<{ scenario: string; tweak: Tweak<Service>; expected: string[] }>([
    { scenario: 'the same cluster IP', tweak: allocated('10.96.0.1'), expected: [] },
    { scenario: 'an update that leaves the cluster IP out', tweak: () => {}, expected: [] },
    {
      scenario: 'a changed cluster IP',
      tweak: allocated('10.96.0.2'),
      expected: ['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.2"}: may not change once set'],
    },
    {
      scenario: 'a renamed service',
      tweak: (s) => {
        allocated('10.96.0.1')(s);
        s.metadata.name = 'def';
      },
      expected: ['metadata.name: Invalid value: "def": field is immutable'],
    },
  ])('on update, $scenario', ({ tweak, expected }) => {
    expect(messages(validateService(validService(tweak), validService(allocated('10.96.0.1'))))).toEqual(
      expected,
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('validate dispatches on kind', () => {
  const badDeployment = validDeployment((d) => (d.spec.replicas = -1));
  const badReplicaSet = validReplicaSet((rs) => (rs.spec.replicas = -1));
  const badPod = validPod((p) => (p.spec.containers = []));
  const badService = validService((s) => (s.spec.ports = []));

  it.each<{ scenario: string; obj: KubeObject; old?: KubeObject; expected: string[] }>([
    {
      scenario: 'Deployment',
      obj: badDeployment,
      expected: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      scenario: 'Deployment update',
      obj: validDeployment((d) => (d.metadata.name = 'x')),
      old: validDeployment(),
      expected: ['metadata.name: Invalid value: "x": field is immutable'],
    },
    {
      scenario: 'ReplicaSet',
      obj: badReplicaSet,
      expected: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    { scenario: 'Pod', obj: badPod, expected: ['spec.containers: Required value'] },
    { scenario: 'Service', obj: badService, expected: ['spec.ports: Required value'] },
    {
      scenario: 'a kind without rules',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Not_Checked' } },
      expected: [],
    },
  ])('$scenario', ({ obj, old, expected }) => {
    expect(messages(validate(obj, old))).toEqual(expected);
  });
});

describe('validatePodDisruptionBudget (TestValidatePodDisruptionBudgetSpec)', () => {
  const budget = (spec: Record<string, unknown>) =>
    ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'kubia', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'kubia' } }, ...spec },
    }) as unknown as PodDisruptionBudget;
  const messages = (spec: Record<string, unknown>) =>
    validatePodDisruptionBudget(budget(spec)).map(formatFieldError);

  it.each([
    [{ minAvailable: 2 }],
    [{ minAvailable: 0 }],
    [{ maxUnavailable: '100%' }],
    [{ maxUnavailable: 1 }],
    [{}],
  ])('accepts %j', (spec) => expect(messages(spec)).toEqual([]));

  it('refuses minAvailable and maxUnavailable together, printing the spec as Go does', () => {
    expect(messages({ minAvailable: 1, maxUnavailable: 1 })).toEqual([
      'spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc000b3e0a0), Selector:(*v1.LabelSelector)(0xc000a1d2c0), MaxUnavailable:(*intstr.IntOrString)(0xc000b3e0c0), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set',
    ]);
  });

  it('refuses negative numbers, bad and too large percents, unknown policies', () => {
    expect(messages({ maxUnavailable: -1 })).toEqual([
      'spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0',
    ]);
    expect(messages({ minAvailable: '150%' })).toEqual([
      'spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ]);
    expect(messages({ minAvailable: 'half' })[0]).toMatch(/^spec\.minAvailable: Invalid value: .*"half"/);
    expect(messages({ unhealthyPodEvictionPolicy: 'Never' })).toEqual([
      'spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"',
    ]);
  });
});
