/**
 * `kubectl describe` for the kinds the simulator serves (k8s.io/kubectl/pkg/describe/describe.go):
 * the same sections in the same order, tab-separated and aligned by the tabwriter (minwidth 0,
 * padding 2), with the object's events at the end.
 */
import type { SimCluster } from '../../cluster/cluster.ts';
import * as util from '../../cluster/controllers/deployment/util.ts';
import { slicesOf } from '../../cluster/controllers/endpointslice.ts';
import { leaseRenewedAt, nodeLease } from '../../cluster/lease.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { formatLabels, formatSelector } from '../../k8s/labels.ts';
import { podQOS } from '../../k8s/qos.ts';
import { formatCpu, formatMemory, parseQuantity } from '../../k8s/quantity.ts';
import { parseTimestamp, timestamp } from '../../k8s/time.ts';
import type {
  PodDisruptionBudget,
  Taint,
  Container,
  ContainerState,
  ContainerStatus,
  Deployment,
  EndpointSlice,
  SliceEndpoint,
  Endpoints,
  KubeEvent,
  KubeObject,
  NodeObject,
  Pod,
  ReplicaSet,
  Service,
} from '../../k8s/types.ts';
import {
  PrefixWriter,
  describePodTemplate,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  probeString,
} from './describe-template.ts';
import { concrete, isObj, sprint } from './gofmt.ts';
import { age } from './table.ts';
import { DESCRIBE, tabwrite } from './tabwriter.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Wed, 01 Jan 2025 00:00:00 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  if (!ts) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/**
 * The events about one object (searchEvents: by kind, name, namespace and uid). A Node's are
 * searched twice, as describe node does: by its uid (the node controller's) and by its name
 * standing for the uid (the kubelet's), in that order.
 */
export function eventsFor(cluster: SimCluster, obj: KubeObject): KubeEvent[] {
  const matches = (uid: string | undefined) => (e: KubeEvent) =>
    e.involvedObject.kind === obj.kind &&
    e.involvedObject.name === obj.metadata.name &&
    (e.involvedObject.namespace ?? '') === (obj.metadata.namespace ?? '') &&
    (!e.involvedObject.uid || !uid || e.involvedObject.uid === uid);
  const events = cluster.eventList();
  const found = events.filter(matches(obj.metadata.uid));
  if (obj.kind !== 'Node') return found;
  return [
    ...found,
    ...events.filter((e) => matches(obj.metadata.name)(e) && e.involvedObject.uid === obj.metadata.name),
  ];
}

/** DescribeEvents: `Type Reason Age From Message`, `x3 over 5m` for repeated events. */
export function describeEvents(w: PrefixWriter, events: KubeEvent[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const sorted = [...events].sort(
    (a, b) => parseTimestamp(a.lastTimestamp) - parseTimestamp(b.lastTimestamp),
  );
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = age(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
  }
}

function finish(w: PrefixWriter): string {
  return tabwrite(w.toString(), DESCRIBE);
}

function intOrString(v: number | string | undefined): string {
  return v === undefined ? '<nil>' : String(v);
}

export function describeDeployment(cluster: SimCluster, d: Deployment): string {
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatSelector(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru)
    w.write(
      0,
      `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
    );
  describePodTemplate(d.spec.template, w);
  if (s.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of s.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  // kubectl's findNewReplicaSet sorts the list in place by creation time, names breaking ties.
  const rsList = cluster.store
    .listControlledBy<ReplicaSet>(d.metadata.uid ?? '', 'ReplicaSet')
    .sort(
      (a, b) =>
        parseTimestamp(a.metadata.creationTimestamp) - parseTimestamp(b.metadata.creationTimestamp) ||
        (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0),
    );
  const newRS = util.findNewReplicaSet(d, rsList);
  const [, allOld] = util.findOldReplicaSets(d, rsList);
  if (allOld.length || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsByLabels(allOld)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(cluster, d), cluster.now);
  return finish(w);
}

function replicaSetsByLabels(list: ReplicaSet[]): string {
  const text = list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return text || '<none>';
}

function podCounts(cluster: SimCluster, owner: KubeObject): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of cluster.store.listControlledBy<Pod>(owner.metadata.uid ?? '', 'Pod')) {
    const phase = p.status?.phase ?? 'Pending';
    if (phase === 'Running') running++;
    else if (phase === 'Pending') waiting++;
    else if (phase === 'Succeeded') succeeded++;
    else if (phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function controlledBy(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describeReplicaSet(cluster: SimCluster, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const by = controlledBy(rs);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podCounts(cluster, rs)}\n`);
  describePodTemplate(rs.spec.template, w);
  if (rs.status?.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of rs.status.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, eventsFor(cluster, rs), cluster.now);
  return finish(w);
}

function describeState(w: PrefixWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated as NonNullable<ContainerState['terminated']> & { message?: string };
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else w.write(2, `${title}:\tWaiting\n`);
}

function describePodContainers(w: PrefixWriter, containers: Container[], statuses: ContainerStatus[]): void {
  w.write(0, `Containers:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const st = statuses.find((s) => s.name === c.name);
    w.write(1, `${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? [])
      .map((p) => `${(p as { hostPort?: number }).hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
      .join(', ');
    w.write(
      2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const part of c.command) for (const line of part.split('\n')) w.write(3, `${line}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const part of c.args) for (const line of part.split('\n')) w.write(3, `${line}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    for (const [title, m] of [
      ['Limits', c.resources?.limits],
      ['Requests', c.resources?.requests],
    ] as const) {
      const entries = Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
      if (!entries.length) continue;
      w.write(2, `${title}:\n`);
      for (const [k, v] of entries) w.write(3, `${k}:\t${v}\n`);
    }
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeString(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeString(c.readinessProbe)}\n`);
    if (c.env?.length) {
      w.write(2, 'Environment:\n');
      for (const e of c.env) w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
    } else w.write(2, 'Environment:\t<none>\n');
    w.write(2, 'Mounts:\t<none>\n');
  }
}

export function describePod(cluster: SimCluster, pod: Pod): string {
  const w = new PrefixWriter();
  const spec = pod.spec as Pod['spec'] & { priority?: number; serviceAccountName?: string };
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, `Node:\t${spec.nodeName ? `${spec.nodeName}/${pod.status?.hostIP ?? ''}` : '<none>'}\n`);
  if (pod.status?.startTime) w.write(0, `Start Time:\t${rfc1123z(pod.status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  const phase = pod.status?.phase ?? 'Pending';
  if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, cluster.now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${phase}\n`);
  if (pod.status?.reason) w.write(0, `Reason:\t${pod.status.reason}\n`);
  if (pod.status?.message) w.write(0, `Message:\t${pod.status.message}\n`);
  const ip = pod.status?.podIP ?? '';
  w.write(0, `IP:\t${ip}\n`);
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const i of ips) w.write(1, `IP:\t${i.ip}\n`);
  }
  const by = controlledBy(pod);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  describePodContainers(w, pod.spec.containers, pod.status?.containerStatuses ?? []);
  const conditions = pod.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  w.write(0, 'Volumes:\t<none>\n');
  w.write(0, `QoS Class:\t${pod.status?.qosClass ?? podQOS(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
  describeEvents(w, eventsFor(cluster, pod), cluster.now);
  return finish(w);
}

/**
 * formatEndpointSlices: `ip:port` of the slices' ready endpoints for the named port, three at
 * most, then ` + N more...`. An endpoint whose `ready` is false is skipped (nil counts as ready).
 * As upstream, the list counts as full before readiness is checked, so a not-ready endpoint after
 * the third still adds the ` + N more...` suffix.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const isReady = (e: SliceEndpoint) => (e.conditions as { ready?: boolean | null }).ready ?? true;
  for (const s of slices) {
    const ports = s.ports ?? [];
    if (ports.length === 0) {
      for (const e of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(e.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (portName !== undefined && (p.name ?? '') !== portName) continue;
      for (const e of s.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!isReady(e)) continue;
        if (!more) list.push(`${e.addresses[0] ?? ''}:${p.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(cluster: SimCluster, svc: Service): string {
  const w = new PrefixWriter();
  const spec = svc.spec as Service['spec'] & {
    ipFamilyPolicy?: string;
    ipFamilies?: string[];
    externalIPs?: string[];
    loadBalancerIP?: string;
    externalName?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
  };
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const slices = slicesOf(cluster.store, svc.metadata.namespace ?? 'default', svc.metadata.name);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`);
    if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, eventsFor(cluster, svc), cluster.now);
  return finish(w);
}

export function describeEndpoints(cluster: SimCluster, ep: Endpoints): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ep.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const ss of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(
      1,
      `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
    );
    if (ss.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of ss.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
    }
    w.write(0, '\n');
  }
  describeEvents(w, eventsFor(cluster, ep), cluster.now);
  return finish(w);
}

export function describeEndpointSlice(cluster: SimCluster, s: EndpointSlice): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', s.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(0, `AddressType:\t${s.addressType}\n`);
  const ports = s.ports ?? [];
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`);
  }
  const endpoints = s.endpoints ?? [];
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${String(e.conditions.ready)}\n`);
      w.write(2, 'Hostname:\t<unset>\n');
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, 'Zone:\t<unset>\n');
    }
  }
  describeEvents(w, eventsFor(cluster, s), cluster.now);
  return finish(w);
}

function quantityString(resource: string, value: number): string {
  if (resource === 'cpu') return formatCpu(value);
  return formatMemory(value);
}

export function describeNode(cluster: SimCluster, n: NodeObject): string {
  const w = new PrefixWriter();
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  w.write(0, `Name:\t${n.metadata.name}\n`);
  w.write(0, `Roles:\t${roles.length ? roles.sort().join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', n.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', n.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(n.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', n.spec.taints ?? []);
  w.write(0, `Unschedulable:\t${(n.spec as { unschedulable?: boolean }).unschedulable ? 'true' : 'false'}\n`);
  // The node's Lease in kube-node-lease, which its kubelet renews every 10 s.
  const lease = nodeLease(n, cluster.now);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${lease.spec.holderIdentity}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(timestamp(leaseRenewedAt(cluster.now)))}\n`);
  if (n.status.conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of n.status.conditions)
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? c.lastTransitionTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
  }
  w.write(0, 'Addresses:\n');
  for (const a of n.status.addresses) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, m] of [
    ['Capacity', n.status.capacity],
    ['Allocatable', n.status.allocatable],
  ] as const) {
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(m).sort()) w.write(1, `${k}:\t${m[k]}\n`);
  }
  const info = n.status.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const)
    w.write(1, `${label}:\t${info[key] ?? ''}\n`);
  if (n.spec.podCIDR) {
    w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  }
  if (n.spec.podCIDRs?.length) {
    w.write(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  }
  const pods = cluster.store
    .list<Pod>('Pod')
    .filter(
      (p) =>
        p.spec.nodeName === n.metadata.name &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed',
    );
  const alloc = (r: string) => parseQuantity(n.status.allocatable[r] ?? n.status.capacity[r] ?? '0');
  const pct = (v: number, total: number) => (total ? Math.trunc((v / total) * 100) : 0);
  const sum = (p: Pod, field: 'requests' | 'limits', r: string) =>
    p.spec.containers.reduce((acc, c) => acc + (parseQuantity(c.resources?.[field]?.[r]) || 0), 0);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const p of pods) {
    const cpuReq = sum(p, 'requests', 'cpu');
    const cpuLim = sum(p, 'limits', 'cpu');
    const memReq = sum(p, 'requests', 'memory');
    const memLim = sum(p, 'limits', 'memory');
    totals.cpuReq += cpuReq;
    totals.cpuLim += cpuLim;
    totals.memReq += memReq;
    totals.memLim += memLim;
    w.write(
      1,
      `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${quantityString('cpu', cpuReq)} (${pct(cpuReq, alloc('cpu'))}%)\t${quantityString('cpu', cpuLim)} (${pct(cpuLim, alloc('cpu'))}%)\t${quantityString('memory', memReq)} (${pct(memReq, alloc('memory'))}%)\t${quantityString('memory', memLim)} (${pct(memLim, alloc('memory'))}%)\t${age(p.metadata.creationTimestamp, cluster.now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(
    1,
    `cpu\t${quantityString('cpu', totals.cpuReq)} (${pct(totals.cpuReq, alloc('cpu'))}%)\t${quantityString('cpu', totals.cpuLim)} (${pct(totals.cpuLim, alloc('cpu'))}%)\n`,
  );
  w.write(
    1,
    `memory\t${quantityString('memory', totals.memReq)} (${pct(totals.memReq, alloc('memory'))}%)\t${quantityString('memory', totals.memLim)} (${pct(totals.memLim, alloc('memory'))}%)\n`,
  );
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  describeEvents(w, eventsFor(cluster, n), cluster.now);
  return finish(w);
}

/**
 * describeNamespace with the quota and limit-range sections of a cluster that serves both and has
 * none.
 */
/** printTaintsMultilineWithIndent: sorted by effect then key, `key[=value]:effect`. */
function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[]): void {
  w.write(0, `${title}:\t`);
  if (taints.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  const sorted = [...taints].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  sorted.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

/** describePodDisruptionBudgetV1. */
export function describePodDisruptionBudget(cluster: SimCluster, pdb: PodDisruptionBudget): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace ?? 'default'}\n`);
  if (pdb.spec.minAvailable !== undefined) w.write(0, `Min available:\t${pdb.spec.minAvailable}\n`);
  else if (pdb.spec.maxUnavailable !== undefined)
    w.write(0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${pdb.spec.selector ? formatSelector(pdb.spec.selector) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
  describeEvents(w, eventsFor(cluster, pdb), cluster.now);
  return finish(w);
}

export function describeNamespace(ns: KubeObject & { status?: { phase?: string } }): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return finish(w);
}

/**
 * fatih/camelcase's Split: runs of lower case, upper case, digits and anything else; an upper-case
 * run hands its last letter to the lower-case run after it (`PDFLoader`: PDF, Loader).
 */
function camelcaseSplit(s: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = classOf(c);
    if (k === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++)
    if (classOf(runs[i]![0]!) === 2 && classOf(runs[i + 1]![0]!) === 1) runs[i + 1]!.unshift(runs[i]!.pop()!);
  return runs.filter((r) => r.length).map((r) => r.join(''));
}

const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** smartLabelFor: a field's words, title-cased (`apiVersion`: API Version); a name with other marks as it is. */
function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .map((part) =>
      ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1),
    )
    .join(' ');
}

/**
 * printUnstructuredContent: each field in name order, a map's and a list's fields a level deeper
 * under `Label:`, any other value as fmt's %v prints it (`<nil>` for null). `skip` names fields
 * by their path (`.metadata.name`).
 */
function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  path: string,
  skip: readonly string[],
): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const at = `${path}.${field}`;
    if (skip.includes(at)) continue;
    if (isObj(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, at, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value as unknown[])
        if (isObj(child)) printUnstructuredContent(w, level + 1, child, at, skip);
        else w.write(level + 1, `${sprint([concrete(child) ?? null])}\n`);
    } else w.write(level, `${smartLabelFor(field)}:\t${sprint([concrete(value) ?? null])}\n`);
  }
}

/**
 * GenericDescriberFor, for a kind kubectl has no describer of (Event): the name, namespace,
 * labels and annotations, then every other field of the object as the server sends it, then the
 * events about it.
 */
function describeGeneric(cluster: SimCluster, obj: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  const served = JSON.parse(JSON.stringify(apiEncode(obj))) as Record<string, unknown>;
  printUnstructuredContent(w, 0, served, '', [
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ]);
  describeEvents(w, eventsFor(cluster, obj), cluster.now);
  return finish(w);
}

/** Describes any served object: with its kind's describer, else the generic one. */
export function describeObject(cluster: SimCluster, obj: KubeObject): string {
  switch (obj.kind) {
    case 'Deployment':
      return describeDeployment(cluster, obj as Deployment);
    case 'ReplicaSet':
      return describeReplicaSet(cluster, obj as ReplicaSet);
    case 'Pod':
      return describePod(cluster, obj as Pod);
    case 'Service':
      return describeService(cluster, obj as Service);
    case 'Endpoints':
      return describeEndpoints(cluster, obj as Endpoints);
    case 'EndpointSlice':
      return describeEndpointSlice(cluster, obj as EndpointSlice);
    case 'Node':
      return describeNode(cluster, obj as NodeObject);
    case 'Namespace':
      return describeNamespace(obj);
    case 'PodDisruptionBudget':
      return describePodDisruptionBudget(cluster, obj as PodDisruptionBudget);
    default:
      return describeGeneric(cluster, obj);
  }
}
