/**
 * `kubectl get`: tables per kind (with `kind/name` prefixes and blank lines between kinds when
 * several are shown), `-o wide|yaml|json|name|jsonpath=…|custom-columns=…`, `-l`, `--show-labels`,
 * `-A`, and `-w`, which prints a row for every change from then on.
 */
import type { ResourceInfo } from '../../k8s/resources.ts';
import type { KubeEvent, KubeObject } from '../../k8s/types.ts';
import { type Command, type CommandContext, type WatchSession, KubectlError, notFound } from '../command.ts';
import { flagAll, flagBool, flagString, parseDuration } from '../parse.ts';
import { watchedObject } from '../../cluster/apiserver.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { goJsonText } from '../../k8s/go-json.ts';
import {
  PRINT_FLAGS,
  goYaml,
  printObjects,
  tablePrintFlagsOutput,
  type OutputFormat,
} from '../printers/output.ts';
import {
  CHUNK_SIZE_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
} from './flags.ts';
import { relaxedJsonPath, sortObjects, UnsortableError } from '../printers/sort.ts';
import { klogLine } from '../klog.ts';
import { RememberingTable, renderTable, tableCells, type PrintColumnsOptions } from '../printers/table.ts';
import {
  listSelection,
  refusal,
  getResource,
  listResource,
  noResourcesFound,
  resolveTargetsWithAll,
  SeenEvents,
  targetsFromFiles,
  warnIfEndpoints,
  namesWithSelector,
} from './objects.ts';

interface Group {
  info: ResourceInfo;
  objects: KubeObject[];
  /** Whether kubectl read a list of this type (an empty one too). */
  listed: boolean;
}

/**
 * What kubectl's sorter sees of a server Table: no field of the objects in its rows, two lists
 * (whose contents no sort reads: a list cannot be ordered).
 */
const tableObject = (resourceVersion: string): KubeObject =>
  ({
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: { resourceVersion },
    columnDefinitions: [],
    rows: [],
  }) as unknown as KubeObject;

const missingResource = (commandPath: string) =>
  `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee '${commandPath} -h' for help and examples\n`;

export function runGet(ctx: CommandContext): number | WatchSession {
  const showLabels = flagBool(ctx.args, 'show-labels');
  // Labels are a table's column: kubectl get refuses them with any other printer, named as typed.
  const output = flagString(ctx.args, 'output') ?? '';
  if (showLabels && output !== '' && output !== 'wide')
    throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  // kubectl makes its printer once it has the objects (ToPrinter): an output format it cannot
  // print with is reported then, and only where it comes to print (see printGeneric below).
  let format: OutputFormat;
  let formatError: KubectlError | undefined;
  try {
    format = tablePrintFlagsOutput(ctx.args, ctx.cluster.files);
  } catch (e) {
    if (!(e instanceof KubectlError)) throw e;
    formatError = e;
    format = { type: 'name' };
  }
  const allNamespaces = flagBool(ctx.args, 'all-namespaces');
  const selectorText = flagString(ctx.args, 'selector');
  const fieldText = flagString(ctx.args, 'field-selector');
  // A string slice: `-L a,b` and `-L a -L b` alike.
  const labelColumns = flagAll(ctx.args, 'label-columns')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const noHeaders = flagBool(ctx.args, 'no-headers');
  if (format.type === 'custom-columns' && noHeaders) format = { ...format, noHeaders };
  const watchOnly = flagBool(ctx.args, 'watch-only');
  const watch = flagBool(ctx.args, 'watch') || watchOnly;
  const watchEvents = flagBool(ctx.args, 'output-watch-events');
  const hasFiles = (ctx.args.flags.get('filename') ?? []).length > 0;
  if (ctx.args.positional.length === 0 && !hasFiles) {
    ctx.err(missingResource(ctx.commandPath));
    return 1;
  }
  if (watchEvents && !watch)
    throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only');
  const namespace = allNamespaces ? undefined : ctx.namespace;
  let targets: { info: ResourceInfo; names: string[]; ns?: string }[];
  let usedAll = false;
  if (hasFiles) {
    if (ctx.args.positional.length)
      throw new KubectlError(
        `when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well`,
      );
    targets = targetsFromFiles(ctx, 'get');
  } else {
    const r = resolveTargetsWithAll(
      ctx.args.positional,
      false,
      Boolean(selectorText?.trim() || fieldText?.trim()),
    );
    targets = r.targets;
    usedAll = r.usedAll;
  }
  const named = targets.some((t) => t.names.length > 0);
  if (named && allNamespaces && !hasFiles)
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  // The builder ignores a blank selector.
  if (named && (selectorText?.trim() || fieldText?.trim())) throw namesWithSelector(ctx.args.positional);
  // A list the server refuses (its selectors) is reported after what the others found.
  const listed = targets.filter((t) => t.names.length === 0).map((t) => t.info);
  const { refused, matches } = listSelection(listed, selectorText, fieldText);
  if (refused.length && (watch || refused.length === new Set(listed).size)) throw refusal(refused);
  const refusedLists = new Map(refused.map((r) => [r.info, r.message]));

  // A watch's builder takes one resource type named on the line, before it asks the server
  // anything (so no warning for Endpoints either); a file's kinds are counted later.
  if (watch && !hasFiles && new Set(targets.map((t) => t.info)).size > 1)
    throw new KubectlError('you may only specify a single resource type');

  const groups: Group[] = [];
  const errors: string[] = [];
  /**
   * What kubectl reads for each list (or named object): the server's Table, unstructured. With
   * more than one, --sort-by sorts those Table objects first (RuntimeSorter below).
   */
  const tables: KubeObject[] = [];
  for (const t of targets) {
    const refusedList = t.names.length ? undefined : refusedLists.get(t.info);
    if (refusedList !== undefined) {
      const message = `Error from server (BadRequest): ${refusedList}`;
      if (!errors.includes(message)) errors.push(message);
      continue;
    }
    let group = groups.find((g) => g.info === t.info);
    if (!group) {
      group = { info: t.info, objects: [], listed: false };
      groups.push(group);
    }
    if (t.names.length) {
      for (const name of t.names) {
        const obj = getResource(ctx.cluster, t.info, t.ns ?? ctx.namespace, name);
        if (obj) {
          group.objects.push(obj);
          tables.push(tableObject(obj.metadata.resourceVersion ?? ''));
        } else errors.push(notFound(t.info, name, t.ns ?? ctx.namespace).message);
      }
    } else {
      tables.push(tableObject(String(ctx.cluster.store.resourceVersion)));
      group.listed = true;
      group.objects.push(...listResource(ctx.cluster, t.info, namespace).filter(matches));
    }
  }
  warnIfEndpoints(ctx, targets);

  const single = targets.length === 1 && targets[0]!.names.length === 1;
  // multipleGVKsRequested counts the types kubectl read something of: a list, or a named object
  // found (a type whose names were all not found does not count).
  const read = groups.filter((g) => g.listed || g.objects.length > 0);
  const withKind = read.length > 1 || flagBool(ctx.args, 'show-kind');
  const tableOpts = (info: ResourceInfo): PrintColumnsOptions => ({
    wide: format.type === 'table' && format.wide,
    now: ctx.cluster.now,
    withNamespace: allNamespaces && info.namespaced,
    showLabels,
    labelColumns,
    withKind,
    noHeaders,
    clientPrint: !flagBool(ctx.args, 'server-print', true),
  });

  const sortBy = flagString(ctx.args, 'sort-by');
  if (watch) {
    // The first list is sorted by the server's order, not by --sort-by, either way.
    if (sortBy)
      ctx.err(
        flagBool(ctx.args, 'watch')
          ? 'warning: --watch requested, --sort-by will be ignored for watch events received\n'
          : 'warning: --watch-only requested, --sort-by will be ignored\n',
      );
    if (groups.length > 1)
      throw new KubectlError(
        `watch is only supported on individual resources and resource collections, but ${groups.length} resources were found`,
      );
    // A watch stops at the first name it cannot get.
    if (errors.length) {
      ctx.err(errors[0] + '\n');
      return 1;
    }
    if (formatError) throw formatError;
    const requested = new Set(targets.flatMap((t) => t.names));
    return watchSession(
      ctx,
      groups[0]!,
      format,
      tableOpts(groups[0]!.info),
      matches,
      { watchOnly, watchEvents },
      requested,
    );
  }

  // A value the sorter cannot order ends kubectl there (klog.Exitf).
  const unsortable = (e: UnsortableError, printer: 'table' | 'objects') => {
    const { line, message } = e.exit(relaxedJsonPath(sortBy!), printer);
    ctx.err(klogLine('F', ctx.cluster.now, `sorter.go:${line}`, message));
    return 1;
  };
  if (format.type !== 'table') {
    let objects = groups.flatMap((g) => g.objects);
    // printGeneric: the one object named that kubectl could not get is the error; nothing found
    // with --ignore-not-found is none; otherwise the printer it cannot make is the only one.
    if (formatError) {
      const quiet = objects.length === 0 && flagBool(ctx.args, 'ignore-not-found');
      if (!(single && errors.length) && !quiet) throw formatError;
      objects = [];
    }
    try {
      if (sortBy && objects.length) objects = sortObjects(objects, sortBy);
    } catch (e) {
      if (e instanceof UnsortableError) return unsortable(e, 'objects');
      throw e;
    }
    if (!(single && objects.length === 0)) ctx.out(printObjects(format, objects, single && !usedAll));
  } else {
    // With more than one Table, --sort-by sorts the Tables first (RuntimeSorter): a field no
    // Table has (every object field) is an error before anything is printed.
    try {
      if (sortBy && tables.length > 1) sortObjects(tables, sortBy);
    } catch (e) {
      if (e instanceof UnsortableError) return unsortable(e, 'objects');
      throw e;
    }
    const chunks: string[] = [];
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      // Then the table printer sorts a table's rows by the objects they carry, when it has two
      // or more; kubectl get does not report that printer's error: the table is left out.
      let objects = g.objects;
      if (sortBy && objects.length > 1) {
        try {
          objects = sortObjects(objects, sortBy);
        } catch (e) {
          if (e instanceof KubectlError) continue;
          if (e instanceof UnsortableError) return unsortable(e, 'table');
          throw e;
        }
      }
      chunks.push(renderTable(tableCells(g.info, objects, tableOpts(g.info))));
    }
    // A blank line before each table's headers after the first; none without headers.
    ctx.out(chunks.join(noHeaders ? '' : '\n'));
    // The namespace is named only when every list read was of a namespaced type (a Node's is not).
    if (chunks.length === 0 && errors.length === 0 && !named) {
      const namespaced = !allNamespaces && groups.every((g) => g.info.namespaced);
      ctx.err(noResourcesFound(namespaced ? ctx.namespace : undefined));
    }
  }
  if (errors.length) {
    ctx.err(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}

/** A watch event's type as the API names it. */
const EVENT_TYPE = { added: 'ADDED', updated: 'MODIFIED', deleted: 'DELETED' } as const;
type EventType = (typeof EVENT_TYPE)[keyof typeof EVENT_TYPE];

/**
 * `get -w`: the current table, then one row per watch event (deleted objects included). With
 * --output-watch-events each is printed as its event: the table with an EVENT column first, JSON
 * and YAML as metav1.WatchEvent (`type` and `object`), the other printers given the event.
 */
function watchSession(
  ctx: CommandContext,
  group: Group,
  format: OutputFormat,
  opts: PrintColumnsOptions,
  matches: (o: KubeObject) => boolean,
  { watchOnly, watchEvents }: { watchOnly: boolean; watchEvents: boolean },
  names: Set<string>,
): WatchSession {
  const cluster = ctx.cluster;
  const table = new RememberingTable();
  const byName = names.size > 0;
  let printed = 0;
  const print = (objects: KubeObject[], header: boolean, type: EventType = 'ADDED') => {
    if (format.type === 'table') {
      const noHeaders = opts.noHeaders || !header;
      let lines = tableCells(group.info, objects, { ...opts, now: cluster.now, noHeaders });
      // kubectl pads the event's cell to the longest type's width (MODIFIED), the header's too.
      if (watchEvents)
        lines = lines.map((cells, i) => [(i === 0 && !noHeaders ? 'EVENT' : type).padEnd(8), ...cells]);
      ctx.out(table.render(lines));
    } else if (watchEvents && format.type !== 'name')
      for (const o of objects) ctx.out(printWatchEvent(format, type, o, printed++ > 0));
    else for (const o of objects) ctx.out(printObjects(format, [o], true));
  };
  if (!watchOnly) print(group.objects, true);
  let headerPending = watchOnly;
  const namespace = opts.withNamespace ? undefined : ctx.namespace;
  const relevant = (o: KubeObject) =>
    (!group.info.namespaced || namespace === undefined || o.metadata.namespace === namespace) &&
    matches(o) &&
    (!byName || names.has(o.metadata.name));
  const timeoutText = flagString(ctx.args, 'request-timeout');
  const timeout = timeoutText === undefined ? 0 : (parseDuration(timeoutText) ?? Number(timeoutText));
  const deadline = timeout > 0 ? cluster.now + timeout : Number.POSITIVE_INFINITY;
  let done = false;
  const emit = (o: KubeObject, type: EventType) => {
    print([o], headerPending, type);
    headerPending = false;
  };
  // Events live outside the store: what was recorded before the watch is not printed again.
  const seenEvents = new SeenEvents();
  if (group.info.kind === 'Event') seenEvents.fresh(cluster.eventList() as KubeEvent[]);
  return {
    get done() {
      return done;
    },
    exitCode: 0,
    deadline,
    // A synchronous `get -w` stops once nothing has changed for a while.
    syncIdleSeconds: 30,
    onChange(c) {
      if (done || c.kind !== group.info.kind || !relevant(c.obj)) return;
      emit(watchedObject(c, cluster.store.resourceVersion), EVENT_TYPE[c.type]);
    },
    onTick() {
      if (group.info.kind === 'Event') {
        for (const e of seenEvents.fresh((cluster.eventList() as KubeEvent[]).filter(relevant)))
          emit(e, e.count && e.count > 1 ? 'MODIFIED' : 'ADDED');
      }
      if (cluster.now >= deadline) done = true;
    },
    expire() {
      done = true;
    },
  };
}

/**
 * One event of --output-watch-events: JSON on one line, type first (the struct's order; the object
 * as the server sent it, its keys sorted); YAML with its keys sorted, `---` between events; the
 * template printers run on the event.
 */
function printWatchEvent(format: OutputFormat, type: EventType, o: KubeObject, after: boolean): string {
  const object = apiEncode(o);
  if (format.type === 'json') return `{"type":"${type}","object":${goJsonText(object)}}\n`;
  if (format.type === 'yaml') return `${after ? '---\n' : ''}${goYaml({ object, type })}`;
  return printObjects(format, [{ type, object } as unknown as KubeObject], true, false);
}

/**
 * get's flags. -R, --chunk-size and --show-managed-fields change nothing here (see flags.ts); what
 * get does not simulate says so when given.
 */
export const getFlags: Command['flags'] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
  },
  ...PRINT_FLAGS.filter((f) => f.name !== 'output'),
  SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  {
    name: 'label-columns',
    short: 'L',
    type: 'stringArray',
    help: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
  },
  {
    name: 'show-labels',
    type: 'bool',
    help: 'When printing, show all labels as the last column (default hide labels column)',
  },
  {
    name: 'watch',
    short: 'w',
    type: 'bool',
    help: 'After listing/getting the requested object, watch for changes.',
  },
  {
    name: 'watch-only',
    type: 'bool',
    help: 'Watch for changes to the requested object(s), without listing/getting first.',
  },
  {
    name: 'output-watch-events',
    type: 'bool',
    help: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
  },
  {
    name: 'no-headers',
    type: 'bool',
    help: "When using the default or custom-column output format, don't print headers (default print headers).",
  },
  {
    name: 'filename',
    short: 'f',
    type: 'stringArray',
    help: 'Filename, directory, or URL to files identifying the resource to get from a server.',
  },
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  {
    name: 'show-kind',
    type: 'bool',
    help: 'If present, list the resource type for the requested object(s).',
  },
  {
    name: 'sort-by',
    type: 'string',
    help: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
  },
  {
    name: 'ignore-not-found',
    type: 'bool',
    help: 'If the requested object does not exist the command will return exit code 0.',
  },
  CHUNK_SIZE_FLAG,
  {
    name: 'raw',
    type: 'string',
    help: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.',
    unsimulated: 'the simulated API server is reached through kubectl commands only',
  },
  {
    name: 'server-print',
    type: 'bool',
    default: true,
    help: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.',
  },
  {
    name: 'subresource',
    type: 'string',
    help: 'If specified, gets the subresource of the requested object.',
    unsimulated: 'get the whole object instead',
  },
];

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  long: "Display one or many resources.\n\n Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.\n\n By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  examples:
    '  # List all pods in ps output format\n  kubectl get pods\n  \n  # List all pods in ps output format with more information (such as node name)\n  kubectl get pods -o wide\n  \n  # List a single replication controller with specified NAME in ps output format\n  kubectl get replicationcontroller web\n  \n  # List deployments in JSON output format, in the "v1" version of the "apps" API group\n  kubectl get deployments.v1.apps -o json\n  \n  # List a single pod in JSON output format\n  kubectl get -o json pod web-pod-13je7\n  \n  # List a pod identified by type and name specified in "pod.yaml" in JSON output format\n  kubectl get -f pod.yaml -o json\n  \n  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml\n  kubectl get -k dir/\n  \n  # Return only the phase value of the specified pod\n  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}\n  \n  # List resource information in custom columns\n  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image\n  \n  # List all replication controllers and services together in ps output format\n  kubectl get rc,services\n  \n  # List one or more resources by their type and names\n  kubectl get rc/web service/frontend pods/web-pod-13je7\n  \n  # List the \'status\' subresource for a single pod\n  kubectl get pod web-pod-13je7 --subresource status\n  \n  # List all deployments in namespace \'backend\'\n  kubectl get deployments.apps --namespace backend\n  \n  # List all pods existing in all namespaces\n  kubectl get pods --all-namespaces',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: getFlags,
  run: (ctx) => {
    if (flagBool(ctx.args, 'ignore-not-found')) {
      // Not-found names are dropped silently.
      const errs: string[] = [];
      const r = runGet({ ...ctx, err: (t) => errs.push(t) });
      const kept = errs
        .join('')
        .split('\n')
        .filter(
          (l) => l !== '' && !/^Error from server \(NotFound\)/.test(l) && !/^No resources found/.test(l),
        );
      if (kept.length) ctx.err(kept.join('\n') + '\n');
      return typeof r === 'number'
        ? kept.some((l) => l.startsWith('error') || l.startsWith('Error'))
          ? r
          : 0
        : r;
    }
    return runGet(ctx);
  },
};
