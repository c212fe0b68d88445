/**
 * `npm run bench`: the rows of issue 17's table, each measured in fresh processes (median of 5
 * runs), then the browser rows (`npm run bench:frames`).
 *
 *   npm run bench                          this checkout
 *   npm run bench -- --compare main        the same rows on another commit, side by side, alternating
 *   npm run bench -- --rows update-zero-1000,run-open --runs 3 --no-frames
 *
 * Without --compare or --rows it then runs bench/world.ts, bench/server.ts and bench/classroom.ts (skip them with
 * --no-extra) and the browser rows (--no-frames skips them).
 *
 * With --compare, the other commit is unpacked into a temporary folder (`git archive`), its
 * dependencies installed (`npm ci`, or this checkout's node_modules when the lockfiles are the
 * same), and this checkout's bench/cases.ts run there: the same measurement against the other
 * simulator. Runs alternate between the two, so a machine that others load slows both alike. The
 * behaviour fingerprint (bench/behaviour.ts) is compared too: a speed-up that changes a hash
 * changed behaviour.
 *
 * Times are wall-clock; the CPU time of the same span is shown beside it, the figure to trust
 * when the machine is busy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Measure } from './cases.ts';

const here = dirname(dirname(fileURLToPath(import.meta.url)));

interface Row {
  id: string;
  what: string;
  goal: string;
  /** The measure the goal is about, for the ✓: wall ms (or a ratio). */
  value: (m: Measure) => number;
  limit: number;
  /** How a measure reads in the table. */
  show: (m: Measure) => string;
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const timeAndCpu = (m: Measure) => `${ms(m.ms)} (${ms(m.cpu)} cpu)`;

const ROWS: Row[] = [
  {
    id: 'update-zero-1000',
    what: 'complete rolling update, all timings 0, 1,000 replicas',
    goal: '< 0.25 s',
    value: (m) => m.ms,
    limit: 250,
    show: timeAndCpu,
  },
  {
    id: 'warm-zero-1000',
    what: '  the next one in the same process (v2 → v3), warmed up',
    goal: '',
    value: (m) => m.extra?.['againMs'] ?? NaN,
    limit: Number.NaN,
    show: (m) => `${ms(m.extra?.['againMs'] ?? NaN)} (${ms(m.extra?.['againCpu'] ?? NaN)} cpu)`,
  },
  {
    id: 'update-zero-10000',
    what: 'same, 10,000 replicas',
    goal: '< 2 s',
    value: (m) => m.ms,
    limit: 2000,
    show: timeAndCpu,
  },
  {
    id: 'update-default-1000',
    what: 'same with default timings, 1,000 replicas',
    goal: '< 1 s',
    value: (m) => m.ms,
    limit: 1000,
    show: timeAndCpu,
  },
  {
    id: 'update-default-10000',
    what: 'default timings, 10,000 replicas',
    goal: '< 10 s',
    value: (m) => m.ms,
    limit: 10_000,
    show: timeAndCpu,
  },
  {
    id: 'memory-10000',
    what: '  its peak memory in Node (RSS; heap)',
    goal: '< 400 MB',
    value: (m) => m.extra?.['peakRssMiB'] ?? NaN,
    limit: 400,
    show: (m) =>
      `${Math.round(m.extra?.['peakRssMiB'] ?? NaN)} MiB; ${Math.round(m.extra?.['peakHeapMiB'] ?? NaN)} MiB`,
  },
  {
    id: 'live-10000',
    what: '  what it keeps: heap after a full GC at the end',
    goal: '',
    value: (m) => m.extra?.['liveHeapMiB'] ?? NaN,
    limit: Number.NaN,
    show: (m) => `${Math.round(m.extra?.['liveHeapMiB'] ?? NaN)} MiB`,
  },
  {
    id: 'instant-1000',
    what: 'one simulated instant, 1,000 pods updating (median; p95, max)',
    goal: '< 4 ms',
    value: (m) => m.ms,
    limit: 4,
    show: (m) =>
      `${m.ms.toFixed(2)} ms; ${(m.extra?.['p95'] ?? NaN).toFixed(1)}, ${(m.extra?.['max'] ?? NaN).toFixed(0)} ms`,
  },
  {
    id: 'run-open',
    what: 'Run: open an hour of 1,000 pods at 20 req/s at its end, cold',
    goal: '< 1 s',
    value: (m) => m.ms,
    limit: 1000,
    show: timeAndCpu,
  },
  {
    id: 'run-open-steady',
    what: '  the same hour without its rolling update and rollback',
    goal: '',
    value: (m) => m.ms,
    limit: Infinity,
    show: timeAndCpu,
  },
  {
    id: 'run-seek',
    what: 'Run: then a seek to its frame (median of 20; max)',
    goal: '< 100 ms',
    value: (m) => m.extra?.['max'] ?? NaN,
    limit: 100,
    show: (m) => `${m.ms.toFixed(1)} ms; ${(m.extra?.['max'] ?? NaN).toFixed(1)} ms`,
  },
  {
    id: 'run-memory',
    what: 'Run: heap after an hour of playback / after a minute',
    goal: '≤ 2×',
    value: (m) => m.ms,
    limit: 2,
    show: (m) =>
      `${m.ms.toFixed(2)}× (${Math.round(m.extra?.['hourMiB'] ?? NaN)} / ${Math.round(m.extra?.['minuteMiB'] ?? NaN)} MiB)`,
  },
  {
    id: 'snapshot',
    what: 'public snapshot(); restore(), 1,000 pods mid-rollout (median of 200)',
    goal: '',
    value: (m) => m.ms,
    limit: Infinity,
    show: (m) => `${m.ms.toFixed(2)} ms; ${(m.extra?.['restoreMs'] ?? NaN).toFixed(2)} ms`,
  },
];

/** Which case measures a row, where another's does (the memory rows: the 10,000-replica update's; the warm one: the 1,000's). */
const MEASURED_BY: Record<string, string> = {
  'memory-10000': 'update-default-10000',
  'live-10000': 'update-default-10000',
  'warm-zero-1000': 'update-zero-1000',
};
const caseOf = (id: string) => MEASURED_BY[id] ?? id;

// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 5);
const compare = option('compare');
const only = option('rows')?.split(',');
const rows = ROWS.filter((r) => !only || only.includes(r.id) || only.includes(caseOf(r.id)));

function git(...a: string[]): string {
  return execFileSync('git', a, { cwd: here, encoding: 'utf8' }).trim();
}

/** The other commit, unpacked with its dependencies, running this checkout's measurements. */
function prepare(ref: string): string {
  const sha = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(tmpdir(), `rollout-lab-bench-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, '.ready'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C ${JSON.stringify(dir)}`], { cwd: here });
    const sameLock =
      existsSync(join(dir, 'package-lock.json')) &&
      readFileSync(join(dir, 'package-lock.json'), 'utf8') ===
        readFileSync(join(here, 'package-lock.json'), 'utf8');
    if (sameLock && !existsSync(join(dir, 'node_modules')))
      symlinkSync(join(here, 'node_modules'), join(dir, 'node_modules'), 'dir');
    else if (!sameLock) {
      console.error(`  npm ci in ${dir} …`);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    }
    writeFileSync(join(dir, '.ready'), `${ref} ${sha}\n`);
  }
  copyFileSync(join(here, 'bench', 'cases.ts'), join(dir, 'bench', 'cases.ts'));
  copyFileSync(join(here, 'bench', 'behaviour.ts'), join(dir, 'bench', 'behaviour.ts'));
  console.error(`  ${ref} = ${sha.slice(0, 12)} in ${dir}`);
  return dir;
}

/**
 * A tree's bench/cases.ts and the simulator under it as one JavaScript module, as a program built on
 * the core runs it: the processes that measure then hold the simulator and nothing else. (Under the
 * TypeScript loader a process also holds a compiler and the transformed sources of every file,
 * about 40 MiB of resident memory that is not the simulator's.)
 */
function bundle(tree: string, label: string): string {
  const out = join(built, label.replace(/[^\w.-]/g, '_'), 'cases.mjs');
  buildSync({
    entryPoints: [join(tree, 'bench', 'cases.ts')],
    absWorkingDir: tree,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    // Dependencies written as CommonJS (yaml) still call require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return out;
}

/** One run of a case in a fresh process; undefined when it failed or took over an hour. */
function runCase(tree: string, program: string, name: string): Measure | undefined {
  const r = spawnSync(process.execPath, ['--expose-gc', program, name], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: 3_600_000,
  });
  const line = r.stdout?.trim().split('\n').pop();
  if (r.status !== 0 || !line) {
    console.error(
      `  ${name} failed in ${tree}: ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`,
    );
    return undefined;
  }
  return JSON.parse(line) as Measure;
}

function median(ms: Measure[]): Measure | undefined {
  if (ms.length === 0) return undefined;
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const extra: Record<string, number> = {};
  for (const k of Object.keys(ms[0]!.extra ?? {})) extra[k] = mid(ms.map((m) => m.extra?.[k] ?? NaN));
  return { ms: mid(ms.map((m) => m.ms)), cpu: mid(ms.map((m) => m.cpu)), extra };
}

const trees: [string, string][] = [['this', here]];
if (compare) trees.push([compare, prepare(compare)]);
const built = mkdtempSync(join(tmpdir(), 'rollout-lab-bench-cases-'));
process.on('exit', () => rmSync(built, { recursive: true, force: true }));
const programs = new Map(trees.map(([label, tree]) => [label, bundle(tree, label)]));

const results = new Map<string, Map<string, Measure[]>>();
for (const [label] of trees) results.set(label, new Map());
const cases = [...new Set(rows.map((r) => caseOf(r.id)))];
for (const name of cases) {
  for (let i = 0; i < runs; i++)
    for (const [label, tree] of trees) {
      const m = runCase(tree, programs.get(label)!, name);
      const list = results.get(label)!.get(name) ?? [];
      if (m) list.push(m);
      results.get(label)!.set(name, list);
      console.error(`  ${name} ${label} #${i + 1}: ${m ? timeAndCpu(m) : 'failed'}`);
    }
}

// ---------------------------------------------------------------------------------------------
// The table

const header = ['', 'this checkout', ...(compare ? [compare, 'ratio'] : []), 'goal', ''];
const lines: string[][] = [];
for (const r of rows) {
  const mine = median(results.get('this')!.get(caseOf(r.id)) ?? []);
  const cells = [r.what, mine ? r.show(mine) : 'failed'];
  if (compare) {
    const theirs = median(results.get(compare)!.get(caseOf(r.id)) ?? []);
    cells.push(theirs ? r.show(theirs) : 'failed');
    const a = mine && r.value(mine);
    const b = theirs && r.value(theirs);
    cells.push(a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : '');
  }
  cells.push(
    r.goal,
    !mine || r.goal === ''
      ? ''
      : r.value(mine) < r.limit || (r.goal.startsWith('≤') && r.value(mine) <= r.limit)
        ? '✓'
        : '✗',
  );
  lines.push(cells);
}
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const fmt = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nNode rows: median of ${runs} runs, each in a fresh process (wall; CPU of the same span)`);
console.log(fmt(header));
for (const l of lines) console.log(fmt(l));

if (compare && !flag('no-behaviour')) {
  const fingerprint = (tree: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/behaviour.ts'], {
      cwd: tree,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
  console.error('  behaviour fingerprints …');
  const a = fingerprint(here).trim().split('\n');
  const b = fingerprint(trees[1]![1]).trim().split('\n');
  const differ = a.filter((line, i) => line !== b[i]).map((line) => line.split(/\s+/)[0]);
  console.log(
    differ.length === 0 && a.length === b.length
      ? `Behaviour: the same in all ${a.length} fingerprinted cases (bench/behaviour.ts).`
      : `Behaviour DIFFERS in ${differ.length} of ${a.length} cases: ${differ.join(', ')}`,
  );
}

if (!compare && !only && !flag('no-extra'))
  for (const script of ['bench/world.ts', 'bench/server.ts', 'bench/classroom.ts']) {
    console.log(`\n${script}`);
    spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: here, stdio: 'inherit' });
  }

if (!compare && !flag('no-frames')) {
  console.log(
    '\nBrowser rows (frame p95 at 100 and 1,000 pods, seek to the painted frame, heap over an hour): npm run bench:frames',
  );
  const r = spawnSync('npm', ['run', 'bench:frames'], { cwd: here, encoding: 'utf8', maxBuffer: 1 << 26 });
  const found = (r.stdout ?? '')
    .split('\n')
    .filter((l) => l.startsWith('{"bench"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const f of found) {
    if (f['bench'] === 'frames')
      console.log(
        `frame p95, ${String(f['pods'])} pods, 20 req/s: ${String(f['p95ms'])} ms (goal ≤ 16.7 ms)`,
      );
    else if (f['bench'] === 'scrub')
      console.log(
        `seek to the painted frame, 10-minute run: max ${String(f['paintedMaxMs'])} ms (goal < 50 ms)`,
      );
    else if (f['bench'] === 'link-open')
      console.log(
        `link open, ${String(f['link'])}: shown ${String(f['medianMs'])} ms after navigation, ${String(f['afterScriptsMs'])} ms after the page's scripts arrived (the app first drawn at ${String(f['firstDrawnMs'])} ms)${String(f['link']).startsWith('the chapter') ? ' (goal < 100 ms after the scripts)' : ''}`,
      );
    else if (f['bench'] === 'memory')
      console.log(
        `JS heap after an hour of playback, 1,000 pods: ${String(f['ratio'])}× the first minute's (${String(f['hourMiB'])} / ${String(f['minuteMiB'])} MiB; goal ≤ 2×)`,
      );
    else console.log(JSON.stringify(f));
  }
  if (r.status !== 0) console.log(`bench:frames failed (exit ${r.status}); run it alone to see why`);
}
