/**
 * `--www`: the built app served beside the API under a prefix, as `kubectl proxy --www` does, and
 * the simulated clock in every answer's Date header.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import { EPOCH_MS } from '../k8s/time.ts';
import { startServer, type RunningServer } from './server.ts';
import { normalizePrefix } from './www.ts';

describe('static files beside the API', () => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-lab-www-'));
    mkdirSync(join(dir, 'app', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>lab</title>');
    writeFileSync(join(dir, 'app', 'assets', 'main.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    server = await startServer({ cluster: new SimCluster({ seed: 1 }), speed: 0, www: join(dir, 'app') });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

  it.each([
    ['/lab/', 200, 'text/html; charset=utf-8'],
    ['/lab/index.html', 200, 'text/html; charset=utf-8'],
    ['/lab/assets/main.js', 200, 'text/javascript; charset=utf-8'],
    ['/lab', 301, null],
    ['/lab/missing.js', 404, 'text/plain; charset=utf-8'],
    ['/lab/../secret.txt', 404, 'application/json'],
    // The URL parser resolves encoded dot segments: this one leaves /lab/ and the API answers.
    ['/lab/%2e%2e/secret.txt', 404, 'application/json'],
    ['/lab/..%2fsecret.txt', 404, 'text/plain; charset=utf-8'],
    ['/lab/%00', 404, 'text/plain; charset=utf-8'],
    ['/api/v1/namespaces/default/pods', 200, 'application/json'],
  ])('GET %s → %i', async (path, code, type) => {
    const r = await get(path);
    expect(r.status).toBe(code);
    expect(r.headers.get('content-type')).toBe(type);
    if (code === 404) expect(await r.text()).not.toContain('outside');
  });

  it('answers only GET and HEAD from the files; a write goes to the API', async () => {
    const head = await fetch(`${server.url}/lab/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await fetch(`${server.url}/lab/`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(404);
    expect(((await post.json()) as { kind: string }).kind).toBe('Status');
  });

  it('dates every answer by the simulated clock', async () => {
    server.advance(90);
    const date = (await get('/version')).headers.get('date');
    expect(Date.parse(date ?? '')).toBe(EPOCH_MS + 90_000);
  });

  it.each([
    ['/lab/', '/lab/'],
    ['lab', '/lab/'],
    ['/a/b', '/a/b/'],
  ])('prefix %s is %s', (input, out) => expect(normalizePrefix(input)).toBe(out));
});
