/**
 * Following a namespace of a Kubernetes API: for each resource of FOLLOWED_RESOURCES, a list, then
 * a watch from the list's resourceVersion (with bookmarks, so a quiet resource still moves its
 * resourceVersion on), as client-go's reflector does:
 *
 * - a watch that ends (the server's timeout, a proxy closing it) starts again from the last
 *   resourceVersion seen, without a list;
 * - `410 Expired`/`Gone` (the server no longer holds changes that old, as HTTP status or as an
 *   ERROR event) lists again; the fresh list replaces what was known (`SYNC`), so objects deleted
 *   meanwhile go too;
 * - a failed request (network, 5xx, 429) is tried again after 1, 2, 4 … 30 s;
 * - 401, 403 or 404 stops that resource: an optional one (Endpoints, EndpointSlices, Events) is
 *   left out, a required one fails the session, with the API server's message;
 * - a resource followed `insteadOf` another (Endpoints, instead of EndpointSlices) starts only
 *   once the server refuses that one, and Events are watched in one-second spells every two
 *   seconds (`pollSeconds`): a page keeps six connections to an HTTP/1.1 server, and five held
 *   open watches leave one for the page's own requests.
 *
 * The transport is given by whoever runs it (the app's uses `fetch` on its own origin, tests use
 * Node's). It has one method that reaches the server, `get`: nothing here can send anything but a
 * GET, so a followed cluster is never written to. Framework-free and clock-free: the transport also
 * does the waiting.
 */
import type { FollowEvent } from './run.ts';
import { FOLLOWED_RESOURCES, resourcePath, type FollowedResource } from './resources.ts';

export interface TransportResponse {
  status: number;
  /** The response's `Date` header, when it has one. */
  date?: string | undefined;
  /** The next piece of the body as text; undefined once it has ended. */
  read(): Promise<string | undefined>;
  /** Stops reading and closes the connection. */
  cancel(): void;
}

export interface Transport {
  /** A GET of `path` (with its query) on the Kubernetes API: the only request a follower makes. */
  get(path: string): Promise<TransportResponse>;
  /** Resolves after `ms` milliseconds (the pause before trying again). */
  wait(ms: number): Promise<void>;
}

export type FollowState = 'listing' | 'watching' | 'retrying' | 'unavailable' | 'failed';

export interface FollowStatus {
  kind: string;
  state: FollowState;
  /** Why it is retrying, left out or failed: the API server's message, or the transport's. */
  message?: string;
  /** The HTTP status, when the server answered. */
  code?: number;
}

export interface FollowSink {
  /** Events of one resource that arrived together (`date`: the server's Date header of a list). */
  events(events: FollowEvent[], date?: string): void;
  status(status: FollowStatus): void;
}

export interface FollowOptions {
  /** Seconds a watch asks to last before the server ends it and it starts again (300). */
  watchTimeoutSeconds?: number;
  /** The resources to follow (FOLLOWED_RESOURCES). */
  resources?: readonly FollowedResource[];
}

export interface Follower {
  /** Stops every list and watch. */
  stop(): void;
  /** Settles once every resource has stopped (failed, left out, or `stop()`). */
  readonly done: Promise<void>;
}

const MAX_BACKOFF_MS = 30_000;

class Stopped extends Error {}

/** What the server said in a metav1.Status body, or the start of whatever it sent. */
function messageOf(text: string, code: number): string {
  try {
    const s = JSON.parse(text) as { kind?: unknown; message?: unknown };
    if (s && s.kind === 'Status' && typeof s.message === 'string') return s.message;
  } catch {
    // Not JSON: a proxy's or a web server's page.
  }
  const plain = text
    .slice(0, 2000)
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
  return plain ? `HTTP ${code}: ${plain}` : `HTTP ${code}`;
}

export function followNamespace(
  transport: Transport,
  namespace: string,
  sink: FollowSink,
  options: FollowOptions = {},
): Follower {
  let stopped = false;
  const open = new Set<TransportResponse>();
  /**
   * Per kind, settled once the server refuses it (or the follower stops): what a resource followed
   * `insteadOf` that kind waits for.
   */
  const refusals = new Map<string, { settled: Promise<void>; settle: () => void }>();
  const refusal = (kind: string) => {
    let r = refusals.get(kind);
    if (!r) {
      let settle = () => {};
      const settled = new Promise<void>((resolve) => (settle = resolve));
      refusals.set(kind, (r = { settled, settle }));
    }
    return r;
  };
  const timeout = options.watchTimeoutSeconds ?? 300;

  const get = async (path: string): Promise<TransportResponse> => {
    if (stopped) throw new Stopped();
    const res = await transport.get(path);
    if (stopped) {
      res.cancel();
      throw new Stopped();
    }
    open.add(res);
    return res;
  };
  const close = (res: TransportResponse) => {
    open.delete(res);
    res.cancel();
  };
  const readAll = async (res: TransportResponse): Promise<string> => {
    const parts: string[] = [];
    for (let piece = await res.read(); piece !== undefined; piece = await res.read()) parts.push(piece);
    open.delete(res);
    return parts.join('');
  };

  async function follow(r: FollowedResource): Promise<void> {
    const path = resourcePath(r, namespace);
    let rv: string | undefined;
    let failures = 0;
    const status = (state: FollowState, extra: { message?: string; code?: number } = {}) =>
      sink.status({ kind: r.kind, state, ...extra });
    const retry = async (message: string, code?: number) => {
      failures++;
      status('retrying', { message, ...(code !== undefined ? { code } : {}) });
      await transport.wait(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 5)));
    };
    /** 401, 403, 404: this user may not, or the server does not serve it. */
    const refused = (code: number, message: string): boolean => {
      if (code !== 401 && code !== 403 && code !== 404) return false;
      status(r.optional ? 'unavailable' : 'failed', { message, code });
      refusal(r.kind).settle();
      return true;
    };

    while (!stopped) {
      try {
        if (rv === undefined) {
          status('listing');
          const res = await get(path);
          const text = await readAll(res);
          if (res.status !== 200) {
            if (refused(res.status, messageOf(text, res.status))) return;
            await retry(messageOf(text, res.status), res.status);
            continue;
          }
          let list: { metadata?: { resourceVersion?: unknown }; items?: unknown };
          try {
            list = JSON.parse(text) as typeof list;
          } catch {
            list = {};
          }
          if (!list || !Array.isArray(list.items) || typeof list.metadata?.resourceVersion !== 'string') {
            status('failed', { message: `GET ${path} did not answer with a Kubernetes list`, code: 200 });
            return;
          }
          rv = list.metadata.resourceVersion;
          sink.events([{ type: 'SYNC', kind: r.kind, items: list.items }], res.date);
        }
        const query = `?watch=1&resourceVersion=${encodeURIComponent(rv)}&allowWatchBookmarks=true&timeoutSeconds=${r.pollSeconds ? 1 : timeout}`;
        const res = await get(path + query);
        if (res.status === 410) {
          close(res);
          rv = undefined;
          continue;
        }
        if (res.status !== 200) {
          const text = await readAll(res);
          if (refused(res.status, messageOf(text, res.status))) return;
          await retry(messageOf(text, res.status), res.status);
          continue;
        }
        status('watching');
        failures = 0;
        let buffer = '';
        let lines = 0;
        let expired = false;
        let error: { message: string; code?: number } | undefined;
        const handle = (line: string, out: FollowEvent[]) => {
          if (!line.trim()) return;
          lines++;
          let e: {
            type?: unknown;
            object?: {
              metadata?: { resourceVersion?: unknown };
              code?: unknown;
              message?: unknown;
              reason?: unknown;
            };
          };
          try {
            e = JSON.parse(line) as typeof e;
          } catch {
            error = { message: `a watch event that is not JSON: ${line.slice(0, 80)}` };
            return;
          }
          const o = e.object;
          const version = o?.metadata?.resourceVersion;
          if (e.type === 'ADDED' || e.type === 'MODIFIED' || e.type === 'DELETED') {
            out.push({ type: e.type, kind: r.kind, object: o });
            if (typeof version === 'string' && version !== '') rv = version;
          } else if (e.type === 'BOOKMARK') {
            if (typeof version === 'string' && version !== '') rv = version;
          } else if (e.type === 'ERROR') {
            if (o?.code === 410 || o?.reason === 'Expired' || o?.reason === 'Gone') expired = true;
            else
              error = {
                message: typeof o?.message === 'string' ? o.message : 'the watch ended with an error',
                ...(typeof o?.code === 'number' ? { code: o.code } : {}),
              };
          }
        };
        for (
          let piece = await res.read();
          piece !== undefined && !expired && !error;
          piece = await res.read()
        ) {
          buffer += piece;
          const parts = buffer.split('\n');
          buffer = parts.pop() ?? '';
          const out: FollowEvent[] = [];
          for (const line of parts) if (!expired && !error) handle(line, out);
          if (out.length) sink.events(out);
        }
        if (!expired && !error && buffer) {
          const out: FollowEvent[] = [];
          handle(buffer, out);
          if (out.length) sink.events(out);
        }
        close(res);
        if (stopped) return;
        if (expired) rv = undefined;
        else if (error) await retry(error.message, error.code);
        else if (r.pollSeconds) await transport.wait(r.pollSeconds * 1000);
        // A watch the server ended at once, again and again, must not spin.
        else if (lines === 0) await transport.wait(1000);
      } catch (e) {
        if (e instanceof Stopped || stopped) return;
        await retry(e instanceof Error ? e.message : String(e));
      }
    }
  }

  const resources = options.resources ?? FOLLOWED_RESOURCES;
  const followed = new Set(resources.map((r) => r.kind));
  const done = Promise.all(
    resources.map((r) =>
      r.insteadOf && followed.has(r.insteadOf)
        ? refusal(r.insteadOf).settled.then(() => follow(r))
        : follow(r),
    ),
  ).then(() => undefined);
  return {
    stop() {
      stopped = true;
      for (const kind of followed) refusal(kind).settle();
      for (const res of open) res.cancel();
      open.clear();
    },
    done,
  };
}
