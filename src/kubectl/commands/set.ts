/**
 * `kubectl set image TYPE/NAME CONTAINER=IMAGE…` (and `*=IMAGE`): a strategic merge patch of the
 * containers' images; nothing is written (or printed) when no image changes.
 */
import { validatedUpdate } from '../../cluster/apply.ts';
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import type { Deployment } from '../../k8s/types.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  changeCause,
  getOrThrow,
  resolveTargets,
} from '../command.ts';
import { flagBool, flagString } from '../parse.ts';

function runSetImage(ctx: CommandContext): number {
  const pairs = ctx.args.positional.filter((a) => a.includes('='));
  const resources = ctx.args.positional.filter((a) => !a.includes('='));
  if (resources.length === 0 || pairs.length === 0)
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  const images = new Map<string, string>();
  for (const p of pairs) {
    const [name, image] = p.split('=', 2) as [string, string];
    if (!name || !image) throw new KubectlError(`invalid image format: ${p}`);
    images.set(name, image);
  }
  const dryRun = flagString(ctx.args, 'dry-run') ?? 'none';
  const record = flagBool(ctx.args, 'record');
  if (record) ctx.err('Flag --record has been deprecated, --record will be removed in the future\n');
  const targets = resolveTargets(resources, true, 'set');
  const errors: string[] = [];
  for (const t of targets) {
    if (t.info.kind !== 'Deployment' && t.info.kind !== 'ReplicaSet' && t.info.kind !== 'Pod')
      throw new KubectlError(`${t.info.plural} "${t.names[0]}" does not have a pod template or containers`);
    for (const name of t.names) {
      const obj = getOrThrow<Deployment>(ctx, t.info, name);
      const template =
        t.info.kind === 'Pod'
          ? { spec: (obj as unknown as { spec: Deployment['spec']['template']['spec'] }).spec }
          : obj.spec.template;
      let changed = false;
      const containers = template.spec.containers.map((c) => ({ ...c }));
      for (const [cname, image] of images) {
        const matches = cname === '*' ? containers : containers.filter((c) => c.name === cname);
        if (matches.length === 0) errors.push(`error: unable to find container named "${cname}"`);
        for (const c of matches) {
          if (c.image !== image) {
            c.image = image;
            changed = true;
          }
        }
      }
      if (!changed) continue;
      const annotations = { ...(obj.metadata.annotations ?? {}) };
      if (record) annotations[ChangeCauseAnnotation] = changeCause(ctx, setImageCommand.flags);
      const metadata = { ...obj.metadata };
      if (Object.keys(annotations).length) metadata.annotations = annotations;
      const next =
        t.info.kind === 'Pod'
          ? { ...obj, metadata, spec: { ...(obj as unknown as { spec: object }).spec, containers } }
          : {
              ...obj,
              metadata,
              spec: { ...obj.spec, template: { ...template, spec: { ...template.spec, containers } } },
            };
      if (dryRun === 'none') validatedUpdate(ctx.cluster, next as Deployment);
      ctx.out(
        `${kindSlashName(t.info, name)} image updated${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`,
      );
    }
  }
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}

export const setImageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage:
    'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    { name: 'record', type: 'bool' },
    { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
    { name: 'all', type: 'bool' },
  ],
  run: runSetImage,
};

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND',
  flags: [],
  subcommands: [setImageCommand],
};
