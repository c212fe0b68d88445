/**
 * For tests that follow a served cluster from Node: a transport over Node's fetch (what the app's
 * transport does in the browser), and a proxy in front of the API that records every request's
 * method, so a test can say that following never sent anything but GET.
 */
import { createServer, request, type Server } from 'node:http';
import type { Transport, TransportResponse } from '../follow/client.ts';
import type { ClusterView } from '../view/view.ts';

export function nodeTransport(base: string): Transport & { close(): void } {
  const controllers = new Set<AbortController>();
  return {
    async get(path) {
      const controller = new AbortController();
      controllers.add(controller);
      const res = await fetch(base + path, { method: 'GET', signal: controller.signal });
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      const out: TransportResponse = {
        status: res.status,
        date: res.headers.get('date') ?? undefined,
        async read() {
          if (!reader) return undefined;
          try {
            const { done, value } = await reader.read();
            if (done) {
              controllers.delete(controller);
              const rest = decoder.decode();
              return rest || undefined;
            }
            return decoder.decode(value, { stream: true });
          } catch {
            controllers.delete(controller);
            return undefined;
          }
        },
        cancel() {
          controllers.delete(controller);
          controller.abort();
        },
      };
      return out;
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    close() {
      for (const c of controllers) c.abort();
      controllers.clear();
    },
  };
}

export interface RecordingProxy {
  readonly url: string;
  /** `METHOD path` of every request that passed. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** An HTTP proxy to `target` (http://host:port) that records each request it forwards. */
export function recordingProxy(target: string): Promise<RecordingProxy> {
  const t = new URL(target);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const upstream = request(
      { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        // A watch sends its headers before any event; so must the proxy.
        res.flushHeaders();
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The diagram without the nodes layer (a followed namespace has no nodes), pods in name order. */
export function drawn(v: ClusterView): Omit<ClusterView, 'nodes'> {
  const byName = <T extends { name: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    t: v.t,
    services: v.services.map((s) => ({
      ...s,
      endpoints: [...s.endpoints].sort(),
      notReady: [...s.notReady].sort(),
    })),
    deployments: v.deployments.map((d) => ({
      ...d,
      lanes: d.lanes.map((l) => ({ ...l, pods: byName(l.pods) })),
    })),
    replicaSets: v.replicaSets.map((l) => ({ ...l, pods: byName(l.pods) })),
    loosePods: byName(v.loosePods),
  };
}
