/**
 * `kubectl annotate` and `kubectl label`: `key=value` sets, `key-` removes; an existing key needs
 * `--overwrite`.
 */
import { validatedUpdate } from '../../cluster/apply.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import { type Command, type CommandContext, KubectlError, getOrThrow, resolveTargets } from '../command.ts';
import { flagBool } from '../parse.ts';

function runMetaUpdate(ctx: CommandContext, field: 'annotations' | 'labels'): number {
  const words = ctx.args.positional;
  const changes = words.filter((w) => w.includes('=') || /^[^/=]+-$/.test(w));
  const resourceWords = words.filter((w) => !changes.includes(w));
  const what = field === 'annotations' ? 'annotation' : 'label';
  if (changes.length === 0) throw new KubectlError(`at least one ${what} update is required`);
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const c of changes) {
    if (c.endsWith('-') && !c.includes('=')) remove.push(c.slice(0, -1));
    else {
      const i = c.indexOf('=');
      set.set(c.slice(0, i), c.slice(i + 1));
    }
  }
  const overwrite = flagBool(ctx.args, 'overwrite');
  const targets = resolveTargets(resourceWords, true, field === 'annotations' ? 'annotate' : 'label');
  for (const t of targets) {
    for (const name of t.names) {
      const obj = getOrThrow<KubeObject>(ctx, t.info, name);
      const current = { ...(obj.metadata[field] ?? {}) };
      if (!overwrite) {
        for (const [k, v] of set)
          if (k in current && current[k] !== v)
            throw new KubectlError(
              `--overwrite is false but found the following declared ${what}(s): '${k}' already has a value (${current[k]})`,
            );
      }
      for (const [k, v] of set) current[k] = v;
      for (const k of remove) delete current[k];
      const metadata = { ...obj.metadata, [field]: current };
      validatedUpdate(ctx.cluster, { ...obj, metadata } as KubeObject);
      ctx.out(`${kindSlashName(t.info, name)} ${field === 'annotations' ? 'annotated' : 'labeled'}\n`);
    }
  }
  return 0;
}

export const annotateCommand: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: [
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
  ],
  run: (ctx) => runMetaUpdate(ctx, 'annotations'),
};

export const labelCommand: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  flags: [
    { name: 'overwrite', type: 'bool' },
    { name: 'all', type: 'bool' },
  ],
  run: (ctx) => runMetaUpdate(ctx, 'labels'),
};
