/**
 * Tab completion for the console: command names, subcommands, resource types, names of objects of
 * the type typed so far, and flags. `complete(cluster, 'kubectl get depl')` → `['deployments']`.
 */
import type { SimCluster } from '../cluster/cluster.ts';
import { resolveResource, resources } from '../k8s/resources.ts';
import type { Command } from './command.ts';
import { commands } from './commands/registry.ts';
import { listResource } from './commands/objects.ts';
import { findCommand } from './index.ts';
import { globalFlags } from './parse.ts';

/** Words of the line; the last one is the word being completed ('' after a space). */
function splitLine(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (/\s/.test(ch)) {
      if (cur !== '') words.push(cur);
      cur = '';
    } else cur += ch;
  }
  words.push(cur);
  return words;
}

const TYPE_WORDS = [...resources.map((r) => r.plural), 'all'].sort();

/** Commands whose first argument is a resource type. */
const TAKES_RESOURCE = new Set([
  'get',
  'describe',
  'delete',
  'edit',
  'patch',
  'label',
  'annotate',
  'scale',
  'expose',
  'status',
  'history',
  'undo',
  'pause',
  'resume',
  'restart',
  'image',
]);

export function complete(cluster: SimCluster, lineBeforeCursor: string): string[] {
  let words = splitLine(lineBeforeCursor);
  if (words[0] === 'kubectl') words = words.slice(1);
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  const match = (candidates: string[]) =>
    [...new Set(candidates)].filter((c) => c.startsWith(current)).sort();

  // Which command (and subcommand) do the words so far name?
  let cmd: Command | undefined;
  const positional: string[] = [];
  let namespace = 'default';
  for (let i = 0; i < before.length; i++) {
    const w = before[i]!;
    if (w === '-n' || w === '--namespace') {
      namespace = before[i + 1] ?? namespace;
      i++;
      continue;
    }
    if (w.startsWith('--namespace=')) namespace = w.slice('--namespace='.length);
    if (w.startsWith('-')) continue;
    const next: Command | undefined = cmd ? findCommand(cmd.subcommands ?? [], w) : findCommand(commands, w);
    if (next && positional.length === 0) {
      cmd = next;
      continue;
    }
    positional.push(w);
  }
  const prev = before[before.length - 1];
  if (prev === '-n' || prev === '--namespace')
    return match(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  if (current.startsWith('-')) {
    const flags = [...(cmd?.flags ?? []), ...globalFlags];
    return match(flags.map((f) => `--${f.name}`));
  }
  if (!cmd) return match(commands.map((c) => c.name));
  if (cmd.subcommands?.length && positional.length === 0 && !cmd.run)
    return match(cmd.subcommands.map((s) => s.name));
  if (cmd.name === 'deployment') return [];
  // taint's ValidArgsFunction: `node`, then the nodes' names.
  if (cmd.name === 'taint') {
    if (positional.length === 0) return match(['node']);
    if (positional.length > 1) return [];
    return match(cluster.store.list('Node').map((o) => o.metadata.name));
  }
  if (!TAKES_RESOURCE.has(cmd.name)) {
    if (cmd.subcommands?.length && positional.length === 0) return match(cmd.subcommands.map((s) => s.name));
    return [];
  }
  const rolloutKinds = ['deployments', 'deployment', 'deploy'];
  const slash = current.indexOf('/');
  if (slash >= 0) {
    const type = current.slice(0, slash);
    const info = resolveResource(type);
    if (!info) return [];
    return match(listResource(cluster, info, namespace).map((o) => `${type}/${o.metadata.name}`));
  }
  if (positional.length === 0) {
    const isRollout = ['status', 'history', 'undo', 'pause', 'resume', 'restart'].includes(cmd.name);
    return match(isRollout ? rolloutKinds : TYPE_WORDS);
  }
  const firstWord = positional[0]!;
  if (firstWord.includes('/')) return [];
  const infos = firstWord
    .split(',')
    .map((t) => resolveResource(t))
    .filter((i): i is NonNullable<typeof i> => i !== undefined);
  const taken = new Set(positional.slice(1));
  return match(
    infos
      .flatMap((info) => listResource(cluster, info, namespace).map((o) => o.metadata.name))
      .filter((n) => !taken.has(n)),
  );
}
