/**
 * `npm run sim -- path/to/scenario.yaml --until 300 [--json]`
 * `npm run sim -- --compare path/to/comparison.yaml [--until 90] [--lang ko]`
 *
 * Runs a scenario in Node and prints its timeline: each kubectl step with its output, and every
 * event the way `kubectl get events` shows it, with the virtual time it happened at. `--json`
 * prints the final snapshot (objects, events, decisions) instead. `--compare` plays a scenario
 * with `spec.variants` lane by lane on one clock and prints the comparison's table, as the app
 * shows it, with what each cell means.
 */
import './k8s/yaml-impl.ts';
import './kubectl/commands/extended.ts';
import { readFileSync } from 'node:fs';
import { SimCluster } from './cluster/cluster.ts';
import { runKubectl } from './kubectl/index.ts';
import { tabwrite, GET_TABLE } from './kubectl/printers/tabwriter.ts';
import { clusterForScenario } from './scenario/run.ts';
import { parseScenario, ScenarioError } from './scenario/scenario.ts';
import { parseTimestamp } from './k8s/time.ts';
import { createComparison } from './compare/comparison.ts';
import { comparisonTable, tableText } from './compare/table.ts';
import type { KubeEvent } from './k8s/types.ts';

function usage(): never {
  process.stderr.write(
    'usage: npm run sim -- SCENARIO.yaml [--until SECONDS] [--json]\n' +
      '       npm run sim -- --compare SCENARIO.yaml [--until SECONDS] [--lang en|ko]\n',
  );
  process.exit(2);
}

/** Takes `--name VALUE` or `--name=VALUE` out of `args`; undefined when absent. */
function option(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
  if (v === undefined) usage();
  args.splice(i, a.includes('=') ? 1 : 2);
  return v;
}

function compare(file: string, text: string, until: number | undefined, lang: 'en' | 'ko'): void {
  let c;
  try {
    c = createComparison(text);
  } catch (e) {
    process.stderr.write(`error: ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  c.seek(until ?? c.end());
  process.stdout.write(tableText(comparisonTable(c.lanes, c.metrics(), lang)));
}

function clock(t: number): string {
  const s = Math.floor(t);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function eventRows(events: readonly KubeEvent[], from: number, to: number): string[] {
  return events
    .filter((e) => {
      const t = parseTimestamp(e.firstTimestamp);
      return t >= from && t < to;
    })
    .map((e) => {
      const count = e.count > 1 ? ` (x${e.count}, last ${clock(parseTimestamp(e.lastTimestamp))})` : '';
      return `${clock(parseTimestamp(e.firstTimestamp))}\t${e.type}\t${e.reason}\t${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}\t${e.message}${count}`;
    });
}

function main(argv: string[]): void {
  const args = [...argv];
  const compared = args.indexOf('--compare');
  if (compared >= 0) {
    args.splice(compared, 1);
    const u = option(args, '--until');
    const lang = option(args, '--lang') ?? 'en';
    const file = args[0];
    if (!file || args.length > 1 || (lang !== 'en' && lang !== 'ko')) usage();
    const until = u === undefined ? undefined : Number(u);
    if (until !== undefined && (!Number.isFinite(until) || until < 0)) usage();
    compare(file, readFileSync(file, 'utf8'), until, lang);
    return;
  }
  const json = args.includes('--json');
  const untilIdx = args.findIndex((a) => a === '--until' || a.startsWith('--until='));
  let until = 300;
  if (untilIdx >= 0) {
    const a = args[untilIdx]!;
    const v = a.includes('=') ? a.split('=')[1] : args[untilIdx + 1];
    until = Number(v);
    if (!Number.isFinite(until) || until < 0) usage();
    args.splice(untilIdx, a.includes('=') ? 1 : 2);
  }
  const file = args.filter((a) => a !== '--json')[0];
  if (!file) usage();
  let scenario;
  try {
    scenario = parseScenario(readFileSync(file, 'utf8'));
  } catch (e) {
    const msg = e instanceof ScenarioError || e instanceof Error ? e.message : String(e);
    process.stderr.write(`error: ${file}: ${msg}\n`);
    process.exit(1);
  }
  const cluster: SimCluster = clusterForScenario(scenario);
  const out: string[] = [];
  let from = 0;
  const flushEvents = (to: number) => {
    const rows = eventRows(cluster.eventList(), from, to);
    if (rows.length) out.push(tabwrite(rows.join('\n') + '\n', GET_TABLE));
    from = to;
  };
  if (!json) out.push(tabwrite('TIME\tTYPE\tREASON\tOBJECT\tMESSAGE\n', GET_TABLE));
  for (const step of scenario.spec.steps) {
    if (step.at > until) break;
    if (step.at > cluster.now) cluster.advance(step.at - cluster.now);
    if (!json) flushEvents(Math.floor(cluster.now) + (cluster.now % 1 === 0 ? 0 : 1));
    const r = runKubectl(cluster, step.run, step.stdin);
    if (!json) {
      out.push(
        `${clock(cluster.now)}\t$ ${step.run.startsWith('kubectl') ? step.run : `kubectl ${step.run}`}\n`,
      );
      for (const line of (r.stderr + r.stdout).split('\n').filter((l) => l !== '')) out.push(`\t${line}\n`);
    }
  }
  if (until > cluster.now) cluster.advance(until - cluster.now);
  if (json) {
    process.stdout.write(JSON.stringify(cluster.snapshot(), null, 2) + '\n');
    return;
  }
  flushEvents(Number.POSITIVE_INFINITY);
  process.stdout.write(out.join(''));
}

main(process.argv.slice(2));
