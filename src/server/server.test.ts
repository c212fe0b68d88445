/**
 * The HTTP layer without kubectl: paths, discovery, OpenAPI, Tables, watch streams, errors, the
 * command line and the entry point's two lines.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import { parseManifests } from '../k8s/yaml.ts';
import { kubiaYaml, zeroTiming } from '../test-helpers/builders.ts';
import { ArgsError, parseArgs } from './args.ts';
import { comparisonKubectl } from './paired.ts';
import { SCHEMAS_FILE, generateSchemas } from './openapi-gen.ts';
import { parseResourcePath, startServer, type RunningServer } from './server.ts';

describe('parseResourcePath', () => {
  it.each([
    ['/api/v1/pods', 'Pod', undefined, undefined, undefined],
    ['/api/v1/namespaces/default/pods/kubia-x', 'Pod', 'default', 'kubia-x', undefined],
    ['/api/v1/namespaces/default/pods/kubia-x/status', 'Pod', 'default', 'kubia-x', 'status'],
    ['/apis/apps/v1/namespaces/default/deployments/kubia/scale', 'Deployment', 'default', 'kubia', 'scale'],
    ['/apis/apps/v1/deployments', 'Deployment', undefined, undefined, undefined],
    ['/api/v1/namespaces', 'Namespace', undefined, undefined, undefined],
    ['/api/v1/namespaces/default', 'Namespace', undefined, 'default', undefined],
    ['/api/v1/nodes/node-1', 'Node', undefined, 'node-1', undefined],
    [
      '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
      'EndpointSlice',
      'default',
      undefined,
      undefined,
    ],
  ])('%s', (path, kind, namespace, name, subresource) => {
    const r = parseResourcePath(path);
    expect(r && [r.info.kind, r.namespace, r.name, r.subresource]).toEqual([
      kind,
      namespace,
      name,
      subresource,
    ]);
  });

  it.each(['/apis/apps/v2/deployments', '/api/v1/namespaces/default/nodes/x', '/apis/batch/v1/jobs', '/api'])(
    '%s is no resource',
    (path) => expect(parseResourcePath(path)).toBeUndefined(),
  );
});

describe('parseArgs', () => {
  it.each([
    [['--port', '0', '--speed=2'], { options: { port: 0, speed: 2 } }],
    [['s.yaml', '--kubeconfig', '/tmp/k'], { options: { kubeconfig: '/tmp/k' }, scenarioFile: 's.yaml' }],
    [['--speed', '0'], { options: { speed: 0 } }],
    [['--www', 'dist', '--www-prefix=/app/'], { options: { www: 'dist', wwwPrefix: '/app/' } }],
    [['--start-time', '2025-01-01T00:00:00Z'], { options: {}, startTime: Date.UTC(2025, 0, 1) }],
    [['--start-time=2026-06-01T12:00:00+02:00'], { options: {}, startTime: Date.UTC(2026, 5, 1, 10) }],
  ])('%j', (argv, expected) => expect(parseArgs(argv)).toEqual(expected));

  it.each([
    [['--port', '70000'], '--port must be 0 to 65535'],
    [['--speed', '-1'], '--speed must be a number ≥ 0'],
    [['--frobnicate'], 'unknown flag: --frobnicate'],
    [['a.yaml', 'b.yaml'], 'unexpected argument: b.yaml'],
    [['--port'], 'flag needs an argument: --port'],
    ...['yesterday', '2025-01-01', '2025-01-01T00:00:00.5Z', '2025-13-01T00:00:00Z'].map(
      (t): [string[], string] => [
        ['--start-time', t],
        '--start-time must be an RFC 3339 time in whole seconds, such as 2025-01-01T00:00:00Z',
      ],
    ),
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new ArgsError(message));
  });
});

it('publishes the schemas generated from src/k8s/types.ts (rerun openapi-gen.ts when they change)', () => {
  expect(JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8'))).toEqual(generateSchemas());
});

describe('the server over HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    const cluster = new SimCluster({ seed: 7, timing: zeroTiming });
    server = await startServer({ cluster, speed: 0 });
    server.api.create(deploymentsInfo(), 'default', parseManifests(kubiaYaml())[0]);
  });
  afterAll(() => server?.close());

  const get = (path: string, accept = 'application/json') =>
    fetch(`${server.url}${path}`, { headers: { Accept: accept } });

  it('serves aggregated discovery when asked for it, with the `all` category', async () => {
    const r = await get(
      '/api',
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
    );
    expect(r.headers.get('content-type')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const body = (await r.json()) as {
      items: { versions: { resources: { resource: string; categories?: string[] }[] }[] }[];
    };
    const pods = body.items[0]!.versions[0]!.resources.find((x) => x.resource === 'pods');
    expect(pods?.categories).toEqual(['all']);
    const legacy = (await (await get('/api')).json()) as { kind: string; versions: string[] };
    expect(legacy).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
  });

  it('declares fieldValidation on PATCH in OpenAPI v3, which kubectl checks before it validates', async () => {
    const root = (await (await get('/openapi/v3')).json()) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    expect(Object.keys(root.paths)).toEqual([
      'api/v1',
      'apis/apps/v1',
      'apis/discovery.k8s.io/v1',
      'apis/policy/v1',
    ]);
    const doc = (await (await get(root.paths['apis/apps/v1']!.serverRelativeURL)).json()) as {
      paths: Record<
        string,
        { patch?: { parameters: { name: string }[]; 'x-kubernetes-group-version-kind': object } }
      >;
      components: { schemas: Record<string, unknown> };
    };
    const patch = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']!.patch!;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(patch.parameters.map((p) => p.name)).toContain('fieldValidation');
    expect(Object.keys(doc.components.schemas)).toContain('io.k8s.api.core.v1.PodSpec');
  });

  it('prints Tables with the wide columns at priority 1', async () => {
    const t = (await (
      await get(
        '/apis/apps/v1/namespaces/default/deployments',
        'application/json;as=Table;v=v1;g=meta.k8s.io',
      )
    ).json()) as { columnDefinitions: { name: string; priority: number }[]; rows: { cells: unknown[] }[] };
    expect(t.columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Ready:0',
      'Up-to-date:0',
      'Available:0',
      'Age:0',
      'Containers:1',
      'Images:1',
      'Selector:1',
    ]);
    expect(t.rows[0]!.cells.slice(0, 2)).toEqual(['kubia', '3/3']);
  });

  it('answers a conflict with a Status the way kubectl reads it', async () => {
    const r = await fetch(`${server.url}/apis/apps/v1/namespaces/default/deployments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(parseManifests(kubiaYaml())[0]),
    });
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'AlreadyExists',
      message: 'deployments.apps "kubia" already exists',
    });
  });

  it("serves a pod's log as text, and refuses an unknown container as the API server does", async () => {
    server.advance(30);
    const pod = server.cluster.store.list('Pod', 'default')[0]!.metadata.name;
    const path = `/api/v1/namespaces/default/pods/${pod}/log`;
    const all = await get(path);
    expect(all.headers.get('content-type')).toBe('text/plain');
    const text = await all.text();
    expect(text.split('\n')[0]).toBe('Kubia server starting...');
    const tail = await (await get(`${path}?tailLines=1&timestamps=true`)).text();
    expect(tail).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \S.*\n$/);
    expect(text.endsWith(tail.replace(/^\S+ /, ''))).toBe(true);
    const bad = await get(`${path}?container=nope`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      reason: 'BadRequest',
      message: `container nope is not valid for pod ${pod}`,
    });
    expect((await fetch(`${server.url}${path}`, { method: 'POST' })).status).toBe(405);
  });

  it('warns that core/v1 Endpoints are deprecated, as the 1.33 API server does', async () => {
    const r = await get('/api/v1/namespaces/default/endpoints');
    expect(r.headers.get('warning')).toBe(
      '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"',
    );
  });

  it('streams a watch of Tables: column definitions once, then rows as virtual time moves', async () => {
    const rv = server.api.resourceVersion();
    const ctrl = new AbortController();
    const r = await fetch(`${server.url}/api/v1/namespaces/default/pods?watch=1&resourceVersion=${rv}`, {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
      signal: ctrl.signal,
    });
    const reader = r.body!.getReader();
    await server.waitForWatches(1);
    await fetch(`${server.url}/apis/apps/v1/namespaces/default/deployments/kubia/scale`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: JSON.stringify({ spec: { replicas: 4 } }),
    });
    let text = '';
    const decoder = new TextDecoder();
    while (text.split('\n').length < 3) text += decoder.decode((await reader.read()).value);
    // The new pod is Pending until virtual time moves; then the watch sees it run.
    server.advance(1);
    while (!text.includes('"Running"')) text += decoder.decode((await reader.read()).value);
    ctrl.abort();
    const events = text
      .split('\n')
      .filter((l) => l)
      .map(
        (l) =>
          JSON.parse(l) as {
            type: string;
            object: { columnDefinitions?: unknown[]; rows: { cells: string[] }[] };
          },
      );
    expect(events[0]!.type).toBe('ADDED');
    expect(events[0]!.object.columnDefinitions?.length).toBe(9);
    expect(events[1]!.object.columnDefinitions).toBeUndefined();
    expect(events[0]!.object.rows[0]!.cells[2]).toBe('Pending');
    expect(events.at(-1)!.type).toBe('MODIFIED');
  });
});

function deploymentsInfo() {
  return parseResourcePath('/apis/apps/v1/deployments')!.info;
}

/** `npm run serve` in a child process (`main.ts`), once it printed its two lines. */
async function serveProcess(args: string[]): Promise<{
  lines: string[];
  url: string;
  kubeconfig: string;
  stop: () => Promise<number | null>;
}> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.split('\n').length > 2 && resolve());
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  const lines = out.split('\n');
  return {
    lines,
    url: lines[0]!.split(' ').at(-1)!,
    kubeconfig: lines[1]!.slice('KUBECONFIG='.length),
    stop: () =>
      new Promise<number | null>((resolve) => {
        child.on('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

it('prints the two lines scripts rely on, and stops on SIGTERM', async () => {
  const served = await serveProcess(['--speed', '0']);
  const { lines } = served;
  expect(lines[0]).toMatch(/^Kubernetes API at http:\/\/127\.0\.0\.1:\d+$/);
  expect(lines[1]).toMatch(/^KUBECONFIG=\/.+$/);
  const version = (await (await fetch(`${served.url}/version`)).json()) as {
    gitVersion: string;
  };
  expect(version.gitVersion).toBe('v1.33.1');
  expect(await served.stop()).toBe(0);
  expect(lines.slice(2)).toEqual(['']);
}, 60_000);

describe("the served cluster's timestamps", () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
    },
  };
  const create = async (url: string) => {
    const res = await fetch(`${url}/apis/apps/v1/namespaces/default/deployments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(deployment),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { metadata: { creationTimestamp: string } }).metadata.creationTimestamp;
  };

  // The real kubectl computes the ages of describe's events and of `kubectl events` from these
  // against its own clock: a cluster that began in 2025 showed every event as 700-odd days old.
  it("start at the wall clock, as a new cluster's do", async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const served = await serveProcess(['--speed', '0']);
    try {
      const created = Date.parse(await create(served.url));
      expect(created).toBeGreaterThanOrEqual(before);
      expect(created).toBeLessThanOrEqual(Date.now());
      const kubectl = comparisonKubectl();
      if (!kubectl) return;
      const events = spawnSync(kubectl.path, ['--kubeconfig', served.kubeconfig, 'events'], {
        encoding: 'utf8',
      });
      expect(events.stderr).toBe('');
      const rows = events.stdout.trim().split('\n').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      // Time stands still at speed 0, so each event is as old as the server: seconds.
      for (const row of rows) expect(row).toMatch(/^\d+s\s+Normal\s/);
    } finally {
      await served.stop();
    }
  }, 60_000);

  it('start where --start-time says', async () => {
    const served = await serveProcess(['--speed', '0', '--start-time', '2025-01-01T00:00:00Z']);
    try {
      expect(await create(served.url)).toBe('2025-01-01T00:00:00Z');
    } finally {
      await served.stop();
    }
  }, 60_000);
});
