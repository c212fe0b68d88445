/**
 * `kubectl scale TYPE NAME --replicas=N` (cmd/scale/scale.go): `--current-replicas` and
 * `--resource-version` as preconditions, `-l`/`--all`, `--dry-run`, and `-o`, which prints the
 * object as it was fetched, before the scale.
 */
import { validatedUpdate } from '../../cluster/apply.ts';
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { kindSlashName, type ResourceInfo } from '../../k8s/resources.ts';
import type { Deployment } from '../../k8s/types.ts';
import { invalidError } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  changeCause,
  dryRunMode,
  getOrThrow,
} from '../command.ts';
import { flagBool, flagInt, flagString } from '../parse.ts';
import { PRINT_FLAGS, printFlagsOutput, printObjects } from '../printers/output.ts';
import {
  DRY_RUN_FLAG,
  KUSTOMIZE_FLAG,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  filenameFlag,
  dryRunSuffix,
} from './flags.ts';
import { listResource, listSelection, resolveTargetsWithAll } from './objects.ts';

function runScale(ctx: CommandContext): number {
  const replicas = flagInt(ctx.args, 'replicas');
  if (replicas === undefined) throw new KubectlError('required flag(s) "replicas" not set');
  if (replicas < 0)
    throw new KubectlError(
      'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  const current = flagInt(ctx.args, 'current-replicas') ?? -1;
  const resourceVersion = flagString(ctx.args, 'resource-version') ?? '';
  const record = flagBool(ctx.args, 'record');
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const selectorText = flagString(ctx.args, 'selector');
  const all = flagBool(ctx.args, 'all');
  const { targets } = resolveTargetsWithAll(ctx.args.positional, false, Boolean(selectorText));
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !all && !selectorText)
    throw new KubectlError('resource(s) were provided, but no name was specified');
  // A selector the server refuses fails each list; scale reports them with what it missed.
  const { refused, matches } = listSelection(
    targets.map((t) => t.info),
    selectorText,
    undefined,
  );
  // The builder visits with ContinueOnError: what it finds is scaled, what it misses is reported
  // after, and the objects scaled before a failure stay scaled.
  const items: { info: ResourceInfo; obj: Deployment }[] = [];
  const missing: Error[] = refused.map((r) => new Error(r.message));
  for (const t of targets) {
    if (t.names.length)
      for (const name of t.names) {
        try {
          items.push({ info: t.info, obj: getOrThrow<Deployment>(ctx, t.info, name) });
        } catch (e) {
          if (!(e instanceof PrintedError)) throw e;
          missing.push(e);
        }
      }
    else if (!refused.length)
      for (const o of listResource(ctx.cluster, t.info, ctx.namespace))
        if (matches(o)) items.push({ info: t.info, obj: o as Deployment });
  }
  if (resourceVersion !== '' && items.length > 1)
    throw new KubectlError('cannot use --resource-version with multiple resources');
  if (items.length === 0)
    throw new KubectlError(`no objects passed to scale${missing.length ? ` ${aggregateText(missing)}` : ''}`);
  // What was scaled stays scaled, whatever fails after it.
  ctx.keepWrites();
  const suffix = dryRunSuffix(mode);
  for (const { info, obj } of items) {
    const name = obj.metadata.name;
    if (info.kind !== 'Deployment' && info.kind !== 'ReplicaSet')
      throw new PrintedError(
        `Error from server (NotFound): the server could not find the requested resource`,
      );
    if (mode !== 'client') {
      if (current >= 0 && (obj.spec.replicas ?? 1) !== current)
        throw new KubectlError(`Expected replicas to be ${current}, was ${obj.spec.replicas ?? 1}`);
      // scale.ScalePrecondition, checked on the Scale kubectl reads first.
      if (resourceVersion !== '' && resourceVersion !== obj.metadata.resourceVersion)
        throw new KubectlError(
          `Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`,
        );
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
      if (mode === 'none')
        validatedUpdate(ctx.cluster, { ...obj, metadata, spec: { ...obj.spec, replicas: size } });
    }
    ctx.out(format ? printObjects(format, [obj], true) : `${kindSlashName(info, name)} scaled${suffix}\n`);
  }
  // API errors print as they are, one a line, alone or several.
  for (const e of missing) ctx.err(`${e.message}\n`);
  return missing.length ? 1 : 0;
}

/** An aggregate of API errors as Go prints it inside another error: `msg`, or `[msg, msg]`. */
function aggregateText(errors: Error[]): string {
  const bare = errors.map((e) => e.message.replace(/^Error from server \([A-Za-z]+\): /, ''));
  return bare.length === 1 ? bare[0]! : `[${bare.join(', ')}]`;
}

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: 'Set a new size for a deployment, replica set, replication controller, or stateful set.\n\n Scale also allows users to specify one or more preconditions for the scale action.\n\n If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.',
  examples:
    "  # Scale a replica set named 'foo' to 3\n  kubectl scale --replicas=3 rs/foo\n  \n  # Scale a resource identified by type and name specified in \"foo.yaml\" to 3\n  kubectl scale --replicas=3 -f foo.yaml\n  \n  # If the deployment named mysql's current size is 2, scale mysql to 3\n  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql\n  \n  # Scale multiple replication controllers\n  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3\n  \n  # Scale stateful set named 'web' to 3\n  kubectl scale --replicas=3 statefulset/web",
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'replicas', type: 'int', help: 'The new desired number of replicas. Required.' },
    {
      name: 'current-replicas',
      type: 'int',
      default: -1,
      help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    },
    {
      name: 'resource-version',
      type: 'string',
      help: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.',
    },
    RECORD_FLAG,
    {
      name: 'timeout',
      type: 'duration',
      help: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).",
    },
    {
      name: 'all',
      type: 'bool',
      help: 'Select all resources in the namespace of the specified resource types',
    },
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    filenameFlag(
      'Filename, directory, or URL to files identifying the resource to set a new size',
      'name the objects to scale instead (kubectl scale TYPE NAME --replicas=COUNT)',
    ),
    KUSTOMIZE_FLAG,
    RECURSIVE_FLAG,
  ],
  run: runScale,
};
