/**
 * Simulated clients: requests to a Service at a steady rate. kube-proxy picks one of the
 * Service's ready endpoints at random (seeded) for each request; with no endpoints the connection
 * is refused. Every request is recorded (time, pod, version, status, latency); a window of recent
 * requests is kept for the animated dots and per-second aggregates for the timeline, both bounded.
 *
 * A batch every BATCH_SECONDS, all day: what routing needs of EndpointSlices and of a Pod is
 * worked out once per (frozen) object, and the pods behind the addresses are looked up again only
 * after a Pod changed.
 */
import type { Pod } from '../k8s/types.ts';
import type { ControllerContext, StoreReader } from './context.ts';
import { serviceEndpoints, type EndpointTarget, type ServiceEndpoints } from './controllers/endpoints.ts';
import { podServing, serveRequest, type KubeletWorld, type PodServing } from './kubelet.ts';

export interface RequestRecord {
  /** Virtual seconds. */
  t: number;
  service: string;
  pod: string | null;
  /** The image tag of the container that answered (v1, v2, …). */
  version: string | null;
  /** HTTP status; 0 means the connection was refused (no endpoints). */
  status: number;
  latencyMs: number;
}

export interface TrafficSecond {
  /** The second this aggregate covers: [t, t+1). */
  t: number;
  /** Successful (2xx/3xx) answers by version. */
  ok: Record<string, number>;
  /** 5xx answers. */
  errors: number;
  /** Refused connections. */
  refused: number;
}

export interface TrafficSource {
  service: string;
  namespace: string;
  requestsPerSecond: number;
}

export interface TrafficState {
  sources: TrafficSource[];
  recent: RequestRecord[];
  series: TrafficSecond[];
  /** Fractional requests carried to the next batch, per source. */
  carry: number[];
  /** The end of the last generated batch. */
  lastBatchEnd: number;
}

/** Requests are generated in batches of this many virtual seconds. */
export const BATCH_SECONDS = 0.25;
/** How long individual requests are kept (for the animated dots). */
export const RECENT_SECONDS = 30;
/** How many per-second aggregates are kept (two hours). */
export const SERIES_SECONDS = 7200;

export function newTrafficState(): TrafficState {
  return { sources: [], recent: [], series: [], carry: [], lastBatchEnd: 0 };
}

/**
 * A copy that shares what never changes again: requests, and every per-second aggregate but the
 * last (the only one recordRequest adds to).
 */
export function copyTrafficState(t: TrafficState): TrafficState {
  const series = t.series.slice();
  const last = series[series.length - 1];
  if (last) series[series.length - 1] = { ...last, ok: { ...last.ok } };
  return {
    sources: t.sources.map((s) => ({ ...s })),
    recent: [...t.recent],
    series,
    carry: [...t.carry],
    lastBatchEnd: t.lastBatchEnd,
  };
}

/**
 * Generates the requests of the batch that ends now. Each one is routed among the endpoints as they
 * are at this instant; their times are spread evenly over the batch.
 */
export function runTrafficBatch(ctx: ControllerContext, kubelet: KubeletWorld, traffic: TrafficState): void {
  const end = ctx.now;
  const start = Math.max(traffic.lastBatchEnd, end - BATCH_SECONDS);
  if (end <= traffic.lastBatchEnd) return;
  traffic.lastBatchEnd = end;
  const sources = traffic.sources;
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i]!;
    const exact = src.requestsPerSecond * (end - start) + (traffic.carry[i] ?? 0);
    const n = Math.floor(exact + 1e-9);
    traffic.carry[i] = exact - n;
    if (n > 0) sendBatch(ctx, kubelet, traffic, src, start, end, n);
  }
  const cutoff = end - RECENT_SECONDS;
  if (traffic.recent.length && traffic.recent[0]!.t < cutoff) dropBefore(traffic.recent, cutoff);
  if (traffic.series.length > SERIES_SECONDS)
    traffic.series.splice(0, traffic.series.length - SERIES_SECONDS);
}

/** One source's `n` requests of the batch [start, end]. */
function sendBatch(
  ctx: ControllerContext,
  kubelet: KubeletWorld,
  traffic: TrafficState,
  src: TrafficSource,
  start: number,
  end: number,
  n: number,
): void {
  const route = routeOf(serviceEndpoints(ctx.store, src.namespace, src.service), src.namespace);
  const all = route.size;
  // The batch runs at its end, but a pod that became Ready inside the batch must not answer the
  // requests sent before that instant: route each request among the endpoints Ready by then.
  // Read once per batch, not per request: since when each address has been Ready, kept for the
  // few addresses Ready only since the batch's first request (`late`, in address order).
  const first = sentAt(start, end, n, 0);
  let late: number[] | undefined;
  let lateSince: number[] | undefined;
  let latest = Number.NEGATIVE_INFINITY;
  if (all > 0 && latestReady(kubelet) > start) {
    for (let i = 0; i < all; i++) {
      const since =
        kubelet.pods.get(`${src.namespace}/${route.name(i)}`)?.readySince ?? Number.NEGATIVE_INFINITY;
      if (since > latest) latest = since;
      if (!(since <= first)) {
        (late ??= []).push(i);
        (lateSince ??= []).push(since);
      }
    }
    if (latest <= start) late = undefined;
  }
  for (let k = 0; k < n; k++) {
    const t = sentAt(start, end, n, k);
    // The addresses not Ready yet at t leave `ready` (all.filter(Ready by t)), whose j-th is picked.
    let ready = all;
    if (late && latest > t) for (let x = 0; x < late.length; x++) if (!(lateSince![x]! <= t)) ready--;
    let record: RequestRecord;
    if (ready === 0) {
      record = { t, service: src.service, pod: null, version: null, status: 0, latencyMs: 1 };
    } else {
      let i = ctx.rand.int(ready);
      if (ready < all)
        for (let x = 0; x < late!.length && late![x]! <= i; x++) if (!(lateSince![x]! <= t)) i++;
      const pod = route.pod(i, ctx.store, kubelet.apps);
      const status = pod ? serveRequest(kubelet, pod, ctx.now, t) : 0;
      record = {
        t,
        service: src.service,
        pod: route.name(i),
        version: pod?.version || null,
        status,
        latencyMs: status === 0 ? 1 : Math.round((3 + ctx.rand.next() * 12) * 10) / 10,
      };
    }
    recordRequest(traffic, record);
  }
}

/** When the k-th of a batch's n requests is sent: evenly over the batch, to the microsecond. */
const sentAt = (start: number, end: number, n: number, k: number): number =>
  Math.round((start + ((k + 0.5) * (end - start)) / n) * 1e6) / 1e6;

/**
 * Drops the requests sent before `cutoff`, keeping the others in order. Requests are recorded batch
 * by batch, each batch within BATCH_SECONDS and after the one before, so once one is a batch past
 * the cutoff every later one is past it too: only the head is looked at. Within a batch, one
 * source's requests follow another's, so an old one may come after a newer one there.
 */
function dropBefore(recent: RequestRecord[], cutoff: number): void {
  // The old ones in front leave one by one (shift moves the array's start, copying nothing).
  while (recent.length && recent[0]!.t < cutoff) recent.shift();
  let head = 0;
  let old = false;
  for (; head < recent.length && recent[head]!.t < cutoff + 2 * BATCH_SECONDS; head++)
    if (recent[head]!.t < cutoff) old = true;
  if (!old) return;
  let kept = 0;
  for (let i = 0; i < head; i++) if (recent[i]!.t >= cutoff) recent[kept++] = recent[i]!;
  recent.splice(kept, head - kept);
}

/**
 * A Service's ready endpoints as traffic routes among them, worked out once per set of its
 * EndpointSlices (stored objects are frozen): the ready addresses in order, and the pods behind them, looked up
 * as requests reach them and kept while no Pod changes.
 */
class Route {
  /** The pod behind each address looked up so far (null: no such pod). */
  private pods: (PodServing | null | undefined)[] = [];
  private store: StoreReader | undefined;
  private podVersion = -1;
  private apps: KubeletWorld['apps'] | undefined;

  constructor(
    readonly addresses: readonly EndpointTarget[],
    readonly namespace: string,
  ) {}

  get size(): number {
    return this.addresses.length;
  }

  /** The name of the pod behind the i-th address. */
  name(i: number): string {
    return this.addresses[i]!.name;
  }

  /** The pod behind the i-th address as the store holds it now. */
  pod(i: number, store: StoreReader, apps: KubeletWorld['apps']): PodServing | null {
    const version = store.version('Pod');
    if (store !== this.store || version !== this.podVersion || apps !== this.apps) {
      this.store = store;
      this.podVersion = version;
      this.apps = apps;
      this.pods = new Array<PodServing | null | undefined>(this.size);
    }
    let pod = this.pods[i];
    if (pod === undefined) {
      const stored = store.get<Pod>('Pod', this.namespace, this.name(i));
      pod = this.pods[i] = stored ? podServing(stored, apps) : null;
    }
    return pod;
  }
}

const routes = new WeakMap<ServiceEndpoints, Route>();

function routeOf(endpoints: ServiceEndpoints, namespace: string): Route {
  let route = routes.get(endpoints);
  if (!route || route.namespace !== namespace) {
    route = new Route(endpoints.ready, namespace);
    routes.set(endpoints, route);
  }
  return route;
}

/** No pod has been Ready since later than this. */
function latestReady(kubelet: KubeletWorld): number {
  if (kubelet.latestReady === undefined) {
    let latest = Number.NEGATIVE_INFINITY;
    for (const rt of kubelet.pods.values())
      if (rt.readySince !== undefined && rt.readySince > latest) latest = rt.readySince;
    kubelet.latestReady = latest;
  }
  return kubelet.latestReady;
}

function recordRequest(traffic: TrafficState, r: RequestRecord): void {
  traffic.recent.push(r);
  const second = Math.floor(r.t);
  let last = traffic.series[traffic.series.length - 1];
  if (!last || last.t !== second) {
    last = { t: second, ok: {}, errors: 0, refused: 0 };
    traffic.series.push(last);
  }
  if (r.status === 0) last.refused++;
  else if (r.status >= 500) last.errors++;
  else last.ok[r.version ?? '?'] = (last.ok[r.version ?? '?'] ?? 0) + 1;
}

const mmss = (t: number): string => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;

/**
 * Requests per 10 seconds as a text table (`0:10-0:20  v1=50 v2=50  0  0`): the traffic part of
 * the golden transcripts, readable in a diff.
 */
export function trafficTable(title: string, requests: readonly RequestRecord[]): string[] {
  const out = [`${title.padEnd(20)} ANSWERED BY VERSION          5XX   REFUSED`];
  const buckets = new Map<number, { ok: Record<string, number>; errors: number; refused: number }>();
  for (const r of requests) {
    const k = Math.floor(r.t / 10) * 10;
    const b = buckets.get(k) ?? { ok: {}, errors: 0, refused: 0 };
    if (r.status === 0) b.refused++;
    else if (r.status >= 500) b.errors++;
    else b.ok[r.version ?? '?'] = (b.ok[r.version ?? '?'] ?? 0) + 1;
    buckets.set(k, b);
  }
  for (const [k, b] of [...buckets].sort(([a], [c]) => a - c)) {
    const ok = Object.entries(b.ok)
      .sort(([a], [c]) => (a < c ? -1 : 1))
      .map(([v, n]) => `${v}=${n}`)
      .join(' ');
    out.push(
      `${`${mmss(k)}-${mmss(k + 10)}`.padEnd(20)} ${ok.padEnd(28)} ${String(b.errors).padStart(3)}   ${String(b.refused).padStart(7)}`,
    );
  }
  return out;
}
