/**
 * `kubectl cordon|uncordon NODE` and `kubectl drain NODE` (cmd/drain and pkg/drain):
 *
 * - cordon sets `spec.unschedulable` (`node/NAME cordoned`, or `already cordoned`); the node
 *   lifecycle controller mirrors it as the `node.kubernetes.io/unschedulable:NoSchedule` taint.
 * - drain cordons, lists the node's pods (all namespaces, by namespace and name), refuses pods
 *   that declare no controller unless --force, then evicts each through the Eviction API. A 429
 *   (a PodDisruptionBudget allows no disruption now) prints
 *   `error when evicting pods/"P" -n "NS" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`
 *   and tries again 5 s later; an accepted eviction is followed by polling every second until the
 *   pod is gone (`pod/P evicted`). When every pod is gone: `node/NAME drained`.
 */
import { evictPod } from '../../cluster/eviction.ts';
import { kindSlashName, resourceForKind } from '../../k8s/resources.ts';
import type { NodeObject, Pod } from '../../k8s/types.ts';
import {
  type Command,
  type CommandContext,
  type WatchSession,
  KubectlError,
  dryRunMode,
  getOrThrow,
} from '../command.ts';
import { UsageError, flagBool, flagDuration, flagInt, flagString } from '../parse.ts';
import { CHUNK_SIZE_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG, dryRunSuffix } from './flags.ts';
import { checkListSelectors, matchesSelector } from './objects.ts';
import { parseSelector } from '../../k8s/selector.ts';
import { DELETE_POLL_SECONDS, EVICT_RETRY_SECONDS } from '../status.ts';

export { DELETE_POLL_SECONDS, EVICT_RETRY_SECONDS } from '../status.ts';

const nodeInfo = () => resourceForKind('Node')!;

function selectNodes(ctx: CommandContext, verb: string): NodeObject[] {
  const selector = flagString(ctx.args, 'selector');
  const names = ctx.args.positional;
  if (names.length === 0 && selector === undefined)
    throw new UsageError(`USAGE: ${verb} NODE [flags]`, `kubectl ${verb}`);
  if (names.length > 0 && selector)
    throw new UsageError('error: cannot specify both a node name and a --selector option', `kubectl ${verb}`);
  if (names.length)
    return names.map((n) => {
      const name = n.startsWith('node/') ? n.slice(5) : n.startsWith('nodes/') ? n.slice(6) : n;
      return getOrThrow<NodeObject>(ctx, nodeInfo(), name);
    });
  const { matches } = checkListSelectors([nodeInfo()], selector, undefined);
  return ctx.cluster.store.list<NodeObject>('Node').filter(matches);
}

/** RunCordonOrUncordon. */
function cordonNodes(ctx: CommandContext, nodes: NodeObject[], desired: boolean): void {
  const mode = dryRunMode(ctx);
  for (const node of nodes) {
    const current = node.spec.unschedulable === true;
    const name = kindSlashName(nodeInfo(), node.metadata.name);
    if (current === desired) {
      ctx.out(`${name} already ${desired ? 'cordoned' : 'uncordoned'}\n`);
      continue;
    }
    if (mode === 'none') {
      const spec = { ...node.spec };
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      ctx.cluster.update<NodeObject>({ ...node, spec });
    }
    ctx.out(`${name} ${desired ? 'cordoned' : 'uncordoned'}${dryRunSuffix(mode)}\n`);
  }
  if (mode === 'none') ctx.cluster.settle();
}

function runCordon(desired: boolean) {
  return (ctx: CommandContext): number => {
    cordonNodes(ctx, selectNodes(ctx, desired ? 'cordon' : 'uncordon'), desired);
    return 0;
  };
}

const controllerOf = (p: Pod) => p.metadata.ownerReferences?.find((r) => r.controller);

/** Go's time.Duration String for whole seconds: 30s, 2m0s, 1h0m0s. */
function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h${m}m${s}s`;
  if (m) return `${m}m${s}s`;
  return `${s}s`;
}

interface PodDrain {
  namespace: string;
  name: string;
  uid: string;
  phase: 'evict' | 'wait' | 'done';
  due: number;
}

function runDrain(ctx: CommandContext): number | WatchSession {
  // Complete reads --pod-selector itself, before it looks the nodes up.
  const podSelector = flagString(ctx.args, 'pod-selector');
  const parsedPods = podSelector ? parseSelector(podSelector) : undefined;
  if (parsedPods && !parsedPods.ok)
    throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
  const podSel = parsedPods?.selector;
  const nodes = selectNodes(ctx, 'drain');
  const mode = dryRunMode(ctx);
  const force = flagBool(ctx.args, 'force');
  const grace = flagInt(ctx.args, 'grace-period') ?? -1;
  const timeout = flagDuration(ctx.args, 'timeout', 0);
  const disableEviction = flagBool(ctx.args, 'disable-eviction');
  cordonNodes(ctx, nodes, true);
  const cluster = ctx.cluster;
  const work: { node: NodeObject; pods: Pod[] }[] = [];
  const fatal: string[] = [];
  for (const node of nodes) {
    const pods = [...cluster.store.values<Pod>('Pod')]
      .filter((p) => p.spec.nodeName === node.metadata.name && (!podSel || matchesSelector(p, podSel)))
      .sort((a, b) => {
        const ka = `${a.metadata.namespace ?? 'default'}/${a.metadata.name}`;
        const kb = `${b.metadata.namespace ?? 'default'}/${b.metadata.name}`;
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    const unmanaged = pods.filter((p) => !controllerOf(p));
    if (unmanaged.length && !force) {
      const list = unmanaged.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`).join(', ');
      const msg = `cannot delete cannot delete Pods that declare no controller (use --force to override): ${list}`;
      ctx.err(
        `error: unable to drain node "${node.metadata.name}" due to error: ${msg}, continuing command...\n`,
      );
      ctx.err(`There are pending nodes to be drained:\n ${node.metadata.name}\n`);
      fatal.push(msg);
      continue;
    }
    if (unmanaged.length)
      ctx.err(
        `Warning: deleting Pods that declare no controller: ${unmanaged.map((p) => `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`).join(', ')}\n`,
      );
    work.push({ node, pods });
  }
  if (mode === 'client') {
    for (const w of work) {
      for (const p of w.pods)
        ctx.out(`evicting pod ${p.metadata.namespace ?? 'default'}/${p.metadata.name} (dry run)\n`);
      ctx.out(`${kindSlashName(nodeInfo(), w.node.metadata.name)} drained (dry run)\n`);
    }
    for (const f of fatal) ctx.err(`${f}\n`);
    return fatal.length ? 1 : 0;
  }
  const start = cluster.now;
  const deadline = timeout > 0 ? start + timeout : Number.POSITIVE_INFINITY;
  // The nodes are drained one after the other, each with its pods evicted in parallel.
  let nodeIndex = -1;
  let current: PodDrain[] = [];
  let done = false;
  let exitCode = 0;
  const errors = [...fatal];
  const finish = (code: number) => {
    done = true;
    exitCode = code;
  };
  const startNode = () => {
    nodeIndex++;
    const w = work[nodeIndex];
    if (!w) {
      for (const e of errors) ctx.err(`${e}\n`);
      finish(errors.length ? 1 : 0);
      return;
    }
    current = w.pods.map((p) => ({
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
      uid: p.metadata.uid ?? '',
      phase: 'evict',
      due: cluster.now,
    }));
  };
  const gone = (d: PodDrain) => {
    const p = cluster.store.get<Pod>('Pod', d.namespace, d.name);
    return !p || p.metadata.uid !== d.uid;
  };
  const tick = () => {
    for (let guard = 0; guard < 1000 && !done; guard++) {
      let acted = false;
      let evicted = false;
      for (const d of current) {
        if (d.phase === 'done' || d.due > cluster.now + 1e-9) continue;
        acted = true;
        if (d.phase === 'evict') {
          ctx.out(`evicting pod ${d.namespace}/${d.name}${mode === 'server' ? ' (server dry run)' : ''}\n`);
          if (mode === 'server') {
            d.phase = 'done';
            continue;
          }
          if (disableEviction) {
            cluster.delete('Pod', d.namespace, d.name, grace >= 0 ? grace : undefined);
            d.phase = 'wait';
            d.due = cluster.now;
            evicted = true;
            continue;
          }
          const r = evictPod(cluster, d.namespace, d.name, grace >= 0 ? grace : undefined);
          if (r.ok) {
            d.phase = 'wait';
            d.due = cluster.now;
            evicted = true;
          } else if (r.code === 404) d.phase = 'done';
          else if (r.code === 429) {
            ctx.err(
              `error when evicting pods/"${d.name}" -n "${d.namespace}" (will retry after ${EVICT_RETRY_SECONDS}s): ${r.message}\n`,
            );
            cluster.decide({
              controller: 'kubectl drain',
              object: { kind: 'Pod', namespace: d.namespace, name: d.name },
              code: 'drain.evictionRefused',
              message: `The Eviction API refused to evict pod ${d.name}: ${r.cause ?? r.message} kubectl drain tries again in ${EVICT_RETRY_SECONDS}s.`,
              values: { retry: EVICT_RETRY_SECONDS },
            });
            d.due = cluster.now + EVICT_RETRY_SECONDS;
          } else {
            errors.push(`error when evicting pods/"${d.name}" -n "${d.namespace}": ${r.message}`);
            d.phase = 'done';
          }
        } else if (gone(d)) {
          ctx.out(`pod/${d.name} ${disableEviction ? 'deleted' : 'evicted'}\n`);
          d.phase = 'done';
        } else d.due += DELETE_POLL_SECONDS;
      }
      if (evicted) cluster.settle();
      if (current.every((d) => d.phase === 'done')) {
        const w = work[nodeIndex];
        if (w) {
          ctx.out(`${kindSlashName(nodeInfo(), w.node.metadata.name)} drained${dryRunSuffix(mode)}\n`);
        }
        startNode();
        continue;
      }
      if (!acted) break;
    }
  };
  startNode();
  tick();
  if (done) return exitCode;
  return {
    get done() {
      return done;
    },
    get exitCode() {
      return exitCode;
    },
    deadline,
    get wakeAt() {
      let t = Number.POSITIVE_INFINITY;
      for (const d of current) if (d.phase !== 'done') t = Math.min(t, d.due);
      return Number.isFinite(t) ? t : undefined;
    },
    onChange() {},
    onTick() {
      if (!done) tick();
    },
    expire() {
      if (done) return;
      for (const d of current)
        if (d.phase !== 'done')
          errors.push(
            `error when evicting pods/"${d.name}" -n "${d.namespace}": global timeout reached: ${goDuration(timeout)}`,
          );
      const w = work[nodeIndex];
      if (w) {
        const msg = errors.length > 1 ? `[${errors.join(', ')}]` : (errors[0] ?? '');
        ctx.err(`There are pending pods in node "${w.node.metadata.name}" when an error occurred: ${msg}\n`);
        for (const d of current) if (d.phase !== 'done') ctx.err(`pod/${d.name}\n`);
        ctx.err(
          `error: unable to drain node "${w.node.metadata.name}" due to error: ${msg}, continuing command...\n`,
        );
        ctx.err(`There are pending nodes to be drained:\n ${w.node.metadata.name}\n`);
      }
      for (const e of errors) ctx.err(`${e}\n`);
      finish(1);
    },
  };
}

export const cordonCommand: Command = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  long: 'Mark node as unschedulable.',
  examples: '  # Mark node "foo" as unschedulable\n  kubectl cordon foo',
  usage: 'kubectl cordon NODE [options]',
  flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
  run: runCordon(true),
};

export const uncordonCommand: Command = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  long: 'Mark node as schedulable.',
  examples: '  # Mark node "foo" as schedulable\n  kubectl uncordon foo',
  usage: 'kubectl uncordon NODE [options]',
  flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
  run: runCordon(false),
};

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  long: "Drain node in preparation for maintenance.\n\n The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.\n\n 'drain' waits for graceful termination. You should not operate on the machine until the command completes.\n\n When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.\n\nhttps://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg",
  examples:
    '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n  kubectl drain foo --force\n  \n  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes\n  kubectl drain foo --grace-period=900',
  usage: 'kubectl drain NODE [options]',
  advancesTime: true,
  flags: [
    CHUNK_SIZE_FLAG,
    {
      name: 'delete-emptydir-data',
      type: 'bool',
      help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    {
      name: 'delete-local-data',
      type: 'bool',
      help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
      deprecated: 'This option is deprecated and will be deleted. Use --delete-emptydir-data.',
    },
    {
      name: 'disable-eviction',
      type: 'bool',
      help: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.',
    },
    DRY_RUN_FLAG,
    {
      name: 'force',
      type: 'bool',
      help: 'Continue even if there are pods that do not declare a controller.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      help: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.',
    },
    { name: 'ignore-daemonsets', type: 'bool', help: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', help: 'Label selector to filter pods on the node' },
    SELECTOR_FLAG,
    {
      name: 'skip-wait-for-delete-timeout',
      type: 'int',
      help: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.',
    },
    {
      name: 'timeout',
      type: 'duration',
      help: 'The length of time to wait before giving up, zero means infinite',
    },
  ],
  run: runDrain,
};
