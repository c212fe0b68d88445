/**
 * Static files beside the API, as `kubectl proxy --www=DIR --www-prefix=PREFIX` serves them: the
 * built app under `/lab/` talks to the API on the same origin (no CORS, no credentials in the
 * page), against the simulator exactly as against a real cluster behind kubectl proxy.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** `/lab/` → `/lab/`; `lab` → `/lab/`. */
export function normalizePrefix(prefix: string): string {
  let p = prefix.startsWith('/') ? prefix : `/${prefix}`;
  if (!p.endsWith('/')) p += '/';
  return p;
}

/**
 * Serves a GET or HEAD of a path under `prefix` from `dir` (index.html for the prefix itself);
 * false when the path is not under the prefix, so the API handles it.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  dir: string,
  prefix: string,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === prefix.slice(0, -1)) {
    res.writeHead(301, { Location: prefix });
    res.end();
    return true;
  }
  if (!path.startsWith(prefix)) return false;
  const root = resolve(dir);
  let rel: string;
  try {
    rel = decodeURIComponent(path.slice(prefix.length));
  } catch {
    rel = '\u0000';
  }
  let file = resolve(join(root, rel || 'index.html'));
  const notFound = () => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('404 page not found\n');
    return true;
  };
  if (rel.includes('\u0000') || (file !== root && !file.startsWith(root + sep))) return notFound();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    return notFound();
  }
}
