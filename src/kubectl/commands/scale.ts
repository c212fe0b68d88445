/** `kubectl scale TYPE NAME --replicas=N` (with `--current-replicas` as a precondition). */
import { validatedUpdate } from '../../cluster/apply.ts';
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import type { Deployment } from '../../k8s/types.ts';
import { invalidError } from '../../k8s/validation.ts';
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
      // The scale subresource's spec.replicas is an int32: kubectl converts with int32(…), which
      // wraps, and the server then refuses the negative size for the Scale object.
      const size = Number(BigInt.asIntN(32, BigInt(replicas)));
      if (size < 0)
        throw invalidError('Scale', name, [
          {
            type: 'Invalid value',
            field: 'spec.replicas',
            badValue: size,
            detail: 'must be greater than or equal to 0',
          },
        ]);
      validatedUpdate(ctx.cluster, { ...obj, metadata, spec: { ...obj.spec, replicas: size } });
      ctx.out(`${kindSlashName(t.info, name)} scaled\n`);
    }
  }
  return 0;
}

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, replication controller, or stateful set',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  flags: [
    { name: 'replicas', type: 'int' },
    { name: 'current-replicas', type: 'int' },
    { name: 'record', type: 'bool' },
    { name: 'timeout', type: 'string' },
  ],
  run: runScale,
};
