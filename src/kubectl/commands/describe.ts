/**
 * `kubectl describe TYPE [NAME_PREFIX | -l label] | TYPE/NAME`: an exact name first, else every
 * object whose name starts with it (DescribeMatchingResources); several descriptions are separated
 * by a blank line.
 */
import type { KubeObject } from '../../k8s/types.ts';
import { type Command, type CommandContext, KubectlError, PrintedError, notFound } from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import { describeObject } from '../printers/describe.ts';
import {
  CHUNK_SIZE_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
} from './flags.ts';
import {
  checkListSelectors,
  getResource,
  listResource,
  resolveTargetsWithAll,
  targetsFromFiles,
  type FileTarget,
  warnIfEndpoints,
  noResourcesFound,
} from './objects.ts';

function runDescribe(ctx: CommandContext): number {
  const fromFiles = flagAll(ctx.args, 'filename').length > 0;
  if (ctx.args.positional.length === 0 && !fromFiles)
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (fromFiles && ctx.args.positional.length)
    throw new KubectlError(
      'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    );
  const allNamespaces = flagBool(ctx.args, 'all-namespaces');
  const selectorText = flagString(ctx.args, 'selector');
  const showEvents = flagBool(ctx.args, 'show-events', true);
  // -f: the objects the manifests name, each in its manifest's namespace.
  const targets: FileTarget[] = fromFiles
    ? targetsFromFiles(ctx, 'describe')
    : resolveTargetsWithAll(ctx.args.positional, false, Boolean(selectorText?.trim())).targets;
  warnIfEndpoints(ctx, targets);
  const { matches } = checkListSelectors(
    targets.filter((t) => t.names.length === 0).map((t) => t.info),
    selectorText,
    undefined,
  );
  const found: KubeObject[] = [];
  const errors: string[] = [];
  let named = false;
  for (const t of targets) {
    if (t.names.length === 0) {
      found.push(
        ...listResource(ctx.cluster, t.info, allNamespaces ? undefined : ctx.namespace).filter(matches),
      );
      continue;
    }
    named = true;
    for (const name of t.names) {
      const obj = getResource(ctx.cluster, t.info, t.ns ?? ctx.namespace, name);
      if (obj) found.push(obj);
      else errors.push(notFound(t.info, name, t.ns ?? ctx.namespace).message);
    }
  }
  const describe = (obj: KubeObject) => {
    const text = describeObject(ctx.cluster, obj);
    return showEvents ? text : text.replace(/Events:(\t<none>|[\s\S]*)$/, '').replace(/\n?$/, '\n');
  };
  // DescribeMatchingResources: two arguments whose one lookup failed, NotFound; nothing else
  // is described then.
  const [resource, prefix] = ctx.args.positional;
  if (ctx.args.positional.length === 2 && errors.length === 1)
    return describeMatching(ctx, resource!, prefix!, errors[0]!, describe);
  const texts = found.map(describe);
  if (texts.length) ctx.out(texts.join('\n\n'));
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  if (texts.length === 0 && !named) ctx.err(noResourcesFound(allNamespaces ? undefined : ctx.namespace));
  return 0;
}

/**
 * DescribeMatchingResources: what the first argument alone selects (one type, or one object), each
 * whose name starts with the second argument, each followed by a blank line; none is the lookup's
 * error.
 */
function describeMatching(
  ctx: CommandContext,
  resource: string,
  prefix: string,
  notFoundError: string,
  describe: (obj: KubeObject) => string,
): number {
  const { targets } = resolveTargetsWithAll([resource], false);
  if (targets.length > 1) throw new KubectlError('you may only specify a single resource type');
  const [{ info, names }] = targets as [FileTarget];
  let candidates: KubeObject[];
  if (names.length) {
    const obj = getResource(ctx.cluster, info, ctx.namespace, names[0]!);
    if (!obj) throw notFound(info, names[0]!, ctx.namespace);
    candidates = [obj];
  } else candidates = listResource(ctx.cluster, info, ctx.namespace);
  const matching = candidates.filter((o) => o.metadata.name.startsWith(prefix));
  if (matching.length === 0) throw new PrintedError(notFoundError);
  ctx.out(matching.map((o) => `${describe(o)}\n`).join(''));
  return 0;
}

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: 'Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse "kubectl api-resources" for a complete list of supported resources.',
  examples:
    '  # Describe a node\n  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n  \n  # Describe a pod\n  kubectl describe pods/nginx\n  \n  # Describe a pod identified by type and name in "pod.json"\n  kubectl describe -f pod.json\n  \n  # Describe all pods\n  kubectl describe pods\n  \n  # Describe pods by label name=myLabel\n  kubectl describe pods -l name=myLabel\n  \n  # Describe all pods managed by the \'frontend\' replication controller\n  # (rc-created pods get the name of the rc as a prefix in the pod name)\n  kubectl describe pods frontend',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    {
      name: 'show-events',
      type: 'bool',
      default: true,
      help: 'If true, display events related to the described object.',
    },
    CHUNK_SIZE_FLAG,
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'Filename, directory, or URL to files containing the resource to describe',
    },
    KUSTOMIZE_FLAG,
    RECURSIVE_FLAG,
  ],
  run: runDescribe,
};
