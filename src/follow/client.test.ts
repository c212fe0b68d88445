/**
 * The follower's connections: a page keeps six to an HTTP/1.1 server (kubectl proxy, which may
 * also serve the app), so five watches are held open and Events are watched in one-second spells,
 * each from the last resourceVersion seen.
 */
import { describe, expect, it } from 'vitest';
import { followNamespace, type Transport, type TransportResponse } from './client.ts';

/** A server with nothing in the namespace: lists answer at once, watches stay open until their timeout. */
function fakeServer() {
  const requests: string[] = [];
  const open = new Set<string>();
  let mostOpen = 0;
  const waits: { ms: number; resume: () => void }[] = [];
  /** Watches that asked to end after a second, still open: ending one is the server's timeout. */
  const spells: { path: string; end: () => void }[] = [];
  let rv = 10;
  const transport: Transport = {
    get(path) {
      requests.push(path);
      const id = `${requests.length} ${path}`;
      open.add(id);
      mostOpen = Math.max(mostOpen, open.size);
      const done = () => open.delete(id);
      if (!path.includes('watch=1')) {
        const body = JSON.stringify({ metadata: { resourceVersion: String(rv) }, items: [] });
        let sent = false;
        return Promise.resolve<TransportResponse>({
          status: 200,
          read: () => {
            if (sent) {
              done();
              return Promise.resolve(undefined);
            }
            sent = true;
            return Promise.resolve(body);
          },
          cancel: done,
        });
      }
      let finish: (piece: string | undefined) => void = () => {};
      let events: string[] = [];
      const res: TransportResponse = {
        status: 200,
        read: () => {
          if (events.length) return Promise.resolve(events.shift());
          return new Promise((resolve) => (finish = resolve));
        },
        cancel: () => {
          done();
          finish(undefined);
        },
      };
      if (path.includes('timeoutSeconds=1'))
        spells.push({
          path,
          end: () => {
            done();
            finish(undefined);
          },
        });
      // One new Event in each spell, so the next one starts from its resourceVersion.
      if (path.includes('/events?')) {
        rv++;
        events = [
          `${JSON.stringify({ type: 'ADDED', object: { metadata: { name: `e${rv}`, resourceVersion: String(rv) } } })}\n`,
        ];
      }
      return Promise.resolve(res);
    },
    wait(ms) {
      return new Promise((resume) => waits.push({ ms, resume }));
    },
  };
  return { transport, requests, open, waits, spells, mostOpen: () => mostOpen };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('following a namespace over six connections', () => {
  it('holds five watches open and watches Events in one-second spells, two seconds apart', async () => {
    const server = fakeServer();
    const follower = followNamespace(server.transport, 'default', { events: () => {}, status: () => {} });
    await settle();
    const held = [...server.open].filter((r) => r.includes('timeoutSeconds=300'));
    expect(held.map((r) => r.split(' ')[1]!.split('?')[0])).toEqual([
      '/apis/apps/v1/namespaces/default/deployments',
      '/apis/apps/v1/namespaces/default/replicasets',
      '/api/v1/namespaces/default/pods',
      '/api/v1/namespaces/default/services',
      '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
    ]);
    expect(server.spells.map((s) => s.path)).toEqual([
      '/api/v1/namespaces/default/events?watch=1&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=1',
    ]);
    for (let spell = 0; spell < 3; spell++) {
      server.spells.shift()!.end();
      await settle();
      // Between spells five connections are in use, and the sixth is free for the page.
      expect(server.open.size).toBe(5);
      expect(server.waits.map((w) => w.ms)).toEqual([2000]);
      server.waits.shift()!.resume();
      await settle();
      // The next spell starts from the Event the last one brought.
      expect(server.spells.map((s) => s.path)).toEqual([
        `/api/v1/namespaces/default/events?watch=1&resourceVersion=${11 + spell}&allowWatchBookmarks=true&timeoutSeconds=1`,
      ]);
    }
    expect(server.mostOpen()).toBe(6);
    expect(server.requests.filter((r) => /\/endpoints(\?|$)/.test(r))).toEqual([]);
    follower.stop();
    await follower.done;
    expect(server.open.size).toBe(0);
  });
});
