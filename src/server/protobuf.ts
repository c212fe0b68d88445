/**
 * Request bodies in the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`),
 * which client-go's typed clients send since 1.32: `kubectl create deployment`, `create service`,
 * `create poddisruptionbudget` and `run` write that way. The body is the magic `k8s\0`, then a runtime.Unknown whose `raw` is
 * the object's message (k8s.io/api generated.proto).
 *
 * Only the messages those commands write are described below, with the field numbers of
 * upstream's generated.proto; fields not listed are skipped. Decoding gives the JSON the same
 * object has, with Go's zero values (which protobuf always carries) left out, so defaulting sees
 * what it would see from a JSON client.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

type FieldType =
  'string' | 'int' | 'bool' | 'bytes' | { message: string } | { map: 'string' | { message: string } };

interface Field {
  name: string;
  type: FieldType;
  repeated?: boolean;
  /** A pointer field in Go: present means set, so a zero value is kept. */
  keepZero?: boolean;
  /** A struct field without omitempty: Go's JSON has it even when empty (`resources: {}`). */
  keepEmpty?: boolean;
}

const S = 'string' as const;
const I = 'int' as const;
const B = 'bool' as const;
const m = (message: string) => ({ message });

/** Messages by name: field number → field. */
const MESSAGES: Record<string, Record<number, Field>> = {
  Unknown: { 1: { name: 'typeMeta', type: m('TypeMeta') }, 2: { name: 'raw', type: 'bytes' } },
  TypeMeta: { 1: { name: 'apiVersion', type: S }, 2: { name: 'kind', type: S } },
  ObjectMeta: {
    1: { name: 'name', type: S },
    2: { name: 'generateName', type: S },
    3: { name: 'namespace', type: S },
    5: { name: 'uid', type: S },
    6: { name: 'resourceVersion', type: S },
    11: { name: 'labels', type: { map: S } },
    12: { name: 'annotations', type: { map: S } },
  },
  LabelSelector: {
    1: { name: 'matchLabels', type: { map: S } },
    2: { name: 'matchExpressions', type: m('LabelSelectorRequirement'), repeated: true },
  },
  LabelSelectorRequirement: {
    1: { name: 'key', type: S },
    2: { name: 'operator', type: S },
    3: { name: 'values', type: S, repeated: true },
  },
  IntOrString: {
    1: { name: 'type', type: I },
    2: { name: 'intVal', type: I },
    3: { name: 'strVal', type: S },
  },
  Quantity: { 1: { name: 'string', type: S } },
  Deployment: {
    1: { name: 'metadata', type: m('ObjectMeta') },
    2: { name: 'spec', type: m('DeploymentSpec') },
  },
  DeploymentSpec: {
    1: { name: 'replicas', type: I, keepZero: true },
    2: { name: 'selector', type: m('LabelSelector') },
    3: { name: 'template', type: m('PodTemplateSpec') },
    4: { name: 'strategy', type: m('DeploymentStrategy') },
    5: { name: 'minReadySeconds', type: I },
    6: { name: 'revisionHistoryLimit', type: I, keepZero: true },
    7: { name: 'paused', type: B },
    9: { name: 'progressDeadlineSeconds', type: I, keepZero: true },
  },
  DeploymentStrategy: {
    1: { name: 'type', type: S },
    2: { name: 'rollingUpdate', type: m('RollingUpdateDeployment') },
  },
  RollingUpdateDeployment: {
    1: { name: 'maxUnavailable', type: m('IntOrString') },
    2: { name: 'maxSurge', type: m('IntOrString') },
  },
  PodTemplateSpec: {
    1: { name: 'metadata', type: m('ObjectMeta') },
    2: { name: 'spec', type: m('PodSpec') },
  },
  Pod: { 1: { name: 'metadata', type: m('ObjectMeta') }, 2: { name: 'spec', type: m('PodSpec') } },
  PodSpec: {
    2: { name: 'containers', type: m('Container'), repeated: true },
    3: { name: 'restartPolicy', type: S },
    4: { name: 'terminationGracePeriodSeconds', type: I, keepZero: true },
    6: { name: 'dnsPolicy', type: S },
    7: { name: 'nodeSelector', type: { map: S } },
    8: { name: 'serviceAccountName', type: S },
    10: { name: 'nodeName', type: S },
    19: { name: 'schedulerName', type: S },
  },
  Container: {
    1: { name: 'name', type: S },
    2: { name: 'image', type: S },
    3: { name: 'command', type: S, repeated: true },
    4: { name: 'args', type: S, repeated: true },
    6: { name: 'ports', type: m('ContainerPort'), repeated: true },
    7: { name: 'env', type: m('EnvVar'), repeated: true },
    8: { name: 'resources', type: m('ResourceRequirements'), keepEmpty: true },
    14: { name: 'imagePullPolicy', type: S },
  },
  ContainerPort: {
    1: { name: 'name', type: S },
    2: { name: 'hostPort', type: I },
    3: { name: 'containerPort', type: I },
    4: { name: 'protocol', type: S },
  },
  EnvVar: { 1: { name: 'name', type: S }, 2: { name: 'value', type: S } },
  ResourceRequirements: {
    1: { name: 'limits', type: { map: m('Quantity') } },
    2: { name: 'requests', type: { map: m('Quantity') } },
  },
  Service: { 1: { name: 'metadata', type: m('ObjectMeta') }, 2: { name: 'spec', type: m('ServiceSpec') } },
  ServiceSpec: {
    1: { name: 'ports', type: m('ServicePort'), repeated: true },
    2: { name: 'selector', type: { map: S } },
    3: { name: 'clusterIP', type: S },
    4: { name: 'type', type: S },
    10: { name: 'externalName', type: S },
  },
  ServicePort: {
    1: { name: 'name', type: S },
    2: { name: 'protocol', type: S },
    3: { name: 'port', type: I },
    4: { name: 'targetPort', type: m('IntOrString') },
    5: { name: 'nodePort', type: I },
  },
  PodDisruptionBudget: {
    1: { name: 'metadata', type: m('ObjectMeta') },
    2: { name: 'spec', type: m('PodDisruptionBudgetSpec') },
  },
  // Pointers: minAvailable 0 and an empty selector (every pod) are set, not absent.
  PodDisruptionBudgetSpec: {
    1: { name: 'minAvailable', type: m('IntOrString'), keepZero: true },
    2: { name: 'selector', type: m('LabelSelector'), keepEmpty: true },
    3: { name: 'maxUnavailable', type: m('IntOrString'), keepZero: true },
    4: { name: 'unhealthyPodEvictionPolicy', type: S },
  },
};

/** The kinds whose messages are described above. */
export const PROTOBUF_KINDS = new Set(['Deployment', 'Pod', 'Service', 'PodDisruptionBudget']);

export class ProtobufError extends Error {}

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.buf.length) throw new ProtobufError('truncated varint');
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new ProtobufError('varint too long');
    }
  }
  /**
   * A varint read as an integer field: Go writes a negative int32 or int64 as the ten bytes of its
   * 64-bit two's complement, whose value a double cannot hold (2^64 - 1 rounds to 2^64), so it is
   * read exactly. A negative int32 written in five bytes (its 32-bit pattern) is read as well.
   */
  signedVarint(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new ProtobufError('truncated varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) break;
      shift += 7n;
      if (shift > 63n) throw new ProtobufError('varint too long');
    }
    if (result >= 1n << 31n && result < 1n << 32n) return Number(BigInt.asIntN(32, result));
    return Number(BigInt.asIntN(64, result));
  }
  bytes(): Uint8Array {
    const n = this.varint();
    if (this.pos + n > this.buf.length) throw new ProtobufError('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.bytes();
    else if (wire === 5) this.pos += 4;
    else throw new ProtobufError(`unsupported wire type ${wire}`);
  }
}

const text = new TextDecoder();

function isEmpty(v: Json): boolean {
  return (
    v === '' ||
    v === 0 ||
    v === false ||
    (Array.isArray(v) && v.length === 0) ||
    (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)
  );
}

function decodeMessage(buf: Uint8Array, type: string): Json {
  const fields = MESSAGES[type];
  if (!fields) throw new ProtobufError(`no description of ${type}`);
  const r = new Reader(buf);
  const out: { [k: string]: Json } = {};
  while (!r.done) {
    const tag = r.varint();
    const num = Math.floor(tag / 8);
    const wire = tag % 8;
    const f = fields[num];
    if (!f) {
      r.skip(wire);
      continue;
    }
    let value: Json;
    if (f.type === 'string') value = text.decode(r.bytes());
    else if (f.type === 'bytes') value = Array.from(r.bytes());
    else if (f.type === 'int') value = r.signedVarint();
    else if (f.type === 'bool') value = r.varint() !== 0;
    else if ('message' in f.type) value = decodeMessage(r.bytes(), f.type.message);
    else {
      // A map entry: key = 1, value = 2.
      const entry = new Reader(r.bytes());
      let key = '';
      let v: Json = '';
      while (!entry.done) {
        const t = entry.varint();
        if (t === 10) key = text.decode(entry.bytes());
        else if (t === 18) {
          const valueType = f.type.map;
          v =
            valueType === 'string'
              ? text.decode(entry.bytes())
              : decodeMessage(entry.bytes(), valueType.message);
        } else entry.skip(t % 8);
      }
      const map = (out[f.name] ?? {}) as { [k: string]: Json };
      map[key] = v;
      out[f.name] = map;
      continue;
    }
    if (f.repeated) ((out[f.name] ??= []) as Json[]).push(value);
    else out[f.name] = value;
  }
  // Go's JSON leaves zero values out (omitempty); pointers that were set are kept.
  for (const [k, v] of Object.entries(out)) {
    const f = Object.values(fields).find((x) => x.name === k);
    if (isEmpty(v) && !(f?.keepZero && v === 0) && !f?.keepEmpty) delete out[k];
  }
  if (type === 'IntOrString') return out['type'] === 1 ? (out['strVal'] ?? '') : (out['intVal'] ?? 0);
  if (type === 'Quantity') return out['string'] ?? '0';
  return out;
}

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** The JSON form of a protobuf-encoded object. Throws ProtobufError for what it cannot read. */
export function decodeProtobufObject(body: Uint8Array): Json {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b))
    throw new ProtobufError('missing the k8s magic prefix');
  const unknown = decodeMessage(body.subarray(4), 'Unknown') as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: number[];
  };
  const kind = unknown.typeMeta?.kind ?? '';
  if (!PROTOBUF_KINDS.has(kind))
    throw new ProtobufError(`objects of kind "${kind}" cannot be sent as protobuf here`);
  const obj = decodeMessage(Uint8Array.from(unknown.raw ?? []), kind) as { [k: string]: Json };
  return { apiVersion: unknown.typeMeta?.apiVersion ?? '', kind, ...obj };
}
