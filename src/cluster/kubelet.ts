/**
 * The kubelet: walks each pod bound to a node through its life in virtual time.
 *
 *   bound → (pull image | image present) → container created and started → app start-up →
 *   readiness probes → Ready … → SIGTERM → shutdown → gone
 *
 * with the failure paths a learner meets: ErrImagePull/ImagePullBackOff (ErrImageNeverPull under
 * imagePullPolicy Never, which never pulls; Always pulls at every start), CrashLoopBackOff with
 * back-off 10 s doubling to 5 min, failing readiness (not Ready, out of the endpoints) and failing
 * liveness (the container is restarted). A container whose process ends (program.ts) is restarted
 * as the pod's restartPolicy says; one that is not leaves the pod Succeeded or Failed. It records the events kubelet records (Pulling, Pulled,
 * Created, Started, Unhealthy, Killing, BackOff, Failed) and decision records that explain them.
 *
 * All timings come from `Timing` with seeded jitter; with every duration 0 and no probes a pod is
 * Ready in the instant it is bound.
 */
import { joinFlat, sameItems } from '../k8s/copy.ts';
import { putHex } from '../k8s/hash.ts';
import { timestamp } from '../k8s/time.ts';
import type { Container, ContainerStatus, NodeObject, Pod, PodCondition, Probe } from '../k8s/types.ts';
import {
  appBehaviour,
  imageRepository,
  imageTag,
  respond,
  responseStatus,
  type AppBehaviour,
} from './apps.ts';
import { EMPTY_LOG, appendRequest, logsRequests, type AppLog } from './applog.ts';
import { defaultTiming, type ControllerContext, type InformerHandlers } from './context.ts';
import type { ProgramEnd } from './program.ts';
import { count } from './words.ts';

const DEFAULT_JITTER = defaultTiming.jitter ?? 0.2;

/** Kubelet state per pod (kept in WorldState so snapshots capture it). */
export interface PodRuntime {
  /**
   * `neverPull`: the image is not on the node and imagePullPolicy Never forbids pulling it.
   * `exited`: the container's process ended and its restartPolicy does not restart it.
   */
  stage:
    | 'pulling'
    | 'pullBackOff'
    | 'neverPull'
    | 'starting'
    | 'running'
    | 'crashBackOff'
    | 'exited'
    | 'terminating';
  /** When the current stage ends. */
  until: number;
  /** Back-off before the next image pull (seconds): 10 s doubling to 5 min. */
  backoff: number;
  /**
   * The restart back-off of the container (upstream's flowcontrol.Backoff entry): 0 until the
   * container first exits, so the first restart is immediate; then 10 s doubling to 5 min. It
   * resets when the container ran for longer than 10 minutes since the last back-off.
   */
  restartBackoff?: number;
  /** When `restartBackoff` last changed. */
  restartBackoffAt?: number;
  /** Restarts performed (the containerStatus restartCount). */
  restarts: number;
  /** When the current container started; requests are counted per container run. */
  startedAt: number;
  requests: number;
  ready: boolean;
  /** The exact virtual time `ready` last became true (conditions keep whole seconds only). */
  readySince?: number;
  readySuccesses: number;
  readyFailures: number;
  liveFailures: number;
  nextProbeAt: number;
  lastState?: { startedAt: number; finishedAt: number; exitCode: number; reason: string };
  /** The last pull error, while pulling keeps failing. */
  pullError?: string;
  /** When the current image pull began. */
  pullStartedAt?: number;
  /** A restart's image pull is under way (imagePullPolicy Always pulls at every start). */
  repulling?: boolean;
  /** After a failed pull: when the kubelet retries (ImagePullBackOff shows until then). */
  retryPullAt?: number;
  /** What the app of the current (or last exited) container run wrote to its log. */
  log?: AppLog;
  /** The log of the run before it (`kubectl logs --previous`). */
  previousLog?: AppLog;
  /**
   * Since when the app of the current container run answers every request and HTTP probe with
   * 500 (a fault a teacher injects: `kubectl lab unhealthy`). A new container run starts healthy.
   */
  unhealthySince?: number;
  /**
   * How the container ends at `until`: its process ends (0, Completed; else Error), it is killed
   * (a fault; a crash exits 1 otherwise), or, its pod deleted, stopped by SIGTERM (0, Completed)
   * or by SIGKILL when the grace period ran out (137, Error).
   */
  exit?: { code: number; reason: string };
  /** In the `exited` stage: how the last container run ended. */
  ended?: { startedAt: number; finishedAt: number; exitCode: number; reason: string };
  /** The node came back: the next step writes the pod's status afresh. */
  resync?: boolean;
}

export interface KubeletWorld {
  pods: Map<string, PodRuntime>;
  nodeImages: Map<string, readonly string[]>;
  nextIp: Map<string, number>;
  apps: Record<string, Partial<AppBehaviour>>;
  /**
   * At least the latest `readySince` of any pod (undefined: not known, e.g. after a restore).
   * Traffic reads it to skip looking for endpoints that became Ready during a batch. Not state:
   * snapshots leave it out.
   */
  latestReady?: number;
  /**
   * Told the key of each pod whose runtime record the kubelet may change: snapshots copy only
   * those again. `served`: only the requests served and the app log changed. Not state either.
   */
  touch?: (key: string, served?: boolean) => void;
  /** Nodes whose kubelet stopped (a fault: `kubectl lab node-down`), with the moment it did. */
  downNodes: Map<string, number>;
}

/**
 * "Not scheduled" for a stage end or the next probe: a finite number, so kubelet state survives a
 * snapshot's round trip through JSON (which would turn Infinity into null).
 */
export const NEVER = Number.MAX_VALUE;

const MAX_BACKOFF = 300;
const INITIAL_BACKOFF = 10;
/** A back-off entry older than twice the maximum is forgotten (flowcontrol.hasExpired). */
const BACKOFF_EXPIRY = 2 * MAX_BACKOFF;
/**
 * An image the node has, pulled again (imagePullPolicy Always): the registry is asked and no layer
 * is fetched, so it takes this part of a whole pull.
 */
const PRESENT_PULL_SHARE = 0.2;

/** How long pulling `image` takes on `host` now: a whole pull, or a check of one it has. */
function pullSeconds(ctx: ControllerContext, world: KubeletWorld, host: string, image: string): number {
  const present = (world.nodeImages.get(host) ?? []).includes(image);
  return jitter(ctx, ctx.timing.imagePullSeconds * (present ? PRESENT_PULL_SHARE : 1));
}

/** The image manager finds the image on the node and does not pull it (the Pulled event). */
function imagePresent(ctx: ControllerContext, pod: Pod, c: Container, host: string): void {
  containerEvent(
    ctx,
    pod,
    c,
    'Normal',
    'Pulled',
    `Container image "${c.image}" already present on machine`,
    host,
  );
}

/** A pull of the container's image begins, to end in the time pullSeconds gives. */
function beginPull(
  ctx: ControllerContext,
  world: KubeletWorld,
  pod: Pod,
  c: Container,
  host: string,
  rt: PodRuntime,
): void {
  containerEvent(ctx, pod, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`, host);
  rt.pullStartedAt = ctx.now;
  rt.until = at(ctx, pullSeconds(ctx, world, host, c.image));
}

/** The image is there: the container is created and started next. */
function toStarting(ctx: ControllerContext, rt: PodRuntime): void {
  rt.stage = 'starting';
  rt.until = at(ctx, jitter(ctx, ctx.timing.containerStartSeconds));
}

/** The image manager's refusal to pull under imagePullPolicy Never. */
const neverPullMessage = (image: string): string =>
  `Container image "${image}" is not present with pull policy of Never`;

/** A pod worker whose sync failed tries again this much later (the kubelet's backOffPeriod). */
const SYNC_RETRY_SECONDS = 10;

/**
 * When a container's own process ends (program.ts), plugged in with the simulator's extensions
 * (cluster/extended.ts, see src/extensions.ts): the app's own example, which runs before they load,
 * has no container whose process ends, and nothing else runs before they are in.
 */
let programEnd: ((c: Container) => ProgramEnd | undefined) | undefined;

export function useProgramModel(end: (c: Container) => ProgramEnd | undefined): void {
  programEnd = end;
}

/** True once the kubelet knows when a container's own process ends. */
export const programModelLoaded = (): boolean => programEnd !== undefined;

/** Whether the kubelet pulls the container's image at every start, present or not. */
const pullsAlways = (c: Container): boolean => c.imagePullPolicy === 'Always';

/** After ErrImagePull the next pod sync (this much later) reports ImagePullBackOff. */
const PULL_ERROR_SHOWN_SECONDS = 1;

/** The virtual time `seconds` from now, kept to microseconds like every timer. */
function at(ctx: ControllerContext, seconds: number): number {
  return Math.round((ctx.now + seconds) * 1e6) / 1e6;
}

/**
 * A stage's duration with seeded jitter of ±`timing.jitter` (20 % by default), to the millisecond;
 * zero stays exactly zero, and jitter 0 gives exactly the configured duration. The generator is
 * drawn whatever the jitter, so changing it alone does not shift what is drawn next.
 */
export function jitter(ctx: ControllerContext, seconds: number): number {
  if (seconds <= 0) return 0;
  const r = ctx.rand.next();
  const j = ctx.timing.jitter ?? DEFAULT_JITTER;
  if (j === 0) return seconds;
  return Math.round(seconds * (1 - j + 2 * j * r) * 1000) / 1000;
}

function mainContainer(pod: Pod): Container {
  return pod.spec.containers[0]!;
}

const CONDITION_ORDER = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

/** Sets one pod condition in the API's order, keeping lastTransitionTime when the status is unchanged. */
function upsertCondition(list: PodCondition[] | undefined, c: PodCondition, now: number): PodCondition[] {
  const current = list?.find((x) => x.type === c.type);
  const lastTransitionTime =
    current && current.status === c.status && current.lastTransitionTime
      ? current.lastTransitionTime
      : timestamp(now);
  const next: PodCondition = { ...c, lastProbeTime: null, lastTransitionTime };
  const rank = CONDITION_ORDER.indexOf(c.type);
  const out: PodCondition[] = [];
  let placed = false;
  for (const x of list ?? []) {
    if (x.type === c.type) continue;
    if (!placed && CONDITION_ORDER.indexOf(x.type) > rank) {
      out.push(next);
      placed = true;
    }
    out.push(x);
  }
  if (!placed) out.push(next);
  return out;
}

/** Whether the pod's condition of `c`'s type already says what `c` says (status, reason, message). */
export function hasCondition(pod: Pod, c: PodCondition): boolean {
  for (const x of pod.status.conditions ?? [])
    if (x.type === c.type) return x.status === c.status && x.reason === c.reason && x.message === c.message;
  return false;
}

export function setPodCondition(ctx: ControllerContext, pod: Pod, c: PodCondition): Pod {
  if (hasCondition(pod, c)) return pod;
  return ctx.updateStatus<Pod>({
    ...pod,
    status: { ...pod.status, conditions: upsertCondition(pod.status.conditions, c, ctx.now) },
  });
}

export { upsertCondition };

function nodeIp(nodes: readonly NodeObject[], nodeName: string): string {
  return (
    nodes.find((n) => n.metadata.name === nodeName)?.status.addresses.find((a) => a.type === 'InternalIP')
      ?.address ?? ''
  );
}

function allocateIp(world: KubeletWorld, nodes: readonly NodeObject[], nodeName: string): string {
  const index =
    Math.max(
      0,
      nodes.findIndex((n) => n.metadata.name === nodeName),
    ) + 1;
  const next = world.nextIp.get(nodeName) ?? 2;
  world.nextIp.set(nodeName, next >= 254 ? 2 : next + 1);
  return `10.244.${index}.${next}`;
}

/** A stable fake digest for an image reference (64 hex characters). */
const digests = new Map<string, string>();

export function imageDigest(image: string): string {
  let d = digests.get(image);
  if (d === undefined) {
    d = computeDigest(image);
    digests.set(image, d);
  }
  return d;
}

function computeDigest(image: string): string {
  // Written as its 64 characters at once: a container id is kept in every status of its pod, and
  // eight hex words joined with `+` would stay a tree of seventeen strings.
  const out = digestCodes;
  const n = image.length;
  // The text is read once (a seed made with `+` is a tree: each read would walk it).
  if (seedCodes.length < n) seedCodes = new Uint16Array(2 * n);
  const codes = seedCodes;
  for (let i = 0; i < n; i++) codes[i] = image.charCodeAt(i);
  let h = 0x811c9dc5;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < n; i++) {
      h ^= codes[i]! + round;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    putHex(out, round * 8, h, 8);
  }
  return String.fromCharCode.apply(null, out as unknown as number[]);
}

const digestCodes = new Uint16Array(64);
let seedCodes = new Uint16Array(64);

/**
 * The runtime's id of a container run (`containerd://` and 64 hex characters): derived from the
 * pod's uid, the container and its restart count, so it is stable and changes with each restart.
 * (A hash, not the seeded generator: ids must not shift the random sequence of the simulation.)
 */
export function containerID(pod: Pod, container: string, restarts: number): string {
  // Once per pod (its metadata object, which status writes keep), container and restart.
  let ids = containerIds.get(pod.metadata);
  if (!ids) containerIds.set(pod.metadata, (ids = new Map()));
  const key = `${container}/${restarts}`;
  let id = ids.get(key);
  if (id === undefined) {
    id = joinFlat('containerd://', computeDigest(`${pod.metadata.uid ?? pod.metadata.name}/${key}`));
    ids.set(key, id);
  }
  return id;
}

const containerIds = new WeakMap<Pod['metadata'], Map<string, string>>();

/** The image as containerd reports it once the container exists: `docker.io/luksa/kubia:v1`. */
function runtimeImage(image: string): string {
  return image.includes('@') ? image : `${imageRepository(image)}:${imageTag(image)}`;
}

/** The container status a runtime state shows (kubectl's STATUS column is derived from it). */
function containerStatuses(pod: Pod, rt: PodRuntime): ContainerStatus[] {
  return pod.spec.containers.map((c, i) => {
    const main = i === 0;
    const restarts = main ? rt.restarts : 0;
    const base: ContainerStatus = {
      name: c.name,
      image: c.image,
      imageID: '',
      // The kubelet always reports lastState, empty until a container has exited.
      lastState: {},
      ready: false,
      started: false,
      restartCount: restarts,
      state: {},
    };
    switch (rt.stage) {
      case 'pulling':
        // A retry after a failed pull: the status keeps what the last sync reported.
        base.state = rt.pullError
          ? { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } }
          : { waiting: { reason: 'ContainerCreating' } };
        break;
      case 'pullBackOff':
        base.state =
          rt.retryPullAt !== undefined && rt.until < rt.retryPullAt
            ? { waiting: { reason: 'ErrImagePull', message: rt.pullError ?? '' } }
            : { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } };
        break;
      case 'neverPull':
        base.state = { waiting: { reason: 'ErrImageNeverPull', message: neverPullMessage(c.image) } };
        break;
      case 'starting':
        base.state = { waiting: { reason: 'ContainerCreating' } };
        break;
      case 'crashBackOff':
        // The status keeps the id of the run that exited until the next one starts.
        created(base, pod, c, restarts);
        if (main && !rt.restartBackoff && rt.lastState) {
          // Restarted at once (no back-off yet), its image being pulled: the run that exited
          // shows until the next one starts (`kubectl get pods` says Completed or Error).
          base.state = { terminated: terminatedOf(base.containerID ?? '', rt.lastState) };
          return base;
        }
        base.state = main
          ? {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: `back-off ${rt.restartBackoff ?? 0}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`,
              },
            }
          : { running: { startedAt: timestamp(rt.startedAt) } };
        break;
      case 'exited':
        // The run that ended keeps its id: the container is not restarted. (Only the first
        // container's process is simulated: the others run on.)
        created(base, pod, c, restarts);
        if (main && rt.ended) base.state = { terminated: terminatedOf(base.containerID ?? '', rt.ended) };
        else {
          base.started = true;
          base.ready = true;
          base.state = { running: { startedAt: timestamp(rt.startedAt) } };
        }
        break;
      case 'running':
      case 'terminating':
        created(base, pod, c, restarts);
        base.started = true;
        // A container being stopped still runs, ready as its probe last said, until it has
        // stopped: `kubectl get pods` shows 1/1 Terminating, and the pod's slice endpoint is
        // serving while no longer ready (the endpoints controller took it out at once). Here the
        // probe is not run again while the app shuts down, where a kubelet keeps running it.
        base.ready = main ? rt.ready : true;
        base.state = { running: { startedAt: timestamp(rt.startedAt) } };
        break;
    }
    if (main && rt.lastState)
      base.lastState = {
        // The run that exited: the current one while in back-off, else the one before it.
        terminated: terminatedOf(
          containerID(pod, c.name, rt.stage === 'crashBackOff' ? restarts : restarts - 1),
          rt.lastState,
        ),
      };
    return base;
  });
}

/** A container run that ended, as its status shows it. */
function terminatedOf(
  containerID: string,
  run: { startedAt: number; finishedAt: number; exitCode: number; reason: string },
): NonNullable<ContainerStatus['state']['terminated']> {
  return {
    containerID,
    exitCode: run.exitCode,
    reason: run.reason,
    startedAt: timestamp(run.startedAt),
    finishedAt: timestamp(run.finishedAt),
  };
}

/** What a container's status shows once the runtime has created it: its id and the image's. */
function created(
  base: ContainerStatus,
  pod: Pod,
  c: Pod['spec']['containers'][number],
  restarts: number,
): void {
  base.containerID = containerID(pod, c.name, restarts);
  const r = runtimeImageOf(c.image);
  base.image = r.image;
  base.imageID = r.imageID;
}

/**
 * The image and image id the runtime reports for an image reference, made once per reference:
 * every status a running pod's kubelet writes has them.
 */
function runtimeImageOf(image: string): { image: string; imageID: string } {
  let r = runtimeImages.get(image);
  if (r === undefined) {
    r = { image: runtimeImage(image), imageID: `${imageRepository(image)}@sha256:${imageDigest(image)}` };
    runtimeImages.set(image, r);
  }
  return r;
}

const runtimeImages = new Map<string, { image: string; imageID: string }>();

/** An app that exits on SIGTERM, and one killed when the grace period ran out. */
const STOPPED = { code: 0, reason: 'Completed' } as const;
const KILLED = { code: 137, reason: 'Error' } as const;
/** What the status manager's TerminatePod writes for a container that never ran. */
const NEVER_RAN = {
  exitCode: 137,
  reason: 'ContainerStatusUnknown',
  message: 'The container could not be located when the pod was terminated',
} as const;

/**
 * The status a deleted pod's kubelet writes once its containers have stopped (upstream's
 * generateAPIPodStatus with the pod terminal, then TerminatePod): a running container terminated
 * as `exit` says, one waiting to restart with the run that exited, one never started as
 * ContainerStatusUnknown; none ready; the phase Succeeded when all exited 0, else Failed; the
 * sandbox gone. `kubectl get pods` shows `0/1 Completed` (or `Error`, `ContainerStatusUnknown`)
 * until the delete that follows at once.
 */
function terminalStatus(ctx: ControllerContext, pod: Pod, exit: { code: number; reason: string }): Pod {
  const now = timestamp(ctx.now);
  const statuses = (pod.status.containerStatuses ?? []).map((cs) => {
    const { running } = cs.state;
    const exited = cs.containerID !== undefined ? cs.lastState?.terminated : undefined;
    const terminated = running
      ? {
          containerID: cs.containerID ?? '',
          exitCode: exit.code,
          reason: exit.reason,
          startedAt: running.startedAt ?? now,
          finishedAt: now,
        }
      : (cs.state.terminated ?? exited ?? NEVER_RAN);
    return { ...cs, ready: false, started: false, state: { terminated } };
  });
  return terminal(ctx, pod, statuses);
}

/**
 * The pod once every container has terminated and none restarts (getPhase of a terminal pod):
 * Succeeded when all exited 0, else Failed; its sandbox stopped; Initialized, Ready and
 * ContainersReady as generate.go words them for a terminal phase (PodCompleted, PodFailed).
 */
function terminal(ctx: ControllerContext, pod: Pod, statuses: ContainerStatus[]): Pod {
  const succeeded = statuses.every((cs) => cs.state.terminated?.exitCode === 0);
  const reason = succeeded ? 'PodCompleted' : 'PodFailed';
  return {
    ...pod,
    status: {
      ...pod.status,
      phase: succeeded ? 'Succeeded' : 'Failed',
      conditions: podConditions(
        pod.status.conditions,
        { status: 'False', reason },
        ctx.now,
        false,
        succeeded ? { status: 'True', reason } : TRUE,
      ),
      containerStatuses: statuses,
    },
  };
}

/** The pod with the status its runtime state shows; written once at the end of a kubelet step. */
function withStatus(ctx: ControllerContext, pod: Pod, rt: PodRuntime): Pod {
  const statuses = containerStatuses(pod, rt);
  // Every container ended and none restarts: the pod is terminal.
  if (rt.stage === 'exited' && statuses.every((s) => s.state.terminated)) return terminal(ctx, pod, statuses);
  const allReady = statuses.every((s) => s.ready);
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name);
  const notReady = {
    status: 'False' as const,
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${unready.join(' ')}]`,
  };
  const conditions = podConditions(pod.status.conditions, allReady ? undefined : notReady, ctx.now);
  const started = statuses.some(
    (s) => s.started || s.lastState?.terminated !== undefined || s.restartCount > 0,
  );
  return {
    ...pod,
    status: {
      ...pod.status,
      phase: started ? 'Running' : 'Pending',
      conditions,
      containerStatuses: statuses,
    },
  };
}

/**
 * The conditions of a pod whose sandbox runs, in the API's order: PodReadyToStartContainers and
 * Initialized True, Ready and ContainersReady as the containers are, PodScheduled as it was.
 * lastTransitionTime only moves when a status changes.
 */
function podConditions(
  existing: PodCondition[] | undefined,
  notReady: { status: 'False'; reason: string; message?: string } | undefined,
  now: number,
  sandboxReady = true,
  initializedAs: { status: 'True'; reason?: string } = TRUE,
): PodCondition[] {
  const ts = timestamp(now);
  const ready = notReady ?? TRUE;
  // Each type's condition, the first of it (one pass instead of a search per type).
  let sandbox: PodCondition | undefined;
  let initialized: PodCondition | undefined;
  let podReady: PodCondition | undefined;
  let containersReady: PodCondition | undefined;
  let scheduled: PodCondition | undefined;
  for (const x of existing ?? []) {
    if (x.type === 'PodReadyToStartContainers') sandbox ??= x;
    else if (x.type === 'Initialized') initialized ??= x;
    else if (x.type === 'Ready') podReady ??= x;
    else if (x.type === 'ContainersReady') containersReady ??= x;
    else if (x.type === 'PodScheduled') scheduled ??= x;
  }
  const out = [
    condition(sandbox, 'PodReadyToStartContainers', sandboxReady ? TRUE : FALSE, ts),
    condition(initialized, 'Initialized', initializedAs, ts),
    condition(podReady, 'Ready', ready, ts),
    condition(containersReady, 'ContainersReady', ready, ts),
  ];
  if (scheduled) out.push(scheduled);
  return existing && sameItems(out, existing) ? existing : out;
}

const TRUE = { status: 'True' } as const;
const FALSE = { status: 'False' } as const;

/** A condition as podConditions writes it (`cur`: the pod's of that type), its lastTransitionTime kept while its status is. */
function condition(
  cur: PodCondition | undefined,
  type: string,
  c: Omit<PodCondition, 'type'>,
  ts: string,
): PodCondition {
  // A condition made here that says the same is kept (shared with the last status).
  if (
    cur &&
    madeConditions.has(cur) &&
    cur.status === c.status &&
    cur.reason === c.reason &&
    cur.message === c.message
  )
    return cur;
  const lastTransitionTime =
    cur && cur.status === c.status && cur.lastTransitionTime ? cur.lastTransitionTime : ts;
  const made = { type, ...c, lastProbeTime: null, lastTransitionTime };
  madeConditions.add(made);
  return made;
}

/** The conditions `condition` made, whose keys are in its order (others may not be). */
const madeConditions = new WeakSet<PodCondition>();

function schedule(ctx: ControllerContext, key: string, rt: PodRuntime): void {
  let next = rt.until;
  if (rt.stage === 'running' && rt.nextProbeAt > ctx.now) next = Math.min(next, rt.nextProbeAt);
  if (next < NEVER && next > ctx.now) ctx.enqueueAfter('kubelet', key, next - ctx.now);
}

function podRef(pod: Pod) {
  return { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name };
}

/**
 * What one kubelet step works on: the pod as this step will write it (status changes are
 * collected and written once at the end), its runtime record and its main container.
 */
interface PodSync {
  readonly ctx: ControllerContext;
  readonly world: KubeletWorld;
  readonly key: string;
  readonly name: string;
  readonly host: string;
  readonly c: Container;
  readonly app: AppBehaviour;
  pod: Pod;
  rt: PodRuntime;
}

/**
 * A stage handler: does what is due in its stage at this instant and returns true when it moved
 * the pod on (the step then looks again, so several stages may end in one instant), false when
 * nothing is due yet.
 */
type StageHandler = (s: PodSync) => boolean;

/** The image pull ended: it failed (ErrImagePull, then back-off) or the container is created. */
const pulling: StageHandler = (s) => {
  const { ctx, world, pod, rt, c, app, host, name } = s;
  if (ctx.now < rt.until) return false;
  if (app.missing) {
    const ref = `${imageRepository(c.image)}:${imageTag(c.image)}`;
    rt.pullError = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
    containerEvent(
      ctx,
      pod,
      c,
      'Warning',
      'Failed',
      `Failed to pull image "${c.image}": ${rt.pullError}`,
      host,
    );
    containerEvent(ctx, pod, c, 'Warning', 'Failed', 'Error: ErrImagePull', host);
    // The failed sync reports ErrImagePull; the next one, a moment later, finds the image in
    // back-off and reports ImagePullBackOff until the retry.
    rt.stage = 'pullBackOff';
    rt.retryPullAt = at(ctx, rt.backoff);
    rt.until = at(ctx, Math.min(PULL_ERROR_SHOWN_SECONDS, rt.backoff));
    s.pod = withStatus(ctx, pod, rt);
    ctx.decide({
      controller: 'kubelet',
      object: podRef(s.pod),
      code: 'pod.pullBackOff',
      message: `Image ${c.image} cannot be pulled (not found), so pod ${name} waits ${rt.backoff}s before trying again (ImagePullBackOff; the wait doubles up to 5 minutes). It never becomes Ready.`,
      values: { image: c.image, backoff: rt.backoff },
    });
    rt.backoff = Math.min(MAX_BACKOFF, rt.backoff * 2);
    return true;
  }
  pulled(ctx, world, pod, c, host, rt);
  toStarting(ctx, rt);
  return true;
};

/** A pull succeeded: the node has the image, and the Pulled event says how long it took. */
function pulled(
  ctx: ControllerContext,
  world: KubeletWorld,
  pod: Pod,
  c: Container,
  host: string,
  rt: PodRuntime,
): void {
  const images = world.nodeImages.get(host) ?? [];
  if (!images.includes(c.image)) world.nodeImages.set(host, [...images, c.image].sort());
  const took = `${Number((ctx.now - (rt.pullStartedAt ?? ctx.now)).toFixed(3))}s`;
  const size = 40_000_000 + (parseInt(imageDigest(c.image).slice(0, 6), 16) % 60_000_000);
  containerEvent(
    ctx,
    pod,
    c,
    'Normal',
    'Pulled',
    `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`,
    host,
  );
}

/**
 * imagePullPolicy Never and no image on the node: the container is not created (ErrImageNeverPull),
 * and each sync, every SYNC_RETRY_SECONDS, looks again; the image may have come with another pod.
 */
const neverPull: StageHandler = (s) => {
  const { ctx, world, pod, rt, c, host } = s;
  if (ctx.now < rt.until) return false;
  if ((world.nodeImages.get(host) ?? []).includes(c.image)) {
    imagePresent(ctx, pod, c, host);
    toStarting(ctx, rt);
    return true;
  }
  refuseToPull(ctx, pod, c, host, rt);
  return false;
};

/** ErrImageNeverPull at this sync: the image manager's warning, the failed start's, and a retry. */
function refuseToPull(ctx: ControllerContext, pod: Pod, c: Container, host: string, rt: PodRuntime): void {
  containerEvent(ctx, pod, c, 'Warning', 'ErrImageNeverPull', neverPullMessage(c.image), host);
  containerEvent(ctx, pod, c, 'Warning', 'Failed', 'Error: ErrImageNeverPull', host);
  rt.stage = 'neverPull';
  rt.until = at(ctx, SYNC_RETRY_SECONDS);
}

/** After a failed pull: ImagePullBackOff shows until the retry, which pulls again. */
const pullBackOff: StageHandler = (s) => {
  const { ctx, world, pod, rt, c, host } = s;
  if (ctx.now < rt.until) return false;
  const retryAt = rt.retryPullAt ?? rt.until;
  if (ctx.now < retryAt) {
    containerEvent(ctx, pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, host);
    containerEvent(ctx, pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff', host);
    rt.until = retryAt;
    s.pod = withStatus(ctx, pod, rt);
    return true;
  }
  // A missing image never reaches the node: a whole pull again.
  beginPull(ctx, world, pod, c, host, rt);
  rt.stage = 'pulling';
  return true;
};

/**
 * The container starts: the first time once it is created, again after a crash once the
 * back-off has passed (flowcontrol.Backoff.Next: the first restart sets 10 s, each later one
 * doubles it, up to 5 minutes).
 */
const startContainer: StageHandler = (s) => {
  const { ctx, pod, rt, c, app, host } = s;
  if (ctx.now < rt.until) return false;
  if (rt.stage === 'crashBackOff') {
    if (pullsAlways(c) && !rt.repulling) {
      // The restart waits for the pull (the status still shows the back-off meanwhile).
      beginPull(ctx, s.world, pod, c, host, rt);
      rt.repulling = true;
      return true;
    }
    if (rt.repulling) pulled(ctx, s.world, pod, c, host, rt);
    else imagePresent(ctx, pod, c, host);
    delete rt.repulling;
    rt.restartBackoff = rt.restartBackoff ? Math.min(MAX_BACKOFF, rt.restartBackoff * 2) : INITIAL_BACKOFF;
    rt.restartBackoffAt = ctx.now;
    rt.restarts++;
    rt.previousLog = rt.log ?? EMPTY_LOG;
  }
  // A new container run writes a new log, and starts healthy.
  rt.log = EMPTY_LOG;
  delete rt.unhealthySince;
  delete rt.exit;
  for (const ct of pod.spec.containers) {
    containerEvent(ctx, pod, ct, 'Normal', 'Created', `Created container: ${ct.name}`, host);
    containerEvent(ctx, pod, ct, 'Normal', 'Started', `Started container ${ct.name}`, host);
  }
  delete rt.pullError;
  delete rt.retryPullAt;
  rt.stage = 'running';
  rt.until = app.crashAfterSeconds !== undefined ? at(ctx, app.crashAfterSeconds) : NEVER;
  // The container's process ends by itself (`date`, `sleep 30`): Completed with 0, else Error.
  const end = programEnd?.(c);
  if (end && (app.crashAfterSeconds === undefined || end.seconds < app.crashAfterSeconds)) {
    rt.until = at(ctx, end.seconds);
    rt.exit = { code: end.code, reason: end.code === 0 ? 'Completed' : 'Error' };
  }
  rt.startedAt = ctx.now;
  rt.requests = 0;
  rt.readySuccesses = 0;
  rt.readyFailures = 0;
  rt.liveFailures = 0;
  const rp = c.readinessProbe;
  const lp = c.livenessProbe;
  rt.ready = !rp;
  if (rt.ready) rt.readySince = ctx.now;
  const firstProbe = Math.min(
    rp ? (rp.initialDelaySeconds ?? 0) : Infinity,
    lp ? (lp.initialDelaySeconds ?? 0) : Infinity,
  );
  rt.nextProbeAt = Number.isFinite(firstProbe) ? at(ctx, firstProbe) : NEVER;
  s.pod = withStatus(ctx, pod, rt);
  return true;
};

/** A running container exits when its app crashes (or is killed), else its probes run when due. */
const running: StageHandler = (s) => {
  const { ctx, rt, c, app } = s;
  if (ctx.now >= rt.until) {
    const exit = rt.exit ?? { code: 1, reason: 'Error' };
    s.pod = containerExited(ctx, s.pod, rt, c, exit.code, exit.reason);
    return true;
  }
  if (ctx.now >= rt.nextProbeAt) {
    s.pod = runProbes(ctx, s.pod, rt, c, app);
    return true;
  }
  return false;
};

/**
 * A terminating pod is gone once its app has shut down (or the grace period ran out): the kubelet
 * writes the status of its stopped containers, then makes the final delete (grace period 0).
 */
const terminating: StageHandler = (s) => {
  const { ctx, world, key, pod } = s;
  if (ctx.now < s.rt.until) return false;
  if (s.rt.exit) ctx.updateStatus(terminalStatus(ctx, pod, s.rt.exit));
  ctx.delete('Pod', pod.metadata.namespace ?? 'default', pod.metadata.name, 0);
  world.pods.delete(key);
  return false;
};

/** The kubelet's pod workers as a table: which handler runs in which stage. */
export const STAGE_HANDLERS: Readonly<Record<PodRuntime['stage'], StageHandler>> = {
  pulling,
  pullBackOff,
  neverPull,
  starting: startContainer,
  crashBackOff: startContainer,
  running,
  exited: () => false,
  terminating,
};

/**
 * A deleted pod: an unbound one goes at once; a bound one starts terminating (its containers are
 * stopped, SIGTERM then the grace period).
 */
function beginTermination(s: PodSync): void {
  const { ctx, world, key, pod, host, name } = s;
  const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  const shutdown = s.app.shutdownSeconds ?? ctx.timing.terminationSeconds;
  // A running container gets SIGTERM and its app's shutdown time. A crash-looping one has
  // already exited, and one not yet started has nothing to stop: the pod goes at once.
  const running = s.rt.stage === 'running';
  const wanted = jitter(ctx, shutdown);
  const seconds = running ? Math.min(wanted, grace) : 0;
  if (running)
    for (const ct of pod.spec.containers)
      containerEvent(ctx, pod, ct, 'Normal', 'Killing', `Stopping container ${ct.name}`, host);
  // How the containers end; one whose process ended has stopped already, and its status stands.
  const exit = s.rt.stage === 'exited' ? undefined : running && wanted >= grace ? KILLED : STOPPED;
  s.rt = { ...s.rt, stage: 'terminating', until: at(ctx, seconds) };
  if (exit) s.rt.exit = exit;
  else delete s.rt.exit;
  world.pods.set(key, s.rt);
  if (running) s.pod = ctx.updateStatus(withStatus(ctx, pod, s.rt));
  // Why a pod with a grace period goes at once: what its container was waiting for.
  const waiting = running
    ? undefined
    : pod.status.containerStatuses?.find((cs) => cs.name === s.c.name)?.state.waiting?.reason;
  ctx.decide({
    controller: 'kubelet',
    object: podRef(pod),
    code: 'pod.terminating',
    message:
      seconds > 0
        ? exit === KILLED
          ? `Pod ${name} is Terminating: it left the Service's endpoints at once; its app does not shut down within terminationGracePeriodSeconds (${grace}), so it is killed after ${seconds}s.`
          : `Pod ${name} is Terminating: it left the Service's endpoints at once, and its app takes ${seconds}s to shut down (within terminationGracePeriodSeconds ${grace}).`
        : waiting
          ? `Pod ${name} is deleted while its container is not running (${waiting}): there is nothing to stop, so it is gone at once.`
          : `Pod ${name} is deleted and gone at once.`,
    values: waiting
      ? { seconds, grace, waiting }
      : seconds > 0 && exit === KILLED
        ? { seconds, grace, killed: true }
        : { seconds, grace },
  });
}

/**
 * A pod just bound to this node: its IPs and start time, then the image pull (or, with the
 * image present, straight to creating the container).
 */
function admit(s: PodSync): void {
  const { ctx, world, key, host, c, app } = s;
  // The store's own sorted list, not a copy of it: every pod bound takes this.
  const nodes = ctx.store.sorted<NodeObject>('Node');
  const hostIP = nodeIp(nodes, host);
  const podIP = s.pod.status.podIP ?? allocateIp(world, nodes, host);
  s.pod = {
    ...s.pod,
    status: {
      ...s.pod.status,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: timestamp(ctx.now),
    },
  };
  const rt = s.rt;
  const images = world.nodeImages.get(host) ?? [];
  if (c.imagePullPolicy === 'Never' && !images.includes(c.image)) {
    refuseToPull(ctx, s.pod, c, host, rt);
    ctx.decide({
      controller: 'kubelet',
      object: podRef(s.pod),
      code: 'pod.neverPull',
      message: `Image ${c.image} is not on node ${host}, and pod ${s.name}'s imagePullPolicy is Never: the kubelet does not pull it, so the container is not created (ErrImageNeverPull). It tries again every ${SYNC_RETRY_SECONDS}s, in case another pod brings the image to the node.`,
      values: { image: c.image, node: host },
    });
  } else if (images.includes(c.image) && !app.missing && !pullsAlways(c)) {
    imagePresent(ctx, s.pod, c, host);
    toStarting(ctx, rt);
  } else {
    beginPull(ctx, world, s.pod, c, host, rt);
    rt.stage = 'pulling';
  }
  world.pods.set(key, rt);
}

/**
 * One kubelet step for a pod: do everything that is due now, write the status, and ask to be
 * woken at the next moment something is due. The stages are the handlers of `STAGE_HANDLERS`;
 * a node whose kubelet is down (`world.downNodes`) does nothing until it is back.
 */
export function syncPod(ctx: ControllerContext, world: KubeletWorld, key: string): void {
  world.touch?.(key);
  const [namespace, name] = key.split('/') as [string, string];
  const pod = ctx.store.get<Pod>('Pod', namespace, name);
  if (!pod) {
    world.pods.delete(key);
    return;
  }
  const host = pod.spec.nodeName;
  if (host && world.downNodes.has(host)) return;
  const existing = world.pods.get(key);
  if (pod.metadata.deletionTimestamp && !host) {
    ctx.delete('Pod', namespace, name, 0);
    world.pods.delete(key);
    return;
  }
  if (!host) return;
  const c = mainContainer(pod);
  const s: PodSync = {
    ctx,
    world,
    key,
    name,
    host,
    c,
    app: appBehaviour(c.image, world.apps),
    pod,
    rt: existing ?? newRuntime(ctx.now),
  };
  if (pod.metadata.deletionTimestamp) {
    if (s.rt.stage !== 'terminating' || !existing) beginTermination(s);
    if (!STAGE_HANDLERS.terminating(s)) schedule(ctx, key, s.rt);
    return;
  }
  const bound = !existing;
  if (bound) admit(s);
  const stageBefore = s.rt.stage;
  // Do everything that is due, in order; each stage may finish in this same instant.
  for (let guard = 0; guard < 50; guard++) if (!STAGE_HANDLERS[s.rt.stage](s)) break;
  // A pod just bound shows ContainerCreating (phase Pending, not Ready) while its image is pulled;
  // a node that comes back reports its pods' status afresh.
  const resync = s.rt.resync === true;
  delete s.rt.resync;
  if (bound || resync || s.rt.stage !== stageBefore) s.pod = withStatus(ctx, s.pod, s.rt);
  if (s.pod !== pod) ctx.updateStatus(s.pod);
  world.pods.set(key, s.rt);
  if (s.rt.readySince !== undefined && world.latestReady !== undefined && s.rt.readySince > world.latestReady)
    world.latestReady = s.rt.readySince;
  schedule(ctx, key, s.rt);
}

/**
 * The container exited (crashed, or killed by its liveness probe). The kubelet restarts it after
 * the back-off of upstream's kuberuntime doBackOff: the first restart is immediate, then 10 s,
 * 20 s, 40 s, 80 s, 160 s, 300 s, 300 s… with CrashLoopBackOff meanwhile. A container that ran
 * for more than 10 minutes since the last back-off starts over at once.
 */
function containerExited(
  ctx: ControllerContext,
  pod: Pod,
  rt: PodRuntime,
  c: Container,
  exitCode: number,
  reason = 'Error',
): Pod {
  const name = pod.metadata.name;
  const namespace = pod.metadata.namespace ?? 'default';
  const host = pod.spec.nodeName ?? '';
  delete rt.exit;
  rt.ready = false;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0)) {
    rt.stage = 'exited';
    rt.until = NEVER;
    rt.nextProbeAt = NEVER;
    rt.ended = { startedAt: rt.startedAt, finishedAt: ctx.now, exitCode, reason };
    pod = withStatus(ctx, pod, rt);
    ctx.decide({
      controller: 'kubelet',
      object: podRef(pod),
      code: 'pod.exited',
      message: `Container ${c.name} of pod ${name} exited with code ${exitCode} (${reason}), and its restartPolicy is ${policy}: the kubelet does not start it again. ${pod.status.phase === 'Succeeded' ? 'The pod is Succeeded' : pod.status.phase === 'Failed' ? 'The pod is Failed' : 'The pod is not Ready'}: out of the Service's endpoints, it stays until deleted.`,
      values: { exitCode, policy, phase: pod.status.phase ?? '' },
    });
    return pod;
  }
  rt.lastState = { startedAt: rt.startedAt, finishedAt: ctx.now, exitCode, reason };
  rt.stage = 'crashBackOff';
  if (rt.restartBackoff && ctx.now - (rt.restartBackoffAt ?? 0) > BACKOFF_EXPIRY) rt.restartBackoff = 0;
  const wait = rt.restartBackoff ?? 0;
  rt.until = at(ctx, wait);
  if (wait === 0) return pod;
  pod = withStatus(ctx, pod, rt);
  containerEvent(
    ctx,
    pod,
    c,
    'Warning',
    'BackOff',
    `Back-off restarting failed container ${c.name} in pod ${name}_${namespace}(${pod.metadata.uid ?? ''})`,
    host,
  );
  ctx.decide({
    controller: 'kubelet',
    object: podRef(pod),
    code: 'pod.crashLoop',
    message: `Container ${c.name} of pod ${name} exited with code ${exitCode} again (restarted ${count(rt.restarts, 'time')}); the kubelet restarts it after ${wait}s (CrashLoopBackOff: 10s doubling up to 5 minutes). The pod is not Ready meanwhile.`,
    values: { restarts: rt.restarts, backoff: wait, exitCode },
  });
  return pod;
}

function newRuntime(now: number): PodRuntime {
  return {
    stage: 'pulling',
    until: now,
    backoff: INITIAL_BACKOFF,
    restarts: 0,
    startedAt: now,
    requests: 0,
    ready: false,
    readySuccesses: 0,
    readyFailures: 0,
    liveFailures: 0,
    nextProbeAt: NEVER,
  };
}

/** Whether the app of the current container run was made unhealthy (a fault) by now. */
export function isUnhealthy(rt: PodRuntime, now: number): boolean {
  return rt.unhealthySince !== undefined && now >= rt.unhealthySince;
}

/** The result of one probe against the simulated app. Probe requests count as requests. */
function probeOnce(
  pod: Pod,
  rt: PodRuntime,
  c: Container,
  app: AppBehaviour,
  probe: Probe,
  now: number,
): { ok: boolean; message: string } {
  const ip = pod.status.podIP ?? '';
  const listening = now - rt.startedAt >= app.startupSeconds;
  if (probe.exec) {
    const cmd = probe.exec.command.join(' ');
    const ok = listening && !isUnhealthy(rt, now) && !/^(false|exit [1-9]|sh -c ['"]?exit [1-9])/.test(cmd);
    return { ok, message: ok ? '' : `command "${cmd}" exited with non-zero status` };
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? 80;
  const portNumber =
    typeof port === 'number' ? port : (c.ports?.find((p) => p.name === port)?.containerPort ?? 0);
  if (!listening) {
    const dial = `dial tcp ${ip}:${portNumber}: connect: connection refused`;
    return {
      ok: false,
      message: probe.httpGet ? `Get "http://${ip}:${portNumber}${probe.httpGet.path ?? '/'}": ${dial}` : dial,
    };
  }
  if (probe.tcpSocket) return { ok: true, message: '' };
  rt.requests++;
  if (logsRequests(c.image)) rt.log = appendRequest(rt.log, now);
  const res = isUnhealthy(rt, now)
    ? { status: 500 }
    : respond(c.image, app, pod.metadata.name, rt.requests, now - rt.startedAt);
  const ok = res.status >= 200 && res.status < 400;
  return { ok, message: ok ? '' : `HTTP probe failed with statuscode: ${res.status}` };
}

function runProbes(ctx: ControllerContext, pod: Pod, rt: PodRuntime, c: Container, app: AppBehaviour): Pod {
  const host = pod.spec.nodeName ?? '';
  const name = pod.metadata.name;
  const rp = c.readinessProbe;
  const lp = c.livenessProbe;
  const due = (p: Probe | undefined) =>
    p !== undefined && ctx.now - rt.startedAt >= (p.initialDelaySeconds ?? 0);
  if (lp && due(lp)) {
    const r = probeOnce(pod, rt, c, app, lp, ctx.now);
    if (r.ok) rt.liveFailures = 0;
    else {
      rt.liveFailures++;
      containerEvent(ctx, pod, c, 'Warning', 'Unhealthy', `Liveness probe failed: ${r.message}`, host);
      if (rt.liveFailures >= (lp.failureThreshold ?? 3)) {
        containerEvent(
          ctx,
          pod,
          c,
          'Normal',
          'Killing',
          `Container ${c.name} failed liveness probe, will be restarted`,
          host,
        );
        ctx.decide({
          controller: 'kubelet',
          object: podRef(pod),
          code: 'pod.livenessRestart',
          message: `The liveness probe of pod ${name} failed ${count(rt.liveFailures, 'time')} in a row (${r.message}), so the kubelet restarts container ${c.name}.`,
          values: { failures: rt.liveFailures },
        });
        // Restarted like any exited container: at once the first time, then with back-off.
        return containerExited(ctx, pod, rt, c, 137);
      }
    }
  }
  let changed = false;
  if (rp && due(rp)) {
    const r = probeOnce(pod, rt, c, app, rp, ctx.now);
    if (r.ok) {
      rt.readyFailures = 0;
      rt.readySuccesses++;
      if (!rt.ready && rt.readySuccesses >= (rp.successThreshold ?? 1)) {
        rt.ready = true;
        rt.readySince = ctx.now;
        changed = true;
      }
    } else {
      rt.readySuccesses = 0;
      rt.readyFailures++;
      containerEvent(ctx, pod, c, 'Warning', 'Unhealthy', `Readiness probe failed: ${r.message}`, host);
      if (rt.ready && rt.readyFailures >= (rp.failureThreshold ?? 3)) {
        rt.ready = false;
        changed = true;
        ctx.decide({
          controller: 'kubelet',
          object: podRef(pod),
          code: 'pod.readinessFailed',
          message: `Pod ${name} is not Ready: its readiness probe failed ${count(rt.readyFailures, 'time')} in a row (${r.message}), so it leaves the Service's endpoints and stops counting as available.`,
          values: { failures: rt.readyFailures, threshold: rp.failureThreshold ?? 3 },
        });
      } else if (!rt.ready && rt.readyFailures === (rp.failureThreshold ?? 3)) {
        ctx.decide({
          controller: 'kubelet',
          object: podRef(pod),
          code: 'pod.neverReady',
          message: `Pod ${name} is running but not Ready: its readiness probe keeps failing (${r.message}).`,
          values: { failures: rt.readyFailures },
        });
      }
    }
  }
  const periods = [rp, lp].filter((p): p is Probe => p !== undefined).map((p) => p.periodSeconds ?? 10);
  rt.nextProbeAt = at(ctx, Math.max(1, Math.min(...periods)));
  return changed ? withStatus(ctx, pod, rt) : pod;
}

/**
 * What serving a client request needs of a pod, worked out once per stored Pod object (stored
 * objects are frozen, so it stays true of that object): its runtime record's key, its node, the
 * version it answers with (the image's tag) and its app.
 */
export interface PodServing {
  readonly key: string;
  readonly node: string | undefined;
  /** The image's tag as the answer reports it (`latest` for an image without one). */
  readonly version: string;
  /** The app writes a log line for each request (the book's kubia). */
  readonly logs: boolean;
  readonly app: AppBehaviour;
  /** The scenario's own apps the behaviour was worked out with. */
  readonly apps: KubeletWorld['apps'];
}

const servings = new WeakMap<Pod, PodServing>();

export function podServing(pod: Pod, apps: KubeletWorld['apps']): PodServing {
  let s = servings.get(pod);
  if (s === undefined || s.apps !== apps) {
    const image = mainContainer(pod).image;
    s = {
      key: `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
      node: pod.spec.nodeName,
      version: imageTag(image),
      logs: logsRequests(image),
      app: appBehaviour(image, apps),
      apps,
    };
    servings.set(pod, s);
  }
  return s;
}

/**
 * Serves one client request on a running pod: counts it and returns the app's HTTP status, or 0
 * when nothing answers (not running or still starting up, or its node is down).
 */
export function serveRequest(
  world: KubeletWorld,
  pod: PodServing,
  now: number,
  /** When the request was sent (within the traffic batch that ends now). */
  sentAt = now,
): number {
  const rt = world.pods.get(pod.key);
  if (!rt || rt.stage !== 'running' || now - rt.startedAt < pod.app.startupSeconds) return 0;
  // A node that is down answers nothing: the request times out.
  if (pod.node && world.downNodes.has(pod.node)) return 0;
  // Only the count and the log change (unless this is the log's first line: a field is added).
  world.touch?.(pod.key, !pod.logs || rt.log !== undefined);
  rt.requests++;
  if (pod.logs) rt.log = appendRequest(rt.log, sentAt);
  if (isUnhealthy(rt, now)) return 500;
  return responseStatus(pod.app, rt.requests, now - rt.startedAt);
}

/**
 * The kubelet's informer: a pod bound to a node starts there, a pod given a deletionTimestamp
 * shuts down (one never bound is removed at once); a removed pod's runtime record goes.
 */
export const kubeletInformers: InformerHandlers = {
  Pod: (c, key, ctx, world) => {
    if (c.type === 'deleted') {
      world.pods.delete(key);
      return;
    }
    const pod = c.obj as Pod;
    const old = c.old as Pod | undefined;
    if (
      pod.spec.nodeName &&
      (!old?.spec.nodeName || (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp))
    )
      ctx.enqueue('kubelet', key);
    if (!pod.spec.nodeName && pod.metadata.deletionTimestamp) ctx.enqueue('kubelet', key);
  },
};

/** A kubelet Event about container `c` of `pod` (GenerateContainerRef's reference). */
function containerEvent(
  ctx: ControllerContext,
  pod: Pod,
  c: Container,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
  host: string,
): void {
  ctx.event(pod, type, reason, message, 'kubelet', host, containerFieldPath(pod, c));
}

const fieldPaths = new Map<string, string>();

/**
 * The part of `pod` a container's events are about (GenerateContainerRef's fieldPath):
 * `spec.containers{nodejs}`, by index for a container without a name.
 */
export function containerFieldPath(pod: Pod, c: Container): string {
  if (!c.name) return `spec.containers[${pod.spec.containers.indexOf(c)}]`;
  let path = fieldPaths.get(c.name);
  if (path === undefined) {
    if (fieldPaths.size > 1000) fieldPaths.clear();
    fieldPaths.set(c.name, (path = `spec.containers{${c.name}}`));
  }
  return path;
}
