/**
 * kubectl's commands that Rollout Lab does not simulate. Each is known by name, listed in
 * `kubectl --help` where kubectl lists it, prints kubectl's own `--help` (unsimulated-help.ts),
 * and answers in one line why it does nothing here, instead of kubectl's "unknown command", which
 * reads as if kubectl lacked it. Their flags are kubectl's, checked as kubectl checks them; any
 * other flag is taken too, since the command does not run.
 */
import type { Command } from '../command.ts';
import { KubectlError } from '../command.ts';
import { ANY_FLAG, type FlagSpec, type FlagType } from '../parse.ts';
import { PRINT_FLAGS } from '../printers/output.ts';
import {
  CHUNK_SIZE_FLAG,
  DRY_RUN_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
} from './flags.ts';
import { HELP, type HelpFlag } from './unsimulated-help.ts';

const SHARED: FlagSpec[] = [
  ...PRINT_FLAGS,
  CHUNK_SIZE_FLAG,
  DRY_RUN_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
];

/** A flag as unsimulated-help.ts writes it. */
function flagOf(f: HelpFlag): FlagSpec {
  if (typeof f === 'string') {
    // The command says it is not simulated, not its flags.
    const { unsimulated: _, ...spec } = SHARED.find((s) => s.name === f)!;
    return spec;
  }
  const [name, text, help] = f;
  const m = /^(?:-(\S) )?(\w+)(?:=(.*))?$/.exec(text)!;
  const type = m[2] as FlagType;
  const def = m[3];
  return {
    name,
    ...(m[1] ? { short: m[1] } : {}),
    type,
    ...(def === undefined
      ? {}
      : { default: type === 'bool' ? def === 'true' : type === 'int' ? Number(def) : def }),
    help,
  };
}

/** The command at `path` as unsimulated-help.ts has it: kubectl's help, and its flags only. */
export function commandOfHelp(path: string): Command {
  const help = HELP[path]!;
  return {
    name: path.slice(path.lastIndexOf(' ') + 1),
    short: help.short,
    long: help.long,
    ...(help.aliases ? { aliases: help.aliases } : {}),
    ...(help.examples !== undefined ? { examples: help.examples } : {}),
    usage: help.usage,
    flags: help.flags.map(flagOf),
  };
}

/**
 * The command at `path` (and the subcommands unsimulated-help.ts has under it): run, each says
 * `kubectl <said> is not simulated in Rollout Lab: <why>`.
 */
export function unsimulatedCommand(path: string, why: string, said = path): Command {
  const command = commandOfHelp(path);
  const prefix = `${path} `;
  const children = Object.keys(HELP)
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes(' '))
    .sort();
  return {
    ...command,
    flags: [...command.flags, ANY_FLAG],
    ...(children.length ? { subcommands: children.map((c) => unsimulatedCommand(c, why, said)) } : {}),
    run: () => {
      throw new KubectlError(`kubectl ${said} is not simulated in Rollout Lab: ${why}`);
    },
  };
}

/** [name, why it is not simulated]. */
const UNSIMULATED: [string, string][] = [
  ['autoscale', 'there is no metrics server to scale on; use kubectl scale'],
  ['certificate', 'the simulated cluster signs no certificates'],
  ['cluster-info', 'the control plane runs inside this page and has no address'],
  ['attach', 'the simulated containers have no terminal to attach to'],
  ['exec', 'the simulated containers run no processes to execute commands in'],
  ['port-forward', 'there is no network between this page and the simulated pods'],
  ['proxy', 'there is no network between this page and the simulated API server'],
  ['cp', 'the simulated containers have no file systems'],
  ['auth', 'the simulated cluster has no users and no RBAC'],
  ['debug', 'the simulated containers cannot be debugged; use kubectl describe and kubectl logs'],
  ['kustomize', 'there are no kustomization directories here'],
  ['completion', 'the console completes commands with Tab itself'],
  ['plugin', 'there are no kubectl plugins here'],
];

export const unsimulatedCommands: Command[] = UNSIMULATED.map(([name, why]) => unsimulatedCommand(name, why));

/** create's subcommands for the kinds the simulated cluster does not have. */
export const unsimulatedCreateCommands: Command[] = (
  [
    ['clusterrole', 'the simulated cluster has no RBAC'],
    ['clusterrolebinding', 'the simulated cluster has no RBAC'],
    ['configmap', 'the simulated cluster has no config maps'],
    ['cronjob', 'the simulated cluster runs no jobs'],
    ['ingress', 'the simulated cluster has no ingresses'],
    ['job', 'the simulated cluster runs no jobs'],
    ['namespace', 'the simulated cluster has a fixed set of namespaces'],
    ['priorityclass', 'the simulated cluster has no priority classes'],
    ['quota', 'the simulated cluster has no resource quotas'],
    ['role', 'the simulated cluster has no RBAC'],
    ['rolebinding', 'the simulated cluster has no RBAC'],
    ['secret', 'the simulated cluster has no secrets'],
    ['serviceaccount', 'the simulated cluster has no service accounts'],
    ['token', 'the simulated cluster has no service accounts'],
  ] as const
).map(([name, why]) => unsimulatedCommand(`create ${name}`, why));

/** apply's subcommands, about the last-applied-configuration annotation. */
export const unsimulatedApplyCommands: Command[] = [
  unsimulatedCommand(
    'apply edit-last-applied',
    "there is no terminal editor; open the object in the app's YAML editor",
  ),
  unsimulatedCommand('apply set-last-applied', 'use kubectl apply, which sets the annotation'),
  unsimulatedCommand('apply view-last-applied', 'read the annotation with kubectl get TYPE NAME -o yaml'),
];
