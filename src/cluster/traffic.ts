/**
 * Simulated clients: requests to a Service at a steady rate. kube-proxy picks one of the
 * Service's ready endpoints at random (seeded) for each request; with no endpoints the connection
 * is refused. Every request is recorded (time, pod, version, status, latency); a window of recent
 * requests is kept for the animated dots and per-second aggregates for the timeline, both bounded.
 */
import type { EndpointAddress, Endpoints, Pod } from '../k8s/types.ts';
import type { ControllerContext } from './context.ts';
import { serveRequest, type KubeletWorld } from './kubelet.ts';

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
  traffic.sources.forEach((src, i) => {
    const exact = src.requestsPerSecond * (end - start) + (traffic.carry[i] ?? 0);
    const n = Math.floor(exact + 1e-9);
    traffic.carry[i] = exact - n;
    if (n <= 0) return;
    const ep = ctx.store.get<Endpoints>('Endpoints', src.namespace, src.service);
    const all = readyAddresses(ep);
    // The batch runs at its end, but a pod that became Ready inside the batch must not answer the
    // requests sent before that instant: route each request among the endpoints Ready by then.
    // Read once per batch, not per request: since when each address has been Ready.
    let since: number[] | undefined;
    let latest = Number.NEGATIVE_INFINITY;
    if (latestReady(kubelet) > start) {
      since = all.map(
        (a) =>
          kubelet.pods.get(`${src.namespace}/${a.targetRef?.name ?? ''}`)?.readySince ??
          Number.NEGATIVE_INFINITY,
      );
      for (const s of since) if (s > latest) latest = s;
      if (latest <= start) since = undefined;
    }
    for (let k = 0; k < n; k++) {
      const t = Math.round((start + ((k + 0.5) * (end - start)) / n) * 1e6) / 1e6;
      const ready = since && latest > t ? all.filter((_, i) => since[i]! <= t) : all;
      let record: RequestRecord;
      if (ready.length === 0) {
        record = { t, service: src.service, pod: null, version: null, status: 0, latencyMs: 1 };
      } else {
        const addr = ready[ctx.rand.int(ready.length)]!;
        const podName = addr.targetRef?.name ?? '';
        const pod = ctx.store.get<Pod>('Pod', src.namespace, podName);
        const served = pod ? serveRequest(kubelet, pod, ctx.now, t) : { status: 0, version: '' };
        record = {
          t,
          service: src.service,
          pod: podName,
          version: served.version || null,
          status: served.status,
          latencyMs: served.status === 0 ? 1 : Math.round((3 + ctx.rand.next() * 12) * 10) / 10,
        };
      }
      recordRequest(traffic, record);
    }
  });
  const cutoff = end - RECENT_SECONDS;
  if (traffic.recent.length && traffic.recent[0]!.t < cutoff) traffic.recent = since(traffic.recent, cutoff);
  if (traffic.series.length > SERIES_SECONDS)
    traffic.series = traffic.series.slice(traffic.series.length - SERIES_SECONDS);
}

/**
 * The requests sent at `cutoff` or later, in order (`filter`'s result). Requests are recorded batch
 * by batch, each batch within BATCH_SECONDS and after the one before, so once one is a batch past
 * the cutoff every later one is past it too: only the head is looked at.
 */
function since(recent: RequestRecord[], cutoff: number): RequestRecord[] {
  let head = 0;
  while (head < recent.length && recent[head]!.t < cutoff + 2 * BATCH_SECONDS) head++;
  const out = recent.slice(0, head).filter((r) => r.t >= cutoff);
  for (let i = head; i < recent.length; i++) out.push(recent[i]!);
  return out;
}

const addressesOf = new WeakMap<Endpoints, EndpointAddress[]>();

/** The ready addresses of an Endpoints object, in order (once per immutable object). */
function readyAddresses(ep: Endpoints | undefined): EndpointAddress[] {
  if (!ep) return [];
  let all = addressesOf.get(ep);
  if (!all) {
    all = (ep.subsets ?? []).flatMap((s) => s.addresses ?? []);
    addressesOf.set(ep, all);
  }
  return all;
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
