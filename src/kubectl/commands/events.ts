/**
 * `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w] [-o FORMAT]`: the events of
 * a namespace (or all), oldest first, in the table `kubectl events` prints: LAST SEEN (with
 * `(xN over …)` for repeats), TYPE, REASON, OBJECT as Kind/name, MESSAGE (cmd/events: events.go,
 * event_printer.go). With --watch it prints every event as it is recorded, as time moves.
 */
import type { ResourceInfo } from '../../k8s/resources.ts';
import { resolveResource } from '../../k8s/resources.ts';
import { parseTimestamp } from '../../k8s/time.ts';
import type { KubeEvent, KubeObject } from '../../k8s/types.ts';
import {
  type Command,
  type CommandContext,
  type WatchSession,
  KubectlError,
  PrintedError,
} from '../command.ts';
import { flagAll, flagBool, flagString } from '../parse.ts';
import {
  goYaml,
  PRINT_FLAGS,
  printFlagsOutput,
  printObjects,
  TypedPrinter,
  type OutputFormat,
} from '../printers/output.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { goJsonText } from '../../k8s/go-json.ts';
import { inGoOrder } from '../../k8s/go-order.ts';
import { goSort } from '../printers/sort.ts';
import { age, RememberingTable, renderTable } from '../printers/table.ts';
import { listResource, SeenEvents } from './objects.ts';
import { ALL_NAMESPACES_FLAG } from './flags.ts';

const EVENT_INFO = resolveResource('events')!;

/** decodeResourceTypeName: `--for TYPE/NAME`, its kind and name. */
function forObject(text: string): { info: ResourceInfo; name: string } {
  if (!text.includes('/')) throw new KubectlError('--for must be in resource/name form');
  const parts = text.split('/');
  if (parts.length !== 2)
    throw new KubectlError('arguments in resource/name form may not have more than one slash');
  const info = resolveResource(parts[0]!);
  // The REST mapper's error, which checkErr prints as it is.
  if (!info) throw new PrintedError(`the server doesn't have a resource type "${parts[0]!}"`);
  return { info, name: parts[1]! };
}

/** eventTime: what the events are sorted by (the last time seen, else the event time). */
function eventTime(e: KubeEvent): number {
  const t = parseTimestamp(e.lastTimestamp || e.eventTime || undefined);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** getInterval: `5m`, or `30s (x4 over 5m)` for an event seen several times. */
function interval(e: KubeEvent, now: number): string {
  const first = age(e.eventTime || e.firstTimestamp, now);
  return e.count > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
}

function runEvents(ctx: CommandContext): number | WatchSession {
  const allNamespaces = flagBool(ctx.args, 'all-namespaces');
  const forText = flagString(ctx.args, 'for') ?? '';
  const target = forText ? forObject(forText) : undefined;
  const format: OutputFormat | undefined = printFlagsOutput(ctx.args, ctx.cluster.files);
  const types = [
    ...new Set(
      flagAll(ctx.args, 'types')
        .flatMap((t) => t.split(','))
        .filter((t) => t !== ''),
    ),
  ];
  if (types.some((t) => t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning'))
    throw new KubectlError('valid --types are Normal or Warning');
  const noHeaders = flagBool(ctx.args, 'no-headers');
  const cluster = ctx.cluster;
  const wanted = (e: KubeEvent) =>
    (allNamespaces || e.metadata.namespace === ctx.namespace) &&
    (!target || (e.involvedObject.kind === target.info.kind && e.involvedObject.name === target.name)) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()));
  const row = (e: KubeEvent) => [
    ...(allNamespaces ? [e.metadata.namespace ?? ''] : []),
    interval(e, cluster.now),
    e.type,
    e.reason,
    `${e.involvedObject.kind}/${e.involvedObject.name}`,
    e.message.trim(),
  ];
  const header = [
    ...(allNamespaces ? ['NAMESPACE'] : []),
    'LAST SEEN',
    'TYPE',
    'REASON',
    'OBJECT',
    'MESSAGE',
  ];
  const events = () =>
    listResource(cluster, EVENT_INFO, allNamespaces ? undefined : ctx.namespace).filter((o) =>
      wanted(o as KubeEvent),
    ) as KubeEvent[];

  if (flagBool(ctx.args, 'watch')) return watchEvents(ctx, events, row, header, noHeaders, format);

  const found = events();
  if (found.length === 0) {
    ctx.err(allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  goSort(found, (a, b) => eventTime(a) < eventTime(b));
  if (!format) {
    ctx.out(renderTable([...(noHeaders ? [] : [header]), ...found.map(row)]));
    return 0;
  }
  // The printers of -o get the list as kubectl holds it: a typed EventList, its items typed.
  ctx.out(printEventList(format, found));
  return 0;
}

/** An EventList as kubectl's -o printers print it (-o name prints nothing for it). */
function printEventList(format: OutputFormat, items: KubeEvent[]): string {
  if (format.type === 'name') return '';
  const list = inGoOrder({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: items.map(apiEncode) });
  if (format.type === 'json') return `${goJsonText(list, { indent: '    ', sort: false })}\n`;
  if (format.type === 'yaml') return goYaml(list);
  return printObjects(format, [list as unknown as KubeObject], true, false);
}

/**
 * `kubectl events -w`: a watch from now, which begins with every event there is (as an API
 * server's watch without a resourceVersion does), then one line per event recorded or seen again,
 * each flushed on its own (the header goes with the first), in columns as wide as the widest so far.
 */
function watchEvents(
  ctx: CommandContext,
  events: () => KubeEvent[],
  row: (e: KubeEvent) => string[],
  header: string[],
  noHeaders: boolean,
  format: OutputFormat | undefined,
): WatchSession {
  const printer = format ? new TypedPrinter(format) : undefined;
  let headerPending = !noHeaders;
  // Flushed event by event, on a tab writer that remembers its widths: the columns line up.
  const table = new RememberingTable();
  const seen = new SeenEvents();
  const emit = (e: KubeEvent) => {
    if (printer) {
      if (format?.type !== 'name') ctx.out(printer.print(e));
      return;
    }
    ctx.out(table.render([...(headerPending ? [header] : []), row(e)]));
    headerPending = false;
  };
  for (const e of seen.fresh(events())) emit(e);
  return {
    done: false,
    exitCode: 0,
    deadline: Number.POSITIVE_INFINITY,
    // A synchronous watch stops once nothing has happened for a while.
    syncIdleSeconds: 30,
    onChange() {},
    onTick() {
      for (const e of seen.fresh(events())) emit(e);
    },
    expire() {},
  };
}

export const eventsCommand: Command = {
  name: 'events',
  short: 'List events',
  long: 'Display events.\n\n Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.',
  examples:
    "  # List recent events in the default namespace\n  kubectl events\n  \n  # List recent events in all namespaces\n  kubectl events --all-namespaces\n  \n  # List recent events for the specified pod, then wait for more events and list them as they arrive\n  kubectl events --for pod/web-pod-13je7 --watch\n  \n  # List recent events in YAML format\n  kubectl events -oyaml\n  \n  # List recent only events of type 'Warning' or 'Normal'\n  kubectl events --types=Warning,Normal",
  usage:
    'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    ...PRINT_FLAGS,
    ALL_NAMESPACES_FLAG,
    {
      name: 'chunk-size',
      type: 'int',
      default: 500,
      help: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
    },
    {
      name: 'for',
      type: 'string',
      help: 'Filter events to only those pertaining to the specified resource.',
    },
    { name: 'no-headers', type: 'bool', help: "When using the default output format, don't print headers." },
    { name: 'types', type: 'stringArray', help: 'Output only events of given types.' },
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      help: 'After listing the requested events, watch for more events.',
    },
  ],
  run: runEvents,
};
