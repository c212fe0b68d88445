/**
 * kubectl replace -f (ReplaceOptions.Run): each object of the files put in place of the stored one
 * whole (an HTTP PUT), so what the manifest leaves out is defaulted again: a Deployment replaced
 * without `replicas` has one. A manifest without a resourceVersion replaces whatever is stored
 * (kubectl asks for the current one); one with another version is a conflict. `--force` deletes
 * the object and creates it again. Errors are gathered and printed after the objects replaced.
 */
import { keepEmptyResourcesAsStored, replacement } from '../../cluster/apiserver.ts';
import {
  NAMESPACES,
  createDecodeError,
  decodeUnder,
  lastAppliedOf,
  type FieldValidation,
} from '../../cluster/apply.ts';
import type { SimCluster } from '../../cluster/cluster.ts';
import { LastAppliedConfigAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { dryRunWrite } from '../../cluster/dryrun.ts';
import { deepCopy } from '../../k8s/copy.ts';
import { DecodeError } from '../../k8s/decode.ts';
import { groupResource, kindGroup, type ResourceInfo } from '../../k8s/resources.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { invalidError, servedInvalidMessage } from '../../k8s/validation.ts';
import { type Command, type CommandContext, KubectlError, PrintedError, dryRunMode } from '../command.ts';
import { flagBool } from '../parse.ts';
import { fieldValidationOf, filenames } from './apply.ts';
import { commitCreate, prepareCreate, writeEachObject } from './create.ts';
import { commandOfHelp } from './unsimulated.ts';

function runReplace(ctx: CommandContext): number {
  filenames(ctx);
  const mode = dryRunMode(ctx);
  const force = flagBool(ctx.args, 'force');
  if (force && mode !== 'none') throw new KubectlError('--dry-run can not be used when --force is set');
  const fieldValidation = fieldValidationOf(ctx);
  const saveConfig = flagBool(ctx.args, 'save-config');
  return writeEachObject(ctx, 'replace', fieldValidation, ({ raw, info, source }) => {
    const obj = deepCopy(raw) as unknown as KubeObject;
    const namespace = info.namespaced ? (obj.metadata.namespace ?? ctx.namespace) : undefined;
    if (namespace !== undefined) obj.metadata = { ...obj.metadata, namespace };
    if (saveConfig)
      obj.metadata = {
        ...obj.metadata,
        annotations: {
          ...obj.metadata.annotations,
          [LastAppliedConfigAnnotation]: lastAppliedOf(raw, namespace),
        },
      };
    if (mode === 'client') return obj;
    if (force) return forceReplace(ctx, info, obj, source);
    const warnings: string[] = [];
    const put = (cluster: SimCluster) => replaceObject(cluster, info, obj, source, fieldValidation, warnings);
    const stored = mode === 'none' ? put(ctx.cluster) : dryRunWrite(ctx.cluster, put);
    for (const w of warnings) ctx.err(`${w}\n`);
    return stored;
  });
}

/** The API server's PUT of `obj`: refused, unchanged, or stored in place of the current object. */
function replaceObject(
  cluster: SimCluster,
  info: ResourceInfo,
  obj: KubeObject,
  source: string,
  fieldValidation: FieldValidation,
  warnings: string[],
): KubeObject {
  const { name, namespace } = obj.metadata;
  if (namespace !== undefined && !NAMESPACES.includes(namespace))
    throw new PrintedError(
      `Error from server (NotFound): error when replacing "${source}": namespaces "${namespace}" not found`,
    );
  const existing = cluster.store.get(info.kind, namespace, name);
  if (!existing)
    throw new PrintedError(
      `Error from server (NotFound): error when replacing "${source}": ${groupResource(info)} "${name}" not found`,
    );
  const version = obj.metadata.resourceVersion;
  if (version && version !== existing.metadata.resourceVersion)
    throw new PrintedError(
      `Error from server (Conflict): error when replacing "${source}": Operation cannot be fulfilled on ${groupResource(info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    );
  let decoded: KubeObject;
  try {
    decoded = decodeUnder(obj as unknown as Record<string, unknown>, fieldValidation, warnings);
  } catch (e) {
    if (e instanceof DecodeError) throw createDecodeError(info, source, e, 'replacing');
    throw e;
  }
  const r = replacement(info, existing, keepEmptyResourcesAsStored(decoded, existing));
  if (!r) return existing;
  if (r.errors.length) {
    const e = invalidError(info.kind, name, r.errors);
    e.listed = `Error from server (Invalid): error when replacing "${source}": ${servedInvalidMessage(info.kind, info.group, name, r.errors)}`;
    throw e;
  }
  const stored = cluster.update(r.next);
  cluster.settle();
  return stored;
}

/**
 * --force: the object deleted (when there is one; kubectl says so), then created from the
 * manifest as `create -f` would.
 */
function forceReplace(ctx: CommandContext, info: ResourceInfo, obj: KubeObject, source: string): KubeObject {
  const { name, namespace } = obj.metadata;
  if (ctx.cluster.store.get(info.kind, namespace, name)) {
    ctx.cluster.delete(info.kind, namespace, name);
    ctx.cluster.settle();
    ctx.out(`${kindGroup(info)} "${name}" deleted\n`);
  }
  return commitCreate(ctx.cluster, prepareCreate(ctx.cluster, obj, ctx.namespace, source));
}

/** What replace does not simulate: the rest is kubectl's own flags and help. */
const UNSIMULATED_FLAGS: Record<string, string> = {
  raw: 'the simulated API server is reached through kubectl commands only',
  kustomize: 'there are no kustomization directories here',
  subresource: 'replace puts whole objects here',
};

const help = commandOfHelp('replace');

export const replaceCommand: Command = {
  ...help,
  flags: help.flags.map((f) => {
    const why = UNSIMULATED_FLAGS[f.name];
    return why ? { ...f, unsimulated: why } : f;
  }),
  run: runReplace,
};
