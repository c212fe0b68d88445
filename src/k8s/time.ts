/**
 * Virtual time. The simulated cluster counts seconds from 0; timestamps shown in objects are that
 * count added to an epoch, rendered the way the API server renders them (RFC 3339, seconds).
 */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/** The moment virtual second 0 is: EPOCH_MS, unless a served cluster set the wall clock's. */
let epochMs = EPOCH_MS;

let lastSecond = Number.NaN;
let lastText = '';
/** Texts of the seconds asked for: a pod status names several (now, when each container started). */
const texts = new Map<number, string>();
const parsed = new Map<string, number>();

/**
 * Makes virtual second 0 the moment `ms` (whole seconds since 1970), for this process. The page and
 * the tests keep EPOCH_MS, so that a link or a transcript shows the same timestamps everywhere. A
 * served cluster (`npm run serve`) starts at the wall clock instead: the real kubectl computes
 * ages from the timestamps it reads (describe's events, `kubectl events`) against its own clock.
 */
export function setEpoch(ms: number): void {
  if (!Number.isInteger(ms) || ms % 1000 !== 0)
    throw new RangeError(`setEpoch: whole seconds only, got ${ms}`);
  epochMs = ms;
  texts.clear();
  parsed.clear();
  lastSecond = Number.NaN;
}

/** The moment virtual second 0 is (see setEpoch), in milliseconds since 1970. */
export function epoch(): number {
  return epochMs;
}

/** RFC 3339 timestamp (second precision, like metav1.Time) for virtual second `t`. */
export function timestamp(t: number): string {
  const second = Math.floor(t);
  if (second !== lastSecond) {
    let text = texts.get(second);
    if (text === undefined) {
      text = new Date(epochMs + second * 1000).toISOString().replace('.000Z', 'Z');
      if (texts.size > 100_000) texts.clear();
      texts.set(second, text);
    }
    lastSecond = second;
    lastText = text;
  }
  return lastText;
}

/** Virtual seconds of an RFC 3339 timestamp written by `timestamp` (NaN for anything else). */
export function parseTimestamp(ts: string | undefined): number {
  if (!ts) return Number.NaN;
  let v = parsed.get(ts);
  if (v === undefined) {
    v = (Date.parse(ts) - epochMs) / 1000;
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(ts, v);
  }
  return v;
}

/**
 * kubectl's human-readable durations (k8s.io/apimachinery/pkg/util/duration.HumanDuration), used for
 * AGE columns: 45s, 5m30s, 10m, 3h20m, 2d5h, 400d, 3y200d.
 */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 0) return '<invalid>';
  if (s < 60 * 2) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rem = s % 60;
    return rem === 0 ? `${minutes}m` : `${minutes}m${rem}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}
