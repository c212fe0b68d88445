/**
 * The simulated cluster served as a Kubernetes API over HTTP (Node's `http`, nothing else), so the
 * real kubectl and any client library can talk to it.
 *
 * The HTTP layer only maps requests onto the core's ApiServer (src/cluster/apiserver.ts): paths
 * to resources, verbs to methods, content types to patch types, `dryRun=All` to a dry run, and
 * Status errors to their codes. It adds what only a server has: discovery, OpenAPI, server-side
 * Tables, watch streams with bookmarks, and the clock.
 *
 * Time: with `speed` > 0, virtual time follows the wall clock (`speed` virtual seconds per wall
 * second). With `speed` 0 it stands still until the owner calls `advance()` (or POSTs
 * `/rolloutlab/v1/advance?seconds=N`), which is how tests make real kubectl and the in-page
 * kubectl see the same moments.
 */
import '../k8s/yaml-impl.ts';
import '../kubectl/commands/extended.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServer, StatusError, badRequest, type PatchType, type WatchEvent } from '../cluster/apiserver.ts';
import { SimCluster, type ClusterOptions } from '../cluster/cluster.ts';
import { apiEncode } from '../k8s/encode.ts';
import { goJsonSyntaxError } from '../k8s/go-json-syntax.ts';
import { resources, type ResourceInfo } from '../k8s/resources.ts';
import type { KubeObject, NodeObject, Pod } from '../k8s/types.ts';
import { nodeLease } from '../cluster/lease.ts';
import { LogRequestError, containerLog, type LogOptions } from '../kubectl/commands/logs.ts';
import { runKubectl } from '../kubectl/index.ts';
import { KUBECONFIG_NAME } from '../kubectl/kubeconfig.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { clusterForScenario } from '../scenario/run.ts';
import {
  SERVER_VERSION,
  aggregatedDiscovery,
  apiGroupDoc,
  apiGroupList,
  apiResourceList,
  apiVersions,
  discoveryContentType,
  groupDiscoveryList,
  openapiDocument,
  openapiRoot,
} from './discovery.ts';
import { ProtobufError, decodeProtobufObject } from './protobuf.ts';
import { toTable, type IncludeObject } from './tables.ts';
import { normalizePrefix, serveStatic } from './www.ts';
import { corsPolicy, LOOPBACK_ORIGINS } from './cors.ts';
import { parseTimestamp, timestamp } from '../k8s/time.ts';

export interface ServerOptions {
  /** The cluster to serve (default: a new SimCluster with `clusterOptions`). */
  cluster?: SimCluster;
  clusterOptions?: ClusterOptions;
  /** A scenario to serve instead: its cluster, and its steps run as virtual time reaches them. */
  scenario?: Scenario;
  /** 0 picks a free port. */
  port?: number;
  /** Virtual seconds per wall second; 0 stands still until advance() (default 1). */
  speed?: number;
  /** Where to write the kubeconfig (default: a file in a new temporary directory). */
  kubeconfig?: string;
  /** Wall milliseconds between bookmarks on watches that allow them (default 10 s). */
  bookmarkMillis?: number;
  /** A directory of static files to serve beside the API (the built app), as `kubectl proxy --www`. */
  www?: string;
  /** Where `www` is served (`/lab/`), as `kubectl proxy --www-prefix`. */
  wwwPrefix?: string;
  /**
   * Origins (regular expressions, as kube-apiserver's `--cors-allowed-origins`) whose pages may
   * read the API; default LOOPBACK_ORIGINS, `[]` allows none.
   */
  corsAllowedOrigins?: readonly string[];
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Path of the kubeconfig written for this server. */
  readonly kubeconfig: string;
  readonly cluster: SimCluster;
  readonly api: ApiServer;
  /** Moves virtual time forward (any speed); watchers see every change on the way. */
  advance(seconds: number): void;
  /** Open watch streams. */
  watchCount(): number;
  /** Watch streams opened since the start (a client has started watching once this grows). */
  watchesOpened(): number;
  /** Calls `listener` whenever a watch stream opens; returns the stop function. */
  onWatch(listener: () => void): () => void;
  /** Resolves once `n` watch streams have been opened since the start. */
  waitForWatches(n: number, timeoutMillis?: number): Promise<void>;
  close(): Promise<void>;
}

const WATCH_TICK_MILLIS = 100;

function kubeconfigText(url: string): string {
  const name = KUBECONFIG_NAME;
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: ${url}
  name: ${name}
contexts:
- context:
    cluster: ${name}
    namespace: default
    user: ${name}
  name: ${name}
current-context: ${name}
preferences: {}
users:
- name: ${name}
  user: {}
`;
}

interface Route {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
}

/** The path with its %-escapes undone; as it came when one is malformed. */
function unescapedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `/api/v1/namespaces/default/pods/x/status` → the resource, namespace, name and subresource. */
export function parseResourcePath(path: string): Route | undefined {
  const parts = path.split('/').filter((p) => p !== '');
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else return undefined;
  let namespace: string | undefined;
  // `namespaces/NS/RESOURCE...`, but `namespaces` and `namespaces/NAME[/status]` are Namespaces.
  if (rest[0] === 'namespaces' && rest.length >= 3 && rest[2] !== 'status' && rest[2] !== 'finalize') {
    namespace = rest[1]!;
    rest = rest.slice(2);
  }
  const info = resources.find((r) => r.group === group && r.version === version && r.plural === rest[0]);
  if (!info || rest.length > 3) return undefined;
  if (namespace !== undefined && !info.namespaced) return undefined;
  return { info, namespace, name: rest[1], subresource: rest[2] };
}

function send(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendStatus(res: ServerResponse, e: StatusError): void {
  send(res, e.code, e.status());
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRaw(req)).toString('utf8');
}

/** A JSON body; what is not JSON gets encoding/json's words, as an API server answers it. */
function parseJson(text: string): unknown {
  const notJson = goJsonSyntaxError(text);
  if (notJson) throw badRequest(notJson);
  return JSON.parse(text);
}

const patchTypes: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((p) => p.includes('as=Table') && p.includes('g=meta.k8s.io'));
}

/**
 * GET pods/NAME/log: what the simulated app wrote, as text (the in-page `kubectl logs` reads the
 * same). `follow` is answered with what there is so far, the stream then ends.
 */
function serveLog(res: ServerResponse, pod: Pod, q: URLSearchParams, cluster: SimCluster): void {
  const names = pod.spec.containers.map((c) => c.name);
  const name = pod.metadata.name;
  const container = q.get('container') || (names.length === 1 ? names[0]! : '');
  if (!container)
    throw badRequest(
      `a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
    );
  if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  const int = (key: string) => {
    const v = q.get(key);
    return v === null ? undefined : Number.parseInt(v, 10);
  };
  const o: LogOptions = {
    previous: q.get('previous') === 'true',
    timestamps: q.get('timestamps') === 'true',
    prefix: false,
    tail: int('tailLines') ?? -1,
    limitBytes: int('limitBytes') ?? 0,
  };
  const sinceSeconds = int('sinceSeconds');
  const sinceTime = q.get('sinceTime');
  if (sinceSeconds !== undefined) o.since = cluster.now - sinceSeconds;
  else if (sinceTime) o.since = parseTimestamp(sinceTime);
  let text: string;
  try {
    text = containerLog(cluster, pod, container, o);
  } catch (e) {
    if (e instanceof LogRequestError) throw badRequest(e.detail);
    throw e;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end(text);
}

export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const scenario = options.scenario;
  const cluster =
    options.cluster ??
    (scenario ? clusterForScenario(scenario) : new SimCluster(options.clusterOptions ?? {}));
  const api = new ApiServer(cluster);
  const speed = options.speed ?? 1;
  const bookmarkMillis = options.bookmarkMillis ?? 10_000;
  const streams = new Set<ServerResponse>();
  const watchWaiters: { n: number; resolve: () => void }[] = [];
  /** JSON of objects sent on watches, shared by every stream (objects are immutable). */
  const encoded = new WeakMap<object, string>();
  let nextStep = 0;

  /** Runs the scenario's steps that fall due while moving time to `target`. */
  const advanceTo = (target: number) => {
    const steps = scenario?.spec.steps ?? [];
    while (nextStep < steps.length && steps[nextStep]!.at <= target) {
      const step = steps[nextStep++]!;
      if (step.at > cluster.now) cluster.advance(step.at - cluster.now);
      runKubectl(cluster, step.run, step.stdin);
    }
    if (target > cluster.now) cluster.advance(target - cluster.now);
  };
  advanceTo(cluster.now);

  const advance = (seconds: number) => {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`cannot advance by ${seconds}`);
    advanceTo(cluster.now + seconds);
  };

  let opened = 0;
  const watchListeners = new Set<() => void>();
  const notifyWatchers = () => {
    opened++;
    for (const l of watchListeners) l();
    for (let i = watchWaiters.length - 1; i >= 0; i--)
      if (opened >= watchWaiters[i]!.n) {
        watchWaiters[i]!.resolve();
        watchWaiters.splice(i, 1);
      }
  };

  function serveWatch(req: IncomingMessage, res: ServerResponse, route: Route, q: URLSearchParams): void {
    const table = wantsTable(req.headers.accept);
    const include = (q.get('includeObject') ?? 'Metadata') as IncludeObject;
    const bookmarks = q.get('allowWatchBookmarks') === 'true';
    let firstTable = true;
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    // Clients wait for the headers before they read events; a quiet watch must not keep them waiting.
    res.flushHeaders();
    const write = (e: WatchEvent) => {
      if (table && (e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED')) {
        const object = toTable(route.info, [e.object as KubeObject], cluster.now, {
          resourceVersion: (e.object as KubeObject).metadata.resourceVersion ?? '',
          includeObject: include,
          noColumns: !firstTable,
        });
        firstTable = false;
        res.write(`${JSON.stringify({ type: e.type, object })}\n`);
        return;
      }
      // Every watcher of a change gets the same object: encode it once for all of them.
      let json = encoded.get(e.object);
      if (json === undefined) {
        json = JSON.stringify(
          e.type === 'BOOKMARK' || e.type === 'ERROR' ? e.object : apiEncode(e.object as KubeObject),
        );
        encoded.set(e.object, json);
      }
      res.write(`{"type":"${e.type}","object":${json}}\n`);
    };
    let stop: () => void = () => {};
    try {
      const opts: Parameters<ApiServer['watch']>[2] = {};
      const rv = q.get('resourceVersion');
      if (rv !== null) opts.resourceVersion = rv;
      const ls = q.get('labelSelector');
      if (ls) opts.labelSelector = ls;
      const fs = q.get('fieldSelector');
      if (fs) opts.fieldSelector = fs;
      if (q.get('sendInitialEvents') === 'true') opts.sendInitialEvents = true;
      stop = api.watch(route.info, route.namespace, opts, write);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      res.end(`${JSON.stringify({ type: 'ERROR', object: e.status() })}\n`);
      return;
    }
    streams.add(res);
    notifyWatchers();
    const timers: NodeJS.Timeout[] = [];
    if (bookmarks)
      timers.push(
        setInterval(
          () => write({ type: 'BOOKMARK', object: api.bookmarkObject(route.info) }),
          bookmarkMillis,
        ),
      );
    const timeout = Number(q.get('timeoutSeconds') ?? '0');
    const end = () => {
      stop();
      for (const t of timers) clearInterval(t);
      streams.delete(res);
      if (!res.writableEnded) res.end();
    };
    if (timeout > 0) timers.push(setTimeout(end, timeout * 1000));
    req.on('close', end);
    res.on('close', end);
  }

  async function serveResource(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    q: URLSearchParams,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const { info, name, subresource } = route;
    // The API server's deprecation warning for core/v1 Endpoints (1.33); kubectl prints it.
    if (info.kind === 'Endpoints')
      res.setHeader(
        'Warning',
        '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"',
      );
    const dryRun = q.getAll('dryRun').includes('All');
    const fieldValidation = q.get('fieldValidation') ?? undefined;
    // The API server's warnings for this request (unknown fields dropped), as Warning headers.
    const warnings: string[] = [];
    const warned = <T>(result: T): T => {
      if (warnings.length) {
        const given = res.getHeader('Warning');
        const before = given === undefined ? [] : Array.isArray(given) ? given : [String(given)];
        res.setHeader('Warning', [...before, ...warnings.map((w) => `299 - ${JSON.stringify(w)}`)]);
      }
      return result;
    };
    const namespace = route.namespace;
    if (
      subresource !== undefined &&
      subresource !== 'scale' &&
      subresource !== 'status' &&
      !((subresource === 'eviction' || subresource === 'log') && info.kind === 'Pod')
    )
      throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    /** The request's object: JSON, or protobuf from typed clients (kubectl create deployment). */
    const readObject = async (): Promise<unknown> => {
      const raw = await readRaw(req);
      if (contentType !== 'application/vnd.kubernetes.protobuf') return parseJson(raw.toString('utf8'));
      try {
        return decodeProtobufObject(raw);
      } catch (e) {
        if (!(e instanceof ProtobufError)) throw e;
        throw new StatusError(
          415,
          'UnsupportedMediaType',
          `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (${e.message})`,
        );
      }
    };
    const table = wantsTable(req.headers.accept);
    const include = (q.get('includeObject') ?? 'Metadata') as IncludeObject;
    const reply = (obj: KubeObject, code = 200) =>
      send(
        res,
        code,
        table && subresource === undefined
          ? toTable(info, [obj], cluster.now, {
              resourceVersion: obj.metadata.resourceVersion ?? '',
              includeObject: include,
            })
          : apiEncode(obj),
      );

    if (method === 'GET' && name === undefined) {
      if (q.get('watch') === 'true' || q.get('watch') === '1') return serveWatch(req, res, route, q);
      const opts: Parameters<ApiServer['list']>[2] = {};
      const ls = q.get('labelSelector');
      if (ls) opts.labelSelector = ls;
      const fs = q.get('fieldSelector');
      if (fs) opts.fieldSelector = fs;
      const { items, resourceVersion } = api.list(info, namespace, opts);
      if (table)
        return send(res, 200, toTable(info, items, cluster.now, { resourceVersion, includeObject: include }));
      return send(res, 200, {
        kind: `${info.kind}List`,
        apiVersion: info.group ? `${info.group}/${info.version}` : info.version,
        metadata: { resourceVersion },
        items: items.map((o) => ({ ...apiEncode(o), kind: info.kind, apiVersion: o.apiVersion })),
      });
    }
    if (method === 'POST' && name === undefined)
      return reply(
        warned(api.create(info, namespace, await readObject(), { dryRun, fieldValidation, warnings })),
        201,
      );
    if (name === undefined)
      throw new StatusError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );

    if (subresource === 'log') {
      if (method !== 'GET')
        throw new StatusError(
          405,
          'MethodNotAllowed',
          'the server does not allow this method on the requested resource',
        );
      return serveLog(res, api.get(info, namespace, name) as Pod, q, cluster);
    }
    if (subresource === 'eviction') {
      if (method === 'POST')
        return send(res, 201, api.evict(info, namespace, name, await readObject(), { dryRun }));
      throw new StatusError(
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
      );
    }
    if (subresource === 'scale') {
      if (method === 'GET') return send(res, 200, api.getScale(info, namespace, name));
      if (method === 'PUT')
        return send(
          res,
          200,
          api.updateScale(info, namespace, name, parseJson(await readBody(req)), { dryRun }),
        );
      if (method === 'PATCH') {
        const type = patchTypes[contentType];
        if (!type) throw unsupportedPatch(contentType);
        return send(
          res,
          200,
          api.patchScale(info, namespace, name, type, parseJson(await readBody(req)), { dryRun }),
        );
      }
    }
    const sub = subresource === 'status' ? { subresource: 'status' as const } : {};
    switch (method) {
      case 'GET':
        return reply(api.get(info, namespace, name));
      case 'PUT':
        return reply(
          warned(
            api.update(info, namespace, name, await readObject(), {
              dryRun,
              fieldValidation,
              warnings,
              ...sub,
            }),
          ),
        );
      case 'PATCH': {
        const type = patchTypes[contentType];
        if (!type) throw unsupportedPatch(contentType);
        return reply(
          warned(
            api.patch(info, namespace, name, type, parseJson(await readBody(req)), {
              dryRun,
              fieldValidation,
              warnings,
              ...sub,
            }),
          ),
        );
      }
      case 'DELETE': {
        const text = await readBody(req);
        const body = (text.trim() ? parseJson(text) : {}) as {
          gracePeriodSeconds?: number;
          propagationPolicy?: string;
          dryRun?: string[];
          preconditions?: { uid?: string; resourceVersion?: string };
        };
        const grace = q.get('gracePeriodSeconds') ?? body.gracePeriodSeconds;
        const opts: Parameters<ApiServer['delete']>[3] = {
          dryRun: dryRun || (body.dryRun ?? []).includes('All'),
        };
        if (grace !== undefined && grace !== null) opts.gracePeriodSeconds = Number(grace);
        const policy = q.get('propagationPolicy') ?? body.propagationPolicy;
        if (policy) opts.propagationPolicy = policy;
        if (body.preconditions?.uid) opts.uid = body.preconditions.uid;
        if (body.preconditions?.resourceVersion) opts.resourceVersion = body.preconditions.resourceVersion;
        const obj = api.delete(info, namespace, name, opts);
        if (obj) return reply(obj);
        return send(res, 200, {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name, ...(info.group ? { group: info.group } : {}), kind: info.plural },
        });
      }
    }
    throw new StatusError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  }

  function unsupportedPatch(contentType: string): StatusError {
    return new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json${contentType === 'application/apply-patch+yaml' ? ' (server-side apply is not simulated)' : ''}`,
    );
  }

  const wwwPrefix = normalizePrefix(options.wwwPrefix ?? '/lab/');
  const cors = corsPolicy(options.corsAllowedOrigins ?? LOOPBACK_ORIGINS);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // The simulated cluster's clock is its virtual time: clients that read the Date header (the
    // app following this cluster) see the same clock as the timestamps in its objects.
    res.setHeader('Date', new Date(timestamp(cluster.now)).toUTCString());
    const allow = cors.headers(req.headers.origin);
    for (const [k, v] of Object.entries(allow)) res.setHeader(k, v);
    if (
      req.method === 'OPTIONS' &&
      allow['Access-Control-Allow-Origin'] &&
      req.headers['access-control-request-method']
    ) {
      res.writeHead(204);
      return void res.end();
    }
    if (options.www !== undefined && (await serveStatic(req, res, url.pathname, options.www, wwwPrefix)))
      return;
    // Go's URL.Path, which the API server reads: the path unescaped (a name `|` comes as `%7C`).
    let path = unescapedPath(url.pathname);
    while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const q = url.searchParams;
    const accept = req.headers.accept;
    if (req.method === 'GET') {
      if (path === '/version') return send(res, 200, SERVER_VERSION);
      if (path === '/healthz' || path === '/livez' || path === '/readyz') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return void res.end('ok');
      }
      if (path === '/api' || path === '/apis') {
        const v = aggregatedDiscovery(accept);
        if (v) return send(res, 200, groupDiscoveryList(path === '/api', v), discoveryContentType(v));
        return send(res, 200, path === '/api' ? apiVersions() : apiGroupList());
      }
      if (path === '/openapi/v3') return send(res, 200, openapiRoot());
      const oa = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
      if (oa) {
        const doc = oa[1] ? openapiDocument('', oa[1]) : openapiDocument(oa[2]!, oa[3]!);
        if (doc) return send(res, 200, doc);
      }
      const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
      if (gv) {
        const list = gv[1] ? apiResourceList('', gv[1]) : apiResourceList(gv[2]!, gv[3]!);
        if (list) return send(res, 200, list);
      }
      const g = /^\/apis\/([^/]+)$/.exec(path);
      if (g) {
        const doc = apiGroupDoc(g[1]!);
        if (doc) return send(res, 200, doc);
      }
      if (path === '/rolloutlab/v1/now') return send(res, 200, { now: cluster.now });
    }
    if (req.method === 'POST' && path === '/rolloutlab/v1/advance') {
      const seconds = Number(q.get('seconds') ?? '');
      if (!Number.isFinite(seconds) || seconds < 0) throw badRequest('seconds must be a number ≥ 0');
      advance(seconds);
      return send(res, 200, { now: cluster.now });
    }
    // Node Leases (what `kubectl describe node` reads): derived from the Node, read-only.
    const lease = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/.exec(
      path,
    );
    if (lease && req.method === 'GET') {
      const node = cluster.store.get('Node', undefined, decodeURIComponent(lease[1]!));
      if (!node)
        throw new StatusError(404, 'NotFound', `leases.coordination.k8s.io "${lease[1]!}" not found`);
      return send(res, 200, nodeLease(node as NodeObject, cluster.now));
    }
    const route = parseResourcePath(path);
    if (!route) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
    return serveResource(req, res, route, q);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      if (e instanceof StatusError) return sendStatus(res, e);
      const message = e instanceof Error ? e.message : String(e);
      sendStatus(res, new StatusError(500, 'InternalError', `Internal error occurred: ${message}`));
    });
  });

  let clock: NodeJS.Timeout | undefined;
  let tmp: string | undefined;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const url = `http://127.0.0.1:${port}`;
      let kubeconfig = options.kubeconfig;
      if (!kubeconfig) {
        tmp = mkdtempSync(join(tmpdir(), 'rollout-lab-'));
        kubeconfig = join(tmp, 'kubeconfig');
      }
      writeFileSync(kubeconfig, kubeconfigText(url));
      if (speed > 0) {
        let last = performance.now();
        clock = setInterval(() => {
          const t = performance.now();
          advance(((t - last) / 1000) * speed);
          last = t;
        }, WATCH_TICK_MILLIS);
      }
      resolve({
        url,
        port,
        kubeconfig,
        cluster,
        api,
        advance,
        watchCount: () => api.watcherCount(),
        watchesOpened: () => opened,
        onWatch(listener) {
          watchListeners.add(listener);
          return () => watchListeners.delete(listener);
        },
        waitForWatches(n, timeoutMillis = 10_000) {
          if (opened >= n) return Promise.resolve();
          return new Promise<void>((ok, fail) => {
            const timer = setTimeout(
              () => fail(new Error(`no ${n} watches opened within ${timeoutMillis} ms (${opened} so far)`)),
              timeoutMillis,
            );
            watchWaiters.push({
              n,
              resolve: () => {
                clearTimeout(timer);
                ok();
              },
            });
          });
        },
        close() {
          if (clock) clearInterval(clock);
          for (const s of streams) s.end();
          return new Promise<void>((done) => {
            server.close(() => {
              if (tmp) rmSync(tmp, { recursive: true, force: true });
              done();
            });
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
