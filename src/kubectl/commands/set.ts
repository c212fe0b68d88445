/**
 * `kubectl set image` and `kubectl set selector` (cmd/set/set_image.go, set_selector.go).
 *
 * `set image TYPE/NAME CONTAINER=IMAGE…` (or `*=IMAGE`) sends a strategic merge patch of the
 * containers' images; nothing is written or printed for an object whose images already match. The
 * API server validates the result, so `nodejs=` (an empty image) is refused with its own
 * Required-value error, as kubectl reports it. `set selector TYPE NAME SELECTOR` replaces a
 * Service's selector.
 */
import { ChangeCauseAnnotation } from '../../cluster/controllers/deployment/util.ts';
import { parseLabelSelector } from '../../k8s/selector.ts';
import { groupResource, kindSlashName } from '../../k8s/resources.ts';
import type { Container, KubeObject, Service } from '../../k8s/types.ts';
import { ValidationError } from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  changeCause,
  dryRunMode,
  getOrThrow,
} from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { TypedPrinter, printFlagsOutput } from '../printers/output.ts';
import {
  KUSTOMIZE_FLAG,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  filenameFlag,
  dryRunSuffix,
} from './flags.ts';
import { resourcesAndPairs } from './annotate.ts';
import { subcommandsOnly } from './parent.ts';
import { unsimulatedCommand } from './unsimulated.ts';
import { setEnvCommand } from './set-env.ts';
import { setResourcesCommand } from './set-resources.ts';
import {
  apiInvalidMessage,
  builderTargets,
  dryRunFlag,
  outputFlag,
  podSpecOf,
  printErrors,
  withPodSpec,
  templateFlags,
  setFieldManagerFlag,
  visitObjects,
  type Found,
  LOCAL_RESOURCES,
  noPodTemplate,
  sendAndPrint,
} from './set-common.ts';

function runSetImage(ctx: CommandContext): number {
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const printer = format && new TypedPrinter(format);
  const record = flagBool(ctx.args, 'record');
  // Complete: the pairs, then the objects; Validate: what is missing.
  const [resources, pairs] = resourcesAndPairs(ctx.args.positional, 'image');
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) {
      const i = p.indexOf('=');
      images.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`);
  const local = flagBool(ctx.args, 'local');
  const fromFiles = flagAll(ctx.args, 'filename').length > 0;
  // --local reads only files; -f and named objects do not go together.
  if (local && resources.length) throw new KubectlError(LOCAL_RESOURCES);
  if (fromFiles && resources.length)
    throw new KubectlError('resource/name arguments cannot be provided when a path is specified');
  const targets = fromFiles || local ? [] : builderTargets(ctx, resources);
  // Complete reads every object before Validate looks at the flags and pairs: one missing (a
  // container name typed without its image is a name too), and that is the error; nothing is
  // changed.
  const errors: string[] = [];
  const found: Found[] = [];
  if (fromFiles || local) {
    const visited = visitObjects(ctx, resources, local);
    found.push(...visited.found);
    errors.push(...visited.errors);
  } else
    for (const t of targets) {
      try {
        found.push({ ...t, obj: getOrThrow<KubeObject>(ctx, t.info, t.name) });
      } catch (e) {
        if (e instanceof PrintedError) errors.push(e.message);
        else throw e;
      }
    }
  if (errors.length) return printErrors(ctx, errors);

  const problems: string[] = [];
  if (flagBool(ctx.args, 'all') && flagString(ctx.args, 'selector') !== undefined)
    problems.push('cannot set --all and --selector at the same time');
  if (local && mode === 'server')
    problems.push('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (images.size === 0) problems.push('at least one image update is required');
  else if (images.size > 1 && images.has('*'))
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  if (problems.length)
    throw new KubectlError(problems.length === 1 ? problems[0]! : `[${problems.join(', ')}]`);
  const suffix = dryRunSuffix(mode);
  // As kubectl computes every patch before it sends any: the containers it could not find come
  // first among the errors, then each object's own, in order.
  const patches: { t: Found; next?: KubeObject; error?: string }[] = [];
  for (const t of found) {
    const spec = podSpecOf(t.obj);
    if (!spec) {
      patches.push({ t, error: noPodTemplate(t) });
      continue;
    }
    let changed = false;
    const containers: Container[] = spec.containers.map((c) => ({ ...c }));
    for (const [cname, image] of images) {
      const matches = containers.filter((c) => cname === '*' || c.name === cname);
      if (matches.length === 0) errors.push(`error: unable to find container named "${cname}"`);
      for (const c of matches) {
        if (c.image !== image) changed = true;
        c.image = image;
      }
    }
    // An unchanged object makes an empty patch, which kubectl does not send.
    if (!changed) continue;
    let next = withPodSpec(t.obj, { ...spec, containers });
    if (record)
      next = {
        ...next,
        metadata: {
          ...next.metadata,
          annotations: {
            ...(next.metadata.annotations ?? {}),
            [ChangeCauseAnnotation]: changeCause(ctx, setImageCommand.flags),
          },
        },
      };
    patches.push({ t, next });
  }
  for (const { t, next, error } of patches) {
    if (!next) {
      errors.push(error!);
      continue;
    }
    try {
      sendAndPrint(
        ctx,
        mode,
        local,
        printer,
        next,
        `${kindSlashName(t.info, t.name)} image updated${suffix}\n`,
      );
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors.push(`failed to patch image update to pod template: ${apiInvalidMessage(t.info, e)}`);
    }
  }
  // The objects it could change stay changed.
  if (errors.length) ctx.keepWrites();
  return printErrors(ctx, errors);
}

/** `set selector`: the last argument is the selector, replacing a Service's whole selector. */
function runSetSelector(ctx: CommandContext): number {
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const printer = format && new TypedPrinter(format);
  const args = ctx.args.positional;
  if (args.length === 0) throw new KubectlError('one selector is required');
  const text = args[args.length - 1]!;
  const parsed = parseLabelSelector(text);
  if (!parsed.ok) throw new KubectlError(parsed.error);
  const resources = args.slice(0, -1);
  const local = flagBool(ctx.args, 'local');
  if (local && resources.length) throw new KubectlError(LOCAL_RESOURCES);
  // The objects named (each read as it comes), or those of -f (all read first, as set image reads them).
  let items: (Found | { error: string })[];
  if (local || flagAll(ctx.args, 'filename').length) {
    const visited = visitObjects(ctx, resources, local);
    if (visited.errors.length) return printErrors(ctx, visited.errors);
    items = visited.found;
  } else
    items = builderTargets(ctx, resources).map((t) => {
      try {
        return { ...t, obj: getOrThrow<KubeObject>(ctx, t.info, t.name) };
      } catch (e) {
        if (e instanceof PrintedError) return { error: e.message };
        throw e;
      }
    });
  const resourceVersion = flagString(ctx.args, 'resource-version') ?? '';
  const errors: string[] = [];
  const suffix = dryRunSuffix(mode);
  for (const t of items) {
    if ('error' in t) {
      errors.push(t.error);
      continue;
    }
    const { obj } = t;
    try {
      if (t.info.kind !== 'Service') {
        errors.push('setting a selector is only supported for Services');
        continue;
      }
      const expressions = parsed.selector.matchExpressions ?? [];
      if (expressions.length)
        throw new KubectlError(
          `match expression [${expressions.map((r) => `{${r.key} ${r.operator} [${(r.values ?? []).join(' ')}]}`).join(' ')}] not supported on this object`,
        );
      if (
        !local &&
        mode !== 'client' &&
        resourceVersion !== '' &&
        resourceVersion !== obj.metadata.resourceVersion
      )
        throw new PrintedError(
          `Error from server (Conflict): Operation cannot be fulfilled on ${groupResource(t.info)} "${t.name}": the object has been modified; please apply your changes to the latest version and try again`,
        );
      const svc = obj as Service;
      const next: Service = {
        ...svc,
        spec: { ...svc.spec, selector: { ...(parsed.selector.matchLabels ?? {}) } },
      };
      sendAndPrint(
        ctx,
        mode,
        local,
        printer,
        next,
        `${kindSlashName(t.info, t.name)} selector updated${suffix}\n`,
      );
    } catch (e) {
      if (e instanceof KubectlError) errors.push(e.message);
      else if (e instanceof PrintedError) errors.push(e.message);
      else throw e;
    }
  }
  if (errors.length) ctx.keepWrites();
  return printErrors(ctx, errors);
}

export const setImageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: 'Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)',
  examples:
    "  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'\n  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1\n  \n  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'\n  kubectl set image deployments,rc nginx=nginx:1.9.1 --all\n  \n  # Update image of all containers of daemonset abc to 'nginx:1.9.1'\n  kubectl set image daemonset abc *=nginx:1.9.1\n  \n  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server\n  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml",
  usage:
    'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  // -R changes nothing here (the simulated files have no directories), nor --field-manager and
  // --show-managed-fields (the simulated API server records no managedFields); -k says so.
  flags: [
    RECORD_FLAG,
    dryRunFlag,
    outputFlag,
    {
      name: 'all',
      type: 'bool',
      help: 'Select all resources, in the namespace of the specified resource types',
    },
    SELECTOR_FLAG,
    ...templateFlags,
    setFieldManagerFlag,
    filenameFlag('Filename, directory, or URL to files identifying the resource to get from a server.'),
    KUSTOMIZE_FLAG,
    {
      name: 'local',
      type: 'bool',
      help: 'If true, set image will NOT contact api-server but run locally.',
    },
    RECURSIVE_FLAG,
  ],
  run: runSetImage,
};

export const setSelectorCommand: Command = {
  name: 'selector',
  short: 'Set the selector on a resource',
  long: "Set the selector on a resource. Note that the new selector will overwrite the old selector if the resource had one prior to the invocation of 'set selector'.\n\n A selector must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters. If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used. Note: currently selectors can only be set on Service objects.",
  examples:
    '  # Set the labels and selector before creating a deployment/service pair\n  kubectl create service clusterip my-svc --clusterip="None" -o yaml --dry-run=client | kubectl set selector --local -f - \'environment=qa\' -o yaml | kubectl create -f -\n  kubectl create deployment my-dep -o yaml --dry-run=client | kubectl label --local -f - environment=qa -o yaml | kubectl create -f -',
  usage: 'kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]',
  // As for set image: -R, --field-manager and --show-managed-fields change nothing here.
  flags: [
    dryRunFlag,
    outputFlag,
    {
      name: 'all',
      type: 'bool',
      help: 'Select all resources in the namespace of the specified resource types',
    },
    {
      name: 'resource-version',
      type: 'string',
      help: 'If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.',
    },
    ...templateFlags,
    setFieldManagerFlag,
    filenameFlag('identifying the resource.'),
    {
      name: 'local',
      type: 'bool',
      help: 'If true, annotation will NOT contact api-server but run locally.',
    },
    { ...RECURSIVE_FLAG, default: true },
  ],
  run: runSetSelector,
};

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  // kubectl prints this help on stderr.
  run: subcommandsOnly(['set'], 'err', () => setCommand),
  // In name order, as kubectl lists them.
  subcommands: [
    setEnvCommand,
    setImageCommand,
    setResourcesCommand,
    setSelectorCommand,
    unsimulatedCommand('set serviceaccount', 'the simulated cluster has no service accounts to choose'),
    unsimulatedCommand('set subject', 'the simulated cluster has no RBAC'),
  ].sort((a, b) => (a.name < b.name ? -1 : 1)),
};
