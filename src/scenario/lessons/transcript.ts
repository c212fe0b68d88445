/**
 * A lesson run to its last stop in one go, as the tests and the CLI see it: every step's kubectl
 * result and the event transcript (`TIME TYPE REASON OBJECT MESSAGE`, TIME as virtual m:ss),
 * followed by the requests the clients sent, per 10 seconds.
 */
import { trafficTable } from '../../cluster/traffic.ts';
import type { SimCluster } from '../../cluster/cluster.ts';
import type { RequestRecord } from '../../cluster/traffic.ts';
import { parseTimestamp } from '../../k8s/time.ts';
import type { KubectlResult } from '../../kubectl/command.ts';
import { runKubectl } from '../../kubectl/index.ts';
import { clusterForScenario } from '../run.ts';
import { lessonScenario, type Lesson, type LessonStep } from './types.ts';

export interface LessonRun {
  cluster: SimCluster;
  results: { step: LessonStep; result: KubectlResult }[];
  requests: RequestRecord[];
}

/** m:ss of virtual time. */
export const mmss = (t: number): string =>
  `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;

/** Runs the lesson's steps up to its last stop (or `until`), collecting every request. */
export function runLesson(lesson: Lesson, until?: number): LessonRun {
  const steps = lesson.scenario.spec.steps;
  const last = until ?? Math.max(0, ...steps.filter((s) => s.stop).map((s) => s.at));
  const cluster = clusterForScenario(lessonScenario(lesson));
  const requests: RequestRecord[] = [];
  let seen = 0;
  const collect = () => {
    // Requests are kept for RECENT_SECONDS only: collect after every short advance.
    requests.push(...cluster.requests(seen, cluster.now));
    seen = cluster.now;
  };
  const advanceTo = (t: number) => {
    while (cluster.now < t) {
      cluster.advance(Math.min(5, t - cluster.now));
      collect();
    }
  };
  const results: LessonRun['results'] = [];
  for (const step of steps) {
    if (step.at > last) break;
    advanceTo(step.at);
    results.push({ step, result: runKubectl(cluster, step.run, step.stdin) });
  }
  advanceTo(last);
  return { cluster, results, requests };
}

/** The golden transcript of a run. */
export function transcript(run: LessonRun): string {
  const events = [...run.cluster.eventList()].sort(
    (a, b) => parseTimestamp(a.firstTimestamp) - parseTimestamp(b.firstTimestamp),
  );
  const rows: [number, string][] = [];
  for (const e of events) {
    const first = parseTimestamp(e.firstTimestamp);
    const count = e.count > 1 ? ` (x${e.count} until ${mmss(parseTimestamp(e.lastTimestamp))})` : '';
    const obj = `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;
    rows.push([
      first,
      [mmss(first).padEnd(6), e.type.padEnd(8), e.reason.padEnd(18), obj.padEnd(30), e.message + count].join(
        ' ',
      ),
    ]);
  }
  for (const { step, result } of run.results) {
    const cmd = step.run.startsWith('kubectl') ? step.run : `kubectl ${step.run}`;
    rows.push([
      step.at - 1e-9,
      `${mmss(step.at).padEnd(6)} $ ${cmd}${result.exitCode ? `  # exit ${result.exitCode}` : ''}`,
    ]);
  }
  rows.sort((a, b) => a[0] - b[0]);
  const out = [
    ['TIME'.padEnd(6), 'TYPE'.padEnd(8), 'REASON'.padEnd(18), 'OBJECT'.padEnd(30), 'MESSAGE'].join(' '),
    ...rows.map(([, l]) => l),
    '',
    ...trafficTable('REQUESTS (per 10 s)', run.requests),
  ];
  return out.join('\n') + '\n';
}
