/**
 * The first look at an address, and the words a failure is told in: kubectl's for a connection
 * that is refused or a missing login, the API server's Status for the rest. A fake `fetch` answers
 * as each kind of server does (jsdom's page origin is `location.origin`).
 */
import { describe, expect, it } from 'vitest';
import { apiBase, hostOf, probe, serverError } from './connect.ts';

type Answer = { status: number; body: string; type?: string } | 'network' | 'opaque';
const json = (status: number, body: unknown): Answer => ({ status, body: JSON.stringify(body) });
const API_VERSIONS = json(200, { kind: 'APIVersions', versions: ['v1'] });
const status = (code: number, reason: string, message: string) =>
  json(code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code });

/** A server: what GET /api and GET /api/v1/namespaces/<ns> answer, and whether this page may read it. */
function server(api: Answer, namespace: Answer = json(200, { kind: 'Namespace' })) {
  const asked: string[] = [];
  const get = (input: string, init?: RequestInit): Promise<Response> => {
    asked.push(`${init?.mode ?? 'cors'} ${input}`);
    const path = new URL(input).pathname;
    const a = path === '/api' ? api : namespace;
    if (a === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    if (a === 'opaque')
      return init?.mode === 'no-cors'
        ? Promise.resolve(new Response(null, { status: 200 }))
        : Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(
      new Response(a.body, { status: a.status, headers: { 'Content-Type': a.type ?? 'application/json' } }),
    );
  };
  return { get, asked };
}

const REFUSED =
  'The connection to the server 127.0.0.1:8001 was refused - did you specify the right host or port?';

describe('probe', () => {
  it.each<[string, Answer, Answer | undefined, string | undefined]>([
    ['a Kubernetes API', API_VERSIONS, undefined, undefined],
    ['nothing listening', 'network', undefined, REFUSED],
    [
      'a server that answers without CORS headers for this page',
      'opaque',
      undefined,
      `error: the server 127.0.0.1:8001 answered, but does not let pages from ${location.origin} read it (no CORS headers for this origin): open the lab through kubectl proxy --www, or allow this origin (kube-apiserver --cors-allowed-origins)`,
    ],
    [
      'a web server (HTML)',
      { status: 200, body: '<!doctype html><title>x</title>', type: 'text/html' },
      undefined,
      "error: couldn't get current server API group list: the server 127.0.0.1:8001 answered GET /api with text/html that is not a Kubernetes APIVersions: it is not a Kubernetes API",
    ],
    [
      'a web server (404)',
      { status: 404, body: 'Not Found', type: 'text/plain' },
      undefined,
      "error: couldn't get current server API group list: the server 127.0.0.1:8001 answered GET /api with HTTP 404: it is not a Kubernetes API",
    ],
    [
      'an API server that refuses anonymous users',
      status(403, 'Forbidden', 'forbidden: User "system:anonymous" cannot get path "/api"'),
      undefined,
      'Error from server (Forbidden): forbidden: User "system:anonymous" cannot get path "/api"',
    ],
    [
      'an API server that wants a login',
      status(401, 'Unauthorized', 'Unauthorized'),
      undefined,
      'error: You must be logged in to the server (Unauthorized)',
    ],
    [
      'a namespace that is not there',
      API_VERSIONS,
      status(404, 'NotFound', 'namespaces "shop" not found'),
      'Error from server (NotFound): namespaces "shop" not found',
    ],
    [
      'a user who may not read namespaces (the lists tell)',
      API_VERSIONS,
      status(403, 'Forbidden', 'namespaces "shop" is forbidden'),
      undefined,
    ],
  ])('%s', async (_name, api, ns, expected) => {
    const s = server(api, ns);
    expect(await probe('http://127.0.0.1:8001', 'shop', s.get)).toBe(expected);
    // Nothing but the API's discovery and the namespace asked about.
    expect(s.asked.every((a) => / http:\/\/127\.0\.0\.1:8001\/api/.test(a))).toBe(true);
  });

  it('reaches no address but this page’s origin and this machine', async () => {
    const s = server(API_VERSIONS);
    expect(await probe('https://k8s.example.com:6443', 'default', s.get)).toBe(
      'error: this page connects only to its own origin and to this machine (localhost, 127.0.0.1), not to k8s.example.com:6443: run kubectl proxy and connect to http://127.0.0.1:8001, or open the lab through kubectl proxy --www',
    );
    expect(s.asked).toEqual([]);
    expect(await probe(location.origin, 'default', s.get)).toBeUndefined();
  });
});

describe('addresses and errors', () => {
  it.each([
    ['http://127.0.0.1:8001', 'http://127.0.0.1:8001'],
    [' http://127.0.0.1:8001/ ', 'http://127.0.0.1:8001'],
    ['http://localhost:8001/lab/../', 'http://localhost:8001'],
    ['https://127.0.0.1:6443/prefix/', 'https://127.0.0.1:6443/prefix'],
    ['127.0.0.1:8001', undefined],
    ['ftp://127.0.0.1', undefined],
    ['http://user:pw@127.0.0.1:8001', undefined],
    ['http://127.0.0.1:8001/?watch=1', undefined],
  ])('apiBase(%j) = %j', (text, base) => expect(apiBase(text)).toBe(base));

  it.each([
    ['http://127.0.0.1:8001', '127.0.0.1:8001'],
    ['http://localhost', 'localhost:80'],
    ['https://localhost', 'localhost:443'],
  ])('hostOf(%s) = %s, as kubectl names a server', (base, host) => expect(hostOf(base)).toBe(host));

  it.each<[number | undefined, string, string]>([
    [403, 'deployments.apps is forbidden', 'Error from server (Forbidden): deployments.apps is forbidden'],
    [
      404,
      'the server could not find the requested resource',
      'Error from server (NotFound): the server could not find the requested resource',
    ],
    [401, 'Unauthorized', 'error: You must be logged in to the server (Unauthorized)'],
    [418, 'teapot', 'error: teapot'],
    [
      undefined,
      'GET /x did not answer with a Kubernetes list',
      'error: GET /x did not answer with a Kubernetes list',
    ],
  ])('serverError(%s)', (code, message, printed) => expect(serverError(code, message)).toBe(printed));
});
