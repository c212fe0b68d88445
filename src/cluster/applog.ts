/**
 * What a simulated app writes to its container log. The book's kubia app prints
 * `Kubia server starting...` when it starts and `Received request from <address>` for every HTTP
 * request it answers (readiness and liveness probes included). Only the time of each request is
 * kept; the text is the same for every line (every request reaches the pod from its node's
 * bridge address, as probes and kube-proxy's masqueraded traffic do).
 *
 * The log is immutable (a new value per line, sharing full chunks), so a snapshot of the world
 * shares it instead of copying it. Like the kubelet's log rotation, only the most recent lines
 * are kept.
 *
 * A version sees the first `visibleTail(count)` times of its last chunk. The newest version adds a
 * line by pushing onto that chunk, which the versions before it share without seeing the line; a
 * version that is not the newest (a checkpoint's, taken back) copies it instead, as does any
 * version whose chunk was frozen (`sealLog`, for snapshots handed out). So a line costs the same
 * whatever the chunk holds, instead of a copy of the chunk per line.
 */
import { imageRepository } from './apps.ts';

/** Lines per chunk; full chunks are shared between versions of the log. */
const CHUNK = 512;
/** The most lines kept (about a kubelet's 10 MiB container log of kubia's lines). */
export const LOG_LINES = 64 * CHUNK;

export interface AppLog {
  /** Lines written in this container run, including those rotated away. */
  readonly count: number;
  /** When each kept line was written (virtual seconds), oldest first. */
  readonly chunks: readonly (readonly number[])[];
}

export const EMPTY_LOG: AppLog = { count: 0, chunks: [] };

/** How many times of its last chunk a log of `count` lines sees (every chunk before it is full). */
const visibleTail = (count: number): number => (count === 0 ? 0 : ((count - 1) % CHUNK) + 1);

/** The log with one more request line, written at `t`. */
export function appendRequest(log: AppLog | undefined, t: number): AppLog {
  const prev = log ?? EMPTY_LOG;
  const n = prev.chunks.length;
  const last = prev.chunks[n - 1];
  const seen = visibleTail(prev.count);
  if (last && seen < CHUNK) {
    if (last.length === seen && !Object.isFrozen(last)) {
      (last as number[]).push(t);
      return { count: prev.count + 1, chunks: prev.chunks };
    }
    const chunks = [...prev.chunks];
    chunks[n - 1] = [...last.slice(0, seen), t];
    return { count: prev.count + 1, chunks };
  }
  const chunks = [...prev.chunks, [t]];
  if (chunks.length * CHUNK > LOG_LINES + CHUNK) chunks.shift();
  return { count: prev.count + 1, chunks };
}

/**
 * The same log, never to change: its last chunk frozen (later lines then go into a copy), or cut
 * to what it sees when a newer version has added to it. What a snapshot handed out holds.
 */
export function sealLog(log: AppLog): AppLog {
  const n = log.chunks.length;
  const last = log.chunks[n - 1];
  if (!last) return log;
  const seen = visibleTail(log.count);
  if (last.length === seen) {
    Object.freeze(last);
    return log;
  }
  const chunks = [...log.chunks];
  chunks[n - 1] = Object.freeze(last.slice(0, seen));
  return { count: log.count, chunks };
}

/**
 * Whether `log` is laid out as appendRequest lays a log out from empty with no line rotated away:
 * every chunk full but the last, `count` lines in all. Every later version of such a log in the
 * same container run begins with it (`startsWith`), and gives it back (`logPrefix`).
 */
export function isWhole(log: AppLog): boolean {
  const n = log.chunks.length;
  if (n === 0) return log.count === 0;
  for (let i = 0; i < n - 1; i++) if (log.chunks[i]!.length !== CHUNK) return false;
  const seen = visibleTail(log.count);
  return log.chunks[n - 1]!.length >= seen && log.count === (n - 1) * CHUNK + seen;
}

/** Whether the whole log `later` begins with every line of the whole log `log`, chunk by chunk. */
export function startsWith(later: AppLog, log: AppLog): boolean {
  const n = log.chunks.length;
  if (later.count < log.count) return false;
  if (n === 0) return true;
  for (let i = 0; i < n - 1; i++) if (later.chunks[i] !== log.chunks[i]) return false;
  const a = log.chunks[n - 1]!;
  const b = later.chunks[n - 1]!;
  if (a === b) return true;
  const seen = visibleTail(log.count);
  for (let i = 0; i < seen; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The whole log `log` as it was when it had `count` lines (at most `log.count`). */
export function logPrefix(log: AppLog, count: number): AppLog {
  if (count === log.count) return log;
  if (count === 0) return EMPTY_LOG;
  const k = Math.ceil(count / CHUNK);
  const chunks = log.chunks.slice(0, k);
  const rest = count - (k - 1) * CHUNK;
  if (rest < CHUNK) chunks[k - 1] = chunks[k - 1]!.slice(0, rest);
  return { count, chunks };
}

/** The times of the request lines still kept, oldest first. */
export function requestTimes(log: AppLog | undefined): number[] {
  if (!log || log.chunks.length === 0) return [];
  const n = log.chunks.length;
  const out = log.chunks.slice(0, n - 1).flat();
  const last = log.chunks[n - 1]!;
  const seen = visibleTail(log.count);
  for (let i = 0; i < seen; i++) out.push(last[i]!);
  return out;
}

/** Whether the image is the book's kubia app, whose log lines these are. */
export function logsRequests(image: string): boolean {
  return imageRepository(image) === 'docker.io/luksa/kubia';
}

export const STARTING_LINE = 'Kubia server starting...';

/** The line for one request: the address the app sees, an IPv4 address mapped into IPv6. */
export function requestLine(podIP: string): string {
  const gateway = podIP.replace(/\.\d+$/, '.1');
  return `Received request from ::ffff:${gateway}`;
}
