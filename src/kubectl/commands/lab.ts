/**
 * `kubectl lab …`: faults a teacher injects into the simulated cluster. kubectl has no such
 * command (on a real cluster these happen to you); it is named like a kubectl plugin so that it
 * reads as what it is, a part of Rollout Lab, and prints what it did in one line.
 *
 *   kubectl lab kill POD                  the main container crashes (exit code 137)
 *   kubectl lab unhealthy POD|deploy/NAME the app answers 500 from now on (readiness fails)
 *   kubectl lab healthy POD|deploy/NAME   …and answers normally again
 *   kubectl lab node-down NODE            the node's kubelet stops (NotReady after 50 s)
 *   kubectl lab node-up NODE              …and starts again
 */
import { FaultError, killContainer, setNodeDown, setUnhealthy } from '../../cluster/faults.ts';
import { selectorMatches } from '../../k8s/labels.ts';
import { resolveResource } from '../../k8s/resources.ts';
import type { Deployment, Pod } from '../../k8s/types.ts';
import { type Command, type CommandContext, KubectlError, PrintedError } from '../command.ts';
import { UsageError } from '../parse.ts';

/** POD, pod/POD or deployment/NAME (every pod of it that is not terminating) → pod names. */
function targetPods(ctx: CommandContext, arg: string, allowDeployment: boolean): string[] {
  const slash = arg.indexOf('/');
  const type = slash < 0 ? 'pod' : arg.slice(0, slash);
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  const info = resolveResource(type);
  if (info?.kind === 'Pod') return [name];
  if (info?.kind === 'Deployment' && allowDeployment) {
    const d = ctx.cluster.store.get<Deployment>('Deployment', ctx.namespace, name);
    if (!d) throw new PrintedError(`Error from server (NotFound): deployments.apps "${name}" not found`);
    return ctx.cluster.store
      .list<Pod>('Pod', ctx.namespace)
      .filter((p) => !p.metadata.deletionTimestamp && selectorMatches(d.spec.selector, p.metadata.labels))
      .map((p) => p.metadata.name);
  }
  throw new KubectlError(`lab: expected a pod${allowDeployment ? ' or a deployment' : ''}, got "${arg}"`);
}

function one(ctx: CommandContext, what: string, path: string): string {
  const [arg, ...extra] = ctx.args.positional;
  if (!arg || extra.length) throw new UsageError(`exactly one ${what} is required`, path);
  return arg;
}

function faulting<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FaultError) throw new KubectlError(e.message);
    throw e;
  }
}

const settle = (ctx: CommandContext) => ctx.cluster.settle();

const killCommand: Command = {
  name: 'kill',
  short: "Crash a pod's main container (exit code 137); the kubelet restarts it with back-off",
  usage: 'kubectl lab kill POD',
  flags: [],
  run: (ctx) => {
    const arg = one(ctx, 'POD', 'kubectl lab kill');
    for (const name of targetPods(ctx, arg, false)) {
      faulting(() => killContainer(ctx.cluster, ctx.namespace, name));
      ctx.out(`pod/${name} container killed (simulated)\n`);
    }
    settle(ctx);
    return 0;
  },
};

function healthCommand(unhealthy: boolean): Command {
  const verb = unhealthy ? 'unhealthy' : 'healthy';
  return {
    name: verb,
    short: unhealthy
      ? 'Make the app of a pod (or of every pod of a deployment) answer 500 from now on'
      : 'Make the app of a pod (or of every pod of a deployment) answer normally again',
    usage: `kubectl lab ${verb} (POD | deployment/NAME)`,
    flags: [],
    run: (ctx) => {
      const arg = one(ctx, 'POD or deployment/NAME', `kubectl lab ${verb}`);
      const pods = targetPods(ctx, arg, true);
      if (pods.length === 0) throw new KubectlError(`lab: ${arg} has no pods`);
      for (const name of pods) {
        faulting(() => setUnhealthy(ctx.cluster, ctx.namespace, name, unhealthy));
        ctx.out(`pod/${name} app ${unhealthy ? 'unhealthy from now on' : 'healthy again'} (simulated)\n`);
      }
      settle(ctx);
      return 0;
    },
  };
}

function nodeCommand(down: boolean): Command {
  const name = down ? 'node-down' : 'node-up';
  return {
    name,
    short: down
      ? "Stop a node's kubelet: the node goes NotReady and its pods are evicted after 300s"
      : "Start a node's kubelet again",
    usage: `kubectl lab ${name} NODE`,
    flags: [],
    run: (ctx) => {
      const arg = one(ctx, 'NODE', `kubectl lab ${name}`);
      const node = arg.replace(/^nodes?\//, '');
      faulting(() => setNodeDown(ctx.cluster, node, down));
      ctx.out(`node/${node} kubelet ${down ? 'stopped' : 'started'} (simulated)\n`);
      settle(ctx);
      return 0;
    },
  };
}

export const labCommand: Command = {
  name: 'lab',
  short: 'Inject faults into the simulated cluster (Rollout Lab, not kubectl)',
  long: 'Inject faults into the simulated cluster. This command is part of Rollout Lab, not of kubectl: on a real cluster these faults happen to you.',
  usage: 'kubectl lab COMMAND',
  flags: [],
  subcommands: [
    killCommand,
    healthCommand(true),
    healthCommand(false),
    nodeCommand(true),
    nodeCommand(false),
  ],
};
