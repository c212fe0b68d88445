/** `kubectl scale TYPE NAME --replicas=N` (with `--current-replicas` as a precondition). */
import { validatedUpdate } from '../../cluster/apply.ts';
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import type { Deployment } from '../../k8s/types.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  changeCause,
  getOrThrow,
  resolveTargets,
} from '../command.ts';
import { flagBool, flagInt } from '../parse.ts';

function runScale(ctx: CommandContext): number {
  const replicas = flagInt(ctx.args, 'replicas');
  if (replicas === undefined) throw new KubectlError('required flag(s) "replicas" not set');
  if (replicas < 0)
    throw new KubectlError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  const current = flagInt(ctx.args, 'current-replicas') ?? -1;
  const record = flagBool(ctx.args, 'record');
  const targets = resolveTargets(ctx.args.positional, true, 'scale');
  for (const t of targets) {
    if (t.info.kind !== 'Deployment' && t.info.kind !== 'ReplicaSet')
      throw new PrintedError(
        `Error from server (NotFound): the server could not find the requested resource`,
      );
    for (const name of t.names) {
      const obj = getOrThrow<Deployment>(ctx, t.info, name);
      if (current >= 0 && (obj.spec.replicas ?? 1) !== current)
        throw new KubectlError(`Expected replicas to be ${current}, was ${obj.spec.replicas ?? 1}`);
      const metadata = { ...obj.metadata };
      if (record)
        metadata.annotations = {
          ...(obj.metadata.annotations ?? {}),
          [ChangeCauseAnnotation]: changeCause(ctx, scaleCommand.flags),
        };
      validatedUpdate(ctx.cluster, { ...obj, metadata, spec: { ...obj.spec, replicas } });
      ctx.out(`${kindSlashName(t.info, name)} scaled\n`);
    }
  }
  return 0;
}

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'record', type: 'bool', deprecated: '--record will be removed in the future' },
    { name: 'timeout', type: 'string' },
  ],
  run: runScale,
};
