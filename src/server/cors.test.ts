/**
 * CORS as kube-apiserver answers with `--cors-allowed-origins`: pages on this machine may read the
 * served simulator (the app on its dev or preview port follows it), others get no CORS headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import { parseArgs } from './args.ts';
import { corsPolicy, LOOPBACK_ORIGINS } from './cors.ts';
import { startServer, type RunningServer } from './server.ts';

describe('the CORS policy', () => {
  const loopback = corsPolicy(LOOPBACK_ORIGINS);
  it.each([
    ['http://localhost:5173', true],
    ['http://127.0.0.1:4173', true],
    ['https://localhost', true],
    ['http://[::1]:8080', true],
    ['http://localhost.evil.example', false],
    ['http://127.0.0.1.evil.example:80', false],
    ['http://evil.example', false],
    ['null', false],
  ])('loopback origins: %s → %s', (origin, allowed) => {
    const h = loopback.headers(origin);
    expect(h['Access-Control-Allow-Origin']).toBe(allowed ? origin : undefined);
    if (allowed) expect(h['Access-Control-Expose-Headers']).toBe('Date');
  });

  it('allows nothing without an Origin or with no patterns', () => {
    expect(loopback.headers(undefined)).toEqual({});
    expect(corsPolicy([]).headers('http://localhost:5173')).toEqual({});
  });

  it('reads --cors-allowed-origins as kube-apiserver does, and refuses a pattern that is not one', () => {
    expect(
      parseArgs(['--cors-allowed-origins', '^https://lab\\.example$, ^http://localhost(:[0-9]+)?$']).options
        .corsAllowedOrigins,
    ).toEqual(['^https://lab\\.example$', '^http://localhost(:[0-9]+)?$']);
    expect(parseArgs(['--cors-allowed-origins=']).options.corsAllowedOrigins).toEqual([]);
    expect(() => parseArgs(['--cors-allowed-origins', '(['])).toThrow(
      '--cors-allowed-origins: not a regular expression: ([',
    );
  });
});

describe('the served simulator', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ cluster: new SimCluster({ seed: 1 }), speed: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers a page on another port of this machine, exposing its clock', async () => {
    const r = await fetch(`${server.url}/apis/apps/v1/namespaces/default/deployments`, {
      headers: { Origin: 'http://127.0.0.1:4615' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4615');
    expect(r.headers.get('access-control-expose-headers')).toBe('Date');
  });

  it('answers a preflight with 204 and the methods allowed, and gives other origins nothing', async () => {
    const pre = await fetch(`${server.url}/api/v1/namespaces/default/pods`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toBe('POST, GET, OPTIONS, PUT, DELETE, PATCH');
    const other = await fetch(`${server.url}/api/v1/namespaces/default/pods`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
