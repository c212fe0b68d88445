/**
 * A Comparison: one scenario played several ways side by side (DESIGN.md §2, `spec.variants`).
 * Each variant is a lane: a Run of the same start (seed, cluster, manifests, traffic and the common
 * steps) followed by the variant's own steps. The Comparison moves every lane together, so all of
 * them always show the same virtual moment, and measures each lane from what its Run recorded
 * (metrics.ts).
 *
 * One traffic source: the simulated clients send at a fixed rate, so every lane gets the same
 * requests at the same virtual instants (batches every 0.25 s, evenly spread); which ready pod
 * answers each one is the lane's own seeded choice. Until the first step that differs, the lanes
 * are the same run, byte for byte.
 */
import { roundTime } from '../cluster/cluster.ts';
import { deepCopy } from '../k8s/copy.ts';
import { createRun, type RunControls, type RunOptions } from '../run/run.ts';
import { parseScenario, ScenarioError, type Localized, type Scenario } from '../scenario/scenario.ts';
import { measureLane, type LaneMetrics } from './metrics.ts';

const EPS = 1e-6;
/** A comparison without `spec.until` ends this long after its updates begin. */
export const DEFAULT_COMPARISON_SECONDS = 120;

export interface ComparisonLane {
  /** The variant's name (`recreate`). */
  readonly name: string;
  readonly title?: Localized;
  /** The lane's Run: read it freely, move it only through the Comparison (time is shared). */
  readonly run: RunControls;
}

export interface Comparison {
  readonly lanes: readonly ComparisonLane[];
  /** The moment every lane shows. */
  now(): number;
  /** Where the updates begin: the earliest first step of any variant (0 when none has one). */
  start(): number;
  /** Where playing ends: `spec.until`, or DEFAULT_COMPARISON_SECONDS after `start()`. */
  end(): number;
  /** Every lane shows state(t). */
  seek(t: number): void;
  /** Every lane plays forward by `seconds`. */
  advance(seconds: number): void;
  /**
   * Plays every lane forward by up to `seconds`, one instant of the first lane at a time (the others
   * follow it to the same moment), stopping once `outOfTime()` says so. Returns the seconds played.
   */
  play(seconds: number, outOfTime: () => boolean): number;
  /** To the next moment at which something visibly changes in any lane. */
  stepForward(): void;
  /** Back to the previous moment at which something changed in any lane. */
  stepBack(): void;
  /** Per lane, measured over [start(), now()] from what the lane's Run recorded. */
  metrics(): LaneMetrics[];
  /** The comparison as a scenario with variants: what links and files carry. */
  scenario(): Scenario;
  /** Called after every move of the comparison (once all lanes are there). */
  listen(listener: () => void): () => void;
}

/**
 * Lane `i` of a scenario with variants as a scenario of its own: the common steps, then the
 * variant's, under the name `<scenario>-<variant>` and the variant's title.
 */
export function laneScenario(s: Scenario, i: number): Scenario {
  const v = s.spec.variants?.[i];
  if (!v) throw new RangeError(`laneScenario: the scenario has no variant ${i}`);
  const { variants: _variants, ...spec } = deepCopy(s.spec);
  const lane: Scenario = {
    apiVersion: s.apiVersion,
    kind: s.kind,
    metadata: { name: `${s.metadata.name}-${v.name}` },
    spec: { ...spec, steps: [...spec.steps, ...deepCopy(v.steps)] },
  };
  if (v.title) lane.metadata.title = deepCopy(v.title);
  return lane;
}

export function createComparison(scenario: string | Scenario, options: RunOptions = {}): Comparison {
  const s = parseScenario(scenario);
  if (!s.spec.variants)
    throw new ScenarioError('spec.variants: Required value: a comparison has 2 to 4 variants');
  return new ComparisonImpl(s, options);
}

class ComparisonImpl implements Comparison {
  readonly lanes: readonly ComparisonLane[];
  private readonly data: Scenario;
  private readonly stepCounts: number[];
  private readonly startAt: number;
  private readonly endAt: number;
  private readonly listeners = new Set<() => void>();
  private cache: { key: string; metrics: LaneMetrics[] } | undefined;

  constructor(s: Scenario, options: RunOptions) {
    this.data = deepCopy(s);
    const variants = s.spec.variants ?? [];
    this.lanes = variants.map((v, i) => {
      const lane: ComparisonLane = { name: v.name, run: createRun(laneScenario(s, i), options) };
      return v.title ? { ...lane, title: v.title } : lane;
    });
    this.stepCounts = variants.map((v) => s.spec.steps.length + v.steps.length);
    const firsts = variants.map((v) => v.steps[0]?.at).filter((t): t is number => t !== undefined);
    this.startAt = firsts.length ? Math.min(...firsts) : 0;
    this.endAt = s.spec.until ?? this.startAt + DEFAULT_COMPARISON_SECONDS;
  }

  private get first(): RunControls {
    return this.lanes[0]!.run;
  }

  now(): number {
    return this.first.now();
  }

  start(): number {
    return this.startAt;
  }

  end(): number {
    return this.endAt;
  }

  /** Brings every lane but the first to the first lane's moment. */
  private follow(): void {
    const t = this.first.now();
    for (const l of this.lanes.slice(1)) {
      const now = l.run.now();
      if (now < t - EPS) l.run.advance(roundTime(t - now));
      else if (now > t + EPS) l.run.seek(t);
    }
  }

  seek(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError(`seek: t must be a finite number, got ${t}`);
    const target = roundTime(Math.max(0, t));
    for (const l of this.lanes) l.run.seek(target);
    this.changed();
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError(`advance: seconds must be a finite number ≥ 0, got ${seconds}`);
    this.seek(this.now() + seconds);
  }

  play(seconds: number, outOfTime: () => boolean): number {
    const from = this.now();
    const target = roundTime(from + Math.max(0, seconds));
    // The first lane goes one controller instant at a time; the others follow it exactly, so the
    // frame budget is checked between instants and no lane is ever ahead of another.
    while (this.first.now() < target - EPS) {
      this.first.play(roundTime(target - this.first.now()), () => true);
      this.follow();
      if (outOfTime()) break;
    }
    this.changed();
    return this.now() - from;
  }

  stepForward(): void {
    const now = this.now();
    // Each lane finds its own next visible change; the comparison goes to the earliest of them.
    let next = Number.POSITIVE_INFINITY;
    for (const l of this.lanes) {
      l.run.stepForward();
      const t = l.run.now();
      if (t > now + EPS) next = Math.min(next, t);
    }
    this.seek(Number.isFinite(next) ? next : now);
  }

  stepBack(): void {
    const now = this.now();
    let prev = 0;
    for (const l of this.lanes) {
      l.run.stepBack();
      const t = l.run.now();
      if (t < now - EPS) prev = Math.max(prev, t);
    }
    this.seek(prev);
  }

  metrics(): LaneMetrics[] {
    const now = this.now();
    const histories = this.lanes.map((l) => l.run.history());
    const key = `${now}:${histories.map((h) => h.version).join(',')}`;
    if (this.cache?.key === key) return this.cache.metrics;
    const metrics = histories.map((h, i) => measureLane(h, this.stepCounts[i]!, this.startAt, now));
    this.cache = { key, metrics };
    return metrics;
  }

  scenario(): Scenario {
    return deepCopy(this.data);
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}
