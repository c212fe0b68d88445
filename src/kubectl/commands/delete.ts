/**
 * `kubectl delete TYPE NAME… | TYPE/NAME | -f FILE | TYPE -l SELECTOR | TYPE --all`: prints
 * `deployment.apps "kubia" deleted`, then (with `--wait`, the default) waits until the objects are
 * gone. Running pods stay Terminating for their grace period; a ReplicaSet replaces them.
 */
import { groupResource, kindGroup, resolveResource, type ResourceInfo } from '../../k8s/resources.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { parseManifests } from '../../k8s/yaml.ts';
import { FOREGROUND_UNSIMULATED, hasDependents } from '../../cluster/api.ts';
import {
  type Command,
  type CommandContext,
  type WatchSession,
  KubectlError,
  notFound,
  dryRunMode,
} from '../command.ts';
import { flagBool, flagInt, flagString, goBool, parseDuration } from '../parse.ts';
import { readSources } from './apply.ts';
import {
  DRY_RUN_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  dryRunSuffix,
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
} from './flags.ts';
import {
  getResource,
  listResource,
  listSelection,
  resolveTargetsWithAll,
  NO_RESOURCES,
  noResourcesFound,
} from './objects.ts';

/**
 * GetCascadingStrategy: background, foreground or orphan; a boolean still works, with a warning
 * (`false` orphans). Read before anything else the command does (DeleteFlags.ToOptions).
 */
function cascadingStrategy(ctx: CommandContext): 'background' | 'foreground' | 'orphan' {
  const value = flagString(ctx.args, 'cascade') ?? 'background';
  if (value === 'background' || value === 'foreground' || value === 'orphan') return value;
  const b = goBool(value);
  if (b === undefined)
    throw new KubectlError(
      `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
    );
  const instead = b ? 'background' : 'orphan';
  ctx.err(
    `warning: --cascade=${b} is deprecated (boolean value) and can be replaced with --cascade=${instead}.\n`,
  );
  return instead;
}

function runDelete(ctx: CommandContext): number | WatchSession {
  const cascade = cascadingStrategy(ctx);
  const selectorText = flagString(ctx.args, 'selector');
  const fieldText = flagString(ctx.args, 'field-selector');
  const allNamespaces = flagBool(ctx.args, 'all-namespaces');
  const all = flagBool(ctx.args, 'all');
  const ignoreNotFound = flagBool(ctx.args, 'ignore-not-found');
  /** Named objects not found, which --ignore-not-found passes over. */
  let ignored = 0;
  const force = flagBool(ctx.args, 'force');
  const now = flagBool(ctx.args, 'now');
  // Complete: --now is a grace period of 1; 0 needs --force (else it is 1, so nothing is lost by
  // accident); --force alone is 0.
  let grace = flagInt(ctx.args, 'grace-period') ?? -1;
  if (now) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const mode = dryRunMode(ctx);
  // Validate.
  const output = flagString(ctx.args, 'output') ?? '';
  if (output !== '' && output !== 'name')
    throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (force && grace === 0)
    ctx.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  if (force && grace > 0)
    throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  const wait = flagBool(ctx.args, 'wait', true) && mode === 'none';
  const files = ctx.args.flags.get('filename') ?? [];

  /**
   * What the builder visits, in order: a name (from the line or a manifest), or a resource type's
   * list. Each is looked up when its turn comes, after the deletions before it were answered, as
   * kubectl's builder asks for each list lazily: `delete deploy,rs --all` finds no ReplicaSets
   * left once the garbage collector has taken the Deployments'.
   */
  type Visit =
    | { info: ResourceInfo; name: string; namespace: string; notFound: () => string }
    | { info: ResourceInfo; refused: string | undefined };
  const visits: Visit[] = [];
  let matches: (o: KubeObject) => boolean = () => true;
  if (files.length) {
    if (ctx.args.positional.length)
      throw new KubectlError(
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      );
    for (const src of readSources(ctx, 'delete'))
      for (const raw of parseManifests(src.text, src.name, true)) {
        const info = resolveResource(String(raw['kind'] ?? ''));
        if (!info) throw new KubectlError(`the server doesn't have a resource type "${String(raw['kind'])}"`);
        const meta = (raw['metadata'] ?? {}) as Record<string, unknown>;
        const name = String(meta['name'] ?? '');
        const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : ctx.namespace;
        visits.push({
          info,
          name,
          namespace,
          notFound: () =>
            `Error from server (NotFound): error when deleting "${src.name}": ${groupResource(info)} "${name}" not found`,
        });
      }
  } else {
    if (ctx.args.positional.length === 0) throw new KubectlError(NO_RESOURCES);
    const { targets } = resolveTargetsWithAll(
      ctx.args.positional,
      false,
      Boolean(selectorText || fieldText || all),
    );
    const named = targets.some((t) => t.names.length > 0);
    if (named && allNamespaces)
      throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    if (!named && all && (selectorText || fieldText))
      throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
    if (!named && !selectorText && !fieldText && !all)
      throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const t of targets)
      if (t.info.kind === 'Node' || t.info.kind === 'Namespace' || t.info.kind === 'Event')
        // The simulated cluster keeps its nodes and namespaces.
        throw new KubectlError(`deleting ${t.info.plural} is not supported in Rollout Lab`);
    // Each list is asked for on its own: one the server refuses is reported, the others deleted.
    const selection = listSelection(
      targets.map((t) => t.info),
      selectorText,
      fieldText,
    );
    matches = selection.matches;
    for (const t of targets) {
      if (t.names.length)
        for (const name of t.names)
          visits.push({
            info: t.info,
            name,
            namespace: ctx.namespace,
            notFound: () => notFound(t.info, name, ctx.namespace).message,
          });
      else {
        visits.push({ info: t.info, refused: selection.refusalOf(t.info)?.message });
      }
    }
  }
  // Like kubectl's visit (ContinueOnError): what is found is deleted, what is not is reported
  // after, and then it does not wait.
  const operation = (force && grace === 0 ? 'force deleted' : 'deleted') + dryRunSuffix(mode);
  const victims: { info: ResourceInfo; obj: KubeObject }[] = [];
  const errors: string[] = [];
  const remove = (info: ResourceInfo, obj: KubeObject) => {
    victims.push({ info, obj });
    // The served API refuses what the simulated garbage collector cannot do (see api.ts).
    if (cascade === 'foreground' && mode !== 'client' && hasDependents(ctx.cluster.store, obj)) {
      errors.push(`Error from server (BadRequest): ${FOREGROUND_UNSIMULATED}`);
      return;
    }
    // One DELETE per object, as kubectl sends them: the controllers answer each before the next
    // (a ReplicaSet replaces the first pod before the second goes), as they do for the served API.
    if (mode === 'none') {
      ctx.cluster.delete(
        info.kind,
        obj.metadata.namespace,
        obj.metadata.name,
        grace >= 0 ? grace : undefined,
        cascade === 'orphan',
      );
      ctx.cluster.settle();
    }
    const kind = kindGroup(info);
    ctx.out(
      output === 'name' ? `${kind}/${obj.metadata.name}\n` : `${kind} "${obj.metadata.name}" ${operation}\n`,
    );
  };
  for (const v of visits) {
    if ('name' in v) {
      // A name is deleted without a look: a DELETE that finds nothing, which --ignore-not-found
      // takes in silence.
      const obj = getResource(ctx.cluster, v.info, v.namespace, v.name);
      if (obj) remove(v.info, obj);
      else if (ignoreNotFound) ignored++;
      else errors.push(v.notFound());
    } else if (v.refused) errors.push(v.refused);
    else
      for (const obj of listResource(ctx.cluster, v.info, allNamespaces ? undefined : ctx.namespace))
        if (matches(obj)) remove(v.info, obj);
  }
  // Only a visit that finds nothing at all says so.
  if (errors.length === 0 && victims.length === 0 && ignored === 0) {
    ctx.out(noResourcesFound());
    return 0;
  }
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    ctx.keepWrites();
    return 1;
  }
  ctx.cluster.settle();
  const gone = () =>
    victims.every((v) => {
      const cur = ctx.cluster.store.get(v.info.kind, v.obj.metadata.namespace, v.obj.metadata.name);
      return !cur || cur.metadata.uid !== v.obj.metadata.uid;
    });
  if (!wait || gone()) return 0;
  const timeoutText = flagString(ctx.args, 'timeout') ?? '0s';
  const timeout = parseDuration(timeoutText) ?? 0;
  const deadline = timeout > 0 ? ctx.cluster.now + timeout : Number.POSITIVE_INFINITY;
  let done = false;
  let exitCode = 0;
  return {
    get done() {
      return done;
    },
    get exitCode() {
      return exitCode;
    },
    deadline,
    onChange() {
      if (!done && gone()) done = true;
    },
    onTick() {
      if (!done && gone()) done = true;
    },
    expire() {
      if (done) return;
      done = true;
      exitCode = 1;
      const v = victims.find((x) =>
        ctx.cluster.store.get(x.info.kind, x.obj.metadata.namespace, x.obj.metadata.name),
      );
      ctx.err(
        `error: timed out waiting for the condition on ${v ? `${v.info.plural}/${v.obj.metadata.name}` : 'resources'}\n`,
      );
    },
  };
}

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\n JSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\n Some resources, such as pods, support graceful deletion. These resources define a default period before they are forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take significantly longer than the grace period. To force delete a resource, you must specify the --force flag. Note: only a subset of resources support graceful deletion. In absence of the support, the --grace-period flag is ignored.\n\n IMPORTANT: Force deleting pods does not wait for confirmation that the pod\'s processes have been terminated, which can leave those processes running until the node detects the deletion and completes graceful deletion. If your processes use shared storage or talk to a remote API and depend on the name of the pod to identify themselves, force deleting those pods may result in multiple processes running on different machines using the same identification which may lead to data corruption or inconsistency. Only force delete pods when you are sure the pod is terminated, or if your application can tolerate multiple copies of the same pod running at once. Also, if you force delete pods, the scheduler may place new pods on those nodes before the node has released those resources and causing those pods to be evicted immediately.\n\n Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right when you submit a delete, their update will be lost along with the rest of the resource.\n\n After a CustomResourceDefinition is deleted, invalidation of discovery cache may take up to 6 hours. If you don\'t want to wait, you might want to run "kubectl api-resources" to refresh the discovery cache.',
  examples:
    '  # Delete a pod using the type and name specified in pod.json\n  kubectl delete -f ./pod.json\n  \n  # Delete resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl delete -k dir\n  \n  # Delete resources from all files that end with \'.json\'\n  kubectl delete -f \'*.json\'\n  \n  # Delete a pod based on the type and name in the JSON passed into stdin\n  cat pod.json | kubectl delete -f -\n  \n  # Delete pods and services with same names "baz" and "foo"\n  kubectl delete pod,service baz foo\n  \n  # Delete pods and services with label name=myLabel\n  kubectl delete pods,services -l name=myLabel\n  \n  # Delete a pod with minimal delay\n  kubectl delete pod foo --now\n  \n  # Force delete a pod on a dead node\n  kubectl delete pod foo --force\n  \n  # Delete all pods\n  kubectl delete pods --all\n  \n  # Delete all pods only if the user confirms the deletion\n  kubectl delete pods --all --interactive',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', help: 'containing the resource to delete.' },
    SELECTOR_FLAG,
    {
      name: 'all',
      type: 'bool',
      help: 'Delete all resources, in the namespace of the specified resource types.',
    },
    {
      name: 'grace-period',
      type: 'int',
      default: -1,
      help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
    },
    {
      name: 'now',
      type: 'bool',
      help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    },
    {
      name: 'force',
      type: 'bool',
      help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
    },
    {
      name: 'wait',
      type: 'bool',
      default: true,
      help: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
    },
    {
      name: 'timeout',
      type: 'duration',
      help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      help: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.',
    },
    {
      name: 'cascade',
      type: 'string',
      default: 'background',
      noOptDefault: 'background',
      help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
    DRY_RUN_FLAG,
    {
      name: 'output',
      short: 'o',
      type: 'string',
      help: 'Output mode. Use "-o name" for shorter output (resource/name).',
    },
    ALL_NAMESPACES_FLAG,
    FIELD_SELECTOR_FLAG,
    {
      name: 'interactive',
      short: 'i',
      type: 'bool',
      help: 'If true, delete resource only when user confirms.',
      unsimulated: 'the console cannot ask for a confirmation',
    },
    {
      name: 'kustomize',
      short: 'k',
      type: 'string',
      help: "Process a kustomization directory. This flag can't be used together with -f or -R.",
      unsimulated: 'there are no kustomization directories here',
    },
    {
      name: 'raw',
      type: 'string',
      help: 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.',
      unsimulated: 'the simulated API server is reached through kubectl commands only',
    },
    RECURSIVE_FLAG,
  ],
  run: runDelete,
};
