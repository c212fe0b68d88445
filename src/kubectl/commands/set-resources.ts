/**
 * `kubectl set resources` (cmd/set/set_resources.go): set the requests and limits of the
 * containers (and init containers) of objects with a pod template.
 *
 * `--limits=cpu=200m,memory=512Mi` and `--requests=…` are parsed as kubectl's
 * HandleResourceRequirementsV1 does (each `name=quantity`, the quantity as resource.ParseQuantity
 * reads it, sent in its canonical form: `0.5` goes as `500m`). The resources named are set on every
 * container the `-c` wildcard selects, the others it has are kept. An object whose requirements
 * already match makes an empty patch, which is not sent; an object none of whose containers match
 * is reported and left alone. The API server validates the result (a request above its limit is
 * refused), as kubectl reports it. `-f` reads the objects from manifests: the live ones, or with
 * `--local` the manifests themselves, printed without contacting the server.
 */
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { canonicalQuantity, parseQuantityStrict } from '../../k8s/quantity.ts';
import { kindSlashName } from '../../k8s/resources.ts';
import type { Container, KubeObject, PodSpec } from '../../k8s/types.ts';
import { ValidationError } from '../../k8s/validation.ts';
import { type Command, type CommandContext, KubectlError, changeCause, dryRunMode } from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { PRINT_FLAGS, TypedPrinter, printFlagsOutput } from '../printers/output.ts';
import {
  KUSTOMIZE_FLAG,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  filenameFlag,
  dryRunSuffix,
} from './flags.ts';
import {
  apiInvalidMessage,
  dryRunFlag,
  podSpecOf,
  withPodSpec,
  selectString,
  visitObjects,
  type Found,
  setFieldManagerFlag,
  LOCAL_RESOURCES,
  noPodTemplate,
  printErrors,
  sendAndPrint,
} from './set-common.ts';

type ResourceList = Record<string, string>;

/**
 * populateResourceListV1: `name=quantity` statements split at `,`, each with exactly one `=`;
 * undefined for an empty spec. The quantities come back canonical, as kubectl sends them.
 */
export function parseResourceList(spec: string): ResourceList | undefined {
  if (spec === '') return undefined;
  const out: ResourceList = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2)
      throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    const err = parseQuantityStrict(parts[1]!);
    if (err) throw new KubectlError(err);
    out[parts[0]!] = canonicalQuantity(parts[1]!);
  }
  return out;
}

/**
 * `list` with `wanted` set over it: a quantity that is already there (in any spelling of the same
 * value) is kept as it is, as the strategic merge patch leaves it. Undefined when nothing changes.
 */
function withQuantities(
  list: Record<string, string | number> | undefined,
  wanted: ResourceList | undefined,
): Record<string, string | number> | undefined {
  if (!wanted) return undefined;
  const out = { ...(list ?? {}) };
  let changed = false;
  for (const [name, q] of Object.entries(wanted)) {
    const current = out[name];
    if (current !== undefined && canonicalQuantity(String(current)) === q) continue;
    out[name] = q;
    changed = true;
  }
  return changed ? out : undefined;
}

/** The PodSpec's init containers, which the simulator's types leave out but keeps. */
type WithInit = PodSpec & { initContainers?: Container[] };

/** The pod spec, with its init containers; a manifest read with --local may have none at all. */
function podSpecOfAny(obj: KubeObject): WithInit | undefined {
  const o = obj as unknown as { spec?: { template?: { spec?: WithInit } } & Partial<WithInit> };
  if (obj.kind === 'Pod' || obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') {
    const spec = obj.kind === 'Pod' ? o.spec : o.spec?.template?.spec;
    if (!spec?.containers) return { ...(spec ?? {}), containers: [] };
  }
  return podSpecOf(obj);
}

function runSetResources(ctx: CommandContext): number {
  // Complete: the record flags, the dry-run strategy, the printer, then the builder's objects.
  const record = flagBool(ctx.args, 'record');
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const printer = format && new TypedPrinter(format);
  const local = flagBool(ctx.args, 'local');
  const positional = ctx.args.positional;
  if (local && positional.length) throw new KubectlError(LOCAL_RESOURCES);
  if (flagAll(ctx.args, 'filename').length && positional.length)
    throw new KubectlError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  const { found, errors: builderErrors } = visitObjects(ctx, positional, local);
  if (builderErrors.length) return printErrors(ctx, builderErrors);
  // Validate.
  if (local && mode === 'server')
    throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (flagBool(ctx.args, 'all') && (flagString(ctx.args, 'selector') ?? '') !== '')
    throw new KubectlError('cannot set --all and --selector at the same time');
  const limitsText = flagString(ctx.args, 'limits') ?? '';
  const requestsText = flagString(ctx.args, 'requests') ?? '';
  if (limitsText === '' && requestsText === '')
    throw new KubectlError(
      'you must specify an update to requests or limits (in the form of --requests/--limits)',
    );
  const limits = parseResourceList(limitsText);
  const requests = parseResourceList(requestsText);
  const containerSpec = flagString(ctx.args, 'containers') ?? '*';

  // Run: every object's patch first (an object without matching containers is reported then),
  // then each patch sent in turn.
  const errors: string[] = [];
  const patches: { t: Found; next?: KubeObject; error?: string }[] = [];
  for (const t of found) {
    const spec = podSpecOfAny(t.obj);
    if (!spec) {
      patches.push({ t, error: noPodTemplate(t) });
      continue;
    }
    let matched = false;
    let changed = false;
    const update = (containers: Container[] | undefined): Container[] | undefined =>
      containers?.map((c) => {
        if (!selectString(c.name, containerSpec)) return c;
        matched = true;
        const nextLimits = withQuantities(c.resources?.limits, limits);
        const nextRequests = withQuantities(c.resources?.requests, requests);
        if (!nextLimits && !nextRequests) return c;
        changed = true;
        const resources = { ...(c.resources ?? {}) };
        if (nextLimits) resources.limits = nextLimits as Record<string, string>;
        if (nextRequests) resources.requests = nextRequests as Record<string, string>;
        return { ...c, resources };
      });
    const containers = update(spec.containers)!;
    const initContainers = update(spec.initContainers);
    if (!matched) {
      errors.push(`error: unable to find container named ${containerSpec}`);
      continue;
    }
    let next = changed
      ? withPodSpec(t.obj, { ...spec, containers, ...(initContainers ? { initContainers } : {}) })
      : t.obj;
    if (record) {
      const cause = changeCause(ctx, setResourcesCommand.flags);
      if (next.metadata.annotations?.[ChangeCauseAnnotation] !== cause) {
        changed = true;
        next = {
          ...next,
          metadata: {
            ...next.metadata,
            annotations: { ...(next.metadata.annotations ?? {}), [ChangeCauseAnnotation]: cause },
          },
        };
      }
    }
    // An unchanged object makes an empty patch, which kubectl does not send.
    if (changed) patches.push({ t, next });
  }

  const suffix = dryRunSuffix(mode);
  const line = (t: Found) => `${kindSlashName(t.info, t.name)} resource requirements updated${suffix}\n`;
  for (const { t, next, error } of patches) {
    if (error || !next) {
      errors.push(error!);
      continue;
    }
    try {
      sendAndPrint(ctx, mode, local, printer, next, line(t));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors.push(`failed to patch resources update to pod template ${apiInvalidMessage(t.info, e)}`);
    }
  }
  // The objects it could change stay changed.
  if (errors.length) ctx.keepWrites();
  return printErrors(ctx, errors);
}

export const setResourcesCommand: Command = {
  name: 'resources',
  short: 'Update resource requests/limits on objects with pod templates',
  long: 'Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.\n\n For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.\n\n Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..',
  examples:
    '  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"\n  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi\n  \n  # Set the resource request and limits for all containers in nginx\n  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi\n  \n  # Remove the resource requests for resources on containers in nginx\n  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0\n  \n  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server\n  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml',
  usage:
    'kubectl set resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS] [options]',
  flags: [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    {
      name: 'all',
      type: 'bool',
      help: 'Select all resources, in the namespace of the specified resource types',
    },
    {
      name: 'containers',
      short: 'c',
      type: 'string',
      default: '*',
      help: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards',
    },
    dryRunFlag,
    setFieldManagerFlag,
    filenameFlag('Filename, directory, or URL to files identifying the resource to get from a server.'),
    KUSTOMIZE_FLAG,
    {
      name: 'limits',
      type: 'string',
      help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
    },
    {
      name: 'local',
      type: 'bool',
      help: 'If true, set resources will NOT contact api-server but run locally.',
    },
    RECURSIVE_FLAG,
    {
      name: 'requests',
      type: 'string',
      help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges.",
    },
    SELECTOR_FLAG,
  ],
  run: runSetResources,
};
