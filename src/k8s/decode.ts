/**
 * Decoding like the API server: every object a client sends is read into the Go types of
 * k8s.io/api before it is defaulted and validated, so a wrong type is refused with the API
 * server's own words instead of reaching a controller. Two readers, as upstream has two:
 *
 * - `json` (create, update, merge and JSON patches, and the object apply creates): the
 *   sigs.k8s.io/json fork of encoding/json the apiserver's JSON serializer uses
 *   (`staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go`, `UnmarshalStrict`).
 *   Keys are read in the order kubectl sends them (it marshals a map, so sorted); the first type
 *   mismatch is reported as `json: cannot unmarshal string into Go struct field
 *   DeploymentSpec.spec.replicas of type int32` (encoding/json's UnmarshalTypeError: the
 *   innermost struct, the JSON path without list indexes, the Go type); an Unmarshaler's error
 *   (IntOrString, Quantity, Time) ends decoding at once and wins; unknown fields are collected as
 *   `unknown field "spec.template.spec.containers[0].foo"` (with list indexes) and reported as
 *   `strict decoding error: a, b` only when there is no type error.
 * - `unstructured` (strategic merge patches, whose result is a map converted with
 *   `runtime.DefaultUnstructuredConverter.FromUnstructuredWithValidation`,
 *   `staging/src/k8s.io/apimachinery/pkg/runtime/converter.go`): fields in Go declaration order,
 *   the first failure ends it, with the converter's words (`unrecognized type: int32`, `cannot
 *   convert float64 to int32`, `cannot restore slice from string`); an int64 that does not fit an
 *   int32 wraps around as reflect's Convert does; unknown fields come sorted.
 *
 * The schema below lists every field of the Go types for the kinds the simulator stores, in
 * declaration order (k8s.io/api core/v1, apps/v1, discovery/v1; k8s.io/apimachinery meta/v1), so
 * valid manifests pass whatever they set. Parts the simulator never reads are `any`.
 */
import { parseQuantityStrict } from './quantity.ts';

// =============================================================================================
// Go types

export type GoType =
  | { t: 'int32' | 'int64' | 'bool' | 'float64' }
  /** `name` is the Go type as an error prints it: `string`, `v1.Protocol`, `v1.DeploymentStrategyType`. */
  | { t: 'string'; name: string }
  | { t: 'intstr' }
  | { t: 'quantity' }
  | { t: 'time' }
  | { t: 'map'; name: string; elem: GoType }
  | { t: 'slice'; name: string; elem: GoType }
  | { t: 'struct'; name: string; fields: () => [string, GoType][] }
  | { t: 'any' };

const int32: GoType = { t: 'int32' };
const int64: GoType = { t: 'int64' };
const bool: GoType = { t: 'bool' };
const any: GoType = { t: 'any' };
const intstr: GoType = { t: 'intstr' };
const quantity: GoType = { t: 'quantity' };
const time: GoType = { t: 'time' };
const str = (name = 'string'): GoType => ({ t: 'string', name });
const string = str();
const strings: GoType = { t: 'slice', name: '[]string', elem: string };
const stringMap: GoType = { t: 'map', name: 'map[string]string', elem: string };
const resourceList: GoType = { t: 'map', name: 'v1.ResourceList', elem: quantity };
const list = (elem: GoType & { name: string }): GoType => ({
  t: 'slice',
  name: `[]${goName(elem)}`,
  elem,
});

function goName(t: GoType): string {
  switch (t.t) {
    case 'struct':
      return `v1.${t.name}`;
    case 'string':
    case 'map':
    case 'slice':
      return t.name;
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'any':
      return 'interface {}';
    default:
      return t.t;
  }
}

const struct = (name: string, fields: () => [string, GoType][]): GoType & { name: string } => ({
  t: 'struct',
  name,
  fields,
});

// ---- meta/v1

const OwnerReference = struct('OwnerReference', () => [
  ['apiVersion', string],
  ['kind', string],
  ['name', string],
  ['uid', str('types.UID')],
  ['controller', bool],
  ['blockOwnerDeletion', bool],
]);
const ObjectMeta = struct('ObjectMeta', () => [
  ['name', string],
  ['generateName', string],
  ['namespace', string],
  ['selfLink', string],
  ['uid', str('types.UID')],
  ['resourceVersion', string],
  ['generation', int64],
  ['creationTimestamp', time],
  ['deletionTimestamp', time],
  ['deletionGracePeriodSeconds', int64],
  ['labels', stringMap],
  ['annotations', stringMap],
  ['ownerReferences', list(OwnerReference)],
  ['finalizers', strings],
  ['managedFields', any],
]);
const LabelSelectorRequirement = struct('LabelSelectorRequirement', () => [
  ['key', string],
  ['operator', str('v1.LabelSelectorOperator')],
  ['values', strings],
]);
const LabelSelector = struct('LabelSelector', () => [
  ['matchLabels', stringMap],
  ['matchExpressions', list(LabelSelectorRequirement)],
]);
const typeMeta: [string, GoType][] = [
  ['kind', string],
  ['apiVersion', string],
];

// ---- core/v1 containers and pods

const ContainerPort = struct('ContainerPort', () => [
  ['name', string],
  ['hostPort', int32],
  ['containerPort', int32],
  ['protocol', str('v1.Protocol')],
  ['hostIP', string],
]);
const EnvVar = struct('EnvVar', () => [
  ['name', string],
  ['value', string],
  ['valueFrom', any],
]);
const ResourceRequirements = struct('ResourceRequirements', () => [
  ['limits', resourceList],
  ['requests', resourceList],
  ['claims', any],
]);
const ExecAction = struct('ExecAction', () => [['command', strings]]);
const HTTPHeader = struct('HTTPHeader', () => [
  ['name', string],
  ['value', string],
]);
const HTTPGetAction = struct('HTTPGetAction', () => [
  ['path', string],
  ['port', intstr],
  ['host', string],
  ['scheme', str('v1.URIScheme')],
  ['httpHeaders', list(HTTPHeader)],
]);
const TCPSocketAction = struct('TCPSocketAction', () => [
  ['port', intstr],
  ['host', string],
]);
const Probe = struct('Probe', () => [
  // ProbeHandler is embedded (inline): its fields sit beside the probe's own.
  ['exec', ExecAction],
  ['httpGet', HTTPGetAction],
  ['tcpSocket', TCPSocketAction],
  ['grpc', any],
  ['initialDelaySeconds', int32],
  ['timeoutSeconds', int32],
  ['periodSeconds', int32],
  ['successThreshold', int32],
  ['failureThreshold', int32],
  ['terminationGracePeriodSeconds', int64],
]);
const Container = struct('Container', () => [
  ['name', string],
  ['image', string],
  ['command', strings],
  ['args', strings],
  ['workingDir', string],
  ['ports', list(ContainerPort)],
  ['envFrom', any],
  ['env', list(EnvVar)],
  ['resources', ResourceRequirements],
  ['resizePolicy', any],
  ['restartPolicy', str('v1.ContainerRestartPolicy')],
  ['restartPolicyRules', any],
  ['volumeMounts', any],
  ['volumeDevices', any],
  ['livenessProbe', Probe],
  ['readinessProbe', Probe],
  ['startupProbe', Probe],
  ['lifecycle', any],
  ['terminationMessagePath', string],
  ['terminationMessagePolicy', str('v1.TerminationMessagePolicy')],
  ['imagePullPolicy', str('v1.PullPolicy')],
  ['securityContext', any],
  ['stdin', bool],
  ['stdinOnce', bool],
  ['tty', bool],
]);
const Toleration = struct('Toleration', () => [
  ['key', string],
  ['operator', str('v1.TolerationOperator')],
  ['value', string],
  ['effect', str('v1.TaintEffect')],
  ['tolerationSeconds', int64],
]);
const PodSpec = struct('PodSpec', () => [
  ['volumes', any],
  ['initContainers', list(Container)],
  ['containers', list(Container)],
  ['ephemeralContainers', any],
  ['restartPolicy', str('v1.RestartPolicy')],
  ['terminationGracePeriodSeconds', int64],
  ['activeDeadlineSeconds', int64],
  ['dnsPolicy', str('v1.DNSPolicy')],
  ['nodeSelector', stringMap],
  ['serviceAccountName', string],
  ['serviceAccount', string],
  ['automountServiceAccountToken', bool],
  ['nodeName', string],
  ['hostNetwork', bool],
  ['hostPID', bool],
  ['hostIPC', bool],
  ['shareProcessNamespace', bool],
  ['securityContext', any],
  ['imagePullSecrets', any],
  ['hostname', string],
  ['subdomain', string],
  ['affinity', any],
  ['schedulerName', string],
  ['tolerations', list(Toleration)],
  ['hostAliases', any],
  ['priorityClassName', string],
  ['priority', int32],
  ['dnsConfig', any],
  ['readinessGates', any],
  ['runtimeClassName', string],
  ['enableServiceLinks', bool],
  ['preemptionPolicy', str('v1.PreemptionPolicy')],
  ['overhead', resourceList],
  ['topologySpreadConstraints', any],
  ['setHostnameAsFQDN', bool],
  ['os', any],
  ['hostUsers', bool],
  ['schedulingGates', any],
  ['resourceClaims', any],
  ['resources', ResourceRequirements],
  ['hostnameOverride', string],
]);
const PodTemplateSpec = struct('PodTemplateSpec', () => [
  ['metadata', ObjectMeta],
  ['spec', PodSpec],
]);
const PodCondition = struct('PodCondition', () => [
  ['type', str('v1.PodConditionType')],
  ['observedGeneration', int64],
  ['status', str('v1.ConditionStatus')],
  ['lastProbeTime', time],
  ['lastTransitionTime', time],
  ['reason', string],
  ['message', string],
]);
const ContainerStatus = struct('ContainerStatus', () => [
  ['name', string],
  ['state', any],
  ['lastState', any],
  ['ready', bool],
  ['restartCount', int32],
  ['image', string],
  ['imageID', string],
  ['containerID', string],
  ['started', bool],
  ['allocatedResources', resourceList],
  ['resources', any],
  ['volumeMounts', any],
  ['user', any],
  ['allocatedResourcesStatus', any],
  ['stopSignal', string],
]);
const PodStatus = struct('PodStatus', () => [
  ['observedGeneration', int64],
  ['phase', str('v1.PodPhase')],
  ['conditions', list(PodCondition)],
  ['message', string],
  ['reason', string],
  ['nominatedNodeName', string],
  ['hostIP', string],
  ['hostIPs', any],
  ['podIP', string],
  ['podIPs', any],
  ['startTime', time],
  ['initContainerStatuses', list(ContainerStatus)],
  ['containerStatuses', list(ContainerStatus)],
  ['qosClass', str('v1.PodQOSClass')],
  ['ephemeralContainerStatuses', any],
  ['resize', str('v1.PodResizeStatus')],
  ['resourceClaimStatuses', any],
  ['extendedResourceClaimStatus', any],
]);
const Pod = struct('Pod', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['spec', PodSpec],
  ['status', PodStatus],
]);

// ---- apps/v1

const RollingUpdateDeployment = struct('RollingUpdateDeployment', () => [
  ['maxUnavailable', intstr],
  ['maxSurge', intstr],
]);
const DeploymentStrategy = struct('DeploymentStrategy', () => [
  ['type', str('v1.DeploymentStrategyType')],
  ['rollingUpdate', RollingUpdateDeployment],
]);
const DeploymentSpec = struct('DeploymentSpec', () => [
  ['replicas', int32],
  ['selector', LabelSelector],
  ['template', PodTemplateSpec],
  ['strategy', DeploymentStrategy],
  ['minReadySeconds', int32],
  ['revisionHistoryLimit', int32],
  ['paused', bool],
  ['progressDeadlineSeconds', int32],
]);
const DeploymentCondition = struct('DeploymentCondition', () => [
  ['type', str('v1.DeploymentConditionType')],
  ['status', str('v1.ConditionStatus')],
  ['lastUpdateTime', time],
  ['lastTransitionTime', time],
  ['reason', string],
  ['message', string],
]);
const DeploymentStatus = struct('DeploymentStatus', () => [
  ['observedGeneration', int64],
  ['replicas', int32],
  ['updatedReplicas', int32],
  ['readyReplicas', int32],
  ['availableReplicas', int32],
  ['unavailableReplicas', int32],
  ['terminatingReplicas', int32],
  ['conditions', list(DeploymentCondition)],
  ['collisionCount', int32],
]);
const Deployment = struct('Deployment', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['spec', DeploymentSpec],
  ['status', DeploymentStatus],
]);
const ReplicaSetSpec = struct('ReplicaSetSpec', () => [
  ['replicas', int32],
  ['minReadySeconds', int32],
  ['selector', LabelSelector],
  ['template', PodTemplateSpec],
]);
const ReplicaSetCondition = struct('ReplicaSetCondition', () => [
  ['type', str('v1.ReplicaSetConditionType')],
  ['status', str('v1.ConditionStatus')],
  ['lastTransitionTime', time],
  ['reason', string],
  ['message', string],
]);
const ReplicaSetStatus = struct('ReplicaSetStatus', () => [
  ['replicas', int32],
  ['fullyLabeledReplicas', int32],
  ['readyReplicas', int32],
  ['availableReplicas', int32],
  ['terminatingReplicas', int32],
  ['observedGeneration', int64],
  ['conditions', list(ReplicaSetCondition)],
]);
const ReplicaSet = struct('ReplicaSet', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['spec', ReplicaSetSpec],
  ['status', ReplicaSetStatus],
]);

// ---- core/v1 Service, Endpoints, Node; discovery/v1 EndpointSlice

const ServicePort = struct('ServicePort', () => [
  ['name', string],
  ['protocol', str('v1.Protocol')],
  ['appProtocol', string],
  ['port', int32],
  ['targetPort', intstr],
  ['nodePort', int32],
]);
const ServiceSpec = struct('ServiceSpec', () => [
  ['ports', list(ServicePort)],
  ['selector', stringMap],
  ['clusterIP', string],
  ['clusterIPs', strings],
  ['type', str('v1.ServiceType')],
  ['externalIPs', strings],
  ['sessionAffinity', str('v1.ServiceAffinity')],
  ['loadBalancerIP', string],
  ['loadBalancerSourceRanges', strings],
  ['externalName', string],
  ['externalTrafficPolicy', str('v1.ServiceExternalTrafficPolicy')],
  ['healthCheckNodePort', int32],
  ['publishNotReadyAddresses', bool],
  ['sessionAffinityConfig', any],
  ['ipFamilies', { t: 'slice', name: '[]v1.IPFamily', elem: str('v1.IPFamily') }],
  ['ipFamilyPolicy', str('v1.IPFamilyPolicy')],
  ['allocateLoadBalancerNodePorts', bool],
  ['loadBalancerClass', string],
  ['internalTrafficPolicy', str('v1.ServiceInternalTrafficPolicy')],
  ['trafficDistribution', string],
]);
const Service = struct('Service', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['spec', ServiceSpec],
  ['status', any],
]);
const ObjectReference = struct('ObjectReference', () => [
  ['kind', string],
  ['namespace', string],
  ['name', string],
  ['uid', str('types.UID')],
  ['apiVersion', string],
  ['resourceVersion', string],
  ['fieldPath', string],
]);
const EndpointAddress = struct('EndpointAddress', () => [
  ['ip', string],
  ['hostname', string],
  ['nodeName', string],
  ['targetRef', ObjectReference],
]);
const EndpointPort = struct('EndpointPort', () => [
  ['name', string],
  ['port', int32],
  ['protocol', str('v1.Protocol')],
  ['appProtocol', string],
]);
const EndpointSubset = struct('EndpointSubset', () => [
  ['addresses', list(EndpointAddress)],
  ['notReadyAddresses', list(EndpointAddress)],
  ['ports', list(EndpointPort)],
]);
const Endpoints = struct('Endpoints', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['subsets', list(EndpointSubset)],
]);
const EndpointConditions = struct('EndpointConditions', () => [
  ['ready', bool],
  ['serving', bool],
  ['terminating', bool],
]);
const Endpoint = struct('Endpoint', () => [
  ['addresses', strings],
  ['conditions', EndpointConditions],
  ['hostname', string],
  ['targetRef', ObjectReference],
  ['deprecatedTopology', stringMap],
  ['nodeName', string],
  ['zone', string],
  ['hints', any],
]);
const SlicePort = struct('EndpointPort', () => [
  ['name', string],
  ['protocol', str('v1.Protocol')],
  ['port', int32],
  ['appProtocol', string],
]);
const EndpointSlice = struct('EndpointSlice', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['addressType', str('v1.AddressType')],
  ['endpoints', list(Endpoint)],
  ['ports', list(SlicePort)],
]);
const Taint = struct('Taint', () => [
  ['key', string],
  ['value', string],
  ['effect', str('v1.TaintEffect')],
  ['timeAdded', time],
]);
const NodeSpec = struct('NodeSpec', () => [
  ['podCIDR', string],
  ['podCIDRs', strings],
  ['providerID', string],
  ['unschedulable', bool],
  ['taints', list(Taint)],
  ['configSource', any],
  ['externalID', string],
]);
const NodeObject = struct('Node', () => [
  ...typeMeta,
  ['metadata', ObjectMeta],
  ['spec', NodeSpec],
  ['status', any],
]);

const SCHEMAS: Record<string, GoType & { name: string }> = {
  Deployment,
  ReplicaSet,
  Pod,
  Service,
  Endpoints,
  EndpointSlice,
  Node: NodeObject,
};

// =============================================================================================
// Errors

/**
 * The object could not be read into its Go type. `detail` is the decoder's error as the API
 * server wraps it (`json: cannot unmarshal …`, `strict decoding error: …`, `unrecognized type:
 * int32`); `strict` says whether it is only about unknown fields.
 */
export class DecodeError extends Error {
  constructor(
    readonly detail: string,
    readonly strict: boolean,
  ) {
    super(detail);
    this.name = 'DecodeError';
  }
}

/** An Unmarshaler's error ends encoding/json's decoding at once. */
class Abort {
  constructor(readonly message: string) {}
}

// =============================================================================================
// Go's number formatting, for the values errors quote

/** How encoding/json writes a float64 (kubectl re-marshals every number it sends). */
export function goJsonNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  const s = String(n);
  // JS and Go agree on the digits; Go pads a negative exponent to two digits (1e-07).
  return s.replace(/e-(\d)$/, 'e-0$1');
}

/**
 * fmt's %v of a float64: %g with the shortest digits, which writes an exponent from 1e+06 up and
 * below 1e-04 (strconv uses precision 6 for that decision when the digits are the shortest).
 */
export function goFormatFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const [mantissa, e] = n.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

// =============================================================================================
// The json reader

interface JsonState {
  typeError: string | undefined;
  unknown: string[];
  fields: number;
}

/** The most fields one object may have: a bound on the work one hostile manifest can cause. */
export const MAX_DECODED_FIELDS = 100_000;

const isObj = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'array' : 'object';
}

function saveTypeError(st: JsonState, value: string, structName: string, path: string[], type: GoType) {
  st.typeError ??=
    structName || path.length
      ? `json: cannot unmarshal ${value} into Go struct field ${structName}.${path.join('.')} of type ${goName(type)}`
      : `json: cannot unmarshal ${value} into Go value of type ${goName(type)}`;
}

/**
 * Reads `v` as `type`; returns the value to keep (nulls dropped, everything else as given).
 * `path` is encoding/json's field stack, `strictPath` the strict decoder's.
 */
function readJson(
  v: unknown,
  type: GoType,
  st: JsonState,
  structName: string,
  path: string[],
  strictPath: string,
): unknown {
  if (++st.fields > MAX_DECODED_FIELDS)
    throw new Abort(`the object has more than ${MAX_DECODED_FIELDS} fields`);
  switch (type.t) {
    case 'any':
      return v;
    case 'int32':
    case 'int64': {
      if (typeof v !== 'number') return void saveTypeError(st, jsonKind(v), structName, path, type);
      // An int64 bound as a float: 2^63 itself is the first value out of range.
      const limit = type.t === 'int32' ? 2 ** 31 : 2 ** 63;
      if (!Number.isInteger(v) || v >= limit || v < -limit)
        return void saveTypeError(st, `number ${goJsonNumber(v)}`, structName, path, type);
      return v;
    }
    case 'float64':
      if (typeof v !== 'number') return void saveTypeError(st, jsonKind(v), structName, path, type);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') return void saveTypeError(st, jsonKind(v), structName, path, type);
      return v;
    case 'string':
      if (typeof v !== 'string') return void saveTypeError(st, jsonKind(v), structName, path, type);
      return v;
    case 'intstr':
      // IntOrString.UnmarshalJSON: a quoted value is the string, anything else an int32.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v <= 2147483647 && v >= -2147483648) return v;
      throw new Abort(
        `json: cannot unmarshal ${typeof v === 'number' ? `number ${goJsonNumber(v)}` : jsonKind(v)} into Go value of type int32`,
      );
    case 'quantity':
      return readQuantity(v);
    case 'time':
      if (typeof v !== 'string')
        throw new Abort(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
      return v;
    case 'map': {
      if (!isObj(v)) return void saveTypeError(st, jsonKind(v), structName, path, type);
      const read = new Map<string, unknown>();
      for (const k of Object.keys(v).sort()) {
        const x = v[k];
        if (x === null) {
          read.set(k, zeroOf(type.elem));
          continue;
        }
        const r = readJson(x, type.elem, st, structName, path, `${strictPath}.${k}`);
        if (r !== undefined) read.set(k, r);
      }
      return inSourceOrder(v, read);
    }
    case 'slice': {
      if (!Array.isArray(v)) return void saveTypeError(st, jsonKind(v), structName, path, type);
      return v.map((x, i) => {
        if (x === null) return zeroOf(type.elem);
        const r = readJson(x, type.elem, st, structName, path, `${strictPath}[${i}]`);
        return r === undefined ? zeroOf(type.elem) : r;
      });
    }
    case 'struct': {
      if (!isObj(v)) return void saveTypeError(st, jsonKind(v), structName, path, type);
      const fields = new Map(type.fields());
      const read = new Map<string, unknown>();
      for (const k of Object.keys(v).sort()) {
        const x = v[k];
        const ft = fields.get(k);
        const sub = strictPath ? `${strictPath}.${k}` : k;
        if (!ft) {
          st.unknown.push(`unknown field "${sub}"`);
          continue;
        }
        if (x === null) continue;
        const r = readJson(x, ft, st, type.name, [...path, k], sub);
        if (r !== undefined) read.set(k, r);
      }
      return inSourceOrder(v, read);
    }
  }
}

/** Decoded fields, keyed as read, in the order the source had them (printers rely on it). */
function inSourceOrder(source: Record<string, unknown>, read: Map<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source)) if (read.has(k)) out[k] = read.get(k);
  return out;
}

/** The zero value a null list element or map value decodes to. */
function zeroOf(t: GoType): unknown {
  switch (t.t) {
    case 'int32':
    case 'int64':
    case 'float64':
      return 0;
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'struct':
      return {};
    case 'quantity':
      return '0';
    default:
      return null;
  }
}

/**
 * Quantity.UnmarshalJSON: a string or a number, parsed by ParseQuantity. Kept as written (the
 * simulator has always stored a number given for a quantity as that number, and pod-template
 * hashes depend on it).
 */
function readQuantity(v: unknown): string | number {
  const text = typeof v === 'number' ? goJsonNumber(v) : typeof v === 'string' ? v : undefined;
  if (text === undefined) throw new Abort(QUANTITY_FORMAT_ERROR);
  const err = parseQuantityStrict(text.trim());
  if (err) throw new Abort(err);
  return v as string | number;
}

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/**
 * Decodes an object of a stored kind like the apiserver's strict JSON decoder. Throws
 * DecodeError; returns the object as it would be stored (nulls and empty maps dropped).
 */
export function decodeObject<T>(obj: Record<string, unknown>, mode: 'json' | 'unstructured' = 'json'): T {
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : '';
  const schema = SCHEMAS[kind];
  if (!schema) return obj as T;
  if (mode === 'unstructured') return withoutEmptyMaps(readUnstructuredRoot(obj, schema) as T);
  const st: JsonState = { typeError: undefined, unknown: [], fields: 0 };
  let out: unknown;
  try {
    out = readJson(obj, schema, st, '', [], '');
  } catch (e) {
    if (e instanceof Abort) throw new DecodeError(e.message, false);
    throw e;
  }
  if (st.typeError) throw new DecodeError(st.typeError, false);
  if (st.unknown.length) throw new DecodeError(`strict decoding error: ${st.unknown.join(', ')}`, true);
  return withoutEmptyMaps(out as T);
}

/** A manifest's metadata alone, as kubectl's client reads it before sending anything. */
const MetadataOnly = struct('metadataOnlyObject', () => [['metadata', ObjectMeta]]);

/**
 * encoding/json's error for a manifest whose metadata does not fit ObjectMeta (`json: cannot
 * unmarshal bool into Go struct field ObjectMeta.metadata.name of type string`): kubectl's
 * resource builder reads the metadata before the object goes anywhere. Undefined when it fits.
 */
export function objectMetaTypeError(obj: Record<string, unknown>): string | undefined {
  if (obj['metadata'] === undefined) return undefined;
  const st: JsonState = { typeError: undefined, unknown: [], fields: 0 };
  try {
    readJson({ metadata: obj['metadata'] }, MetadataOnly, st, '', [], '');
  } catch (e) {
    if (e instanceof Abort) return e.message;
    throw e;
  }
  return st.typeError;
}

/** The kinds decodeObject reads. */
export const decodedKinds = (): string[] => Object.keys(SCHEMAS);

// =============================================================================================
// The unstructured converter

interface UnstructuredState {
  unknown: string[];
  fields: number;
}

class ConvertError {
  constructor(readonly message: string) {}
}

/** reflect.Kind of a value in a map[string]interface{} decoded with preserved ints. */
function unstructuredKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** reflect's Convert of an int64 to an int32: the low 32 bits. */
function wrapInt32(n: number): number {
  return Number(BigInt.asIntN(32, BigInt(n)));
}

function readUnstructured(v: unknown, type: GoType, st: UnstructuredState, path: string): unknown {
  if (++st.fields > MAX_DECODED_FIELDS)
    throw new ConvertError(`the object has more than ${MAX_DECODED_FIELDS} fields`);
  if (v === null || v === undefined) return undefined;
  const kind = unstructuredKind(v);
  switch (type.t) {
    case 'any':
      return v;
    case 'int32':
    case 'int64':
      if (kind === 'int64') return type.t === 'int32' ? wrapInt32(v as number) : v;
      if (kind === 'float64') throw new ConvertError(`cannot convert float64 to ${type.t}`);
      throw new ConvertError(`unrecognized type: ${type.t}`);
    case 'float64':
      if (typeof v === 'number') return v;
      throw new ConvertError('unrecognized type: float64');
    case 'bool':
      if (kind === 'bool') return v;
      throw new ConvertError('unrecognized type: bool');
    case 'string':
      if (kind === 'string') return v;
      if (kind === 'int64') throw new ConvertError('cannot convert int64 to string');
      throw new ConvertError('unrecognized type: string');
    case 'intstr':
      // The converter hands IntOrString its JSON: UnmarshalJSON's own error, unwrapped.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v <= 2147483647 && v >= -2147483648) return v;
      throw new ConvertError(
        `json: cannot unmarshal ${typeof v === 'number' ? `number ${goJsonNumber(v)}` : kind === 'slice' ? 'array' : kind === 'map' ? 'object' : 'bool'} into Go value of type int32`,
      );
    case 'quantity':
      try {
        return readQuantity(v);
      } catch (e) {
        if (e instanceof Abort) throw new ConvertError(e.message);
        throw e;
      }
    case 'time':
      if (typeof v === 'string') return v;
      throw new ConvertError(
        `json: cannot unmarshal ${kind === 'slice' ? 'array' : kind === 'map' ? 'object' : kind === 'bool' ? 'bool' : 'number'} into Go value of type string`,
      );
    case 'map': {
      if (kind !== 'map') throw new ConvertError(`cannot restore map from ${kind}`);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const r = readUnstructured(x, type.elem, st, `${path}.${k}`);
        out[k] = r === undefined ? zeroOf(type.elem) : r;
      }
      return out;
    }
    case 'slice': {
      if (kind !== 'slice') throw new ConvertError(`cannot restore slice from ${kind}`);
      return (v as unknown[]).map((x, i) => {
        const r = readUnstructured(x, type.elem, st, `${path}[${i}]`);
        return r === undefined ? zeroOf(type.elem) : r;
      });
    }
    case 'struct': {
      if (kind !== 'map') throw new ConvertError(`cannot restore struct from: ${kind}`);
      const src = v as Record<string, unknown>;
      const read = new Map<string, unknown>();
      const known = new Set<string>();
      for (const [k, ft] of type.fields()) {
        known.add(k);
        if (!Object.hasOwn(src, k)) continue;
        const r = readUnstructured(src[k], ft, st, path ? `${path}.${k}` : k);
        if (r !== undefined) read.set(k, r);
      }
      for (const k of Object.keys(src))
        if (!known.has(k)) st.unknown.push(`unknown field "${path ? `${path}.${k}` : k}"`);
      return inSourceOrder(src, read);
    }
  }
}

function readUnstructuredRoot(obj: Record<string, unknown>, schema: GoType): unknown {
  const st: UnstructuredState = { unknown: [], fields: 0 };
  let out: unknown;
  try {
    out = readUnstructured(obj, schema, st, '');
  } catch (e) {
    if (e instanceof ConvertError) throw new DecodeError(e.message, false);
    throw e;
  }
  if (st.unknown.length)
    throw new DecodeError(`strict decoding error: ${[...st.unknown].sort().join(', ')}`, true);
  return out;
}

/**
 * Decodes, but only warns about unknown fields (the apiserver's default `fieldValidation=Warn`,
 * what kubectl patch, scale, set, label and annotate get): returns the object with unknown fields
 * dropped, and the warnings kubectl prints as `Warning: unknown field "spec.foo"`.
 */
export function decodeObjectWarn<T>(
  obj: Record<string, unknown>,
  mode: 'json' | 'unstructured',
): { obj: T; warnings: string[] } {
  try {
    return { obj: decodeObject<T>(obj, mode), warnings: [] };
  } catch (e) {
    if (!(e instanceof DecodeError) || !e.strict) throw e;
    const warnings = e.detail.slice('strict decoding error: '.length).split(', ');
    // Decoded as the rest would be (nulls dropped, values read into their types).
    return { obj: decodeObject<T>(dropUnknown(obj) as Record<string, unknown>, mode), warnings };
  }
}

/** The object with every field its Go type does not have removed. */
function dropUnknown(obj: Record<string, unknown>): unknown {
  const schema = SCHEMAS[String(obj['kind'])];
  if (!schema) return obj;
  const walk = (v: unknown, t: GoType): unknown => {
    if (t.t === 'struct' && isObj(v)) {
      const fields = new Map(t.fields());
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const ft = fields.get(k);
        if (ft) out[k] = walk(x, ft);
      }
      return out;
    }
    if (t.t === 'slice' && Array.isArray(v)) return v.map((x) => walk(x, t.elem));
    if (t.t === 'map' && isObj(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, t.elem)]));
    return v;
  };
  return walk(obj, schema);
}

/**
 * The object as the API server stores it: every map field of the API types is `omitempty`, and an
 * empty map is not written to storage, so it reads back absent. `labels: {}` left by a patch that
 * removed the last label is not stored, and `nodeSelector: {}` is no change to a template that had
 * none (no new generation, no new ReplicaSet). Returns `obj` itself when no map is empty.
 */
export function withoutEmptyMaps<T>(obj: T): T {
  const schema = SCHEMAS[String((obj as Record<string, unknown>)['kind'])];
  if (!schema) return obj;
  const walk = (v: unknown, t: GoType): unknown => {
    if (t.t === 'struct' && isObj(v)) {
      const fields = new Map(t.fields());
      let out: Record<string, unknown> | undefined;
      for (const [k, x] of Object.entries(v)) {
        const ft = fields.get(k);
        if (!ft) continue;
        const empty = ft.t === 'map' && isObj(x) && Object.keys(x).length === 0;
        const y = empty ? undefined : walk(x, ft);
        if (y === x) continue;
        out ??= { ...v };
        if (empty) delete out[k];
        else out[k] = y;
      }
      return out ?? v;
    }
    if (t.t === 'slice' && Array.isArray(v)) {
      const ys = v.map((x) => walk(x, t.elem));
      return ys.some((y, i) => y !== v[i]) ? ys : v;
    }
    return v;
  };
  return walk(obj, schema) as T;
}

/**
 * fmt's `%v` (and `%+v`) of a decoded JSON value: maps as `map[k:v …]` with their keys sorted,
 * lists as `[a b]`, null as `<nil>`; a whole number that fits int64 decodes as one and prints
 * whole, any other as a float64. For the `patch: Invalid value` message and custom-columns.
 */
export function goPrintValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number')
    return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v) : goFormatFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(goPrintValue).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goPrintValue(o[k])}`)
    .join(' ')}]`;
}
