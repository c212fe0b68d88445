/** Tab completion for the console until the core's `complete(cluster, line)` lands. */
import { commands } from '../../src/kubectl/commands/registry.ts';
import { session } from '../store/app.ts';

const KINDS = ['deployment', 'replicaset', 'pod', 'service', 'endpoints', 'node', 'event'];
const KIND_OF: Record<string, string> = {
  deployment: 'Deployment',
  deploy: 'Deployment',
  deployments: 'Deployment',
  replicaset: 'ReplicaSet',
  rs: 'ReplicaSet',
  pod: 'Pod',
  pods: 'Pod',
  po: 'Pod',
  service: 'Service',
  svc: 'Service',
};
const EXTRA_VERBS = ['get', 'describe', 'delete', 'patch', 'edit', 'logs'];

/** Completes the word under the cursor: command, subcommand, kind, or object name. */
export function complete(line: string): string[] {
  const words = line.replace(/^kubectl\s+/, '').split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  let options: string[];
  if (before.length === 0) options = [...new Set([...commands.map((c) => c.name), ...EXTRA_VERBS])];
  else {
    const cmd = commands.find((c) => c.name === before[0]);
    const sub = cmd?.subcommands;
    if (sub && before.length === 1) options = sub.map((s) => s.name);
    else if (current.includes('/')) {
      const [kind = ''] = current.split('/');
      const k = KIND_OF[kind];
      options = k ? session.live.store.list(k).map((o) => `${kind}/${o.metadata.name}`) : [];
    } else {
      const prevKind = KIND_OF[before[before.length - 1] ?? ''];
      options = prevKind
        ? session.live.store.list(prevKind).map((o) => o.metadata.name)
        : KINDS.flatMap((k) => [
            k,
            ...session.live.store.list(KIND_OF[k] ?? k).map((o) => `${k}/${o.metadata.name}`),
          ]);
    }
  }
  return options.filter((o) => o.startsWith(current));
}

export function commonPrefix(list: string[]): string {
  if (!list.length) return '';
  let p = list[0]!;
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}
