/**
 * klog's text header, which kubectl writes before a line it logs (a fatal one on stderr):
 * `F1206 08:56:40.708278    2556 sorter.go:329] message`. Severity letter, month and day, the
 * time to the microsecond (kubectl's clock: the cluster's here), the process id right-aligned in
 * seven places, the Go file and line that logged it.
 */
import { epoch } from '../k8s/time.ts';

/** The page's kubectl is no process of its own: the id its klog lines show. */
export const KUBECTL_PID = 4242;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function klogLine(
  severity: 'I' | 'W' | 'E' | 'F',
  now: number,
  source: string,
  message: string,
): string {
  const micros = Math.round(now * 1e6);
  const d = new Date(epoch() + Math.floor(micros / 1000));
  const day = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(micros % 1_000_000, 6)}`;
  return `${severity}${day} ${time} ${String(KUBECTL_PID).padStart(7)} ${source}] ${message}\n`;
}
