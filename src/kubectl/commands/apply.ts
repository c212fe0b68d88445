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
    return e.message.startsWith('Error from server') ||
      e instanceof ValidationError ||
      (e instanceof ApiError && e.reason === 'Invalid')
      ? e.message
      : `error: ${e.message}`;
  // checkErr adds `error: ` to any message that does not start with it (`error parsing STDIN: …`).
  if (e instanceof ManifestError) return e.message.startsWith('error: ') ? e.message : `error: ${e.message}`;
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * Reads every `-f` source and prepares each object in it with `prepare`, collecting every error
 * instead of stopping at the first: all objects are checked before anything is written, so a bad
 * manifest leaves the cluster as it was. On errors, prints them all and returns undefined.
 */
export function prepareSources<T>(
  ctx: CommandContext,
  verb: string,
  prepare: (raw: Record<string, unknown>, source: string) => T,
  sources = readSources(ctx, verb),
): T[] | undefined {
  const prepared: T[] = [];
  const errors: string[] = [];
  for (const src of sources) {
    let objects: Record<string, unknown>[];
    try {
      objects = parseManifests(src.text, src.name);
    } catch (e) {
      errors.push(errorText(e));
      continue;
    }
    if (objects.length === 0) errors.push(`error: no objects passed to ${verb}`);
    for (const raw of objects) {
      try {
        prepared.push(prepare(raw, src.name));
      } catch (e) {
        errors.push(errorText(e));
      }
    }
  }
  if (!errors.length) return prepared;
  ctx.err(errors.join('\n') + '\n');
  return undefined;
}

function runApply(ctx: CommandContext): number {
  const sources = readSources(ctx, 'apply');
  const dryRun = flagString(ctx.args, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server'].includes(dryRun))
    throw new KubectlError(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  const record = flagBool(ctx.args, 'record');
  const prepared = prepareSources(
    ctx,
    'apply',
    (raw, source) => {
      if (record) {
        const meta = { ...((raw['metadata'] ?? {}) as Record<string, unknown>) };
        meta['annotations'] = {
          ...((meta['annotations'] ?? {}) as Record<string, string>),
          [ChangeCauseAnnotation]: changeCause(ctx, applyCommand.flags),
        };
        raw['metadata'] = meta;
      }
      return prepareApply(ctx.cluster, raw, source, ctx.namespaceExplicit ? ctx.namespace : undefined);
    },
    sources,
  );
  if (!prepared) return 1;
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
    { name: 'record', type: 'bool', deprecated: '--record will be removed in the future' },
    { name: 'validate', type: 'string', noOptDefault: 'strict' },
    { name: 'server-side', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: runApply,
};
