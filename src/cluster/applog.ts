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

/** The log with one more request line, written at `t`. */
export function appendRequest(log: AppLog | undefined, t: number): AppLog {
  const prev = log ?? EMPTY_LOG;
  const chunks = [...prev.chunks];
  const last = chunks[chunks.length - 1];
  if (last && last.length < CHUNK) chunks[chunks.length - 1] = [...last, t];
  else chunks.push([t]);
  if (chunks.length * CHUNK > LOG_LINES + CHUNK) chunks.shift();
  return { count: prev.count + 1, chunks };
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
  const last = log.chunks[n - 1]!.length;
  return last > 0 && last <= CHUNK && log.count === (n - 1) * CHUNK + last;
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
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
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
  return (log?.chunks ?? []).flat();
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
