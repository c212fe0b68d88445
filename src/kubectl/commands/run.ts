/**
 * `kubectl run NAME --image=IMG`: one Pod with no controller above it, built as kubectl's run
 * generator builds it (generate/versioned's BasicPod), changed by `--overrides`, and with
 * `--expose` a ClusterIP Service in front of it. What a learner sees next is the point: a bare pod
 * that is deleted stays deleted, because no ReplicaSet replaces it.
 *
 * Attaching (`-i`, `-t`, `--attach`) is not simulated: the simulated containers have no terminal.
 */
import { PatchError, jsonPatch } from '../../k8s/jsonpatch.ts';
import { mergePatch, type Json } from '../../k8s/merge.ts';
import { strategicMergePatch } from '../../k8s/strategic-patch.ts';
import { DecodeError, decodeObjectWarn } from '../../k8s/decode.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { goJsonSyntaxError } from '../../k8s/go-json-syntax.ts';
import { inGoOrder } from '../../k8s/go-order.ts';
import { isEnvVarName } from '../../k8s/validation.ts';
import { kindSlashName, resourceForKind } from '../../k8s/resources.ts';
import type { Container, KubeObject, Pod, Service } from '../../k8s/types.ts';
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { dryRunWrite } from '../../cluster/dryrun.ts';
import { type Command, type CommandContext, KubectlError, changeCause, dryRunMode } from '../command.ts';
import { UsageError, flagAll, flagBool, flagString, parseDuration } from '../parse.ts';
import { TypedPrinter, printFlagsOutput } from '../printers/output.ts';
import { commitCreate, createGeneratedService, prepareCreate, withSavedConfig } from './create.ts';
import { dryRunSuffix } from './flags.ts';
import { commandOfHelp } from './unsimulated.ts';

type EnvVar = NonNullable<Container['env']>[number];

const USAGE_PATH = 'kubectl run';

/**
 * distribution/reference's ReferenceRegexp: [domain[:port]/]path[:tag][@digest], the path in lower
 * case. kubectl refuses any other image before it sends anything.
 */
const IMAGE_REFERENCE = (() => {
  const alphanumeric = '[a-z0-9]+';
  const separator = '(?:[._]|__|[-]+)';
  const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
  const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
  const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[(?:[a-fA-F0-9:]+)\\])`;
  const name = `(?:${host}(?::[0-9]+)?/)?${pathComponent}(?:/${pathComponent})*`;
  const tag = '[\\w][\\w.-]{0,127}';
  const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
  return new RegExp(`^${name}(?::${tag})?(?:@${digest})?$`);
})();

/** getRestartPolicy: empty means Always, or OnFailure for an interactive pod. */
function restartPolicyOf(restart: string, interactive: boolean): string {
  if (restart === '') return interactive ? 'OnFailure' : 'Always';
  if (['Always', 'OnFailure', 'Never'].includes(restart)) return restart;
  throw new UsageError(`invalid restart policy: ${restart}`, USAGE_PATH);
}

/** parseEnvs: NAME=VALUE, the name a valid environment variable name. */
function parseEnvs(specs: string[]): EnvVar[] {
  return specs.map((spec) => {
    const eq = spec.indexOf('=');
    const name = eq < 0 ? '' : spec.slice(0, eq);
    if (eq < 0 || name === '' || isEnvVarName(name).length) throw new KubectlError(`invalid env: ${spec}`);
    return { name, value: spec.slice(eq + 1) };
  });
}

/** The annotations: KEY=VALUE, split at the first `=`, the key not empty. */
function parseAnnotations(specs: string[]): Record<string, string> | undefined {
  if (specs.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid annotations format: ${spec}`);
    out[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  return out;
}

/** generate.ParseLabels: k=v pairs split at commas, each with exactly one `=`. */
export function parseGeneratorLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${pair}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}

/** strconv.Atoi, then Go's int32(): the container port as the generator sets it. */
function atoiPort(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) throw new KubectlError(`strconv.Atoi: parsing "${text}": invalid syntax`);
  const n = BigInt(text);
  if (n >= 2n ** 63n || n < -(2n ** 63n))
    throw new KubectlError(`strconv.Atoi: parsing "${text}": value out of range`);
  return Number(BigInt.asIntN(32, n));
}

/** The Pod BasicPod.Generate builds (with creationTimestamp null and an empty status, as printed). */
function generatePod(ctx: CommandContext, name: string, args: string[], restartPolicy: string): Pod {
  const env = parseEnvs(flagAll(ctx.args, 'env'));
  const annotations = parseAnnotations(flagAll(ctx.args, 'annotations'));
  const labelsFlag = flagString(ctx.args, 'labels') ?? '';
  const labels = labelsFlag ? parseGeneratorLabels(labelsFlag) : { run: name };
  const stdin = flagBool(ctx.args, 'stdin');
  const container: Container & Record<string, unknown> = {
    name,
    image: flagString(ctx.args, 'image')!,
    resources: {},
  };
  if (stdin) container['stdin'] = true;
  if (stdin && !flagBool(ctx.args, 'leave-stdin-open')) container['stdinOnce'] = true;
  if (flagBool(ctx.args, 'tty')) container['tty'] = true;
  if (args.length) container[flagBool(ctx.args, 'command') ? 'command' : 'args'] = args;
  if (env.length) container.env = env;
  const pullPolicy = flagString(ctx.args, 'image-pull-policy') ?? '';
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  const port = flagString(ctx.args, 'port') ?? '';
  if (port !== '') container.ports = [{ containerPort: atoiPort(port) }];
  if (flagBool(ctx.args, 'privileged')) container.securityContext = { privileged: true };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      creationTimestamp: null,
      labels,
      ...(annotations ? { annotations } : {}),
    },
    spec: { containers: [container], restartPolicy, dnsPolicy: 'ClusterFirst' },
    status: {},
  } as unknown as Pod;
}

/**
 * cmdutil's Overrider: the object as JSON, patched with --overrides (merge unless --override-type
 * says json or strategic), and read back into whatever kind the result names, unknown fields
 * dropped.
 */
function applyOverrides(ctx: CommandContext, obj: KubeObject): KubeObject {
  const overrides = flagString(ctx.args, 'overrides') ?? '';
  if (overrides === '') return obj;
  const type = flagString(ctx.args, 'override-type') || 'merge';
  if (!['json', 'merge', 'strategic'].includes(type))
    throw new KubectlError(`invalid override type: ${type}`);
  const syntax = goJsonSyntaxError(overrides);
  const current = JSON.parse(JSON.stringify(inGoOrder(apiEncode(obj)))) as Json;
  let next: Json;
  if (type === 'json') {
    if (syntax) throw new KubectlError(syntax);
    next = jsonPatchEach(current, JSON.parse(overrides) as Json);
  } else {
    const patch = syntax ? undefined : (JSON.parse(overrides) as Json);
    if (patch === undefined || patch === null || typeof patch !== 'object' || Array.isArray(patch))
      throw new KubectlError(type === 'merge' ? 'Invalid JSON Patch' : 'invalid JSON document');
    next = type === 'merge' ? mergePatch(current, patch) : strategicMergePatch(current, patch);
  }
  const kind = (next as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !resourceForKind(kind))
    throw new KubectlError(`no kind "${String(kind)}" is registered for version "v1" in scheme`);
  let decoded: KubeObject;
  try {
    decoded = decodeObjectWarn<KubeObject>(next as Record<string, unknown>, 'json').obj;
  } catch (e) {
    if (e instanceof DecodeError) throw new KubectlError(e.detail);
    throw e;
  }
  // Read into a Go struct, the object has a creation time again: the zero one, printed as null.
  return { ...decoded, metadata: { creationTimestamp: null, ...decoded.metadata } } as KubeObject;
}

/**
 * A JSON patch as the override applies it (evanphx/json-patch v5): each operation in turn, its
 * failure named with the operation and its path (`error in remove for path: '/x': ...`).
 */
function jsonPatchEach(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw new KubectlError(
      `json: cannot unmarshal ${ops === null ? 'null' : typeof ops === 'boolean' ? 'bool' : typeof ops} into Go value of type jsonpatch.Patch`,
    );
  let out = doc;
  for (const op of ops) {
    try {
      out = jsonPatch(out, [op]);
    } catch (e) {
      if (!(e instanceof PatchError)) throw e;
      const { op: kind, path } = (op ?? {}) as { op?: unknown; path?: unknown };
      if (typeof kind !== 'string' || typeof path !== 'string') throw new KubectlError(e.message);
      // A parent that is not there is named without the wrapping (replace leaves its path unquoted).
      if (e.message.startsWith('doc is missing path'))
        throw new KubectlError(
          `${kind} operation does not apply: doc is missing path: ${kind === 'replace' ? path : JSON.stringify(path)}: missing value`,
        );
      throw new KubectlError(`error in ${kind} for path: '${path}': ${e.message}`);
    }
  }
  return out;
}

/** The ClusterIP Service --expose creates (the expose generator's, given run's parameters). */
function generateService(ctx: CommandContext, name: string): Service {
  const labelsFlag = flagString(ctx.args, 'labels') ?? '';
  const labels = labelsFlag ? parseGeneratorLabels(labelsFlag) : undefined;
  const port = atoiPort(flagString(ctx.args, 'port')!);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, creationTimestamp: null, ...(labels ? { labels } : {}) },
    spec: {
      ports: [{ protocol: 'TCP', port, targetPort: port }],
      selector: labels ?? { run: name },
    },
    status: { loadBalancer: {} },
  } as unknown as Service;
}

/**
 * createGeneratedObject: --record's and --save-config's annotations, then the create (unless a
 * client dry run, which only sets the namespace given with -n). Returns what to print.
 */
function createGenerated(ctx: CommandContext, generated: KubeObject): KubeObject {
  const mode = dryRunMode(ctx);
  let obj = generated;
  if (flagBool(ctx.args, 'record')) {
    const annotations = {
      ...obj.metadata.annotations,
      [ChangeCauseAnnotation]: changeCause(ctx, runCommand.flags),
    };
    obj = { ...obj, metadata: { ...obj.metadata, annotations } };
  }
  if (mode === 'client')
    return ctx.namespaceExplicit ? { ...obj, metadata: { ...obj.metadata, namespace: ctx.namespace } } : obj;
  obj = withSavedConfig(ctx, obj, obj);
  const { creationTimestamp: _, ...metadata } = obj.metadata as KubeObject['metadata'] & {
    creationTimestamp?: unknown;
  };
  const clean = { ...obj, metadata } as KubeObject;
  if (clean.kind === 'Service') return createGeneratedService(ctx, clean as Service);
  const p = prepareCreate(ctx.cluster, clean, ctx.namespace);
  return mode === 'none'
    ? commitCreate(ctx.cluster, p)
    : dryRunWrite(ctx.cluster, (copy) => commitCreate(copy, p));
}

function runRun(ctx: CommandContext): number {
  const image = flagString(ctx.args, 'image');
  if (image === undefined) throw new KubectlError('required flag(s) "image" not set');
  const timeout = flagString(ctx.args, 'pod-running-timeout');
  if (timeout !== undefined && !((parseDuration(timeout) ?? 0) > 0))
    throw new UsageError('--pod-running-timeout must be higher than zero', USAGE_PATH);
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const [name, ...args] = ctx.args.positional;
  if (name === undefined) throw new UsageError('NAME is required for run', USAGE_PATH);
  if (image === '') throw new KubectlError('--image is required');
  if (!IMAGE_REFERENCE.test(image))
    throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
  const stdin = flagBool(ctx.args, 'stdin');
  if (flagBool(ctx.args, 'tty') && !stdin)
    throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', USAGE_PATH);
  const expose = flagBool(ctx.args, 'expose');
  if (expose && !flagString(ctx.args, 'port'))
    throw new UsageError('--port must be set when exposing a service', USAGE_PATH);
  const restart = flagString(ctx.args, 'restart') ?? 'Always';
  restartPolicyOf(restart, stdin);
  // --attach defaults to -i's value.
  const attach = ctx.args.flags.has('attach') ? flagBool(ctx.args, 'attach') : stdin;
  if (!attach && flagBool(ctx.args, 'rm'))
    throw new UsageError('--rm should only be used for attached containers', USAGE_PATH);
  if (attach && mode !== 'none')
    throw new UsageError(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      USAGE_PATH,
    );
  const pullPolicy = flagString(ctx.args, 'image-pull-policy') ?? '';
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pullPolicy))
    throw new UsageError(`invalid image pull policy: ${pullPolicy}`, USAGE_PATH);
  if (attach)
    throw new KubectlError(
      'kubectl run --attach is not simulated in Rollout Lab: the simulated containers have no terminal to attach to (-i and -t attach too); leave them out to start the pod',
    );

  const pod = applyOverrides(ctx, generatePod(ctx, name, args, restart || 'Always'));
  const createdPod = createGenerated(ctx, pod);
  const printer = format ? new TypedPrinter(format) : undefined;
  const line = (obj: KubeObject) =>
    printer
      ? printer.print(obj)
      : `${kindSlashName(resourceForKind(obj.kind)!, obj.metadata.name)} created${dryRunSuffix(mode)}\n`;
  let failed: unknown;
  if (expose) {
    try {
      ctx.out(line(createGenerated(ctx, generateService(ctx, name))));
      if (format?.type === 'yaml') ctx.out('---\n');
    } catch (e) {
      failed = e;
    }
  }
  ctx.out(line(createdPod));
  if (failed !== undefined) {
    // The pod stays created, as it does when kubectl's Service create fails after it.
    ctx.keepWrites();
    throw failed;
  }
  return 0;
}

const UNSIMULATED_FLAGS: Record<string, string> = {
  kustomize: 'there are no kustomization directories here',
};

const help = commandOfHelp('run');

export const runCommand: Command = {
  ...help,
  flags: [
    ...help.flags.map((f) => {
      const why = UNSIMULATED_FLAGS[f.name];
      return why ? { ...f, unsimulated: why } : f;
    }),
    {
      name: 'record',
      type: 'bool',
      deprecated: '--record will be removed in the future',
      help: 'Record current kubectl command in the resource annotation. (deprecated)',
    },
  ],
  run: runRun,
};
