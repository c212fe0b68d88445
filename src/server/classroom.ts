/**
 * The live class's server (`npm run classroom`): serves the built app (dist/) and relays, over one
 * WebSocket per device at `/classroom`, the presenter's moment to the students and their answers
 * back (src/classroom/room.ts decides; this file only carries frames and effects). Nothing is
 * written to disk: the answers live in the Room and end with the process.
 *
 * Limits on top of the room's: a frame larger than twice MAX_MESSAGE_BYTES closes the socket
 * (1009, by `ws`), more than MESSAGES_PER_SECOND frames in a second close it (1008), a socket that
 * stops answering pings is dropped, and a cross-site page cannot open a socket (Origin must match).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { CODE_ALPHABET, CODE_LENGTH, MAX_MESSAGE_BYTES, type ErrorCode } from '../classroom/protocol.ts';
import { Room, type ConnId, type Effect } from '../classroom/room.ts';

export const CLASSROOM_PATH = '/classroom';
/** Close codes the app reads: do not reconnect after these. */
export const CLOSE_CODES: Partial<Record<ErrorCode, number>> = { replaced: 4001, 'too-many-attempts': 4002 };
const MESSAGES_PER_SECOND = 20;
const PING_MS = 15_000;
/** A socket this far behind (a phone on a bad network) misses moments rather than holding memory. */
const MAX_BUFFERED = 256 * 1024;

export interface ClassroomOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The address to listen on: every interface by default, so phones in the room can reach it. */
  host?: string;
  /** The built app. */
  dist?: string;
  code?: string;
  token?: string;
}

export interface ClassroomServer {
  port: number;
  code: string;
  token: string;
  room: Room;
  /** The join page on each IPv4 address of the room's network, then on 127.0.0.1. */
  studentUrls: string[];
  /** The presenter's page on this computer (carries the secret token). */
  presenterUrl: string;
  close(): Promise<void>;
}

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** IPv4 addresses of this machine other than loopback: where students can reach it. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

const HOST_HEADER = /^[\w.-]+(?::\d{1,5})?$|^\[[\da-f:.]+\](?::\d{1,5})?$/i;

async function serveFile(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  // The app's own pages: the lab and the students' join page.
  const page = pathname === '/' || pathname === '/join' || pathname === '/index.html';
  const file = page ? join(root, 'index.html') : resolve(root, `.${normalize(pathname)}`);
  if (!file.startsWith(root + sep) || pathname.includes('\0')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    let body: Buffer | string = await readFile(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (page) {
      // The page's CSP allows sockets to its own origin; say so explicitly for browsers whose
      // 'self' does not cover ws: (older Safari).
      const host = req.headers.host;
      body = body.toString('utf8');
      if (host && HOST_HEADER.test(host))
        body = body.replace("connect-src 'self'", `connect-src 'self' ws://${host}`);
      headers['Referrer-Policy'] = 'no-referrer';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
  }
}

export async function startClassroom(options: ClassroomOptions = {}): Promise<ClassroomServer> {
  const root = resolve(options.dist ?? 'dist');
  const code = options.code ?? newCode();
  const token = options.token ?? randomBytes(18).toString('base64url');
  const room = new Room({ code, token, newId: () => randomBytes(12).toString('base64url') });
  const sockets = new Map<ConnId, WebSocket>();
  let nextId = 1;

  const http = createServer((req, res) => void serveFile(root, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES * 2 });

  const apply = (effects: Effect[]) => {
    for (const e of effects) {
      if (e.kind === 'send') {
        const data = JSON.stringify(e.message);
        for (const id of e.to) {
          const ws = sockets.get(id);
          if (ws && ws.readyState === ws.OPEN && ws.bufferedAmount < MAX_BUFFERED) ws.send(data);
        }
      } else {
        const ws = sockets.get(e.conn);
        ws?.close(CLOSE_CODES[e.reason] ?? 1008, e.reason);
      }
    }
  };

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    let sameOrigin = true;
    if (origin !== undefined) {
      try {
        sameOrigin = new URL(origin).host === req.headers.host;
      } catch {
        sameOrigin = false;
      }
    }
    if (url.pathname !== CLASSROOM_PATH || !sameOrigin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const id = nextId++;
    sockets.set(id, ws);
    room.connect(id);
    let alive = true;
    let window = Date.now();
    let count = 0;
    ws.on('pong', () => {
      alive = true;
    });
    const ping = setInterval(() => {
      if (!alive) {
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }, PING_MS);
    ws.on('message', (data, isBinary) => {
      const now = Date.now();
      if (now - window >= 1000) {
        window = now;
        count = 0;
      }
      if (++count > MESSAGES_PER_SECOND) {
        ws.close(1008, 'too many messages');
        return;
      }
      const raw = isBinary
        ? ''
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(data as Buffer[]).toString('utf8');
      apply(room.receive(id, raw));
    });
    ws.on('close', () => {
      clearInterval(ping);
      sockets.delete(id);
      apply(room.disconnect(id));
    });
    ws.on('error', () => ws.terminate());
  });

  const host = options.host ?? '0.0.0.0';
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 0, host, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  const lan = host === '0.0.0.0' ? lanAddresses() : host === '127.0.0.1' ? [] : [host];
  room.joinUrl = `http://${lan[0] ?? '127.0.0.1'}:${port}/join`;
  return {
    port,
    code: room.code,
    token,
    room,
    studentUrls: [...lan, '127.0.0.1'].map((a) => `http://${a}:${port}/join`),
    presenterUrl: `http://127.0.0.1:${port}/?classroom=${token}`,
    close: () =>
      new Promise<void>((ok) => {
        for (const ws of sockets.values()) ws.terminate();
        wss.close();
        http.close(() => ok());
        http.closeAllConnections();
      }),
  };
}
