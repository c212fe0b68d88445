/**
 * Every kubectl command the simulator knows, in `kubectl --help` order. `extended.ts` registers
 * them: Node, the tests and the CLI load it at once, the browser after its first paint (nothing
 * the first frame shows runs a command; a scenario's manifests go in through `applyAll`).
 */
import type { SimCluster } from '../../cluster/cluster.ts';
import type { Command, CommandContext } from '../command.ts';

const HELP_ORDER = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
];

/** A command's place in kubectl's help order (commands not listed there go last). */
const orderOf = (name: string): number => {
  const i = HELP_ORDER.indexOf(name);
  return i < 0 ? HELP_ORDER.length : i;
};

export const commands: Command[] = [];

/**
 * A command whose deprecated flags, when used, print cobra's warning before anything else the
 * command prints (cobra warns while it parses the flags, before the command runs).
 */
function warningDeprecatedFlags(cmd: Command): Command {
  const run = cmd.run;
  const deprecated = cmd.flags.filter((f) => f.deprecated !== undefined);
  return {
    ...cmd,
    ...(cmd.subcommands ? { subcommands: cmd.subcommands.map(warningDeprecatedFlags) } : {}),
    ...(run && deprecated.length
      ? {
          run: (ctx: CommandContext) => {
            for (const f of deprecated)
              if (ctx.args.flags.has(f.name))
                ctx.err(`Flag --${f.name} has been deprecated, ${f.deprecated}\n`);
            return run(ctx);
          },
        }
      : {}),
  };
}

/** Adds commands (once each), keeping kubectl's help order. */
export function registerCommands(...list: Command[]): void {
  for (const c of list)
    if (!commands.some((x) => x.name === c.name)) commands.push(warningDeprecatedFlags(c));
  commands.sort((a, b) => orderOf(a.name) - orderOf(b.name));
}

type Completer = (cluster: SimCluster, commandLine: string) => string[];
let completer: Completer | undefined;

/** Tab completion comes with the commands it completes (src/kubectl/complete.ts). */
export function registerCompleter(f: Completer): void {
  completer = f;
}

/** What Tab completes a command line to: nothing until the commands are in. */
export const completeLine = (cluster: SimCluster, commandLine: string): string[] =>
  completer?.(cluster, commandLine) ?? [];

/** Whether the commands are in (the browser loads them after the first paint). */
export const allCommandsLoaded = (): boolean => commands.some((c) => c.name === 'get');
