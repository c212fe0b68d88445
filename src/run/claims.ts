/**
 * Checking claims (src/scenario/claims.ts) against what the screen shows: a Run's Frame at the
 * moment of the step that makes them. Every number is read the way the app draws it: the
 * Service's counter is `frame.traffic.window` (the last 10 s) with its rates at one decimal and
 * its shares in whole percent, the pods are the diagram's, the budget is the gauge's, the
 * timeline is the recorded history.
 */
import type { Frame } from '../view/frame.ts';
import { drawnPods, tagOf, type PodView, type TrafficWindow } from '../view/view.ts';
import {
  ClaimError,
  countText,
  satisfies,
  type Claims,
  type ConditionClaim,
  type Count,
  type DeploymentClaims,
  type PodStateCounts,
  type ServiceClaims,
  type TimelineClaims,
} from '../scenario/claims.ts';
import { parseScenario, type Scenario } from '../scenario/scenario.ts';
import { createRun } from './run.ts';

/** One claim checked: where it is, what it says, what the screen shows. */
export interface ClaimResult {
  /** `expect.trafficShare.v2` */
  path: string;
  /** The claim as written (`>0`, `absent`, `app=kubia`). */
  expected: string;
  /** What the screen shows, in the same terms. */
  actual: string;
  ok: boolean;
}

/**
 * The Service counter's numbers as the diagram prints them: each version's answers per second
 * (one decimal) and share of the answers (whole percent), errors and refusals per second.
 */
export interface CounterReading {
  versions: { version: string; perSecond: number; percent: number }[];
  errorsPerSecond: number;
  refusedPerSecond: number;
}

/** The counter's reading of a traffic window (the same arithmetic the Service box draws with). */
export function counterReading(w: TrafficWindow): CounterReading {
  const rate = (n: number) => Number((n / w.seconds).toFixed(1));
  const total = Object.values(w.ok).reduce((a, b) => a + b, 0);
  return {
    versions: Object.entries(w.ok)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([version, n]) => ({
        version,
        perSecond: rate(n),
        percent: total ? Math.round((n / total) * 100) : 0,
      })),
    errorsPerSecond: rate(w.errors),
    refusedPerSecond: rate(w.refused),
  };
}

/** Every pod the diagram draws, with its version and state. */
const podsOf = (f: Frame): PodView[] => drawnPods(f.view);

const selectorPairs = (s: string): string =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .sort()
    .join(',');

class Checker {
  readonly results: ClaimResult[] = [];
  constructor(private readonly frame: Frame) {}

  private add(path: string, expected: string, actual: string, ok: boolean): void {
    this.results.push({ path, expected, actual, ok });
  }

  /** A number against a Count. */
  count(path: string, claim: Count | undefined, actual: number): void {
    if (claim === undefined) return;
    this.add(path, countText(claim), String(actual), satisfies(actual, claim));
  }

  /** A value that must be equal (strings, booleans). */
  equal(path: string, claim: string | boolean | number | undefined, actual: string | boolean | number): void {
    if (claim === undefined) return;
    this.add(path, String(claim), String(actual), String(claim) === String(actual));
  }

  check(c: Claims, at: number, path = 'expect'): void {
    const f = this.frame;
    const pods = podsOf(f);
    for (const [version, claim] of Object.entries(c.pods ?? {})) {
      const mine = pods.filter((p) => p.version === version);
      const p = `${path}.pods.${version}`;
      if (typeof claim !== 'object') {
        this.count(p, claim, mine.filter((x) => x.state !== 'terminating').length);
        continue;
      }
      for (const [state, n] of Object.entries(claim) as [keyof PodStateCounts, Count][])
        this.count(
          `${p}.${state}`,
          n,
          state === 'total' ? mine.length : mine.filter((x) => x.state === state).length,
        );
    }

    const sets = f.objects.replicaSets;
    const setsOf = (version: string) =>
      sets.filter((rs) => tagOf(rs.spec.template.spec.containers[0]?.image ?? '') === version);
    for (const [version, claim] of Object.entries(c.replicaSets ?? {})) {
      const mine = setsOf(version);
      const p = `${path}.replicaSets.${version}`;
      const desired = mine.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
      if (claim === 'absent')
        this.add(p, 'absent', mine.length ? String(desired) : 'absent', mine.length === 0);
      else if (mine.length === 0) this.add(p, countText(claim), 'absent', false);
      else this.count(p, claim, desired);
    }
    this.count(`${path}.replicaSetCount`, c.replicaSetCount, sets.length);
    for (const [version, claim] of Object.entries(c.revisions ?? {})) {
      const revs = setsOf(version).map((rs) =>
        Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0),
      );
      const p = `${path}.revisions.${version}`;
      if (revs.length === 1) this.count(p, claim, revs[0]!);
      else this.add(p, countText(claim), revs.length ? `several: ${revs.join(', ')}` : 'absent', false);
    }

    const counter = counterReading(f.traffic.window);
    const ofVersion = (v: string) => counter.versions.find((x) => x.version === v);
    for (const [v, claim] of Object.entries(c.trafficShare ?? {}))
      this.count(`${path}.trafficShare.${v}`, claim, ofVersion(v)?.percent ?? 0);
    for (const [v, claim] of Object.entries(c.answersPerSecond ?? {}))
      this.count(`${path}.answersPerSecond.${v}`, claim, ofVersion(v)?.perSecond ?? 0);
    this.count(`${path}.errorsPerSecond`, c.errorsPerSecond, counter.errorsPerSecond);
    this.count(`${path}.refusedPerSecond`, c.refusedPerSecond, counter.refusedPerSecond);

    for (const [name, claim] of Object.entries(c.services ?? {}))
      this.service(`${path}.services.${name}`, name, claim, pods);
    for (const [name, claim] of Object.entries(c.deployments ?? {}))
      this.deployment(`${path}.deployments.${name}`, name, claim);

    if (c.cpu) {
      const nodes = f.view.nodes;
      const sum = (k: 'cpuRequested' | 'cpuAllocatable') =>
        Number(nodes.reduce((n, x) => n + x[k], 0).toFixed(2));
      this.count(`${path}.cpu.requested`, c.cpu.requested, sum('cpuRequested'));
      this.count(`${path}.cpu.allocatable`, c.cpu.allocatable, sum('cpuAllocatable'));
    }
    for (const [reason, claim] of Object.entries(c.events ?? {}))
      this.count(`${path}.events.${reason}`, claim, f.events.filter((e) => e.reason === reason).length);

    const spans = c.timeline === undefined ? [] : Array.isArray(c.timeline) ? c.timeline : [c.timeline];
    spans.forEach((s, i) =>
      this.timeline(Array.isArray(c.timeline) ? `${path}.timeline[${i}]` : `${path}.timeline`, s, at),
    );
  }

  private service(p: string, name: string, c: ServiceClaims, pods: PodView[]): void {
    const svc = this.frame.view.services.find((s) => s.name === name);
    if (!svc) {
      this.add(p, 'a Service', 'absent', false);
      return;
    }
    if (c.selector !== undefined)
      this.add(
        `${p}.selector`,
        c.selector,
        svc.selector,
        selectorPairs(c.selector) === selectorPairs(svc.selector),
      );
    this.count(`${p}.endpoints`, c.endpoints, svc.endpoints.length);
    this.count(`${p}.notReady`, c.notReady, svc.notReady.length);
    const versionOf = new Map(pods.map((x) => [x.name, x.version]));
    for (const [v, claim] of Object.entries(c.endpointsByVersion ?? {}))
      this.count(
        `${p}.endpointsByVersion.${v}`,
        claim,
        svc.endpoints.filter((e) => versionOf.get(e) === v).length,
      );
  }

  private deployment(p: string, name: string, c: DeploymentClaims): void {
    const d = this.frame.view.deployments.find((x) => x.name === name);
    if (!d) {
      this.add(p, 'a Deployment', 'absent', false);
      return;
    }
    this.equal(`${p}.strategy`, c.strategy, d.strategy);
    const ru = this.frame.objects.deployments.find((x) => x.metadata.name === name)?.spec.strategy
      ?.rollingUpdate;
    if (c.maxSurge !== undefined)
      this.equal(
        `${p}.maxSurge`,
        c.maxSurge,
        d.strategy === 'RollingUpdate' ? (ru?.maxSurge ?? '25%') : 'none',
      );
    if (c.maxUnavailable !== undefined)
      this.equal(
        `${p}.maxUnavailable`,
        c.maxUnavailable,
        d.strategy === 'RollingUpdate' ? (ru?.maxUnavailable ?? '25%') : 'none',
      );
    this.count(`${p}.minReadySeconds`, c.minReadySeconds, d.minReadySeconds);
    this.count(`${p}.replicas`, c.replicas, d.replicas);
    this.count(`${p}.updated`, c.updated, d.updated);
    this.count(`${p}.ready`, c.ready, d.ready);
    this.count(`${p}.available`, c.available, d.available);
    this.equal(`${p}.paused`, c.paused, d.paused);
    this.equal(`${p}.phase`, c.phase, d.phase.key);
    for (const [type, claim] of Object.entries(c.conditions ?? {}))
      this.condition(
        `${p}.conditions.${type}`,
        claim,
        d.conditions.find((x) => x.type === type),
      );
    if (c.budget) {
      const b = d.budget;
      if (!b) this.add(`${p}.budget`, 'a RollingUpdate budget', `none (${d.strategy})`, false);
      else {
        this.count(`${p}.budget.pods`, c.budget.pods, b.specified);
        this.count(`${p}.budget.max`, c.budget.max, b.maxTotal);
        this.count(`${p}.budget.available`, c.budget.available, b.available);
        this.count(`${p}.budget.min`, c.budget.min, b.minAvailable);
      }
    }
  }

  private condition(
    p: string,
    c: ConditionClaim,
    actual: { status: string; reason?: string } | undefined,
  ): void {
    const want = typeof c === 'string' ? { status: c } : c;
    const shown = actual ? `${actual.status}${actual.reason ? ` ${actual.reason}` : ''}` : 'absent';
    const text = [want.status, want.reason].filter(Boolean).join(' ');
    const ok =
      actual !== undefined &&
      (want.status === undefined || want.status === actual.status) &&
      (want.reason === undefined || want.reason === actual.reason);
    this.add(p, text, shown, ok);
  }

  private timeline(p: string, c: TimelineClaims, at: number): void {
    const to = c.to ?? at;
    const h = this.frame.history;
    if (to > h.until + 1e-6) {
      this.add(p, `history up to ${to}`, `recorded up to ${h.until}`, false);
      return;
    }
    const seconds = h.traffic.filter((s) => s.t >= c.from && s.t < to);
    const refusedAt = seconds.filter((s) => s.refused > 0).map((s) => s.t);
    this.count(
      `${p}.refused`,
      c.refused,
      seconds.reduce((n, s) => n + s.refused, 0),
    );
    this.count(
      `${p}.errors`,
      c.errors,
      seconds.reduce((n, s) => n + s.errors, 0),
    );
    for (const [v, claim] of Object.entries(c.answered ?? {}))
      this.count(
        `${p}.answered.${v}`,
        claim,
        seconds.reduce((n, s) => n + (s.ok[v] ?? 0), 0),
      );
    const edge = (key: 'firstRefused' | 'lastRefused', t: number | undefined) => {
      const claim = c[key];
      if (claim === undefined) return;
      if (t === undefined) this.add(`${p}.${key}`, countText(claim), 'none refused', false);
      else this.count(`${p}.${key}`, claim, t);
    };
    edge('firstRefused', refusedAt[0]);
    edge('lastRefused', refusedAt[refusedAt.length - 1]);
    this.count(`${p}.refusedSeconds`, c.refusedSeconds, refusedAt.length);
    if (c.together) {
      const both = seconds.filter((s) => c.together!.every((v) => (s.ok[v] ?? 0) > 0)).length;
      this.add(
        `${p}.together`,
        c.together.join(' + '),
        both ? `${both} s with all` : 'never at once',
        both > 0,
      );
    }
  }
}

/**
 * Every claim of `claims` checked against `frame`, in the order written. `at` is the moment the
 * claims speak of (the step's), where timeline spans end unless they say otherwise.
 */
export function checkClaims(frame: Frame, claims: Claims, at = frame.t): ClaimResult[] {
  const c = new Checker(frame);
  c.check(claims, at);
  return c.results;
}

/** A failed claim as one line: `expect.pods.v2: claims >0, the screen shows 0`. */
export const describeFailure = (r: ClaimResult): string =>
  `${r.path}: claims ${r.expected}, the screen shows ${r.actual}`;

/** The claims of one step, checked at the moment it ran. */
export interface StepClaimsResult {
  /** Index of the step in the scenario. */
  index: number;
  /** The moment checked: when the step ran (or undefined: it never ran within an hour). */
  at: number | undefined;
  results: ClaimResult[];
}

/** How long past its `at` a step with `after:` is waited for (upstream's default progress deadline). */
const AFTER_LIMIT = 600;

/**
 * Plays a scenario and checks each step's `expect:` at the moment the step ran, after every step
 * of that instant has run (what the screen shows then). A step that never runs fails its claims.
 */
export function checkScenarioClaims(scenario: string | Scenario): StepClaimsResult[] {
  const s = parseScenario(scenario);
  const run = createRun(s);
  const out: StepClaimsResult[] = [];
  s.spec.steps.forEach((step, index) => {
    if (!step.expect) return;
    run.seek(step.at);
    // With `after:` it runs at the first instant its condition holds; the Run records when.
    let ranAt = run.frame().steps[index]?.ranAt;
    while (ranAt === undefined && run.now() < step.at + AFTER_LIMIT) {
      run.advance(10);
      ranAt = run.frame().steps[index]?.ranAt;
    }
    if (ranAt === undefined) {
      out.push({
        index,
        at: undefined,
        results: [
          { path: `spec.steps[${index}]`, expected: 'the step runs', actual: 'it never ran', ok: false },
        ],
      });
      return;
    }
    run.seek(ranAt);
    out.push({ index, at: ranAt, results: checkClaims(run.frame(), step.expect, ranAt) });
  });
  return out;
}

export { ClaimError };
