/**
 * `kubectl apply -f FILE|-`: multi-document YAML or JSON; prints created / configured / unchanged
 * per object and records the last applied configuration. Objects are applied one by one, as kubectl
 * does: a bad one is reported and the others still go through.
 */
import { ApiError, commitApply, prepareApply } from '../../cluster/apply.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import { ManifestError, parseManifests } from '../../k8s/yaml.ts';
import { ValidationError } from '../../k8s/validation.ts';
import { type Command, type CommandContext, KubectlError, PrintedError, changeCause } from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';

/** Reads `-f` sources: `-` is stdin, other names are the scenario's files. */
export function readSources(ctx: CommandContext, verb: string): { name: string; text: string }[] {
  const files = flagAll(ctx.args, 'filename');
  if (files.length === 0) throw new KubectlError(`must specify one of -f and -k`);
  return files.map((f) => {
    if (f === '-') {
      if (ctx.stdin === undefined || ctx.stdin.trim() === '')
        throw new KubectlError(`no objects passed to ${verb}`);
      return { name: 'STDIN', text: ctx.stdin };
    }
    const text = ctx.cluster.files.get(f);
    if (text === undefined) throw new KubectlError(`the path "${f}" does not exist`);
    return { name: f, text };
  });
}

export function errorText(e: unknown): string {
  if (e instanceof PrintedError) return e.message;
  if (e instanceof ValidationError || e instanceof ApiError)
    return e.message.startsWith('Error from server') || e instanceof ValidationError
      ? e.message
      : `error: ${e.message}`;
  if (e instanceof ManifestError) return e.message.startsWith('error') ? e.message : `error: ${e.message}`;
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

function runApply(ctx: CommandContext): number {
  const sources = readSources(ctx, 'apply');
  const dryRun = flagString(ctx.args, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun))
    throw new KubectlError(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  const record = flagBool(ctx.args, 'record');
  if (record) ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
  // Every object is checked before anything is written: a bad manifest leaves the cluster as it was.
  const prepared: ReturnType<typeof prepareApply>[] = [];
  const errors: string[] = [];
  for (const src of sources) {
    let objects: Record<string, unknown>[];
    try {
      objects = parseManifests(src.text, src.name);
    } catch (e) {
      errors.push(errorText(e));
      continue;
    }
    if (objects.length === 0) errors.push('error: no objects passed to apply');
    for (const raw of objects) {
      try {
        if (record) {
          const meta = { ...((raw['metadata'] ?? {}) as Record<string, unknown>) };
          meta['annotations'] = {
            ...((meta['annotations'] ?? {}) as Record<string, string>),
            [ChangeCauseAnnotation]: changeCause(ctx, applyCommand.flags),
          };
          raw['metadata'] = meta;
        }
        prepared.push(
          prepareApply(ctx.cluster, raw, src.name, ctx.namespaceExplicit ? ctx.namespace : undefined),
        );
      } catch (e) {
        errors.push(errorText(e));
      }
    }
  }
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  for (const p of prepared) {
    if (dryRun === 'none') commitApply(ctx.cluster, p);
    ctx.out(`${kindSlashName(p.info, p.next.metadata.name)} ${p.action}${suffix}\n`);
  }
  return 0;
}

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'record', type: 'bool' },
    { name: 'validate', type: 'string', noOptDefault: 'strict' },
    { name: 'server-side', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: runApply,
};
