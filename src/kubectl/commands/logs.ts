/**
 * `kubectl logs (POD | TYPE/NAME) [-c CONTAINER]`, `-l SELECTOR`, `-f`, `-p`, `--tail`, `--since`,
 * `--since-time`, `--timestamps`, `--prefix`, `--all-containers` (cmd/logs/logs.go): what the
 * simulated app wrote (src/cluster/applog.ts). For TYPE/NAME kubectl picks one pod the way
 * podutils.ByLogging orders them and says which on stderr.
 */
import { LOG_LINES, STARTING_LINE, requestLine, requestTimes, type AppLog } from '../../cluster/applog.ts';
import { isPodReady } from '../../cluster/controllers/deployment/util.ts';
import type { SimCluster } from '../../cluster/cluster.ts';
import type { PodRuntime } from '../../cluster/kubelet.ts';
import { programOutput } from '../../cluster/program.ts';
import { mapSelectorMatches } from '../../k8s/labels.ts';
import { groupResource, resolveResource, type ResourceInfo } from '../../k8s/resources.ts';
import { parseTimestamp, timestamp } from '../../k8s/time.ts';
import type { Deployment, KubeObject, Pod, ReplicaSet, Service } from '../../k8s/types.ts';
import {
  type Command,
  type CommandContext,
  type WatchSession,
  KubectlError,
  PrintedError,
} from '../command.ts';
import { UsageError, flagBool, flagDuration, flagInt, flagString } from '../parse.ts';
import { SELECTOR_FLAG } from './flags.ts';
import {
  checkListSelectors,
  listResource,
  matchesSelector,
  noResourcesFound,
  resolveTargetsWithAll,
} from './objects.ts';

const USAGE_ERROR = `expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command`;

/** The Go type kubectl names for objects it cannot find pods for. */
const GO_TYPES: Record<string, string> = {
  Endpoints: '*v1.Endpoints',
  EndpointSlice: '*v1.EndpointSlice',
  Node: '*v1.Node',
  Namespace: '*v1.Namespace',
  Event: '*v1.Event',
};

/** RFC 3339 with nanoseconds, trailing zeros dropped (Go's time.RFC3339Nano), of virtual time. */
export function rfc3339Nano(t: number): string {
  const whole = Math.floor(t);
  const micros = Math.round((t - whole) * 1e6);
  const base = timestamp(whole).slice(0, -1);
  if (micros === 0) return `${base}Z`;
  let frac = String(micros * 1000).padStart(9, '0');
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${base}.${frac}Z`;
}

/** podutils.ByLogging: the pod kubectl reads the logs of when given a controller or Service. */
function byLogging(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => Boolean(p.spec.nodeName);
  if (assigned(a) !== assigned(b)) return assigned(a) ? -1 : 1;
  const rank = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[p.status?.phase as string] ?? 3;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  const readySince = (p: Pod) =>
    parseTimestamp(p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
  // Ready for longer first.
  if (isPodReady(a) && isPodReady(b) && readySince(a) !== readySince(b)) return readySince(a) - readySince(b);
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return parseTimestamp(a.metadata.creationTimestamp) - parseTimestamp(b.metadata.creationTimestamp);
}

/** The pods a controller or Service selects (SelectorsForObject), for `logs TYPE/NAME`. */
function podsSelectedBy(ctx: CommandContext, info: ResourceInfo, obj: KubeObject): Pod[] {
  const pods = ctx.cluster.store.list<Pod>('Pod', obj.metadata.namespace);
  switch (info.kind) {
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = (obj as Deployment | ReplicaSet).spec.selector;
      return pods.filter((p) => matchesSelector(p, sel));
    }
    case 'Service': {
      const sel = (obj as Service).spec.selector;
      return sel && Object.keys(sel).length
        ? pods.filter((p) => mapSelectorMatches(sel, p.metadata.labels))
        : [];
    }
    default:
      throw new KubectlError(
        `cannot get the logs from ${GO_TYPES[info.kind] ?? `*v1.${info.kind}`}: selector for ${GO_TYPES[info.kind] ?? `*v1.${info.kind}`} not implemented`,
      );
  }
}

interface Source {
  pod: Pod;
  container: string;
}

export interface LogOptions {
  previous: boolean;
  timestamps: boolean;
  prefix: boolean;
  tail: number;
  since?: number;
  limitBytes: number;
}

/** One line of the log as the kubelet returns it. */
interface Line {
  t: number;
  text: string;
}

/** The API server's 400 to a log request, as kubectl prints it; `detail` is the Status message. */
export class LogRequestError extends PrintedError {
  constructor(readonly detail: string) {
    super(`Error from server (BadRequest): ${detail}`);
  }
}

/** The lines of one container's log, or the API server's refusal. */
function logLines(cluster: SimCluster, src: Source, o: LogOptions): Line[] {
  const { pod, container } = src;
  const name = pod.metadata.name;
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  const rt: PodRuntime | undefined = cluster.world.pods.get(`${pod.metadata.namespace ?? 'default'}/${name}`);
  const main = pod.spec.containers[0]?.name === container;
  if (o.previous) {
    if (!main || !rt?.lastState)
      throw new LogRequestError(`previous terminated container "${container}" in pod "${name}" not found`);
    return render(rt.previousLog, rt.lastState.startedAt, pod, container, rt.lastState.finishedAt);
  }
  const waiting = status?.state.waiting?.reason;
  if (waiting && waiting !== 'CrashLoopBackOff') {
    const why =
      waiting === 'ErrImagePull'
        ? 'trying and failing to pull image'
        : waiting === 'ImagePullBackOff'
          ? "image can't be pulled"
          : waiting;
    throw new LogRequestError(`container "${container}" in pod "${name}" is waiting to start: ${why}`);
  }
  if (!status || !rt || !main) return [];
  // In CrashLoopBackOff the kubelet serves the log of the container that exited.
  const exited = rt.stage === 'crashBackOff' && rt.lastState;
  const startedAt = exited ? exited.startedAt : rt.startedAt;
  return render(rt.log, startedAt, pod, container, exited ? exited.finishedAt : cluster.now);
}

/** The log of a container run started at `startedAt`, as written by `until`. */
function render(
  log: AppLog | undefined,
  startedAt: number,
  pod: Pod,
  container: string,
  until: number,
): Line[] {
  const printed = commandLines(pod, container, startedAt, until);
  if (printed) return printed;
  const image = pod.spec.containers.find((x) => x.name === container)?.image;
  if (!image || !/^(docker\.io\/)?luksa\/kubia([:@]|$)/.test(image)) return [];
  const text = requestLine(pod.status?.podIP ?? '');
  const lines: Line[] = [];
  // A rotated log has lost its first line.
  if ((log?.count ?? 0) <= LOG_LINES) lines.push({ t: startedAt, text: STARTING_LINE });
  for (const t of requestTimes(log)) lines.push({ t, text });
  return lines;
}

/**
 * What a container's own command (`date`, `echo`) printed in the run started at `startedAt`, by
 * `until`; undefined when the simulator does not know what it prints.
 */
function commandLines(pod: Pod, container: string, startedAt: number, until: number): Line[] | undefined {
  const c = pod.spec.containers.find((x) => x.name === container);
  return c && programOutput(c, pod.metadata.name, startedAt, until);
}

/**
 * GET pods/NAME/log: one container's log as the kubelet serves it, after sinceSeconds (as
 * `since`, a virtual time), tailLines, timestamps and limitBytes. Throws LogRequestError.
 */
export function containerLog(cluster: SimCluster, pod: Pod, container: string, o: LogOptions): string {
  const src = { pod, container };
  return format(logLines(cluster, src, o), src, o);
}

/** The lines of one source after --since, --tail, --timestamps, --prefix and --limit-bytes. */
function format(lines: Line[], src: Source, o: LogOptions): string {
  const since = o.since;
  let kept = since !== undefined ? lines.filter((l) => l.t >= since) : lines;
  if (o.tail >= 0) kept = kept.slice(Math.max(0, kept.length - o.tail));
  const prefix = o.prefix ? `[pod/${src.pod.metadata.name}/${src.container}] ` : '';
  let out = kept.map((l) => `${prefix}${o.timestamps ? `${rfc3339Nano(l.t)} ` : ''}${l.text}\n`).join('');
  if (o.limitBytes > 0 && out.length > o.limitBytes) out = out.slice(0, o.limitBytes);
  return out;
}

function runLogs(ctx: CommandContext): number | WatchSession {
  const positional = ctx.args.positional;
  const selectorText = flagString(ctx.args, 'selector');
  const follow = flagBool(ctx.args, 'follow');
  const allContainers = flagBool(ctx.args, 'all-containers');
  const allPods = flagBool(ctx.args, 'all-pods');
  let container = flagString(ctx.args, 'container') ?? '';
  // Go's ParseDuration takes a sign; a negative --since is refused by Validate below.
  const since = flagString(ctx.args, 'since') === undefined ? undefined : flagDuration(ctx.args, 'since', 0);
  const sinceTimeText = flagString(ctx.args, 'since-time');
  let sinceTime: number | undefined;
  if (sinceTimeText !== undefined) {
    sinceTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(sinceTimeText)
      ? parseTimestamp(new Date(Date.parse(sinceTimeText)).toISOString().replace(/\.\d+Z$/, 'Z'))
      : Number.NaN;
    if (Number.isNaN(sinceTime))
      throw new KubectlError(
        `parsing time ${JSON.stringify(sinceTimeText)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTimeText)} as "2006"`,
      );
  }
  if (selectorText !== undefined) {
    if (positional.length)
      throw new UsageError('only a selector (-l) or a POD name is allowed', ctx.commandPath);
  } else if (positional.length === 0 || positional.length > 2)
    throw new UsageError(USAGE_ERROR, ctx.commandPath);
  const o: LogOptions = {
    previous: flagBool(ctx.args, 'previous'),
    timestamps: flagBool(ctx.args, 'timestamps'),
    // --all-pods sets --prefix.
    prefix: flagBool(ctx.args, 'prefix') || allPods,
    // A selector shows the last 10 lines of each pod unless --tail says otherwise.
    tail: flagInt(ctx.args, 'tail') ?? (selectorText !== undefined ? 10 : -1),
    limitBytes: flagInt(ctx.args, 'limit-bytes') ?? 0,
  };
  // LogsOptions.Validate: after Complete has found the pod or the object (or listed the
  // selector's pods), before any log is asked for.
  const validate = () => {
    if (sinceTimeText !== undefined && since)
      throw new KubectlError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    if (o.limitBytes < 0) throw new KubectlError('--limit-bytes must be greater than 0');
    if (since !== undefined && since < 0) throw new KubectlError('--since must be greater than 0');
    if (o.tail < -1) throw new KubectlError('--tail must be greater than or equal to -1');
  };
  // --since=0s is no --since at all (Complete sets sinceSeconds only when it is not zero).
  if (since) o.since = ctx.cluster.now - since;
  else if (sinceTime !== undefined) o.since = sinceTime;

  // The pods: by selector, by name, or one of a controller's (or Service's) pods.
  let pods: Pod[];
  if (selectorText !== undefined) {
    const { matches } = checkListSelectors([resolveResource('pods')!], selectorText, undefined);
    pods = ctx.cluster.store.list<Pod>('Pod', ctx.namespace).filter(matches);
    if (pods.length === 0) {
      ctx.err(noResourcesFound(ctx.namespace));
      validate();
      return 0;
    }
    validate();
    const max = flagInt(ctx.args, 'max-log-requests') ?? 5;
    if (follow && pods.length > max)
      throw new KubectlError(
        `you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
      );
  } else {
    const [target, second] = positional as [string, string | undefined];
    if (second !== undefined) container = second;
    if (!target.includes('/')) {
      const pod = ctx.cluster.store.get<Pod>('Pod', ctx.namespace, target);
      if (!pod)
        throw new KubectlError(
          `error from server (NotFound): pods "${target}" not found in namespace "${ctx.namespace}"`,
        );
      pods = [pod];
      validate();
    } else {
      const { targets } = resolveTargetsWithAll([target], true);
      const t = targets[0]!;
      const name = t.names[0]!;
      const obj = listResource(ctx.cluster, t.info, ctx.namespace).find((x) => x.metadata.name === name);
      if (!obj)
        throw new KubectlError(
          `error from server (NotFound): ${groupResource(t.info)} "${name}" not found in namespace "${ctx.namespace}"`,
        );
      validate();
      if (t.info.kind === 'Pod') pods = [obj as Pod];
      else {
        const selected = podsSelectedBy(ctx, t.info, obj).sort(byLogging);
        if (selected.length === 0) throw new KubectlError('timed out waiting for the condition');
        if (allPods) pods = selected;
        else {
          if (selected.length > 1)
            ctx.err(`Found ${selected.length} pods, using pod/${selected[0]!.metadata.name}\n`);
          pods = [selected[0]!];
        }
      }
    }
  }

  const sources: Source[] = [];
  for (const pod of pods) {
    const names = pod.spec.containers.map((c) => c.name);
    if (allContainers) for (const n of names) sources.push({ pod, container: n });
    else if (container) {
      if (!names.includes(container))
        throw new KubectlError(`container ${container} is not valid for pod ${pod.metadata.name}`);
      sources.push({ pod, container });
    } else {
      if (names.length > 1) ctx.err(`Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`);
      sources.push({ pod, container: names[0]! });
    }
  }
  // RunLogs: following more streams (one a container) than --max-log-requests allows.
  const max = flagInt(ctx.args, 'max-log-requests') ?? 5;
  if (allPods && follow && sources.length > max)
    throw new KubectlError(
      `you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`,
    );
  const errors: string[] = [];
  for (const src of sources) {
    try {
      const lines = logLines(ctx.cluster, src, o);
      ctx.out(format(lines, src, o));
    } catch (e) {
      if (e instanceof PrintedError || e instanceof KubectlError)
        errors.push(e instanceof KubectlError ? `error: ${e.message}` : e.message);
      else throw e;
    }
  }
  if (errors.length) {
    ctx.err(`${errors.join('\n')}\n`);
    return 1;
  }
  if (!follow) return 0;

  // -f: every line the apps write from now on, until the pods are gone (a container whose own
  // command runs: until that run ends, when the kubelet closes the stream).
  const cluster = ctx.cluster;
  let done = false;
  const written = new Map<Source, number>();
  const runtimeOf = (src: Source) =>
    cluster.world.pods.get(`${src.pod.metadata.namespace ?? 'default'}/${src.pod.metadata.name}`);
  /** The lines the source's own command printed so far in the run `startedAt` (undefined: none known). */
  const printedOf = (src: Source, startedAt: number) =>
    commandLines(src.pod, src.container, startedAt, cluster.now);
  /** Each source whose own command prints, with the run followed; gone once that run ended. */
  const runs = new Map<Source, number>();
  for (const src of sources) {
    const rt = runtimeOf(src);
    const printed = rt?.stage === 'running' ? printedOf(src, rt.startedAt) : undefined;
    if (printed) runs.set(src, rt!.startedAt);
    written.set(src, printed ? printed.length : (rt?.log?.count ?? 0));
  }
  const programs = new Set(sources.filter((src) => printedOf(src, 0) !== undefined));
  // Only commands' streams, each of whose runs has ended already: the kubelet closes them at once.
  if (programs.size === sources.length && runs.size === 0) return 0;
  // New lines print whole and as they come: no --tail, no --since.
  const following: LogOptions = { ...o, tail: -1 };
  delete following.since;
  const follower: WatchSession = {
    get done() {
      return done;
    },
    exitCode: 0,
    deadline: Number.POSITIVE_INFINITY,
    // A synchronous `logs -f` ends once the apps have written nothing for a while, and after a minute.
    syncIdleSeconds: 10,
    syncMaxSeconds: 60,
    onChange(c) {
      if (c.kind !== 'Pod' || c.type !== 'deleted') return;
      if (sources.every((s) => !cluster.store.get('Pod', s.pod.metadata.namespace, s.pod.metadata.name)))
        done = true;
    },
    onTick() {
      for (const src of sources) {
        const rt = runtimeOf(src);
        if (programs.has(src)) {
          const startedAt = runs.get(src);
          if (startedAt === undefined) continue;
          const printed = printedOf(src, startedAt) ?? [];
          ctx.out(format(printed.slice(written.get(src) ?? 0), src, following));
          written.set(src, printed.length);
          if (rt?.stage !== 'running' || rt.startedAt !== startedAt) runs.delete(src);
          continue;
        }
        const count = rt?.log?.count ?? 0;
        const before = written.get(src) ?? 0;
        if (count <= before) {
          written.set(src, count);
          continue;
        }
        const times = requestTimes(rt?.log).slice(-(count - before));
        const text = requestLine(src.pod.status?.podIP ?? '');
        ctx.out(
          format(
            times.map((t) => ({ t, text })),
            src,
            following,
          ),
        );
        written.set(src, count);
      }
      // Every stream was a command's, and each of those runs has ended.
      if (programs.size === sources.length && runs.size === 0) done = true;
    },
    expire() {
      done = true;
    },
  };
  return follower;
}

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  long: 'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.',
  examples:
    '  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n  \n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n  \n  # Return snapshot logs from pod nginx, limiting output to 500 bytes\n  kubectl logs nginx --limit-bytes=500\n  \n  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.\n  kubectl logs nginx --pod-running-timeout=20s\n  \n  # Return snapshot logs from pod nginx with multi containers\n  kubectl logs nginx --all-containers=true\n  \n  # Return snapshot logs from all pods in the deployment nginx\n  kubectl logs deployment/nginx --all-pods=true\n  \n  # Return snapshot logs from all containers in pods defined by label app=nginx\n  kubectl logs -l app=nginx --all-containers=true\n  \n  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods\n  kubectl logs -l app=nginx --max-log-requests=10\n  \n  # Return snapshot of previous terminated ruby container logs from pod web-1\n  kubectl logs -p -c ruby web-1\n  \n  # Begin streaming the logs from pod nginx, continuing even if errors occur\n  kubectl logs nginx -f --ignore-errors=true\n  \n  # Begin streaming the logs of the ruby container in pod web-1\n  kubectl logs -f -c ruby web-1\n  \n  # Begin streaming the logs from all containers in pods defined by label app=nginx\n  kubectl logs -f -l app=nginx --all-containers=true\n  \n  # Display only the most recent 20 lines of output in pod nginx\n  kubectl logs --tail=20 nginx\n  \n  # Show all logs from pod nginx written in the last hour\n  kubectl logs --since=1h nginx\n  \n  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC\n  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true\n  \n  # Show logs from a kubelet with an expired serving certificate\n  kubectl logs --insecure-skip-tls-verify-backend nginx\n  \n  # Return snapshot logs from first container of a job named hello\n  kubectl logs job/hello\n  \n  # Return snapshot logs from container nginx-1 of a deployment named nginx\n  kubectl logs deployment/nginx -c nginx-1',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'follow', short: 'f', type: 'bool', help: 'Specify if the logs should be streamed.' },
    {
      name: 'previous',
      short: 'p',
      type: 'bool',
      help: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
    },
    { name: 'container', short: 'c', type: 'string', help: 'Print the logs of this container' },
    {
      name: 'tail',
      type: 'int',
      default: -1,
      help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    },
    {
      name: 'since',
      type: 'duration',
      help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
    },
    {
      name: 'since-time',
      type: 'string',
      help: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
    },
    { name: 'timestamps', type: 'bool', help: 'Include timestamps on each line in the log output' },
    {
      name: 'prefix',
      type: 'bool',
      help: 'Prefix each log line with the log source (pod name and container name)',
    },
    SELECTOR_FLAG,
    { name: 'all-containers', type: 'bool', help: "Get all containers' logs in the pod(s)." },
    {
      name: 'max-log-requests',
      type: 'int',
      default: 5,
      help: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
    },
    { name: 'limit-bytes', type: 'int', help: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'all-pods', type: 'bool', help: 'Get logs from all pod(s). Sets prefix to true.' },
    {
      name: 'ignore-errors',
      type: 'bool',
      help: 'If watching / following pod logs, allow for any errors that occur to be non-fatal',
    },
    {
      name: 'insecure-skip-tls-verify-backend',
      type: 'bool',
      help: 'Skip verifying the identity of the kubelet that logs are requested from.  In theory, an attacker could provide invalid log content back. You might want to use this if your kubelet serving certificates have expired.',
    },
    {
      name: 'pod-running-timeout',
      type: 'duration',
      default: '20s',
      help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
      unsimulated: 'the simulator does not wait for a pod to start',
    },
  ],
  run: runLogs,
};
