/**
 * `kubectl create -f FILE`, `kubectl create deployment NAME --image=IMG` and `kubectl expose`:
 * objects built the way kubectl's generators build them, then defaulted and validated like the
 * API server does. From files, each object is created in turn: one refused does not stop the rest.
 */
import { subcommandsOnly } from './parent.ts';
import {
  DRY_RUN_FLAG,
  KUSTOMIZE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
  fieldManagerFlag,
  dryRunSuffix,
  SAVE_CONFIG_FLAG,
} from './flags.ts';
import { labelSelector, matchesSelector, resolveTargets } from './objects.ts';
import { unsimulatedCreateCommands } from './unsimulated.ts';
import { dryRunWrite } from '../../cluster/dryrun.ts';
import { invalid } from '../../cluster/apiserver.ts';
import { dryRunMode } from '../command.ts';
import {
  NAMESPACES,
  checkName,
  createDecodeError,
  decodeUnder,
  lastAppliedOf,
  type FieldValidation,
} from '../../cluster/apply.ts';
import { BudgetError } from '../../cluster/errors.ts';
import { DecodeError } from '../../k8s/decode.ts';
import type { SimCluster } from '../../cluster/cluster.ts';
import {
  ChangeCauseAnnotation,
  LastAppliedConfigAnnotation,
} from '../../cluster/controllers/deployment/util.ts';
import { deepCopy } from '../../k8s/copy.ts';
import { apiEncode } from '../../k8s/encode.ts';
import { goJsonText } from '../../k8s/go-json.ts';
import { inGoOrder } from '../../k8s/go-order.ts';
import { fnv32a } from '../../k8s/hash.ts';
import { setDefaults } from '../../k8s/defaults.ts';
import { groupResource, kindSlashName, resourceForKind, type ResourceInfo } from '../../k8s/resources.ts';
import type { Deployment, KubeObject, Pod, ReplicaSet, Service, ServicePort } from '../../k8s/types.ts';
import {
  ValidationError,
  invalidError,
  isDNS1123Subdomain,
  servedInvalidMessage,
  validate,
} from '../../k8s/validation.ts';
import {
  type Command,
  type CommandContext,
  KubectlError,
  PrintedError,
  changeCause,
  getOrThrow,
} from '../command.ts';
import { type FlagSpec, UsageError, flagAll, flagBool, flagInt, flagString } from '../parse.ts';
import { PRINT_FLAGS, TypedPrinter, printFlagsOutput, printObjects } from '../printers/output.ts';
import {
  fieldValidationOf,
  filenames,
  printErrors,
  shownError,
  visitSources,
  type ShownError,
} from './apply.ts';
import { createPdbCommand } from './pdb.ts';

export interface PreparedCreate {
  info: ResourceInfo;
  obj: KubeObject;
  /** The API server's warnings (unknown fields under fieldValidation=Warn), as kubectl prints them. */
  warnings: string[];
}

/**
 * Defaults and validates a new object; throws kubectl's AlreadyExists or Invalid errors. Unknown
 * fields are refused, or dropped under `fieldValidation` Warn (with a warning) or Ignore.
 */
export function prepareCreate(
  cluster: SimCluster,
  raw: KubeObject,
  namespace: string,
  source?: string,
  fieldValidation: FieldValidation = 'Strict',
): PreparedCreate {
  const warnings: string[] = [];
  const info = resourceForKind(raw.kind);
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${raw.kind}"`);
  const obj = deepCopy(raw) as KubeObject & { status?: unknown };
  const ns = info.namespaced ? (obj.metadata.namespace ?? namespace) : undefined;
  if (ns !== undefined && !NAMESPACES.includes(ns))
    throw new PrintedError(
      `Error from server (NotFound): ${source ? `error when creating "${source}": ` : ''}namespaces "${ns}" not found`,
    );
  const metadata = { ...obj.metadata };
  for (const k of ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'deletionTimestamp'] as const)
    delete metadata[k];
  if (ns !== undefined) metadata.namespace = ns;
  obj.metadata = metadata;
  if (obj.kind !== 'Pod') delete obj.status;
  let decoded: KubeObject;
  try {
    decoded = decodeUnder(obj as unknown as Record<string, unknown>, fieldValidation, warnings);
  } catch (e) {
    if (e instanceof DecodeError) throw createDecodeError(info, source, e);
    throw e;
  }
  const next = setDefaults(decoded);
  if (cluster.store.get(info.kind, ns, next.metadata.name))
    throw new PrintedError(
      `Error from server (AlreadyExists): ${source ? `error when creating "${source}": ` : ''}${groupResource(info)} "${next.metadata.name}" already exists`,
    );
  const errors = validate(next);
  if (errors.length) {
    const e = invalidError(info.kind, next.metadata.name, errors);
    if (source)
      e.listed = `Error from server (Invalid): error when creating "${source}": ${servedInvalidMessage(info.kind, info.group, next.metadata.name, errors)}`;
    throw e;
  }
  return { info, obj: next, warnings };
}

/** The API server's NodePort allocator: a free port in 30000-32767 from the seeded generator. */
export function commitCreate(cluster: SimCluster, p: PreparedCreate): KubeObject {
  const stored = cluster.create(p.obj);
  cluster.settle();
  return stored;
}

/**
 * What a typed client's create (`create deployment|service|poddisruptionbudget`) does unless it
 * is a client-side dry run: the object is created (or checked, --dry-run=server) and returned as
 * stored. The command wraps the API server's refusal as `failed to create WHAT: <its message>`.
 */
export function createTyped(ctx: CommandContext, obj: KubeObject, what: string): KubeObject {
  try {
    const p = prepareCreate(ctx.cluster, obj, ctx.namespace);
    return dryRunMode(ctx) === 'none'
      ? commitCreate(ctx.cluster, p)
      : dryRunWrite(ctx.cluster, (copy) => commitCreate(copy, p));
  } catch (e) {
    if (e instanceof ValidationError)
      throw new KubectlError(
        `failed to create ${what}: ${invalid(resourceForKind(obj.kind)!, e.objectName, e.causes).message}`,
      );
    const served =
      e instanceof PrintedError ? /^Error from server \([A-Za-z]+\): (.*)$/s.exec(e.message) : null;
    if (served) throw new KubectlError(`failed to create ${what}: ${served[1]!}`);
    throw e;
  }
}

/**
 * --save-config (CreateOrUpdateAnnotation): what is sent carries the object kubectl generated, as
 * its JSON encoder writes it (Go's field order, the zero creation time as null), in the
 * last-applied-configuration annotation that a later apply compares with.
 */
export function withSavedConfig(ctx: CommandContext, generated: KubeObject, sent: KubeObject): KubeObject {
  if (!flagBool(ctx.args, 'save-config')) return sent;
  const annotations = {
    ...sent.metadata.annotations,
    [LastAppliedConfigAnnotation]: `${goJsonText(inGoOrder(apiEncode(generated)), { sort: false })}\n`,
  };
  return { ...sent, metadata: { ...sent.metadata, annotations } };
}

/**
 * create -f (CreateOptions.RunCreate): the builder's documents in order, each created as it comes
 * and its line printed; the builder's and the server's errors are gathered in that order and
 * printed after. What was created stays created (the exit code is 1 all the same).
 */
function runCreateFromFiles(ctx: CommandContext): number {
  const mode = dryRunMode(ctx);
  const fieldValidation = fieldValidationOf(ctx);
  const record = flagBool(ctx.args, 'record');
  const saveConfig = flagBool(ctx.args, 'save-config');
  // -l: the objects whose labels match; the others are skipped.
  const selector = labelSelector(flagString(ctx.args, 'selector') || undefined);
  return writeEachObject(ctx, 'create', fieldValidation, ({ raw, info, source }) => {
    if (!matchesSelector(raw as unknown as KubeObject, selector)) return undefined;
    checkName(raw, info, source);
    const obj = deepCopy(raw) as unknown as KubeObject;
    const ns = obj.metadata.namespace;
    const annotations = { ...(obj.metadata.annotations ?? {}) };
    if (record) annotations[ChangeCauseAnnotation] = changeCause(ctx, createCommand.flags);
    if (saveConfig)
      annotations[LastAppliedConfigAnnotation] = lastAppliedOf(
        raw,
        info.namespaced ? (ns ?? ctx.namespace) : undefined,
      );
    // Only --record and --save-config touch the annotations; anything else goes as given.
    if ((record || saveConfig) && Object.keys(annotations).length)
      obj.metadata = { ...obj.metadata, annotations };
    // Nothing is sent: the object as the builder read it, in its namespace.
    if (mode === 'client')
      return info.namespaced
        ? { ...obj, metadata: { ...obj.metadata, namespace: ns ?? ctx.namespace } }
        : obj;
    const p = prepareCreate(ctx.cluster, obj, ctx.namespace, source, fieldValidation);
    for (const w of p.warnings) ctx.err(`${w}\n`);
    return mode === 'none'
      ? commitCreate(ctx.cluster, p)
      : dryRunWrite(ctx.cluster, (copy) => commitCreate(copy, p));
  });
}

/**
 * create -f and replace -f (RunCreate, ReplaceOptions.Run): the builder's documents in order, each
 * written as it comes (`write` returns what to print, or nothing for an object it skips) and its
 * line printed; the builder's and the server's errors gathered in that order and printed after.
 * What was written stays written (the exit code is 1 all the same).
 */
export function writeEachObject(
  ctx: CommandContext,
  verb: 'create' | 'replace',
  fieldValidation: FieldValidation,
  write: (v: { raw: Record<string, unknown>; info: ResourceInfo; source: string }) => KubeObject | undefined,
): number {
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  const errors: ShownError[] = [];
  let count = 0;
  for (const v of visitSources(ctx, verb, fieldValidation)) {
    if ('error' in v) {
      errors.push(v.error);
      continue;
    }
    try {
      const shown = write(v);
      if (!shown) continue;
      count++;
      // A client dry run prints the manifest as kubectl read it, not as a server would encode it.
      if (format) ctx.out(printObjects(format, [shown], true, mode !== 'client'));
      else ctx.out(`${kindSlashName(v.info, shown.metadata.name)} ${verb}d${dryRunSuffix(mode)}\n`);
    } catch (e) {
      if (e instanceof BudgetError) throw e;
      errors.push(shownError(e));
    }
  }
  if (count === 0 && errors.length === 0) throw new KubectlError(`no objects passed to ${verb}`);
  printErrors(ctx, [errors]);
  if (errors.length === 0) return 0;
  ctx.keepWrites();
  return 1;
}

/**
 * kubectl create deployment's container name: the image's last path segment without tag or
 * digest. A name with `_` or `.` has them replaced by `-` and, as sanitizeAndUniquify does, a
 * random five-character suffix, here derived from `seed` (kubectl's own randomness is no part of
 * the cluster's seeded state, and a replay must give the same name).
 */
export function containerNameForImage(image: string, seed = ''): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0]!.split('@')[0]!;
  if (!/[_.]/.test(name)) return name;
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = fnv32a(`${image}#${seed}`);
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += alphabet[h % alphabet.length];
    h = (Math.floor(h / alphabet.length) ^ fnv32a(`${suffix}${i}`)) >>> 0;
  }
  return `${name.replace(/[_.]/g, '-')}-${suffix}`;
}

/**
 * What `create deployment|service` and `expose` print: the object (as the server returned it, or as
 * the client built it for --dry-run=client) with -o, typed, else `kind/name verb`.
 */
function printGenerated(ctx: CommandContext, obj: KubeObject, info: ResourceInfo, verb: string): void {
  const mode = dryRunMode(ctx);
  const format = printFlagsOutput(ctx.args, ctx.cluster.files);
  if (format) {
    ctx.out(new TypedPrinter(format).print(obj));
    return;
  }
  ctx.out(`${kindSlashName(info, obj.metadata.name)} ${verb}${dryRunSuffix(mode)}\n`);
}

function runCreateDeployment(ctx: CommandContext): number {
  // Cobra checks the required flag before the command runs.
  const given = flagAll(ctx.args, 'image');
  if (given.length === 0) throw new KubectlError('required flag(s) "image" not set');
  // A string slice (pflag's StringSlice): each value a comma list, `--image=` none at all.
  const images = given.flatMap((v) => (v === '' ? [] : v.split(',')));
  // NameFromCommandArgs: the words before `--` are the name; those after it, the command.
  const named = ctx.args.dashAt ?? ctx.args.positional.length;
  if (named !== 1)
    throw new UsageError(`exactly one NAME is required, got ${named}`, 'kubectl create deployment');
  const [name, ...command] = ctx.args.positional as [string, ...string[]];
  if (images.length > 1 && command.length)
    throw new KubectlError('cannot specify multiple --image options and command');
  const replicas = flagInt(ctx.args, 'replicas') ?? 1;
  const port = flagInt(ctx.args, 'port') ?? -1;
  const mode = dryRunMode(ctx);
  // --validate: its value is checked; the generated object has no unknown fields to find.
  fieldValidationOf(ctx);
  const containers = images.map((image) => {
    const c: Record<string, unknown> = {
      // An empty image is left out, as Go's omitempty leaves it out of what kubectl sends.
      ...(image !== '' ? { image } : {}),
      name: containerNameForImage(image, `${name}@${ctx.cluster.now}`),
    };
    if (command.length) c['command'] = command;
    if (port >= 0) c['ports'] = [{ containerPort: port }];
    c['resources'] = {};
    return c;
  });
  const labels = { app: name };
  const generated = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  } as unknown as Deployment;
  const info = resourceForKind('Deployment')!;
  const clean = JSON.parse(
    JSON.stringify(generated, (k, v: unknown) => (k === 'creationTimestamp' && v === null ? undefined : v)),
  ) as Deployment;
  if (ctx.namespaceExplicit) clean.metadata.namespace = ctx.namespace;
  // A client-side dry run never reaches the server: nothing is checked against the cluster.
  let shown: KubeObject = ctx.namespaceExplicit
    ? { ...generated, metadata: { ...generated.metadata, namespace: ctx.namespace } }
    : generated;
  if (mode !== 'client') shown = createTyped(ctx, withSavedConfig(ctx, shown, clean), 'deployment');
  printGenerated(ctx, shown, info, 'created');
  return 0;
}

export const createDeploymentCommand: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  examples:
    '  # Create a deployment named my-dep that runs the busybox image\n  kubectl create deployment my-dep --image=busybox\n  \n  # Create a deployment with a command\n  kubectl create deployment my-dep --image=busybox -- date\n  \n  # Create a deployment named my-dep that runs the nginx image with 3 replicas\n  kubectl create deployment my-dep --image=nginx --replicas=3\n  \n  # Create a deployment named my-dep that runs the busybox image and expose port 5701\n  kubectl create deployment my-dep --image=busybox --port=5701\n  \n  # Create a deployment named my-dep that runs multiple containers\n  kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [
    {
      name: 'image',
      type: 'stringArray',
      help: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
    },
    {
      name: 'replicas',
      short: 'r',
      type: 'int',
      default: 1,
      bits: 32,
      help: 'Number of replicas to create. Default is 1.',
    },
    {
      name: 'port',
      type: 'int',
      default: -1,
      bits: 32,
      help: 'The containerPort that this deployment exposes.',
    },
    DRY_RUN_FLAG,
    SAVE_CONFIG_FLAG,
    ...PRINT_FLAGS,
    fieldManagerFlag('kubectl-create'),
    VALIDATE_FLAG,
  ],
  run: runCreateDeployment,
};

// ---------------------------------------------------------------------------------------------
// create service

/** create_service.go's parsePorts: `port[:targetPort]`, spaces dropped, the port 0 to 65535. */
function parseServicePort(spec: string): { port: number; targetPort: number | string } {
  const [portText, target] = spec.replaceAll(' ', '').split(':') as [string, string | undefined];
  if (!/^[0-9]+$/.test(portText))
    throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: invalid syntax`);
  const port = Number(portText);
  if (port > 65535)
    throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(portText)}: value out of range`);
  if (target === undefined || target === '') return { port, targetPort: port };
  return { port, targetPort: /^[+-]?[0-9]+$/.test(target) ? Number(target) : target };
}

function runCreateService(
  ctx: CommandContext,
  type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName',
): number {
  const sub = type.toLowerCase();
  const [name, ...extra] = ctx.args.positional;
  if (!name || extra.length)
    throw new UsageError(
      `exactly one NAME is required, got ${ctx.args.positional.length}`,
      `kubectl create service ${sub}`,
    );
  // --validate: its value is checked; the generated object has no unknown fields to find.
  fieldValidationOf(ctx);
  const tcp = flagAll(ctx.args, 'tcp').flatMap((t) => t.split(','));
  const clusterIP = flagString(ctx.args, 'clusterip') ?? '';
  const externalName = flagString(ctx.args, 'external-name') ?? '';
  const nodePort = flagInt(ctx.args, 'node-port') ?? 0;
  if (clusterIP === 'None' && type !== 'ClusterIP')
    throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
    throw new KubectlError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length)
    throw new KubectlError(`invalid service external name ${externalName}`);
  const ports: ServicePort[] = tcp.map((t) => {
    const { port, targetPort } = parseServicePort(t);
    const p: ServicePort = { name: t.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
    if (nodePort) p.nodePort = nodePort;
    return p;
  });
  const spec: Service['spec'] & Record<string, unknown> = { selector: { app: name }, type };
  if (ports.length) spec.ports = ports;
  if (clusterIP) spec.clusterIP = clusterIP;
  if (externalName) spec['externalName'] = externalName;
  const generated = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      creationTimestamp: null,
      labels: { app: name },
    },
    spec,
    status: { loadBalancer: {} },
  } as unknown as Service;
  const mode = dryRunMode(ctx);
  let shown: KubeObject = generated;
  if (mode !== 'client') {
    const clean = deepCopy(generated);
    delete (clean.metadata as { creationTimestamp?: unknown }).creationTimestamp;
    // kubectl reads --save-config here and does not save the configuration.
    shown = createTyped(ctx, clean, `${type} service`);
  }
  printGenerated(ctx, shown, resourceForKind('Service')!, 'created');
  return 0;
}

/** The flags every create generator has (deployment, service, poddisruptionbudget). */
export const GENERATOR_FLAGS: FlagSpec[] = [
  DRY_RUN_FLAG,
  ...PRINT_FLAGS,
  fieldManagerFlag('kubectl-create'),
  SAVE_CONFIG_FLAG,
  VALIDATE_FLAG,
];

const serviceFlags = (type: string): Command['flags'] => [
  { name: 'tcp', type: 'stringArray', help: "Port pairs can be specified as '<port>:<targetPort>'." },
  ...(type === 'externalname'
    ? [{ name: 'external-name', type: 'string' as const, help: 'External name of service' }]
    : []),
  ...(type === 'clusterip'
    ? [
        {
          name: 'clusterip',
          type: 'string' as const,
          help: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
        },
      ]
    : []),
  ...(type === 'nodeport'
    ? [
        {
          name: 'node-port',
          type: 'int' as const,
          help: 'Port used to expose the service on each node in a cluster.',
        },
      ]
    : []),
  ...GENERATOR_FLAGS,
];

/** [subcommand, service type, short, long, examples, usage]. */
const serviceTypes = [
  [
    'clusterip',
    'ClusterIP',
    'Create a ClusterIP service',
    'Create a ClusterIP service with the specified name.',
    '  # Create a new ClusterIP service named my-cs\n  kubectl create service clusterip my-cs --tcp=5678:8080\n  \n  # Create a new ClusterIP service named my-cs (in headless mode)\n  kubectl create service clusterip my-cs --clusterip="None"',
    'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
  ],
  [
    'externalname',
    'ExternalName',
    'Create an ExternalName service',
    'Create an ExternalName service with the specified name.\n\n ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.',
    '  # Create a new ExternalName service named my-ns\n  kubectl create service externalname my-ns --external-name bar.com',
    'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
  ],
  [
    'loadbalancer',
    'LoadBalancer',
    'Create a LoadBalancer service',
    'Create a LoadBalancer service with the specified name.',
    '  # Create a new LoadBalancer service named my-lbs\n  kubectl create service loadbalancer my-lbs --tcp=5678:8080',
    'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  ],
  [
    'nodeport',
    'NodePort',
    'Create a NodePort service',
    'Create a NodePort service with the specified name.',
    '  # Create a new NodePort service named my-ns\n  kubectl create service nodeport my-ns --tcp=5678:8080',
    'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
  ],
] as const;

export const createServiceCommand: Command = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  long: 'Create a service using a specified subcommand.',
  usage: 'kubectl create service [flags] [options]',
  flags: [],
  run: subcommandsOnly(['create', 'service'], 'err', () => createServiceCommand),
  subcommands: serviceTypes.map(([sub, type, short, long, examples, usage]) => ({
    name: sub,
    short,
    long,
    examples,
    usage,
    flags: serviceFlags(sub),
    run: (ctx: CommandContext) => runCreateService(ctx, type),
  })),
};

export const exposeCommand: Command = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: 'Expose a resource as a new Kubernetes service.\n\n Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.\n\n Possible resources include (case insensitive):\n\n pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)',
  examples:
    '  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose rc nginx --port=80 --target-port=8000\n  \n  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000\n  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000\n  \n  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"\n  kubectl expose pod valid-pod --port=444 --name=frontend\n  \n  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"\n  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https\n  \n  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named \'video-stream\'.\n  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream\n  \n  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose rs nginx --port=80 --target-port=8000\n  \n  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000\n  kubectl expose deployment nginx --port=80 --target-port=8000',
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  // -R and --field-manager change nothing here (see flags.ts).
  flags: [
    {
      name: 'port',
      type: 'string',
      help: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified',
    },
    {
      name: 'target-port',
      type: 'string',
      help: 'Name or number for the port on the container that the service should direct traffic to. Optional.',
    },
    {
      name: 'protocol',
      type: 'string',
      help: "The network protocol for the service to be created. Default is 'TCP'.",
    },
    {
      name: 'type',
      type: 'string',
      help: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.",
    },
    { name: 'name', type: 'string', help: 'The name for the newly created object.' },
    {
      name: 'labels',
      short: 'l',
      type: 'string',
      help: 'Labels to apply to the service created by this call.',
    },
    {
      name: 'selector',
      type: 'string',
      help: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)',
    },
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
    {
      name: 'cluster-ip',
      type: 'string',
      help: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.",
      unsimulated: 'set it with kubectl patch once the service is created',
    },
    {
      name: 'external-ip',
      type: 'string',
      help: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.',
      unsimulated: 'set it with kubectl patch once the service is created',
    },
    fieldManagerFlag('kubectl-expose'),
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'Filename, directory, or URL to files identifying the resource to expose a service',
      unsimulated: 'name the object instead (TYPE NAME)',
    },
    KUSTOMIZE_FLAG,
    {
      name: 'load-balancer-ip',
      type: 'string',
      help: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).',
      unsimulated: 'set it with kubectl patch once the service is created',
    },
    {
      name: 'override-type',
      type: 'string',
      default: 'merge',
      help: 'The method used to override the generated object: json, merge, or strategic.',
      unsimulated: '--overrides is not simulated here',
    },
    {
      name: 'overrides',
      type: 'string',
      help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
      unsimulated: 'change the service with kubectl patch once it is created',
    },
    RECURSIVE_FLAG,
    SAVE_CONFIG_FLAG,
    {
      name: 'session-affinity',
      type: 'string',
      help: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'",
      unsimulated: 'set it with kubectl patch once the service is created',
    },
  ],
  run: runExpose,
};

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  examples:
    '  # Create a pod using the data in pod.json\n  kubectl create -f ./pod.json\n  \n  # Create a pod based on the JSON passed into stdin\n  cat pod.json | kubectl create -f -\n  \n  # Edit the data in registry.yaml in JSON then create the resource using the edited data\n  kubectl create -f registry.yaml --edit -o json',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    {
      name: 'filename',
      short: 'f',
      type: 'stringArray',
      help: 'Filename, directory, or URL to files to use to create the resource',
    },
    {
      name: 'record',
      type: 'bool',
      deprecated: '--record will be removed in the future',
      help: 'Record current kubectl command in the resource annotation. (deprecated)',
    },
    SAVE_CONFIG_FLAG,
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    ...PRINT_FLAGS,
    {
      name: 'edit',
      type: 'bool',
      help: 'Edit the API resource before creating',
      unsimulated: "there is no terminal editor; open the object in the app's YAML editor",
    },
    fieldManagerFlag('kubectl-create'),
    KUSTOMIZE_FLAG,
    {
      name: 'raw',
      type: 'string',
      help: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
      unsimulated: 'the simulated API server is reached through kubectl commands only',
    },
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    {
      name: 'windows-line-endings',
      type: 'bool',
      help: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
    },
  ],
  // In name order, as kubectl lists them.
  subcommands: [
    createDeploymentCommand,
    createPdbCommand,
    createServiceCommand,
    ...unsimulatedCreateCommands,
  ].sort((a, b) => (a.name < b.name ? -1 : 1)),
  run: (ctx) => {
    if (ctx.args.positional.length)
      throw new UsageError(`Unexpected args: [${ctx.args.positional.join(' ')}]`, 'kubectl create');
    filenames(ctx);
    return runCreateFromFiles(ctx);
  },
};

// ---------------------------------------------------------------------------------------------
// expose

function selectorFor(obj: KubeObject): Record<string, string> {
  if (obj.kind === 'Pod') return { ...(obj.metadata.labels ?? {}) };
  if (obj.kind === 'Service') return { ...((obj as Service).spec.selector ?? {}) };
  const sel = (obj as Deployment | ReplicaSet).spec.selector;
  if (sel.matchExpressions?.length)
    throw new KubectlError(
      `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`,
    );
  return { ...(sel.matchLabels ?? {}) };
}

function containerPortsOf(obj: KubeObject): { port: number; protocol: string; name?: string }[] {
  const spec =
    obj.kind === 'Pod'
      ? (obj as Pod).spec
      : obj.kind === 'Service'
        ? undefined
        : (obj as Deployment).spec.template.spec;
  if (obj.kind === 'Service')
    return ((obj as Service).spec.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  return (spec?.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => {
      const r: { port: number; protocol: string; name?: string } = {
        port: p.containerPort,
        protocol: p.protocol ?? 'TCP',
      };
      if (p.name) r.name = p.name;
      return r;
    }),
  );
}

function runExpose(ctx: CommandContext): number {
  const targets = resolveTargets(ctx.args.positional, true);
  const t = targets[0]!;
  if (targets.length > 1 || t.names.length > 1)
    throw new KubectlError('exposing multiple resources at once is not supported');
  if (!['Deployment', 'ReplicaSet', 'Pod', 'Service'].includes(t.info.kind))
    throw new KubectlError(`cannot expose a ${t.info.kind}`);
  const obj = getOrThrow<KubeObject>(ctx, t.info, t.names[0]!);
  const name = flagString(ctx.args, 'name') ?? obj.metadata.name;
  const portFlag = flagString(ctx.args, 'port');
  const protocol = flagString(ctx.args, 'protocol');
  const targetPort = flagString(ctx.args, 'target-port');
  const type = flagString(ctx.args, 'type');
  let ports: ServicePort[];
  if (portFlag !== undefined) {
    const n = Number(portFlag);
    if (!/^[0-9]+$/.test(portFlag))
      throw new KubectlError(`strconv.Atoi: parsing "${portFlag}": invalid syntax`);
    ports = [{ port: n, protocol: protocol ?? 'TCP' }];
  } else {
    const found = containerPortsOf(obj);
    if (found.length === 0) throw new KubectlError("couldn't find port via --port flag or introspection");
    ports = found.map((p, i) => {
      const sp: ServicePort = { port: p.port, protocol: protocol ?? p.protocol };
      if (found.length > 1) sp.name = p.name ?? `port-${i + 1}`;
      return sp;
    });
  }
  ports = ports.map((p) => {
    const out: ServicePort = { ...p };
    if (targetPort !== undefined)
      out.targetPort = /^[0-9]+$/.test(targetPort) ? Number(targetPort) : targetPort;
    else out.targetPort = p.port;
    return out;
  });
  const labelsFlag = flagString(ctx.args, 'labels');
  let labels = obj.metadata.labels ? { ...obj.metadata.labels } : undefined;
  if (labelsFlag !== undefined) {
    labels = {};
    for (const kv of labelsFlag.split(',')) {
      const [k, v] = kv.split('=', 2) as [string, string | undefined];
      if (v === undefined) throw new KubectlError(`invalid label spec: ${kv}`);
      labels[k] = v;
    }
  }
  const selectorFlag = flagString(ctx.args, 'selector');
  let selector = selectorFlag === undefined ? selectorFor(obj) : {};
  if (selectorFlag !== undefined)
    for (const kv of selectorFlag.split(',')) {
      const [k, v] = kv.split('=', 2) as [string, string | undefined];
      if (v === undefined) throw new KubectlError(`invalid label spec: ${kv}`);
      selector[k] = v;
    }
  if (Object.keys(selector).length === 0) selector = {};
  const generated: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: { ports, selector, ...(type ? { type } : {}) },
    status: { loadBalancer: {} },
  };
  const printed = {
    ...generated,
    metadata: { creationTimestamp: null, ...generated.metadata },
  } as unknown as KubeObject;
  const shown =
    dryRunMode(ctx) === 'client'
      ? printed
      : createGeneratedService(ctx, withSavedConfig(ctx, printed, generated) as Service);
  printGenerated(ctx, shown, resourceForKind('Service')!, 'exposed');
  return 0;
}

/**
 * A Service kubectl generated (expose, run --expose), created or checked (--dry-run=server) as it
 * comes back from the API server, with the IP family and traffic policy fields it defaults.
 */
export function createGeneratedService(ctx: CommandContext, generated: Service): KubeObject {
  const forServer = deepCopy(generated);
  const spec = forServer.spec as Service['spec'] & Record<string, unknown>;
  spec['ipFamilyPolicy'] = 'SingleStack';
  spec['ipFamilies'] = ['IPv4'];
  spec['internalTrafficPolicy'] = 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec['externalTrafficPolicy'] = 'Cluster';
  const p = prepareCreate(ctx.cluster, forServer, ctx.namespace);
  return dryRunMode(ctx) === 'none'
    ? commitCreate(ctx.cluster, p)
    : dryRunWrite(ctx.cluster, (copy) => commitCreate(copy, p));
}
