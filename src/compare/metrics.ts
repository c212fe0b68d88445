/**
 * What a comparison's table says about one lane, measured from what its Run recorded: the
 * timeline's samples (one per whole second: pods per version, CPU requested, whether every
 * Deployment has rolled out) and its requests per second. Nothing is stored or assumed: the same
 * history always gives the same numbers, however the lane was played (seeked, stepped, scrubbed).
 *
 * The window is [from, until]: from the moment the updates begin (the same for every lane) to the
 * moment shown. A sample counts when its second lies in the window; a second of requests counts
 * when it began at or after `from` (rounded down to the second) and was over by `until`.
 *
 * Worked example (kubia, 3 replicas, RollingUpdate 25%/25%, update at 0:20): maxSurge 25% of 3
 * rounds up to 1, maxUnavailable 25% of 3 rounds down to 0, so the controller adds one v2 pod
 * before it removes a v1 pod: the peak is 4 pods (3 v1 + 1 v2), no request is refused, and while
 * the first v2 pod is Ready beside the v1 pods, both versions answer.
 */
import type { History } from '../view/frame.ts';
import type { Sample } from '../run/recording.ts';

const EPS = 1e-6;

export interface PeakPods {
  /** Pods not Terminating at the peak (Pending ones included). */
  total: number;
  /** The first whole second at which the peak was reached. */
  at: number;
  /** The same pods per version (image tag). */
  versions: Readonly<Record<string, number>>;
}

export interface PeakCpu {
  /** CPU (cores) the pods on the nodes requested at the peak, Terminating ones included. */
  cores: number;
  at: number;
  /** CPU (cores) the nodes can allocate. */
  allocatable: number;
  /** Pods not Terminating per version at that moment. */
  versions: Readonly<Record<string, number>>;
  /** Pods Terminating at that moment (they hold their CPU until they are gone). */
  terminating: number;
}

export interface LaneMetrics {
  /** The window measured: [from, until]. */
  from: number;
  until: number;
  /** Every step of the lane has run by `until`: when the last one did. */
  stepsDoneAt?: number;
  /**
   * The first whole second at or after the last step at which every Deployment had rolled out
   * (as `kubectl rollout status` says); unset while it has not (yet) happened.
   */
  completedAt?: number;
  /** completedAt − from. */
  completeSeconds?: number;
  /** Seconds with at least one failed (5xx) or refused request. */
  errorSeconds: number;
  firstErrorAt?: number;
  lastErrorAt?: number;
  /** 5xx answers. */
  failed: number;
  /** Refused connections (no ready endpoint). */
  refused: number;
  /** Every request sent in the window's whole seconds. */
  requests: number;
  peakPods?: PeakPods;
  peakCpu?: PeakCpu;
  /** Seconds in which two or more versions answered requests successfully. */
  mixedSeconds: number;
  firstMixedAt?: number;
  lastMixedAt?: number;
  /** The versions that answered in those seconds. */
  mixedVersions: string[];
  /** Deployments rolled out at the last sample measured (a stalled rollout says false). */
  rolledOutNow: boolean;
}

const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);

/**
 * Measures a lane over [from, until] from its recorded `history`; `stepCount` is how many steps the
 * lane's scenario holds (common and its own), so completion waits for the last of them.
 */
export function measureLane(history: History, stepCount: number, from: number, until: number): LaneMetrics {
  const m: LaneMetrics = {
    from,
    until,
    errorSeconds: 0,
    failed: 0,
    refused: 0,
    requests: 0,
    mixedSeconds: 0,
    mixedVersions: [],
    rolledOutNow: false,
  };
  const ran = history.steps.filter((s) => s.at <= until + EPS);
  if (ran.length >= stepCount) m.stepsDoneAt = ran.length ? Math.max(...ran.map((s) => s.at)) : 0;

  const samples: Sample[] = history.samples.filter((s) => s.t >= from - EPS && s.t <= until + EPS);
  for (const s of samples) {
    const pods = sum(s.versions);
    if (!m.peakPods || pods > m.peakPods.total) m.peakPods = { total: pods, at: s.t, versions: s.versions };
    if (!m.peakCpu || s.cpuRequested > m.peakCpu.cores + EPS)
      m.peakCpu = {
        cores: s.cpuRequested,
        at: s.t,
        allocatable: s.cpuAllocatable,
        versions: s.versions,
        terminating: s.terminating,
      };
    if (
      m.completedAt === undefined &&
      m.stepsDoneAt !== undefined &&
      s.t >= m.stepsDoneAt - EPS &&
      s.rolledOut
    )
      m.completedAt = s.t;
  }
  const last = samples[samples.length - 1];
  m.rolledOutNow = last?.rolledOut ?? false;
  if (m.completedAt !== undefined) m.completeSeconds = Math.round((m.completedAt - from) * 1e6) / 1e6;

  const firstSecond = Math.floor(from + EPS);
  const mixed = new Set<string>();
  for (const p of history.traffic) {
    if (p.t < firstSecond || p.t + 1 > until + EPS) continue;
    const ok = sum(p.ok);
    m.requests += ok + p.errors + p.refused;
    m.failed += p.errors;
    m.refused += p.refused;
    if (p.errors + p.refused > 0) {
      m.errorSeconds++;
      m.firstErrorAt ??= p.t;
      m.lastErrorAt = p.t;
    }
    const answering = Object.keys(p.ok).filter((v) => (p.ok[v] ?? 0) > 0);
    if (answering.length >= 2) {
      m.mixedSeconds++;
      m.firstMixedAt ??= p.t;
      m.lastMixedAt = p.t;
      for (const v of answering) mixed.add(v);
    }
  }
  m.mixedVersions = [...mixed].sort();
  return m;
}
