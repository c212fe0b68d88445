/**
 * The accept/reject table: what the API server (and kubectl in front of it) does with wrong-type
 * and invalid manifests, patches and flags, each with the exact text kubectl prints. Ported from
 * upstream where a test exists: `test/integration/apiserver/field_validation_test.go` (strict
 * decoding: paths with list indexes, several unknown fields joined with ", "),
 * `pkg/apis/apps/validation/validation_test.go` and `pkg/apis/core/validation/validation_test.go`
 * (messages of the validators), `staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go`
 * (quantities that do not parse). The other messages follow the code that produces them, cited in
 * src/k8s/decode.ts. Each case also seeds the fuzz suite's corpus.
 */

export interface Case {
  name: string;
  /**
   * A kubectl command line, run against a cluster (`TABLE_CLUSTER`) that already has
   * deployment/kubia (3 replicas).
   */
  run: string;
  stdin?: string;
  /** undefined: accepted (exit 0). */
  error?: string;
}

/**
 * The cluster every case runs in: instant pods, and a budget of pods per command that keeps every
 * command under a second on a slow machine.
 */
export const TABLE_CLUSTER = {
  seed: 1,
  timing: { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 },
  maxPodsPerCommand: 300,
};

export const KUBIA = `apiVersion: apps/v1
kind: Deployment
metadata: {name: kubia}
spec:
  replicas: 3
  selector: {matchLabels: {app: kubia}}
  template:
    metadata: {labels: {app: kubia}}
    spec: {containers: [{name: nodejs, image: luksa/kubia:v1}]}
`;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export const kubia = (): { [k: string]: Json } => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
    },
  },
});

export const service = (): { [k: string]: Json } => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
});

/** Sets `path` (`spec.template.spec.containers[0].image`) to `value`; `undefined` deletes it. */
export function withField(obj: { [k: string]: Json }, path: string, value: Json | undefined): string {
  const copy = JSON.parse(JSON.stringify(obj)) as { [k: string]: Json };
  const parts = path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
  let cur: Json = copy;
  for (const p of parts.slice(0, -1)) {
    const c = cur as Record<string | number, Json>;
    c[p] ??= typeof parts[parts.indexOf(p) + 1] === 'number' ? [] : {};
    cur = c[p]!;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete (cur as Record<string | number, Json>)[last];
  else (cur as Record<string | number, Json>)[last] = value;
  return JSON.stringify(copy);
}

const D = (path: string, value: Json | undefined) => withField(kubia(), path, value);
const S = (path: string, value: Json | undefined) => withField(service(), path, value);
const create = 'Error from server (BadRequest): error when creating "STDIN": ';
const dep = `${create}Deployment in version "v1" cannot be handled as a Deployment: `;
const svc = `${create}Service in version "v1" cannot be handled as a Service: `;
const c0 = 'spec.template.spec.containers[0]';
const notInt = (v: string, field: string, struct = 'DeploymentSpec', type = 'int32') =>
  `${dep}json: cannot unmarshal ${v} into Go struct field ${struct}.${field} of type ${type}`;
/** kubectl's own error for the object's metadata, which it reads before sending anything. */
const clientMeta = (v: string, field: string, type: string) =>
  `error: unable to decode "STDIN": json: cannot unmarshal ${v} into Go struct field ObjectMeta.metadata.${field} of type ${type}`;
const invalid = (detail: string) => `The Deployment "web" is invalid: ${detail}`;
const QUANTITY =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const apply = (name: string, stdin: string, error?: string): Case => ({
  name,
  run: 'apply -f -',
  stdin,
  ...(error !== undefined ? { error: `${error}\n` } : {}),
});

export const CASES: Case[] = [
  // --- accepted
  apply('a valid Deployment', D('spec.replicas', 2)),
  apply(
    'replicas written as 2.0 (JSON numbers are read as written: a whole number)',
    D('spec.replicas', 2.0),
  ),
  apply('replicas: null (a pointer left nil, defaulted to 1)', D('spec.replicas', null)),
  apply('replicas: 0', D('spec.replicas', 0)),
  apply('paused: true', D('spec.paused', true)),
  apply('maxSurge as a percent string', D('spec.strategy.rollingUpdate.maxSurge', '50%')),
  apply('maxSurge as an int', D('spec.strategy.rollingUpdate.maxSurge', 2)),
  apply('cpu request 500m', D(`${c0}.resources.requests.cpu`, '500m')),
  apply('cpu request as a number', D(`${c0}.resources.requests.cpu`, 1)),
  apply(
    'memory 128Mi under a 1Gi limit',
    D(`${c0}.resources`, { requests: { memory: '128Mi' }, limits: { memory: '1Gi' } }),
  ),
  apply('a valid Service', S('spec.ports[0].port', 80)),
  apply('a Service targetPort by name', S('spec.ports[0].targetPort', 'http')),
  apply(
    'creationTimestamp: null, as kubectl create --dry-run -o yaml writes it',
    D('metadata.creationTimestamp', null),
  ),
  apply(
    'fields the simulator does not model but the type has',
    D('spec.template.spec.nodeSelector', { disk: 'ssd' }),
  ),

  // --- wrong types: the JSON decoder (encoding/json's UnmarshalTypeError)
  apply('replicas: "3"', D('spec.replicas', '3'), notInt('string', 'spec.replicas')),
  apply('replicas: 1.5', D('spec.replicas', 1.5), notInt('number 1.5', 'spec.replicas')),
  apply('replicas: true', D('spec.replicas', true), notInt('bool', 'spec.replicas')),
  apply(
    'replicas: 2147483648 (past int32)',
    D('spec.replicas', 2147483648),
    notInt('number 2147483648', 'spec.replicas'),
  ),
  apply(
    'replicas: -2147483649 (past int32)',
    D('spec.replicas', -2147483649),
    notInt('number -2147483649', 'spec.replicas'),
  ),
  apply(
    'replicas: 1e21 (Go writes it with an exponent)',
    D('spec.replicas', 1e21),
    notInt('number 1e+21', 'spec.replicas'),
  ),
  apply('replicas: {}', D('spec.replicas', {}), notInt('object', 'spec.replicas')),
  apply('replicas: []', D('spec.replicas', []), notInt('array', 'spec.replicas')),
  apply('minReadySeconds: "10"', D('spec.minReadySeconds', '10'), notInt('string', 'spec.minReadySeconds')),
  apply(
    'progressDeadlineSeconds: "600"',
    D('spec.progressDeadlineSeconds', '600'),
    notInt('string', 'spec.progressDeadlineSeconds'),
  ),
  apply(
    'revisionHistoryLimit: "10"',
    D('spec.revisionHistoryLimit', '10'),
    notInt('string', 'spec.revisionHistoryLimit'),
  ),
  apply('paused: "yes"', D('spec.paused', 'yes'), notInt('string', 'spec.paused', 'DeploymentSpec', 'bool')),
  apply('paused: 1', D('spec.paused', 1), notInt('number', 'spec.paused', 'DeploymentSpec', 'bool')),
  apply(
    'containerPort: "80"',
    D(`${c0}.ports[0].containerPort`, '80'),
    notInt('string', 'spec.template.spec.containers.ports.containerPort', 'ContainerPort'),
  ),
  // The object's own metadata is read into ObjectMeta by kubectl before anything is sent.
  apply('labels: "x"', D('metadata.labels', 'x'), clientMeta('string', 'labels', 'map[string]string')),
  apply('a label value 1', D('metadata.labels', { app: 1 }), clientMeta('number', 'labels', 'string')),
  {
    name: 'create -f: annotations: ["a"]',
    run: 'create -f -',
    stdin: D('metadata.annotations', ['a']),
    error: `${clientMeta('array', 'annotations', 'map[string]string')}\n`,
  },
  apply(
    'apply: annotations: ["a"]',
    D('metadata.annotations', ['a']),
    clientMeta('array', 'annotations', 'map[string]string'),
  ),
  apply(
    'template labels: "x" (the server reads it)',
    D('spec.template.metadata.labels', 'x'),
    notInt('string', 'spec.template.metadata.labels', 'ObjectMeta', 'map[string]string'),
  ),
  apply(
    'image: 1.5',
    D(`${c0}.image`, 1.5),
    notInt('number', 'spec.template.spec.containers.image', 'Container', 'string'),
  ),
  apply(
    'containers: "x"',
    D('spec.template.spec.containers', 'x'),
    notInt('string', 'spec.template.spec.containers', 'PodSpec', '[]v1.Container'),
  ),
  apply(
    'template.spec: "x"',
    D('spec.template.spec', 'x'),
    notInt('string', 'spec.template.spec', 'PodTemplateSpec', 'v1.PodSpec'),
  ),
  apply(
    'strategy.type: 5',
    D('spec.strategy.type', 5),
    notInt('number', 'spec.strategy.type', 'DeploymentStrategy', 'v1.DeploymentStrategyType'),
  ),
  apply(
    'selector.matchLabels: "x"',
    D('spec.selector.matchLabels', 'x'),
    notInt('string', 'spec.selector.matchLabels', 'LabelSelector', 'map[string]string'),
  ),
  apply(
    'an env value 1',
    D(`${c0}.env`, [{ name: 'A', value: 1 }]),
    notInt('number', 'spec.template.spec.containers.env.value', 'EnvVar', 'string'),
  ),
  apply(
    'periodSeconds: "10"',
    D(`${c0}.readinessProbe`, { httpGet: { port: 8080 }, periodSeconds: '10' }),
    notInt('string', 'spec.template.spec.containers.readinessProbe.periodSeconds', 'Probe'),
  ),
  apply(
    'terminationGracePeriodSeconds: "30" (an int64)',
    D('spec.template.spec.terminationGracePeriodSeconds', '30'),
    notInt('string', 'spec.template.spec.terminationGracePeriodSeconds', 'PodSpec', 'int64'),
  ),
  apply(
    'command: "sleep"',
    D(`${c0}.command`, 'sleep'),
    notInt('string', 'spec.template.spec.containers.command', 'Container', '[]string'),
  ),
  apply(
    'args: [1]',
    D(`${c0}.args`, [1]),
    notInt('number', 'spec.template.spec.containers.args', 'Container', 'string'),
  ),
  apply(
    'the first wrong type in key order is the one reported',
    withField(
      JSON.parse(D(`${c0}.image`, 1.5)) as { [k: string]: Json },
      'spec.template.metadata.labels',
      'x',
    ),
    notInt('string', 'spec.template.metadata.labels', 'ObjectMeta', 'map[string]string'),
  ),

  // --- Unmarshalers: IntOrString, Quantity (their error ends decoding at once, and wins)
  apply(
    'maxSurge: 1.5',
    D('spec.strategy.rollingUpdate.maxSurge', 1.5),
    `${dep}json: cannot unmarshal number 1.5 into Go value of type int32`,
  ),
  apply(
    'maxUnavailable: true',
    D('spec.strategy.rollingUpdate.maxUnavailable', true),
    `${dep}json: cannot unmarshal bool into Go value of type int32`,
  ),
  apply(
    'an httpGet port of 1.5',
    D(`${c0}.readinessProbe`, { httpGet: { port: 1.5 } }),
    `${dep}json: cannot unmarshal number 1.5 into Go value of type int32`,
  ),
  apply(
    'an IntOrString error wins over an earlier type error',
    withField(
      JSON.parse(D('spec.strategy.rollingUpdate.maxSurge', 1.5)) as { [k: string]: Json },
      'spec.minReadySeconds',
      'x',
    ),
    `${dep}json: cannot unmarshal number 1.5 into Go value of type int32`,
  ),
  apply('cpu: lots', D(`${c0}.resources.requests.cpu`, 'lots'), `${dep}${QUANTITY}`),
  apply(
    'cpu: 1K (an unknown suffix)',
    D(`${c0}.resources.requests.cpu`, '1K'),
    `${dep}unable to parse quantity's suffix`,
  ),
  apply('memory: true', D(`${c0}.resources.limits.memory`, true), `${dep}${QUANTITY}`),

  // --- strict decoding (kubectl's default --validate=strict)
  apply(
    'an unknown field spec.foo',
    D('spec.foo', 1),
    `${dep}strict decoding error: unknown field "spec.foo"`,
  ),
  apply(
    'two unknown fields, in key order',
    withField(JSON.parse(D('spec.foo', 1)) as { [k: string]: Json }, 'spec.bar', 2),
    `${dep}strict decoding error: unknown field "spec.bar", unknown field "spec.foo"`,
  ),
  apply(
    'an unknown field in metadata',
    D('metadata.unknownMeta', 'metaVal'),
    `${dep}strict decoding error: unknown field "metadata.unknownMeta"`,
  ),
  apply(
    'an unknown field in a container (with its index)',
    D(`${c0}.unknownNested`, 'val1'),
    `${dep}strict decoding error: unknown field "spec.template.spec.containers[0].unknownNested"`,
  ),
  apply(
    'a wrong type wins over an unknown field',
    withField(JSON.parse(D('spec.foo', 1)) as { [k: string]: Json }, 'spec.replicas', '3'),
    notInt('string', 'spec.replicas'),
  ),

  // --- validation (after decoding)
  apply(
    'replicas: -1',
    D('spec.replicas', -1),
    invalid('spec.replicas: Invalid value: -1: must be greater than or equal to 0'),
  ),
  apply(
    'cpu: "-1" in requests',
    D(`${c0}.resources.requests.cpu`, '-1'),
    invalid(`${c0}.resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0`),
  ),
  apply(
    'requests above limits',
    D(`${c0}.resources`, { requests: { cpu: '2' }, limits: { cpu: '1' } }),
    invalid(`${c0}.resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`),
  ),
  apply(
    'memory requests above limits, in canonical form',
    D(`${c0}.resources`, { requests: { memory: '1024Mi' }, limits: { memory: '0.5Gi' } }),
    invalid(
      `${c0}.resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi`,
    ),
  ),
  apply(
    'containerPort: 70000',
    D(`${c0}.ports[0].containerPort`, 70000),
    invalid(`${c0}.ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`),
  ),
  apply(
    'maxSurge: "1.5"',
    D('spec.strategy.rollingUpdate.maxSurge', '1.5'),
    invalid(
      `spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"1.5"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ),
  ),
  apply(
    'strategy.type: Blue',
    D('spec.strategy.type', 'Blue'),
    invalid(
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ),
  ),
  apply('image: ""', D(`${c0}.image`, ''), invalid(`${c0}.image: Required value`)),
  apply(
    'containers: []',
    D('spec.template.spec.containers', []),
    invalid('spec.template.spec.containers: Required value'),
  ),
  apply(
    'revisionHistoryLimit: -1',
    D('spec.revisionHistoryLimit', -1),
    invalid('spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'),
  ),
  apply(
    'progressDeadlineSeconds not above minReadySeconds',
    withField(
      JSON.parse(D('spec.minReadySeconds', 10)) as { [k: string]: Json },
      'spec.progressDeadlineSeconds',
      5,
    ),
    invalid('spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds'),
  ),

  // --- simulator limits, on the parsed object (1e5 is read as 100000, never as "1")
  apply(
    'replicas: 1e5 in JSON (valid, but more pods than one command may create here)',
    D('spec.replicas', 1e5).replace('100000', '1e5'),
    'error: this command would create more than 300 pods at once, more than this simulated cluster runs in one command; nothing was changed',
  ),

  // --- other kinds
  apply(
    'a Service port: "80"',
    S('spec.ports[0].port', '80'),
    `${svc}json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`,
  ),
  apply(
    'a Service targetPort: 1.5',
    S('spec.ports[0].targetPort', 1.5),
    `${svc}json: cannot unmarshal number 1.5 into Go value of type int32`,
  ),
  apply(
    'a Service type: 1',
    S('spec.type', 1),
    `${svc}json: cannot unmarshal number into Go struct field ServiceSpec.spec.type of type v1.ServiceType`,
  ),
  apply('a Service with spec.foo', S('spec.foo', 1), `${svc}strict decoding error: unknown field "spec.foo"`),
  {
    name: 'create -f: a ReplicaSet replicas: "2"',
    run: 'create -f -',
    stdin: JSON.stringify({
      ...kubia(),
      kind: 'ReplicaSet',
      spec: { ...(kubia()['spec'] as object), replicas: '2' },
    }),
    error: `${create}ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32\n`,
  },
  {
    name: 'create -f: a Pod restartPolicy: 1',
    run: 'create -f -',
    stdin: JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { restartPolicy: 1, containers: [{ name: 'c', image: 'x' }] },
    }),
    error: `${create}Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy\n`,
  },

  // --- patches of the existing deployment/kubia (the apiserver's patch handler)
  {
    name: 'patch: replicas: {} (strategic merge patch, unstructured converter)',
    run: `patch deployment kubia -p '{"spec":{"replicas":{}}}'`,
    error:
      'The request is invalid: patch: Invalid value: "map[spec:map[replicas:map[]]]": unrecognized type: int32\n',
  },
  {
    name: 'patch: image: 1.5',
    run: `patch deployment kubia -p '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":1.5}]}}}}'`,
    error:
      'The request is invalid: patch: Invalid value: "map[spec:map[template:map[spec:map[containers:[map[image:1.5 name:nodejs]]]]]]": unrecognized type: string\n',
  },
  {
    name: 'patch: replicas: 1.5',
    run: `patch deployment kubia -p '{"spec":{"replicas":1.5}}'`,
    error:
      'The request is invalid: patch: Invalid value: "map[spec:map[replicas:1.5]]": cannot convert float64 to int32\n',
  },
  {
    name: 'patch: image: 7 (int64 to string)',
    run: `patch deployment kubia -p '{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","image":7}]}}}}'`,
    error:
      'The request is invalid: patch: Invalid value: "map[spec:map[template:map[spec:map[containers:[map[image:7 name:nodejs]]]]]]": cannot convert int64 to string\n',
  },
  {
    name: 'patch: labels: "x"',
    run: `patch deployment kubia -p '{"metadata":{"labels":"x"}}'`,
    error:
      'The request is invalid: patch: Invalid value: "map[metadata:map[labels:x]]": cannot restore map from string\n',
  },
  {
    name: 'patch --type=json: remove /spec (validation, not a crash)',
    run: `patch deployment kubia --type=json -p '[{"op":"remove","path":"/spec"}]'`,
    error:
      'The Deployment "kubia" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`\n* spec.template.spec.containers: Required value\n* spec.selector: Invalid value: null: field is immutable\n',
  },
  {
    name: 'patch: an unknown field is dropped with a warning',
    run: `patch deployment kubia -p '{"spec":{"foo":1}}'`,
  },
  { name: 'patch: replicas 5', run: `patch deployment kubia -p '{"spec":{"replicas":5}}'` },

  // --- kubectl's own flags
  {
    name: 'scale --replicas=-1',
    run: 'scale deployment kubia --replicas=-1',
    error: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
  },
  {
    name: 'create deployment --replicas=2147483648 (an Int32 flag)',
    run: 'create deployment big --image=nginx --replicas=2147483648',
    error:
      'error: invalid argument "2147483648" for "-r, --replicas" flag: strconv.ParseInt: parsing "2147483648": value out of range\nSee \'kubectl create deployment --help\' for usage.\n',
  },
  {
    name: 'scale --replicas=99999999999999999999 (past int64)',
    run: 'scale deployment kubia --replicas=99999999999999999999',
    error:
      'error: invalid argument "99999999999999999999" for "--replicas" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range\nSee \'kubectl scale --help\' for usage.\n',
  },
  {
    name: 'scale --replicas=2147483648 (wraps to a negative int32 in the Scale object)',
    run: 'scale deployment kubia --replicas=2147483648',
    error:
      'The Scale "kubia" is invalid: spec.replicas: Invalid value: -2147483648: must be greater than or equal to 0\n',
  },
];
