/**
 * What a Run has recorded of its timeline as time was reached: checkpoints to seek from, one
 * sample per second for the timeline, the requests per second, the moments at which anything
 * changed, and each step's output. Nothing here is computed ahead: the recording ends at the
 * furthest moment anyone has played to (`until`), so the timeline never shows what nobody has
 * seen yet.
 */
import type { ClusterCheckpoint, SimCluster } from '../cluster/cluster.ts';
import type { TrafficSecond } from '../cluster/traffic.ts';
import type { Deployment, NodeObject, Pod, ReplicaSet } from '../k8s/types.ts';
import { parseQuantity } from '../k8s/quantity.ts';
import { deploymentRolloutStatus } from '../kubectl/status.ts';
import { tagOf } from '../view/view.ts';

/** One point of the timeline: replicas per ReplicaSet and pods in all, at virtual second `t`. */
export interface Sample {
  readonly t: number;
  /** Pods per ReplicaSet name (status.replicas: pods that exist, Terminating ones excluded). */
  readonly rs: Readonly<Record<string, number>>;
  /** Image per ReplicaSet name, so the timeline colours it like the diagram. */
  readonly images: Readonly<Record<string, string>>;
  /** Available pods summed over all Deployments. */
  readonly available: number;
  /** Desired replicas summed over all Deployments. */
  readonly desired: number;
  /** Pods that exist (Terminating ones included). */
  readonly pods: number;
  /**
   * Pods not Terminating (nor finished) per version (image tag), Pending ones included: what a
   * comparison's peak counts.
   */
  readonly versions: Readonly<Record<string, number>>;
  /** Pods Terminating (deleted, still shutting down). */
  readonly terminating: number;
  /** CPU (cores) the pods bound to nodes request, Terminating ones included, as the scheduler counts. */
  readonly cpuRequested: number;
  /** CPU (cores) the nodes can allocate. */
  readonly cpuAllocatable: number;
  /** Every Deployment has rolled out, as `kubectl rollout status` would say. */
  readonly rolledOut: boolean;
}

/** A piece of a step's output, at the virtual moment it was printed. */
export interface OutputChunk {
  readonly t: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

/** What one step did: when it ran, what it printed (and when), and how it ended. */
export interface StepRecord {
  at: number;
  chunks: OutputChunk[];
  /** Set once the command has finished (at once, or when its watch ended). */
  exitCode?: number;
  /** When the command finished. */
  doneAt?: number;
  /** The command keeps watching after it ran (`rollout status`, `delete` waiting for pods). */
  watching: boolean;
  /** It failed but kept what it wrote (kubectl apply with some documents refused). */
  kept?: true;
}

export interface Checkpoint {
  readonly t: number;
  readonly snapshot: ClusterCheckpoint;
  /** Index of the first step that had not run yet. */
  readonly next: number;
  /** The store's resourceVersion then: how much was written since is the replay's work. */
  readonly writes: number;
}

/** Where a checkpoint is: moment, steps run and writes made. */
type Mark = Pick<Checkpoint, 't' | 'writes' | 'next'>;

/**
 * Where in a run something happened: a moment, and how many steps had run by then. Within one
 * instant the controllers settle first and the steps due then run one after another, so this
 * orders everything a pass through the timeline does.
 */
export interface Position {
  t: number;
  steps: number;
}

export const EPS = 1e-6;

export const after = (a: Position, b: Position): boolean =>
  a.t > b.t + EPS || (Math.abs(a.t - b.t) <= EPS && a.steps > b.steps);

export class Recording {
  /** The furthest position recorded: everything up to it is known and kept. */
  front: Position = { t: 0, steps: 0 };
  /**
   * Checkpoints in time order: one every `checkpointEvery` seconds, and one at a sample in between
   * once `checkpointWrites` writes were made since the last (a busy stretch, such as a rollout of
   * many pods, replays little whatever its length).
   */
  checkpoints: Checkpoint[] = [];
  /**
   * How many of `checkpoints` are old enough to have been thinned already (see `addCheckpoint`):
   * those stay as they are.
   */
  private thinned = 0;
  /** samples[s] is the sample at second s (× sampleEvery), once reached. */
  samples: Sample[] = [];
  /** Requests per completed second, in time order. */
  traffic: TrafficSecond[] = [];
  /** Sorted moments at which an object changed or a step ran. */
  changes: number[] = [0];
  /** Output per step index. */
  steps = new Map<number, StepRecord>();
  /** Bumped whenever the recorded history changes (what the timeline keys on). */
  version = 0;

  constructor(
    readonly checkpointEvery: number,
    readonly sampleEvery: number,
    readonly checkpointWrites: number,
    /**
     * Checkpoints this many seconds behind the newest are thinned to one every `sparseEvery`
     * seconds, keeping each one `checkpointWrites` writes after the last kept and the first after
     * each step (0: never thinned).
     */
    readonly denseSeconds = 0,
    readonly sparseEvery = checkpointEvery,
  ) {}

  /** Where the last checkpoint due was, made or not (`offer`): the next is due counting from it. */
  lastDue: Mark | undefined;

  /**
   * Adds a checkpoint after the last (or in its place, at the same instant), then thins those that
   * fell `denseSeconds` behind it: an hour of checkpoints then holds one every `sparseEvery`
   * seconds where little happened, while a seek anywhere still replays at most `sparseEvery`
   * seconds or about `checkpointWrites` writes, and the recent past (where one scrubs most) stays
   * dense.
   */
  addCheckpoint(cp: Checkpoint): void {
    const list = this.checkpoints;
    const last = list[list.length - 1];
    if (last !== undefined && Math.abs(last.t - cp.t) < EPS) list[list.length - 1] = cp;
    else list.push(cp);
    this.lastDue = cp;
    if (this.denseSeconds > 0) this.thin(cp.t - this.denseSeconds, list.length - 1);
  }

  /**
   * A checkpoint is due at `c` on the way to a moment `denseSeconds` after `horizon`: it is made
   * (`make`) and added, unless it is before `horizon` and thinning would drop it by then. Each
   * checkpoint is kept or dropped by the kept ones before it alone, so those are thinned now as they
   * will be later: a seek far ahead keeps what playing there keeps, without making the two thirds
   * of the checkpoints that thinning drops.
   */
  offer(c: Mark, horizon: number, make: () => ClusterCheckpoint): void {
    const list = this.checkpoints;
    if (this.denseSeconds > 0 && c.t < horizon - EPS) {
      this.thin(c.t, list.length);
      const prev = list[list.length - 1];
      // One at the instant of the last kept takes its place, as addCheckpoint does.
      if (prev && Math.abs(prev.t - c.t) >= EPS && !this.keeps(prev, c)) {
        this.lastDue = c;
        return;
      }
    }
    this.addCheckpoint({ ...c, snapshot: make() });
  }

  /** Whether thinning keeps `c`, the next checkpoint after the kept `prev`. */
  private keeps(prev: Mark, c: Mark): boolean {
    return (
      c.t - prev.t >= this.sparseEvery - EPS ||
      c.writes - prev.writes >= this.checkpointWrites ||
      c.next !== prev.next
    );
  }

  /** Thins the checkpoints before index `end` that are before `horizon` (the first is always kept). */
  private thin(horizon: number, end: number): void {
    const list = this.checkpoints;
    this.thinned = Math.min(this.thinned, list.length - 1);
    let kept = Math.max(1, this.thinned);
    let i = kept;
    while (i < end && list[i]!.t < horizon - EPS) {
      const c = list[i++]!;
      if (this.keeps(list[kept - 1]!, c)) list[kept++] = c;
    }
    if (i > kept) list.splice(kept, i - kept);
    this.thinned = kept;
  }

  get until(): number {
    return this.front.t;
  }

  noteChange(t: number): void {
    const last = this.changes[this.changes.length - 1];
    if (last === undefined || t > last + EPS) this.changes.push(t);
  }

  /** The newest checkpoint at or before `t`. */
  checkpointAtOrBefore(t: number): Checkpoint | undefined {
    const list = this.checkpoints;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.t <= t + EPS) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : undefined;
  }

  /** Copies the requests of every second completed by `now` that is not recorded yet. */
  recordTraffic(series: readonly TrafficSecond[], now: number): void {
    const last = this.traffic[this.traffic.length - 1]?.t ?? -1;
    let i = series.length;
    while (i > 0 && series[i - 1]!.t > last) i--;
    for (; i < series.length; i++) {
      const s = series[i]!;
      if (s.t + 1 > now + EPS) break;
      // Object.assign, not spread: V8 gives a frozen copy made by spread a shape of its own
      // (about 410 bytes instead of 120; an hour keeps 3,600).
      this.traffic.push(Object.freeze(Object.assign({}, s, { ok: Object.freeze(Object.assign({}, s.ok)) })));
    }
  }

  /**
   * What `truncate` and a step's recording change, kept so that `back()` puts it all back: a step
   * that turned out to change nothing leaves the recording as it found it.
   */
  keep(): { back(): void } {
    const { front, thinned, lastDue, version } = this;
    const checkpoints = [...this.checkpoints];
    const samples = [...this.samples];
    const traffic = [...this.traffic];
    const changes = [...this.changes];
    const steps = [...this.steps].map(([i, r]): [number, StepRecord] => [i, { ...r, chunks: [...r.chunks] }]);
    return {
      back: () => {
        this.front = front;
        this.thinned = thinned;
        this.lastDue = lastDue;
        this.version = version;
        this.checkpoints = checkpoints;
        this.samples = samples;
        this.traffic = traffic;
        this.changes = changes;
        this.steps = new Map(steps);
      },
    };
  }

  /**
   * Forgets everything recorded after position `p` (a step runs there now and changes what comes
   * after): checkpoints and samples from `p.t` on, requests of seconds not completed by then,
   * later changes, and the output of steps `p.steps` and later. Steps before keep their output up
   * to `p.t`.
   */
  truncate(p: Position): void {
    const t = p.t;
    while (this.checkpoints.length && this.checkpoints[this.checkpoints.length - 1]!.t > t - EPS)
      this.checkpoints.pop();
    this.thinned = Math.min(this.thinned, this.checkpoints.length);
    this.lastDue = this.checkpoints[this.checkpoints.length - 1];
    this.samples.length = Math.min(this.samples.length, Math.max(0, Math.ceil(t / this.sampleEvery - EPS)));
    while (this.traffic.length && this.traffic[this.traffic.length - 1]!.t + 1 > t + EPS) this.traffic.pop();
    while (this.changes.length > 1 && this.changes[this.changes.length - 1]! > t - EPS) this.changes.pop();
    for (const [i, r] of this.steps) {
      if (i >= p.steps) {
        this.steps.delete(i);
        continue;
      }
      r.chunks = r.chunks.filter((c) => c.t <= t + EPS);
      if (r.doneAt !== undefined && r.doneAt > t + EPS) {
        delete r.doneAt;
        delete r.exitCode;
      }
    }
    this.front = { ...p };
    this.version++;
  }
}

/** The last sample taken of each store, with the versions of the kinds it was made from. */
const lastSample = new WeakMap<object, { versions: string; sample: Sample }>();
const SAMPLED_KINDS = ['ReplicaSet', 'Deployment', 'Pod', 'Node'];

export function sampleOf(c: SimCluster): Sample {
  // A sample depends only on these kinds: while none was written (a steady stretch, however many
  // requests it serves), the last sample holds at this moment too.
  const versions = SAMPLED_KINDS.map((k) => c.store.version(k)).join();
  const last = lastSample.get(c.store);
  const sample =
    last?.versions === versions
      ? last.sample.t === c.now
        ? last.sample
        : Object.freeze({ ...last.sample, t: c.now })
      : sampleAt(c);
  lastSample.set(c.store, { versions, sample });
  return sample;
}

function sampleAt(c: SimCluster): Sample {
  return sampleFrom(
    c.now,
    c.store.list<ReplicaSet>('ReplicaSet'),
    c.store.list<Deployment>('Deployment'),
    c.store.values<Pod>('Pod'),
    c.store.count('Pod'),
    c.store.values<NodeObject>('Node'),
  );
}

/** The sample of moment `t` from the objects then (what a followed cluster records, too). */
export function sampleFrom(
  t: number,
  replicaSets: readonly ReplicaSet[],
  deployments: readonly Deployment[],
  pods: Iterable<Pod>,
  podCount: number,
  nodes: Iterable<NodeObject>,
): Sample {
  const rs: Record<string, number> = {};
  const images: Record<string, string> = {};
  for (const r of replicaSets) {
    rs[r.metadata.name] = r.status?.replicas ?? 0;
    images[r.metadata.name] = r.spec.template.spec.containers[0]?.image ?? '';
  }
  let available = 0;
  let desired = 0;
  let rolledOut = true;
  for (const d of deployments) {
    available += d.status?.availableReplicas ?? 0;
    desired += d.spec.replicas ?? 1;
    if (rolledOut && !deploymentRolloutStatus(d).done) rolledOut = false;
  }
  const versions: Record<string, number> = {};
  let cpuRequested = 0;
  let terminating = 0;
  for (const p of pods) {
    const finished = p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
    if (p.spec.nodeName && !finished)
      for (const ct of p.spec.containers) cpuRequested += parseQuantity(ct.resources?.requests?.cpu) || 0;
    if (finished) continue;
    if (p.metadata.deletionTimestamp) {
      terminating++;
      continue;
    }
    const v = tagOf(p.spec.containers[0]?.image ?? '');
    versions[v] = (versions[v] ?? 0) + 1;
  }
  let cpuAllocatable = 0;
  for (const n of nodes) cpuAllocatable += parseQuantity(n.status?.allocatable?.cpu) || 0;
  return Object.freeze({
    t,
    rs: Object.freeze(rs),
    images: Object.freeze(images),
    available,
    desired,
    pods: podCount,
    versions: Object.freeze(versions),
    terminating,
    // Millicores add up exactly; sums of binary fractions need not.
    cpuRequested: Math.round(cpuRequested * 1000) / 1000,
    cpuAllocatable: Math.round(cpuAllocatable * 1000) / 1000,
    rolledOut,
  });
}
