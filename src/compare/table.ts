/**
 * The comparison's table, in English or Korean: one row per measure, one column per lane, each
 * cell a short value and a sentence that explains it with its moments and numbers. The app draws
 * it (the sentence on hover and focus) and the CLI prints it (`tableText`), so both say the same.
 */
import type { Localized } from '../scenario/scenario.ts';
import type { LaneMetrics } from './metrics.ts';

export type TableLang = 'en' | 'ko';

export type MetricKey =
  'complete' | 'errorSeconds' | 'failedRequests' | 'peakPods' | 'peakCpu' | 'mixedSeconds';

export const METRIC_KEYS: readonly MetricKey[] = [
  'complete',
  'errorSeconds',
  'failedRequests',
  'peakPods',
  'peakCpu',
  'mixedSeconds',
];

export interface TableCell {
  /** The value as the table shows it (`27 s`, `6 (3 v1 + 3 v2)`). */
  text: string;
  /** What it means and where it comes from, in a sentence. */
  detail: string;
}

export interface ComparisonTable {
  /** The header of the measures' column. */
  corner: string;
  /** One title per lane. */
  lanes: string[];
  rows: { key: MetricKey; label: string; cells: TableCell[] }[];
}

/** A moment as m:ss (`0:34`, `1:05`). */
export function clock(t: number): string {
  const s = Math.floor(t + 1e-6);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

const split = (versions: Readonly<Record<string, number>>) =>
  Object.entries(versions)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([v, n]) => `${n} ${v}`)
    .join(' + ');

type Words = {
  corner: string;
  labels: Record<MetricKey, string>;
  seconds: (n: number) => string;
  notStarted: (from: string) => string;
  notYet: string;
  waitingSteps: string;
  notComplete: string;
  stalled: (until: string) => string;
  completed: (at: string, n: string, from: string) => string;
  noErrors: string;
  errors: (n: number, first: string, last: string) => string;
  requests: (failed: number, refused: number, total: number, from: string) => string;
  peakPods: (n: number, at: string, split: string) => string;
  cpuCell: (cores: string, of: string) => string;
  peakCpu: (cores: string, at: string, of: string, split: string) => string;
  terminating: (n: number) => string;
  and: string;
  noMixed: string;
  mixed: (n: number, versions: string, first: string, last: string) => string;
  none: string;
};

const WORDS: Record<TableLang, Words> = {
  en: {
    corner: 'Measured',
    labels: {
      complete: 'Time to complete',
      errorSeconds: 'Seconds with failed or refused requests',
      failedRequests: 'Failed + refused requests',
      peakPods: 'Peak pods (not Terminating)',
      peakCpu: "Peak nodes' CPU requested",
      mixedSeconds: 'Seconds with two versions answering',
    },
    seconds: (n) => `${n} s`,
    notStarted: (from) => `The updates begin at ${from}; nothing is measured before.`,
    notYet: 'not yet',
    waitingSteps: 'Not every step of this lane has run yet.',
    notComplete: 'not complete',
    stalled: (until) =>
      `Every step has run, but the Deployments had not rolled out by ${until} (kubectl rollout status would still wait).`,
    completed: (at, n, from) =>
      `Rolled out at ${at}, as kubectl rollout status reports it for every Deployment: ${n} s after the update began at ${from}.`,
    noErrors: 'No request failed or was refused.',
    errors: (n, first, last) =>
      `Requests failed or were refused in ${n} ${n === 1 ? 'second' : 'seconds'}, from ${first} to ${last}.`,
    requests: (failed, refused, total, from) =>
      `${failed} failed (HTTP 5xx) + ${refused} refused (no ready endpoint), of ${total} requests since ${from}.`,
    peakPods: (n, at, s) => `Peak ${n} pods at ${at}: ${s} (pods not Terminating, Pending ones included).`,
    cpuCell: (cores, of) => `${cores} of ${of} CPU`,
    peakCpu: (cores, at, of, s) =>
      `Peak ${cores} CPU requested on the nodes at ${at}, of ${of} they can allocate (Terminating pods keep theirs until they are gone); pods then: ${s}.`,
    terminating: (n) => `${n} Terminating`,
    and: ' and ',
    noMixed: 'Never more than one version answered in the same second.',
    mixed: (n, versions, first, last) =>
      `${versions} answered requests in the same ${n === 1 ? 'second' : 'seconds'}: ${n}, from ${first} to ${last}.`,
    none: 'none',
  },
  ko: {
    corner: '측정값',
    labels: {
      complete: '완료까지 걸린 시간',
      errorSeconds: '실패하거나 거부된 요청이 있던 초',
      failedRequests: '실패 + 거부된 요청',
      peakPods: '최대 파드 수(종료 중 제외)',
      peakCpu: '노드의 최대 CPU 요청량',
      mixedSeconds: '두 버전이 함께 응답한 초',
    },
    seconds: (n) => `${n}초`,
    notStarted: (from) => `업데이트는 ${from}에 시작합니다. 그 전에는 측정하지 않습니다.`,
    notYet: '아직',
    waitingSteps: '이 레인의 단계가 아직 모두 실행되지 않았습니다.',
    notComplete: '완료 안 됨',
    stalled: (until) =>
      `모든 단계가 실행되었지만 ${until}까지 디플로이먼트의 롤아웃이 끝나지 않았습니다(kubectl rollout status는 아직 기다립니다).`,
    completed: (at, n, from) =>
      `${at}에 롤아웃 완료: 모든 디플로이먼트에 대해 kubectl rollout status가 완료라고 보고합니다. ${from}에 업데이트를 시작하고 ${n}초 뒤입니다.`,
    noErrors: '실패하거나 거부된 요청이 없습니다.',
    errors: (n, first, last) => `${first}부터 ${last}까지 ${n}초 동안 요청이 실패하거나 거부되었습니다.`,
    requests: (failed, refused, total, from) =>
      `${from} 이후 요청 ${total}개 중 실패(HTTP 5xx) ${failed}개 + 거부(준비된 엔드포인트 없음) ${refused}개.`,
    peakPods: (n, at, s) => `${at}에 최대 파드 ${n}개: ${s}(종료 중인 파드 제외, Pending 포함).`,
    cpuCell: (cores, of) => `CPU ${of}개 중 ${cores}개`,
    peakCpu: (cores, at, of, s) =>
      `${at}에 노드의 CPU 요청량이 최대 ${cores}개(할당 가능한 ${of}개 중). 종료 중인 파드도 사라질 때까지 요청량을 차지합니다. 그때의 파드: ${s}.`,
    terminating: (n) => `종료 중 ${n}개`,
    and: ', ',
    noMixed: '같은 초에 두 버전 이상이 응답한 적이 없습니다.',
    mixed: (n, versions, first, last) =>
      `${first}부터 ${last}까지 ${n}초 동안 ${versions}가 함께 응답했습니다.`,
    none: '없음',
  },
};

const title = (t: Localized | undefined, name: string, lang: TableLang) =>
  (t ? (t[lang] ?? t.en) : undefined) ?? name;

function cell(key: MetricKey, m: LaneMetrics, w: Words, lang: TableLang): TableCell {
  const from = clock(m.from);
  if (m.until < m.from - 1e-6) return { text: '—', detail: w.notStarted(from) };
  switch (key) {
    case 'complete':
      if (m.completeSeconds !== undefined)
        return {
          text: w.seconds(m.completeSeconds),
          detail: w.completed(clock(m.completedAt!), num(m.completeSeconds), from),
        };
      if (m.stepsDoneAt === undefined) return { text: w.notYet, detail: w.waitingSteps };
      return { text: w.notComplete, detail: w.stalled(clock(m.until)) };
    case 'errorSeconds':
      return m.errorSeconds
        ? {
            text: w.seconds(m.errorSeconds),
            detail: w.errors(m.errorSeconds, clock(m.firstErrorAt!), clock(m.lastErrorAt! + 1)),
          }
        : { text: w.seconds(0), detail: w.noErrors };
    case 'failedRequests':
      return {
        text: String(m.failed + m.refused),
        detail: w.requests(m.failed, m.refused, m.requests, from),
      };
    case 'peakPods': {
      const p = m.peakPods;
      if (!p) return { text: '—', detail: w.notStarted(from) };
      const s = split(p.versions) || w.none;
      return { text: p.total ? `${p.total} (${s})` : '0', detail: w.peakPods(p.total, clock(p.at), s) };
    }
    case 'peakCpu': {
      const c = m.peakCpu;
      if (!c) return { text: '—', detail: w.notStarted(from) };
      return {
        text: w.cpuCell(num(c.cores), num(c.allocatable)),
        detail: w.peakCpu(
          num(c.cores),
          clock(c.at),
          num(c.allocatable),
          [split(c.versions), c.terminating ? w.terminating(c.terminating) : '']
            .filter(Boolean)
            .join(w.and) || w.none,
        ),
      };
    }
    case 'mixedSeconds':
      return m.mixedSeconds
        ? {
            text: w.seconds(m.mixedSeconds),
            detail: w.mixed(
              m.mixedSeconds,
              m.mixedVersions.join(lang === 'ko' ? ', ' : ' and '),
              clock(m.firstMixedAt!),
              clock(m.lastMixedAt! + 1),
            ),
          }
        : { text: w.seconds(0), detail: w.noMixed };
  }
}

/** The table for `lanes` (titles) and their `metrics`, in `lang`. */
export function comparisonTable(
  lanes: readonly { name: string; title?: Localized }[],
  metrics: readonly LaneMetrics[],
  lang: TableLang = 'en',
): ComparisonTable {
  const w = WORDS[lang];
  return {
    corner: w.corner,
    lanes: lanes.map((l) => title(l.title, l.name, lang)),
    rows: METRIC_KEYS.map((key) => ({
      key,
      label: w.labels[key],
      cells: metrics.map((m) => cell(key, m, w, lang)),
    })),
  };
}

/** The table as aligned plain text (what `npm run sim -- --compare` prints), with a note per cell. */
export function tableText(table: ComparisonTable, withDetails = true): string {
  const header = [table.corner, ...table.lanes];
  const rows = table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c) + 3)))
      .join('')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (withDetails) {
    out.push('');
    for (const r of table.rows) {
      out.push(`${r.label}:`);
      r.cells.forEach((c, i) => out.push(`  ${table.lanes[i]}: ${c.detail}`));
    }
  }
  return out.join('\n') + '\n';
}

/** Columns a string takes in a terminal (Hangul and other wide characters take two). */
function width(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ? 2 : 1;
  }
  return n;
}
