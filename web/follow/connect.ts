/**
 * Reaching a Kubernetes API from the page, read-only: a transport that can only GET (through
 * `fetch`, without credentials: a followed cluster is reached through `kubectl proxy`, which holds
 * them), and the first look at an address that says, in kubectl's and the API server's words, why
 * it cannot be followed: nothing answers, the answer is not the Kubernetes API, the server does not
 * let this page read it (CORS), or this user may not.
 */
import type { Transport, TransportResponse } from '../../src/index.ts';

/** The address as typed, without a trailing slash; undefined when it is not an http(s) URL. */
export function apiBase(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.search || url.hash || url.username || url.password) return undefined;
  return url.toString().replace(/\/+$/, '');
}

/** `127.0.0.1:8001`, as kubectl names a server in its connection errors. */
export function hostOf(base: string): string {
  const url = new URL(base);
  return url.port ? url.host : `${url.hostname}:${url.protocol === 'https:' ? 443 : 80}`;
}

export function fetchTransport(base: string, signal: AbortSignal): Transport {
  return {
    async get(path: string): Promise<TransportResponse> {
      const controller = new AbortController();
      const abort = () => controller.abort();
      signal.addEventListener('abort', abort);
      const res = await fetch(base + path, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal,
      });
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        signal.removeEventListener('abort', abort);
      };
      return {
        status: res.status,
        date: res.headers.get('Date') ?? undefined,
        async read() {
          if (!reader) {
            finish();
            return undefined;
          }
          try {
            const { done, value } = await reader.read();
            if (done) {
              finish();
              const rest = decoder.decode();
              return rest || undefined;
            }
            return decoder.decode(value, { stream: true });
          } catch (e) {
            finish();
            if (controller.signal.aborted) return undefined;
            throw e;
          }
        },
        cancel() {
          finish();
          controller.abort();
        },
      };
    },
    wait: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}

/** The reason kubectl puts in brackets for an HTTP status (`Error from server (Forbidden): …`). */
const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Gone',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** An API server's answer as kubectl prints it. */
export function serverError(code: number | undefined, message: string): string {
  // kubectl's own line for a request without (valid) credentials.
  if (code === 401) return 'error: You must be logged in to the server (Unauthorized)';
  const reason = code !== undefined ? REASONS[code] : undefined;
  return reason ? `Error from server (${reason}): ${message}` : `error: ${message}`;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Looks at `base` before following `namespace` there: undefined when it serves the Kubernetes API
 * to this page, else the error to show.
 */
export async function probe(
  base: string,
  namespace: string,
  get: Fetch = fetch,
): Promise<string | undefined> {
  const host = hostOf(base);
  // The page's Content-Security-Policy (index.html) lets it connect to its own origin and to this
  // machine only: a cluster elsewhere is reached through kubectl proxy, which holds the credentials.
  const url = new URL(base);
  if (url.origin !== location.origin && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1')
    return `error: this page connects only to its own origin and to this machine (localhost, 127.0.0.1), not to ${host}: run kubectl proxy and connect to http://127.0.0.1:8001, or open the lab through kubectl proxy --www`;
  let res: Response;
  try {
    res = await get(`${base}/api`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    // A page may not tell a refused connection from a refused CORS check; an opaque request can.
    let reached = false;
    try {
      await get(`${base}/api`, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
      reached = true;
    } catch {
      reached = false;
    }
    if (!reached)
      return `The connection to the server ${host} was refused - did you specify the right host or port?`;
    return `error: the server ${host} answered, but does not let pages from ${location.origin} read it (no CORS headers for this origin): open the lab through kubectl proxy --www, or allow this origin (kube-apiserver --cors-allowed-origins)`;
  }
  const text = await res.text();
  let body: { kind?: unknown; versions?: unknown; message?: unknown } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (res.status !== 200) {
    if (body?.kind === 'Status' && typeof body.message === 'string')
      return serverError(res.status, body.message);
    if (res.status === 401) return serverError(401, '');
    // What kubectl prints when discovery finds no Kubernetes API there.
    return `error: couldn't get current server API group list: the server ${host} answered GET /api with HTTP ${res.status}: it is not a Kubernetes API`;
  }
  if (body?.kind !== 'APIVersions' || !Array.isArray(body.versions))
    return `error: couldn't get current server API group list: the server ${host} answered GET /api with ${
      res.headers.get('Content-Type')?.split(';')[0] ?? 'something'
    } that is not a Kubernetes APIVersions: it is not a Kubernetes API`;
  // A namespace that is not there (a user who may not read namespaces goes on: the lists will say).
  try {
    const ns = await get(`${base}/api/v1/namespaces/${encodeURIComponent(namespace)}`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
    if (ns.status === 404) {
      const s = (await ns.json().catch(() => undefined)) as { kind?: unknown; message?: unknown } | undefined;
      return serverError(
        404,
        s?.kind === 'Status' && typeof s.message === 'string'
          ? s.message
          : `namespaces "${namespace}" not found`,
      );
    }
  } catch {
    // The lists will tell.
  }
  return undefined;
}
