/**
 * `kubectl wait --for=condition=NAME[=VALUE] | --for=jsonpath='{…}'[=VALUE] | --for=delete |
 * --for=create`: the objects visited one by one, as kubectl's resource builder gives them (by name,
 * by selector, from files), each watched until its condition holds, under one timeout for all
 * (cmd/wait: wait.go, condition.go, json.go, delete.go, create.go). It prints `KIND/NAME condition
 * met` for each, or the object in a `-o` format; what failed is reported after the rest.
 *
 * Like `rollout status`, it is a session that time moves: it never moves the clock itself.
 */
import type { Change } from '../../cluster/store.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { goPrintValue } from '../../k8s/decode.ts';
import { kindSlashName, type ResourceInfo } from '../../k8s/resources.ts';
import type { KubeObject } from '../../k8s/types.ts';
import { type Command, type CommandContext, type WatchSession, KubectlError, notFound } from '../command.ts';
import { flagBool, flagDuration, flagString } from '../parse.ts';
import { JsonPathError, templateValues } from '../printers/jsonpath.ts';
import { PRINT_FLAGS, printFlagsOutput, printObjects, type OutputFormat } from '../printers/output.ts';
import { relaxedJsonPath } from '../printers/sort.ts';
import { aggregateErrors } from './rollout.ts';
import {
  getResource,
  listResource,
  listSelection,
  NO_RESOURCES,
  RefusedList,
  resolveTargetsWithAll,
  targetsFromFiles,
} from './objects.ts';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG } from './flags.ts';

/** What `--for` asks for (conditionFuncFor). */
type Condition =
  | { type: 'delete' | 'create' }
  | { type: 'condition'; name: string; value: string }
  | { type: 'jsonpath'; expr: string; value: string | undefined };

/** A week: what a negative --timeout waits. */
const WEEK = 168 * 3600;
/** How often --for=create looks again. */
const CREATE_POLL_SECONDS = 2;

const localResources = `you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`;

/** Go's %q of a string kubectl echoes back (printable ASCII as it is, the rest escaped). */
const quoted = (s: string): string => JSON.stringify(s);

/** conditionFuncFor: the condition `--for` names, or kubectl's error. */
export function parseFor(text: string): Condition {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { type: 'delete' };
  if (lower === 'create') return { type: 'create' };
  if (text.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0
      ? { type: 'condition', name: rest, value: 'true' }
      : { type: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (text.startsWith('jsonpath=')) {
    const parts = splitOnSingleEquals(text.slice('jsonpath='.length));
    if (parts.length > 2)
      throw new KubectlError(
        "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      );
    const expr = relaxedJsonPath(parts[0]!);
    let value: string | undefined;
    if (parts.length === 2) {
      value = trimQuotes(parts[1]!);
      if (value === '')
        throw new KubectlError(
          "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
        );
    }
    if (expr === '') throw new KubectlError('jsonpath expression cannot be empty');
    try {
      templateValues(expr, {});
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(e.message);
      throw e;
    }
    return { type: 'jsonpath', expr, value };
  }
  throw new KubectlError(`unrecognized condition: ${quoted(text)}`);
}

/** strings.Trim(s, `'"`): quotes off both ends. */
function trimQuotes(s: string): string {
  const quote = (c: string | undefined) => c === "'" || c === '"';
  let a = 0;
  let b = s.length;
  while (a < b && quote(s[a])) a++;
  while (b > a && quote(s[b - 1])) b--;
  return s.slice(a, b);
}

/** splitJSONPathInput: split on each single `=`; a `==` stays in its part. */
function splitOnSingleEquals(input: string): string[] {
  const out: string[] = [];
  let part = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') part += input[i];
    else if (input[i + 1] === '=') {
      part += '==';
      i++;
    } else {
      out.push(part);
      part = '';
    }
  }
  out.push(part);
  return out;
}

/** strings.EqualFold, code point by code point (Unicode simple case folding, near enough). */
function equalFold(a: string, b: string): boolean {
  if (a === b) return true;
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  return x.every((c, i) => {
    const d = y[i]!;
    return c === d || c.toLowerCase() === d.toLowerCase() || c.toUpperCase() === d.toUpperCase();
  });
}

/**
 * Whether the object meets a condition or jsonpath wait (checkCondition). Throws kubectl's error
 * for a jsonpath that finds several values or a nested one.
 */
function conditionMet(cond: Condition, obj: KubeObject): boolean {
  const plain = JSON.parse(JSON.stringify(apiEncode(obj))) as Record<string, unknown>;
  if (cond.type === 'condition') {
    const status = plain['status'] as Record<string, unknown> | undefined;
    const conditions = status?.['conditions'];
    if (!Array.isArray(conditions)) return false;
    for (const c of conditions as Record<string, unknown>[]) {
      if (typeof c['type'] !== 'string' || !equalFold(c['type'], cond.name)) continue;
      if (typeof c['status'] !== 'string') continue;
      // A condition the controller wrote for an older generation does not count.
      const generation = (plain['metadata'] as Record<string, unknown>)['generation'];
      if (typeof generation === 'number') {
        const observed =
          typeof c['observedGeneration'] === 'number'
            ? c['observedGeneration']
            : status?.['observedGeneration'];
        if (typeof observed === 'number' && observed < generation) return false;
      }
      return equalFold(c['status'], cond.value);
    }
    return false;
  }
  if (cond.type !== 'jsonpath') return false;
  let found: unknown[][];
  try {
    found = templateValues(cond.expr, plain);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(e.message);
    throw e;
  }
  if (found.length === 0 || found[0]!.length === 0) return false;
  if (found.length > 1) throw new KubectlError('given jsonpath expression matches more than one list');
  if (found[0]!.length > 1) throw new KubectlError('given jsonpath expression matches more than one value');
  if (cond.value === undefined) return true;
  const v = found[0]![0];
  if (v !== null && typeof v === 'object')
    throw new KubectlError('jsonpath leads to a nested object or list which is not supported');
  return goPrintValue(v).trim() === cond.value.trim();
}

/** Where the builder finds objects: one by name, or a list by selector, read when its turn comes. */
type Source =
  | { by: 'name'; info: ResourceInfo; name: string; namespace: string }
  /** A list the API server refused: the wait goes on, and reports it after the other errors. */
  | { by: 'refused'; info: ResourceInfo; error: RefusedList }
  | {
      by: 'list';
      info: ResourceInfo;
      namespace: string | undefined;
      match: (o: KubeObject) => boolean;
    };

/** An object visited: what the builder read (info.Object) and where it lives. */
interface Visited {
  info: ResourceInfo;
  obj: KubeObject;
}

/** The builder's sources for the arguments, or its error (the same ones `get` gives). */
function sourcesOf(ctx: CommandContext): Source[] {
  const selectorText = flagString(ctx.args, 'selector');
  const fieldText = flagString(ctx.args, 'field-selector');
  const all = flagBool(ctx.args, 'all');
  const allNamespaces = flagBool(ctx.args, 'all-namespaces');
  const local = flagBool(ctx.args, 'local');
  const hasFiles = (ctx.args.flags.get('filename') ?? []).length > 0;
  const positional = ctx.args.positional;
  if (local && positional.length) throw new KubectlError(localResources);
  if (hasFiles) {
    if (positional.length)
      throw new KubectlError(
        'when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
      );
    return targetsFromFiles(ctx, 'wait').map((t) => ({
      by: 'name',
      info: t.info,
      name: t.names[0]!,
      namespace: t.ns ?? ctx.namespace,
    }));
  }
  if (positional.length === 0) throw new KubectlError(NO_RESOURCES);
  const selecting = selectorText !== undefined || fieldText !== undefined;
  const { targets } = resolveTargetsWithAll(positional, false, selecting);
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !selecting && !all)
    throw new KubectlError('resource(s) were provided, but no name was specified');
  if (named && allNamespaces)
    throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  const { matches, refusalOf } = listSelection(
    targets.map((t) => t.info),
    selectorText,
    fieldText,
  );
  return targets.flatMap((t): Source[] => {
    const refused = refusalOf(t.info);
    return t.names.length
      ? t.names.map((name) => ({ by: 'name', info: t.info, name, namespace: ctx.namespace }))
      : refused
        ? [{ by: 'refused', info: t.info, error: refused }]
        : [
            {
              by: 'list',
              info: t.info,
              namespace: allNamespaces ? undefined : ctx.namespace,
              match: matches,
            },
          ];
  });
}

function runWait(ctx: CommandContext): number | WatchSession {
  // A duration flag: cobra refuses a bad one as it parses the flags, before anything else.
  const parsed = flagDuration(ctx.args, 'timeout', 30);
  const timeout = parsed < 0 ? WEEK : parsed;
  const format: OutputFormat | undefined = printFlagsOutput(ctx.args, ctx.cluster.files);
  const cond = parseFor(flagString(ctx.args, 'for') ?? '');
  const sources = sourcesOf(ctx);
  return new Waiting(ctx, cond, sources, timeout, format).start();
}

/** kubectl wait in progress: the visit, the object it waits on, and what failed so far. */
class Waiting implements WatchSession {
  private readonly errors: Error[] = [];
  /** The lists the API server refused: the builder's aggregate of them comes after the visit's errors. */
  private readonly refused: Error[] = [];
  private readonly queue: (Source | Visited)[];
  private visits = 0;
  private printed = 0;
  private finished = false;
  /** The object being watched, and the object as the wait began (delete prints that one). */
  private current:
    { info: ResourceInfo; namespace: string | undefined; name: string; began: KubeObject } | undefined;
  /** --for=create: the next look, while not every object exists yet. */
  private nextPoll: number | undefined;
  deadline: number;
  private readonly started: number;

  constructor(
    private readonly ctx: CommandContext,
    private readonly cond: Condition,
    private readonly sources: Source[],
    private readonly timeout: number,
    private readonly format: OutputFormat | undefined,
  ) {
    this.queue = [...sources];
    this.started = ctx.cluster.now;
    this.deadline = ctx.cluster.now + timeout;
  }

  get done(): boolean {
    return this.finished;
  }

  get exitCode(): number {
    return this.errors.length || this.refused.length ? 1 : 0;
  }

  get wakeAt(): number | undefined {
    return this.nextPoll;
  }

  /** Begins the visit; a finished wait is its exit code. */
  start(): number | WatchSession {
    if (this.cond.type === 'create') {
      this.poll();
      // --timeout=0: the one look kubectl's poll makes before its deadline.
      if (!this.finished && this.nextPoll !== undefined && this.timeout === 0) this.timedOut();
    } else this.proceed();
    return this.finished ? this.exitCode : this;
  }

  onChange(c: Change): void {
    const w = this.current;
    if (this.finished || !w || c.kind !== w.info.kind) return;
    if (c.obj.metadata.name !== w.name || c.obj.metadata.namespace !== w.namespace) return;
    if (this.cond.type === 'delete') {
      if (c.type !== 'deleted') return;
      this.print(w.info, w.began);
    } else {
      // A deletion is not the condition: the wait goes on (for an object made again by that name).
      if (c.type === 'deleted') return;
      const r = this.evaluate(c.obj);
      if (r === false) return;
      if (r === true) this.print(w.info, c.obj);
      else this.errors.push(r);
    }
    this.proceed();
  }

  onTick(): void {
    if (this.finished) return;
    if (this.nextPoll !== undefined && this.ctx.cluster.now >= this.nextPoll) this.poll();
    if (!this.finished && this.ctx.cluster.now >= this.deadline) this.timedOut();
  }

  expire(): void {
    if (this.finished) return;
    this.deadline = this.ctx.cluster.now;
    this.timedOut();
  }

  private timedOut(): void {
    if (this.nextPoll !== undefined) {
      this.nextPoll = undefined;
      this.errors.push(new KubectlError('timed out waiting for the condition'));
      return this.finish();
    }
    const w = this.current;
    if (!w) return;
    this.errors.push(timeoutOn(w.info, w.name));
    this.proceed();
  }

  /**
   * --for=create: every object named exists (and a selector found some) before the visit; a
   * missing one is looked for again every 2 s. Several missing at once fail at once, as kubectl's
   * aggregate of them is not a NotFound.
   */
  private poll(): void {
    const found: Visited[] = [];
    const missing: Error[] = [];
    for (const s of this.sources) {
      if (s.by === 'refused') {
        // No list to look in again: the refusal ends the wait.
        this.nextPoll = undefined;
        this.errors.push(s.error);
        return this.finish();
      }
      if (s.by === 'name') {
        const obj = getResource(this.ctx.cluster, s.info, s.namespace, s.name);
        if (obj) found.push({ info: s.info, obj });
        else missing.push(notFound(s.info, s.name, s.namespace));
      } else for (const obj of this.list(s)) found.push({ info: s.info, obj });
    }
    if (missing.length > 1) {
      this.nextPoll = undefined;
      this.errors.push(...missing);
      return this.finish();
    }
    if (missing.length === 1 || found.length === 0) {
      // A ticker: every 2 s from the start, whenever this look came.
      const since = this.ctx.cluster.now - this.started;
      this.nextPoll =
        this.started + (Math.floor(since / CREATE_POLL_SECONDS + 1e-9) + 1) * CREATE_POLL_SECONDS;
      return;
    }
    this.nextPoll = undefined;
    this.queue.splice(0, this.queue.length, ...found);
    this.proceed();
  }

  private list(s: Extract<Source, { by: 'list' }>): KubeObject[] {
    return listResource(this.ctx.cluster, s.info, s.namespace).filter(s.match);
  }

  /** Visits objects until one has to be waited for, or none is left. */
  private proceed(): void {
    this.current = undefined;
    while (!this.current && this.queue.length) {
      const next = this.queue.shift()!;
      if (!('by' in next)) {
        this.visit(next);
        continue;
      }
      if (next.by === 'refused') {
        this.refused.push(next.error);
        continue;
      }
      if (next.by === 'list') {
        this.queue.unshift(...this.list(next).map((obj) => ({ info: next.info, obj })));
        continue;
      }
      const obj = getResource(this.ctx.cluster, next.info, next.namespace, next.name);
      if (obj) this.visit({ info: next.info, obj });
      // --for=delete ignores what is not there (IgnoreErrors(IsNotFound)).
      else if (this.cond.type !== 'delete') this.errors.push(notFound(next.info, next.name));
    }
    if (!this.current) this.finish();
  }

  /** One object's turn: met now, failed, or watched from now on (`current`). */
  private visit({ info, obj }: Visited): void {
    this.visits++;
    const { name, namespace } = obj.metadata;
    if (this.cond.type === 'create') return this.print(info, obj);
    const live = getResource(this.ctx.cluster, info, namespace ?? this.ctx.namespace, name);
    const notMet = new KubectlError(`condition not met for ${info.plural}/${name}`);
    // Past the deadline (an earlier object used it up), a watch cannot even start: its object
    // times out whatever it holds. Only --for=delete looks first.
    const late = this.timeout > 0 && this.ctx.cluster.now >= this.deadline;
    if (this.cond.type === 'delete') {
      if (!live) return this.print(info, obj);
      if (this.timeout === 0) return void this.errors.push(notMet);
      if (late) return void this.errors.push(timeoutOn(info, name));
    } else {
      if (late) return void this.errors.push(timeoutOn(info, name));
      if (!live) return void this.errors.push(notFound(info, name));
      const r = this.evaluate(live);
      if (r === true) return this.print(info, live);
      if (r !== false) return void this.errors.push(r);
      // --timeout=0: one look.
      if (this.timeout === 0) return void this.errors.push(notMet);
    }
    if (live) this.current = { info, namespace, name, began: live };
  }

  /** A condition or jsonpath wait on `obj`: met, not yet, or kubectl's error. */
  private evaluate(obj: KubeObject): boolean | KubectlError {
    try {
      return conditionMet(this.cond, obj);
    } catch (e) {
      if (e instanceof KubectlError) return e;
      throw e;
    }
  }

  private print(info: ResourceInfo, obj: KubeObject): void {
    const f = this.format;
    this.ctx.out(
      !f
        ? `${kindSlashName(info, obj.metadata.name)} condition met\n`
        : // One printer for the whole visit: YAML documents after the first begin with `---`.
          `${f.type === 'yaml' && this.printed > 0 ? '---\n' : ''}${printObjects(f, [obj], true)}`,
    );
    this.printed++;
  }

  private finish(): void {
    this.current = undefined;
    this.finished = true;
    if (
      this.errors.length === 0 &&
      this.refused.length === 0 &&
      this.visits === 0 &&
      this.cond.type !== 'delete'
    )
      this.errors.push(new KubectlError('no matching resources found'));
    this.ctx.err(aggregateErrors([...this.errors, ...this.refused]));
  }
}

const timeoutOn = (info: ResourceInfo, name: string) =>
  new KubectlError(`timed out waiting for the condition on ${info.plural}/${name}`);

export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: 'Experimental: Wait for a specific condition on one or many resources.\n\n The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.\n\n Alternatively, the command can wait for the given set of resources to be created or deleted by providing the "create" or "delete" keyword as the value to the --for flag.\n\n A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o option to change to output destination.',
  examples:
    '  # Wait for the pod "busybox1" to contain the status condition of type "Ready"\n  kubectl wait --for=condition=Ready pod/busybox1\n  \n  # The default value of status condition is true; you can wait for other targets after an equal delimiter (compared after Unicode simple case folding, which is a more general form of case-insensitivity)\n  kubectl wait --for=condition=Ready=false pod/busybox1\n  \n  # Wait for the pod "busybox1" to contain the status phase to be "Running"\n  kubectl wait --for=jsonpath=\'{.status.phase}\'=Running pod/busybox1\n  \n  # Wait for pod "busybox1" to be Ready\n  kubectl wait --for=\'jsonpath={.status.conditions[?(@.type=="Ready")].status}=True\' pod/busybox1\n  \n  # Wait for the service "loadbalancer" to have ingress\n  kubectl wait --for=jsonpath=\'{.status.loadBalancer.ingress}\' service/loadbalancer\n  \n  # Wait for the secret "busybox1" to be created, with a timeout of 30s\n  kubectl create secret generic busybox1\n  kubectl wait --for=create secret/busybox1 --timeout=30s\n  \n  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command\n  kubectl delete pod/busybox1\n  kubectl wait --for=delete pod/busybox1 --timeout=60s',
  usage:
    "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [
    ...PRINT_FLAGS,
    {
      name: 'all',
      type: 'bool',
      help: 'Select all resources in the namespace of the specified resource types',
    },
    ALL_NAMESPACES_FLAG,
    FIELD_SELECTOR_FLAG,
    { name: 'filename', short: 'f', type: 'stringArray', help: 'identifying the resource.' },
    {
      name: 'for',
      type: 'string',
      help: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true. Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity.",
    },
    {
      name: 'local',
      type: 'bool',
      help: 'If true, annotation will NOT contact api-server but run locally.',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      default: true,
      help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
    },
    {
      name: 'timeout',
      type: 'duration',
      default: '30s',
      help: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week.",
    },
  ],
  run: runWait,
};
