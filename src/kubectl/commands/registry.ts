/**
 * Every kubectl command the simulator knows, in `kubectl --help` order. `extended.ts` registers
 * them: Node, the tests and the CLI load it at once, the browser after its first paint (nothing
 * the first frame shows runs a command; a scenario's manifests go in through `applyAll`).
 */
import type { SimCluster } from '../../cluster/cluster.ts';
import type { Command } from '../command.ts';

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

/** Adds commands (once each), keeping kubectl's help order. */
export function registerCommands(...list: Command[]): void {
  for (const c of list) if (!commands.some((x) => x.name === c.name)) commands.push(c);
  commands.sort((a, b) => orderOf(a.name) - orderOf(b.name));
}

interface Help {
  helpText(path: string[], cmd: Command | undefined): string;
  suggestions(word: string): string[];
}
let help: Help | undefined;

/** Help text comes with the commands it describes (help.ts). */
export function registerHelp(h: Help): void {
  help = h;
}

/** kubectl's help for a command path (the root's without a command); empty until the commands are in. */
export const helpText = (path: string[], cmd: Command | undefined): string => help?.helpText(path, cmd) ?? '';

/** The commands kubectl suggests for an unknown one. */
export const suggestions = (word: string): string[] => help?.suggestions(word) ?? [];

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
