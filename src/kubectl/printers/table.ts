/**
 * The server-side table printers kubectl shows for `get` (pkg/printers/internalversion/printers.go):
 * one column set per kind, `-o wide` columns, AGE via duration.HumanDuration of virtual time, and
 * the pod STATUS column computed the way printPod does.
 */
import { formatLabels, formatSelector } from '../../k8s/labels.ts';
import type { ResourceInfo } from '../../k8s/resources.ts';
import { humanDuration, parseTimestamp } from '../../k8s/time.ts';
import type {
  Container,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  KubeObject,
  NodeObject,
  Pod,
  PodDisruptionBudget,
  ReplicaSet,
  Service,
} from '../../k8s/types.ts';
import { GET_TABLE, tabwrite } from './tabwriter.ts';

export interface TableOptions {
  wide: boolean;
  /** Virtual seconds now, for AGE. */
  now: number;
}

export interface TableDef {
  headers: string[];
  wideHeaders: string[];
  row(obj: KubeObject, o: TableOptions): string[];
  wideRow?(obj: KubeObject, o: TableOptions): string[];
}

/** translateTimestampSince: `<unknown>` for a missing timestamp, else the human duration since. */
export function age(ts: string | undefined, now: number): string {
  const t = parseTimestamp(ts);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

function containerCells(containers: Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** printPod's STATUS, READY and RESTARTS (with `(5m ago)` after the last restart). */
export function podStatus(pod: Pod, now: number): { status: string; ready: string; restarts: string } {
  const statuses = pod.status?.containerStatuses ?? [];
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  let readyContainers = 0;
  let restarts = 0;
  let lastRestart = Number.NaN;
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    restarts += c.restartCount;
    const finished = parseTimestamp(c.lastState?.terminated?.finishedAt);
    if (!Number.isNaN(finished) && (Number.isNaN(lastRestart) || finished > lastRestart))
      lastRestart = finished;
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) reason = `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.ready && c.state.running) {
      hasRunning = true;
      readyContainers++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    reason = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')
      ? 'Running'
      : 'NotReady';
  }
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  const restartText = Number.isNaN(lastRestart)
    ? String(restarts)
    : `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { status: reason, ready: `${readyContainers}/${pod.spec.containers.length}`, restarts: restartText };
}

function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) =>
      p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

function serviceExternalIP(svc: Service): string {
  const spec = svc.spec as Service['spec'] & { externalIPs?: string[]; externalName?: string };
  const external = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = (
        (svc.status?.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined)
          ?.ingress ?? []
      ).map((i) => i.ip || i.hostname || '');
      const all = [...ingress, ...external].filter((x) => x !== '');
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** formatEndpoints: `ip:port` for ready addresses, at most three, then ` + N more...`. */
export function formatEndpoints(ep: Endpoints, portNames?: Set<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

function nodeStatus(n: NodeObject): string {
  const ready = n.status.conditions.find((c) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
  if ((n.spec as { unschedulable?: boolean }).unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

export function nodeRoles(n: NodeObject): string {
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter((r) => r !== '')
    .sort();
  return roles.length ? roles.join(',') : '<none>';
}

const defs: Record<string, TableDef> = {
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, opts) => {
      const d = o as Deployment;
      return [
        d.metadata.name,
        `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
        String(d.status?.updatedReplicas ?? 0),
        String(d.status?.availableReplicas ?? 0),
        age(d.metadata.creationTimestamp, opts.now),
      ];
    },
    wideRow: (o) => {
      const d = o as Deployment;
      return [...containerCells(d.spec.template.spec.containers), formatSelector(d.spec.selector)];
    },
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, opts) => {
      const rs = o as ReplicaSet;
      return [
        rs.metadata.name,
        String(rs.spec.replicas ?? 1),
        String(rs.status?.replicas ?? 0),
        String(rs.status?.readyReplicas ?? 0),
        age(rs.metadata.creationTimestamp, opts.now),
      ];
    },
    wideRow: (o) => {
      const rs = o as ReplicaSet;
      return [...containerCells(rs.spec.template.spec.containers), formatSelector(rs.spec.selector)];
    },
  },
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, opts) => {
      const p = o as Pod;
      const s = podStatus(p, opts.now);
      return [p.metadata.name, s.ready, s.status, s.restarts, age(p.metadata.creationTimestamp, opts.now)];
    },
    wideRow: (o) => {
      const p = o as Pod;
      return [p.status?.podIP || '<none>', p.spec.nodeName || '<none>', '<none>', '<none>'];
    },
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideHeaders: ['SELECTOR'],
    row: (o, opts) => {
      const s = o as Service;
      return [
        s.metadata.name,
        s.spec.type ?? 'ClusterIP',
        s.spec.clusterIPs?.[0] ?? s.spec.clusterIP ?? '<none>',
        serviceExternalIP(s),
        servicePorts(s),
        age(s.metadata.creationTimestamp, opts.now),
      ];
    },
    wideRow: (o) => [formatLabels((o as Service).spec.selector)],
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    wideHeaders: [],
    row: (o, opts) => [
      o.metadata.name,
      formatEndpoints(o as Endpoints),
      age(o.metadata.creationTimestamp, opts.now),
    ],
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wideHeaders: [],
    row: (o, opts) => {
      const s = o as EndpointSlice;
      const ports = s.ports ?? [];
      const portList = ports.slice(0, 3).map((p) => String(p.port ?? p.name ?? '*'));
      const addresses = (s.endpoints ?? []).flatMap((e) => e.addresses);
      return [
        s.metadata.name,
        s.addressType,
        listWithMore(portList, ports.length > 3, ports.length, 3),
        listWithMore(addresses.slice(0, 3), addresses.length > 3, addresses.length, 3),
        age(s.metadata.creationTimestamp, opts.now),
      ];
    },
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, opts) => {
      const n = o as NodeObject;
      return [
        n.metadata.name,
        nodeStatus(n),
        nodeRoles(n),
        age(n.metadata.creationTimestamp, opts.now),
        n.status.nodeInfo?.['kubeletVersion'] ?? '',
      ];
    },
    wideRow: (o) => {
      const n = o as NodeObject;
      const addr = (t: string) => n.status.addresses.find((a) => a.type === t)?.address ?? '<none>';
      const info = n.status.nodeInfo ?? {};
      return [
        addr('InternalIP'),
        addr('ExternalIP'),
        info['osImage'] || '<unknown>',
        info['kernelVersion'] || '<unknown>',
        info['containerRuntimeVersion'] || '<unknown>',
      ];
    },
  },
  PodDisruptionBudget: {
    headers: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    wideHeaders: [],
    row: (o, opts) => {
      const b = o as PodDisruptionBudget;
      return [
        b.metadata.name,
        b.spec.minAvailable !== undefined ? String(b.spec.minAvailable) : 'N/A',
        b.spec.maxUnavailable !== undefined ? String(b.spec.maxUnavailable) : 'N/A',
        String(b.status?.disruptionsAllowed ?? 0),
        age(b.metadata.creationTimestamp, opts.now),
      ];
    },
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideHeaders: [],
    row: (o, opts) => {
      const e = o as KubeEvent;
      return [
        age(e.lastTimestamp || e.firstTimestamp, opts.now),
        e.type,
        e.reason,
        eventTarget(e),
        e.message.trim(),
      ];
    },
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    wideHeaders: [],
    row: (o, opts) => [o.metadata.name, 'Active', age(o.metadata.creationTimestamp, opts.now)],
  },
};

/** Events have their own wide layout (columns interleave). */
const eventWideHeaders = [
  'LAST SEEN',
  'TYPE',
  'REASON',
  'OBJECT',
  'SUBOBJECT',
  'SOURCE',
  'MESSAGE',
  'FIRST SEEN',
  'COUNT',
  'NAME',
];

function eventTarget(e: KubeEvent): string {
  const kind = e.involvedObject.kind.toLowerCase();
  return e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
}

function eventWideRow(e: KubeEvent, now: number): string[] {
  const source = e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
  return [
    age(e.lastTimestamp || e.firstTimestamp, now),
    e.type,
    e.reason,
    eventTarget(e),
    e.involvedObject.fieldPath ?? '',
    source,
    e.message.trim(),
    age(e.firstTimestamp, now),
    String(e.count || 1),
    e.metadata.name,
  ];
}

export interface PrintColumnsOptions extends TableOptions {
  /** `-A`: a NAMESPACE column first. */
  withNamespace: boolean;
  /** `--show-labels`: a LABELS column last. */
  showLabels: boolean;
  /** `-L KEY`: a column per label key (headed by its last `/` segment, upper-cased), before LABELS. */
  labelColumns?: readonly string[];
  /** `kind/name` in the NAME column (several kinds, or `get all`). */
  withKind: boolean;
  noHeaders: boolean;
  /**
   * `--server-print=false`: the objects come without the server's table, and kubectl prints the
   * only columns it knows of any object, NAME and AGE (no wide ones either).
   */
  clientPrint?: boolean;
}

/** Header and row cells for objects of one resource, before alignment. */
export function tableCells(info: ResourceInfo, objects: KubeObject[], o: PrintColumnsOptions): string[][] {
  const def = o.clientPrint ? undefined : defs[info.kind];
  const lines: string[][] = [];
  const headers = (() => {
    if (!def) return ['NAME', 'AGE'];
    if (info.kind === 'Event' && o.wide) return [...eventWideHeaders];
    return o.wide ? [...def.headers, ...def.wideHeaders] : [...def.headers];
  })();
  const nameCol = headers.indexOf('NAME');
  if (o.withNamespace) headers.unshift('NAMESPACE');
  const labelColumns = o.labelColumns ?? [];
  for (const key of labelColumns) headers.push(key.slice(key.lastIndexOf('/') + 1).toUpperCase());
  if (o.showLabels) headers.push('LABELS');
  if (!o.noHeaders) lines.push(headers);
  const prefix = info.group ? `${info.singular}.${info.group}/` : `${info.singular}/`;
  for (const obj of objects) {
    let cells: string[];
    if (!def) cells = [obj.metadata.name, age(obj.metadata.creationTimestamp, o.now)];
    else if (info.kind === 'Event' && o.wide) cells = eventWideRow(obj as KubeEvent, o.now);
    else {
      cells = def.row(obj, o);
      if (o.wide && def.wideRow) cells.push(...def.wideRow(obj, o));
    }
    if (o.withKind && nameCol >= 0) cells[nameCol] = prefix + cells[nameCol]!;
    if (o.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    for (const key of labelColumns) cells.push(obj.metadata.labels?.[key] ?? '');
    if (o.showLabels) cells.push(formatLabels(obj.metadata.labels));
    lines.push(cells);
  }
  return lines;
}

/** Aligns rows like kubectl's tabwriter (minwidth 6, padding 3). */
export function renderTable(lines: string[][]): string {
  if (lines.length === 0) return '';
  return tabwrite(lines.map((l) => l.join('\t')).join('\n') + '\n', GET_TABLE);
}

/**
 * A tabwriter with kubectl's RememberWidths flag (liggitt/tabwriter): `get -w` prints each event's
 * row on its own, and a column never gets narrower than it was before.
 */
export class RememberingTable {
  private widths: number[] = [];

  render(lines: string[][]): string {
    for (const cells of lines)
      cells.forEach((c, j) => {
        if (j === cells.length - 1) return;
        const w = Math.max(GET_TABLE.minwidth, [...c].length + GET_TABLE.padding);
        if (w > (this.widths[j] ?? 0)) this.widths[j] = w;
      });
    return lines
      .map(
        (cells) =>
          cells
            .map((c, j) =>
              j === cells.length - 1 ? c : c + ' '.repeat(Math.max(0, this.widths[j]! - [...c].length)),
            )
            .join('') + '\n',
      )
      .join('');
  }
}
