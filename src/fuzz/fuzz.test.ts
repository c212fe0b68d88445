/**
 * The fuzz suite (issue 12): more than 10,000 seeded inputs per run — random kubectl commands,
 * a wrong-type manifest for every field of every stored kind, share links and scenario files
 * with a character changed, and the corpus of every input the issue reported — each through the
 * public API in a worker thread with a per-input deadline, so a hang is reported with its input
 * instead of hanging CI. Asserted: no undocumented exception, no internal error, no failed command
 * that changed the cluster without printing what it changed (kubectl keeps the objects it could
 * write when others are missing, and says so), no hang. How long inputs took is printed (the 1 s target is checked by
 * reading the summary; tests assert no timings).
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import '../k8s/yaml-impl.ts';
import { encodeShare } from '../scenario/share.ts';
import { parseScenario } from '../scenario/scenario.ts';
import { Gen, ISSUE_CORPUS, mutate, randomCommand, wrongTypeManifests, type FuzzInput } from './generate.ts';
import type { FuzzResult } from '../test-helpers/fuzz-worker.ts';

const SEED = Number(process.env['FUZZ_SEED'] ?? 12);
/** A hang is an input still running after this long (far above anything that finishes). */
const DEADLINE_MS = 10_000;
const BATCH = 200;

function inputs(seed: number): FuzzInput[] {
  const g = new Gen(seed);
  const chapterText = readFileSync(
    new URL('../scenario/examples/kubia-chapter.yaml', import.meta.url),
    'utf8',
  );
  const chapter = parseScenario(chapterText);
  const v2 = encodeShare({ scenario: chapter, at: 30 });
  const v1 = readFileSync(new URL('../scenario/__fixtures__/share-v1.txt', import.meta.url), 'utf8').trim();
  const out: FuzzInput[] = [...ISSUE_CORPUS, ...wrongTypeManifests()];
  for (let i = 0; i < 1500; i++) out.push({ kind: 'link', fragment: mutate(g, g.next() < 0.7 ? v2 : v1) });
  for (let i = 0; i < 500; i++) out.push({ kind: 'scenario', text: mutate(g, chapterText) });
  while (out.length < 10_500) out.push({ kind: 'kubectl', run: randomCommand(g) });
  return out;
}

interface Summary {
  results: FuzzResult[];
  hangs: number[];
  wallMs: number;
}

/** Runs the inputs in a worker; a worker past its deadline is ended and a new one takes over. */
async function runInWorkers(all: FuzzInput[]): Promise<Summary> {
  const started = performance.now();
  const results: FuzzResult[] = [];
  const hangs: number[] = [];
  let next = 0;
  while (next < all.length) {
    next = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(new URL('../test-helpers/fuzz-worker.mjs', import.meta.url));
      let current = next;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          hangs.push(current);
          void worker.terminate();
          resolve(current + 1);
        }, DEADLINE_MS);
      };
      const send = () => {
        if (current >= all.length) {
          clearTimeout(timer);
          void worker.terminate();
          resolve(all.length);
          return;
        }
        worker.postMessage({ inputs: all.slice(current, current + BATCH), from: current });
      };
      worker.on('message', (m: { start?: number; done?: boolean } & Partial<FuzzResult>) => {
        if (m.start !== undefined) {
          current = m.start;
          arm();
        } else if (m.done) send();
        else {
          results.push(m as FuzzResult);
          current = m.i! + 1;
        }
      });
      worker.on('error', reject);
      worker.once('online', send);
    });
  }
  return { results, hangs, wallMs: performance.now() - started };
}

describe('fuzz: hostile inputs through the public API', () => {
  it(`${'>'}10,000 seeded inputs: no undocumented throw, no failed command that changed the cluster unsaid, no hang`, async () => {
    const all = inputs(SEED);
    expect(all.length).toBeGreaterThanOrEqual(10_000);
    const { results, hangs, wallMs } = await runInWorkers(all);
    const slow = results.filter((r) => r.ms > 1000);
    const max = results.reduce((m, r) => (r.ms > m.ms ? r : m), results[0]!);
    console.log(
      `fuzz: ${all.length} inputs (seed ${SEED}) in ${(wallMs / 1000).toFixed(1)} s; slowest ${max.ms.toFixed(0)} ms (input ${max.i}); ${slow.length} over 1 s; ${hangs.length} hangs`,
    );
    for (const r of slow)
      console.log(`  over 1 s: ${r.ms.toFixed(0)} ms: ${JSON.stringify(all[r.i]).slice(0, 300)}`);
    const problems = results
      .filter((r) => r.problem)
      .map((r) => `${JSON.stringify(all[r.i]).slice(0, 400)}\n    → ${r.problem!.slice(0, 600)}`);
    expect(hangs.map((i) => JSON.stringify(all[i]).slice(0, 400))).toEqual([]);
    expect(problems).toEqual([]);
    expect(results.length).toBe(all.length);
  }, 300_000);
});
