/**
 * Virtual time. The simulated cluster counts seconds from 0; timestamps shown in objects are that
 * count added to a fixed epoch, rendered the way the API server renders them (RFC 3339, seconds).
 */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

let lastSecond = Number.NaN;
let lastText = '';
/** Texts of the seconds asked for: a pod status names several (now, when each container started). */
const texts = new Map<number, string>();
const parsed = new Map<string, number>();

/** RFC 3339 timestamp (second precision, like metav1.Time) for virtual second `t`. */
export function timestamp(t: number): string {
  const second = Math.floor(t);
  if (second !== lastSecond) {
    let text = texts.get(second);
    if (text === undefined) {
      text = new Date(EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
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
    v = (Date.parse(ts) - EPOCH_MS) / 1000;
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
