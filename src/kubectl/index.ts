/**
 * `kubectl` for the simulated cluster: parses a command line, runs the command, and returns what
 * a terminal would show. It never throws: every failure becomes kubectl's error text and a
 * non-zero exit code, and a failed command changes nothing.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import { ApiError } from '../cluster/apply.ts';
import { ValidationError } from '../k8s/validation.ts';
import { ManifestError } from '../k8s/yaml.ts';
import {
  type Command,
  type CommandContext,
  type KubectlResult,
  KubectlError,
  PrintedError,
} from './command.ts';
import { commands } from './commands/registry.ts';
import { UsageError, flagBool, flagString, parseFlags, shellWords } from './parse.ts';

export type { KubectlResult } from './command.ts';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

function suggestions(word: string, cmds: Command[]): string[] {
  return cmds
    .flatMap((c) => [c.name])
    .filter((n) => levenshtein(word, n) <= 2 || (word.length > 1 && n.startsWith(word)));
}

function findCommand(cmds: Command[], word: string): Command | undefined {
  return cmds.find((c) => c.name === word || c.aliases?.includes(word));
}

/** Help text in kubectl's shape: description, usage, available commands, flags. */
export function helpText(path: string[], cmd: Command | undefined): string {
  if (!cmd) {
    const lines = commands.map((c) => `  ${c.name.padEnd(15)}${c.short}`);
    return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
  }
  let text = `${cmd.short}.\n`;
  if (cmd.subcommands?.length) {
    text += `\nAvailable Commands:\n${cmd.subcommands.map((s) => `  ${s.name.padEnd(15)}${s.short}`).join('\n')}\n`;
  }
  if (cmd.flags.length) {
    text += `\nOptions:\n${cmd.flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}${f.type === 'bool' ? '' : `=${f.default ?? "''"}`}`).join('\n')}\n`;
  }
  text += `\nUsage:\n  ${cmd.usage ?? `kubectl ${path.join(' ')} [options]`}\n`;
  return text;
}

export function runKubectl(cluster: SimCluster, commandLine: string, stdin?: string): KubectlResult {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exitCode = 0;
  let commandPath = 'kubectl';
  // A failed command changes nothing: what it wrote before failing is undone.
  let before: ReturnType<SimCluster['snapshot']> | undefined;
  try {
    let words = shellWords(commandLine);
    if (words[0] === 'kubectl') words = words.slice(1);
    // Global flags may come before the command (`kubectl -n default get pods`).
    const leading: string[] = [];
    while (words.length && words[0]!.startsWith('-')) {
      const w = words.shift()!;
      leading.push(w);
      if ((w === '-n' || w === '--namespace') && words.length) leading.push(words.shift()!);
    }
    if (words.length === 0) {
      stdout.push(helpText([], undefined));
      return { stdout: stdout.join(''), stderr: '', exitCode: 0 };
    }
    const top = findCommand(commands, words[0]!);
    if (!top) {
      const similar = suggestions(words[0]!, commands);
      let msg = `error: unknown command "${words[0]}" for "kubectl"`;
      if (similar.length) msg += `\n\nDid you mean this?\n${similar.map((s) => `\t${s}`).join('\n')}`;
      return { stdout: '', stderr: `${msg}\n`, exitCode: 1 };
    }
    let cmd: Command = top;
    const path = [cmd.name];
    let rest = [...leading, ...words.slice(1)];
    while (cmd.subcommands?.length) {
      const idx = rest.findIndex((w) => !w.startsWith('-'));
      const sub: Command | undefined = idx >= 0 ? findCommand(cmd.subcommands, rest[idx]!) : undefined;
      if (!sub) {
        if (idx >= 0 && !rest.slice(0, idx).some((w) => w === '-h' || w === '--help')) {
          const word = rest[idx]!;
          if (!cmd.run) {
            return {
              stdout: '',
              stderr: `error: unknown command "${word}" for "kubectl ${path.join(' ')}"\n`,
              exitCode: 1,
            };
          }
        }
        break;
      }
      cmd = sub;
      path.push(sub.name);
      rest = [...rest.slice(0, idx), ...rest.slice(idx + 1)];
    }
    commandPath = `kubectl ${path.join(' ')}`;
    const args = parseFlags(rest, cmd.flags, commandPath);
    if (flagBool(args, 'help') || !cmd.run) {
      stdout.push(helpText(path, cmd));
      return { stdout: stdout.join(''), stderr: '', exitCode: 0 };
    }
    const namespace = flagString(args, 'namespace');
    const ctx: CommandContext = {
      cluster,
      args,
      stdin,
      namespace: namespace ?? 'default',
      namespaceExplicit: namespace !== undefined,
      words,
      commandPath,
      out: (t) => stdout.push(t),
      err: (t) => stderr.push(t),
    };
    before = cmd.advancesTime ? undefined : cluster.snapshot();
    exitCode = cmd.run(ctx) ?? 0;
  } catch (e) {
    exitCode = 1;
    if (e instanceof UsageError) {
      stderr.push(
        `error: ${e.message}\nSee '${e.commandPath === 'kubectl' ? commandPath : e.commandPath} -h' for help and examples\n`,
      );
    } else if (e instanceof KubectlError) {
      stderr.push(`error: ${e.message}\n`);
    } else if (e instanceof PrintedError || e instanceof ValidationError) {
      stderr.push(`${e.message}\n`);
    } else if (e instanceof ApiError || e instanceof ManifestError) {
      stderr.push(
        e.message.startsWith('error') || e.message.startsWith('Error')
          ? `${e.message}\n`
          : `error: ${e.message}\n`,
      );
    } else {
      // A bug in the simulator: still answer like a tool, never crash the caller.
      stderr.push(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  if (exitCode !== 0 && before) cluster.restore(before);
  else {
    cluster.settle();
    cluster.notify();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
