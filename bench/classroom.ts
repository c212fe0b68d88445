/**
 * `tsx bench/classroom.ts [--students 200] [--rounds 5]`
 *
 * The live class under a full room, on loopback only: the classroom server runs in its own process
 * (as `npm run classroom` does); this process opens one presenter socket and 200 student sockets.
 * Each round the presenter moves to a stop with a question (the moment fans out to every student),
 * then all 200 students answer in the same tick. Relay latency per message is measured here, with
 * one clock:
 *
 *   moment: presenter sends → each student receives it
 *   answer: a student sends → the presenter receives that student's answer with the tally
 *
 * Prints p50/p95/max of both and checks every answer arrived and the last tally counts them all
 * (exit 1 otherwise). Bounded: a phase that takes longer than 30 s fails the run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startClassroom } from '../src/server/classroom.ts';
import type { ServerMessage } from '../src/classroom/protocol.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return v;
}

const STUDENTS = flag('students', 200);
const ROUNDS = flag('rounds', 5);
const PHASE_MS = 30_000;
const TARGET_P95_MS = 100;

interface Client {
  ws: WebSocket;
  id: string;
  /** Resolvers waiting for a message type. */
  onMessage: (m: ServerMessage) => void;
}

function within<T>(what: string, p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, fail) =>
      setTimeout(() => fail(new Error(`${what}: not done within ${PHASE_MS} ms`)), PHASE_MS),
    ),
  ]);
}

function connect(url: string, onMessage: (m: ServerMessage) => void): Promise<WebSocket> {
  return new Promise((ok, fail) => {
    const ws = new WebSocket(url, { origin: url.replace(/^ws/, 'http').replace(/\/classroom$/, '') });
    ws.on('open', () => ok(ws));
    ws.on('error', fail);
    ws.on('message', (d) => onMessage(JSON.parse(String(d)) as ServerMessage));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
};

async function main(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--server'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const info = await within(
      'server start',
      new Promise<{ port: number; code: string; token: string }>((ok) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const line = out.split('\n')[0];
          if (out.includes('\n') && line)
            ok(JSON.parse(line) as { port: number; code: string; token: string });
        });
      }),
    );
    const url = `ws://127.0.0.1:${info.port}/classroom`;
    const now = () => performance.now();

    // The presenter.
    const answerSent = new Map<string, number>();
    const answerLatency: number[] = [];
    let lastTally: { answered: number; counts: number[] } | undefined;
    let answersThisRound = 0;
    let roundDone: (() => void) | undefined;
    let presenterReady: (() => void) | undefined;
    const presenter = await connect(url, (m) => {
      if (m.type === 'welcome') presenterReady?.();
      if (m.type === 'answer') {
        const sent = answerSent.get(m.id);
        if (sent !== undefined) answerLatency.push(now() - sent);
        answerSent.delete(m.id);
        lastTally = { answered: m.answered, counts: m.counts };
        if (++answersThisRound === STUDENTS) roundDone?.();
      }
    });
    await within(
      'presenter',
      new Promise<void>((ok) => {
        presenterReady = ok;
        presenter.send(JSON.stringify({ type: 'host', token: info.token }));
      }),
    );

    // The students, joining together.
    const momentLatency: number[] = [];
    let momentSent = 0;
    let momentsThisRound = 0;
    let momentsDone: (() => void) | undefined;
    const students: Client[] = [];
    const t0 = now();
    await within(
      'joining',
      Promise.all(
        Array.from({ length: STUDENTS }, async (_, i) => {
          let joined: (() => void) | undefined;
          const client: Client = {
            ws: undefined as unknown as WebSocket,
            id: '',
            onMessage: (m) => {
              if (m.type === 'welcome' && m.role === 'student') {
                client.id = m.id;
                joined?.();
              } else if (m.type === 'moment') {
                momentLatency.push(now() - momentSent);
                if (++momentsThisRound === STUDENTS) momentsDone?.();
              } else if (m.type === 'error') throw new Error(`student ${i}: ${m.code}`);
            },
          };
          client.ws = await connect(url, (m) => client.onMessage(m));
          await new Promise<void>((ok) => {
            joined = ok;
            client.ws.send(JSON.stringify({ type: 'join', code: info.code, name: `student ${i + 1}` }));
          });
          students.push(client);
        }),
      ),
    );
    const joinMs = now() - t0;

    for (let round = 0; round < ROUNDS; round++) {
      momentsThisRound = 0;
      answersThisRound = 0;
      await within(
        'moment fan-out',
        new Promise<void>((ok) => {
          momentsDone = ok;
          momentSent = now();
          presenter.send(
            JSON.stringify({
              type: 'moment',
              lesson: 'canary',
              stop: round,
              heading: null,
              at: 25 * round,
              blank: false,
              choices: 3,
            }),
          );
        }),
      );
      await within(
        'answers',
        new Promise<void>((ok) => {
          roundDone = ok;
          // Everyone at once: all sends in one tick.
          for (const [i, s] of students.entries()) {
            answerSent.set(s.id, now());
            s.ws.send(JSON.stringify({ type: 'answer', lesson: 'canary', stop: round, choice: i % 3 }));
          }
        }),
      );
      if (lastTally?.answered !== STUDENTS || lastTally.counts.reduce((a, b) => a + b, 0) !== STUDENTS)
        throw new Error(`round ${round + 1}: the tally counts ${JSON.stringify(lastTally)} of ${STUDENTS}`);
    }

    const m = fmt(momentLatency);
    const a = fmt(answerLatency);
    const ok = a.p95 < TARGET_P95_MS && m.p95 < TARGET_P95_MS;
    const r = (x: number) => x.toFixed(1);
    process.stdout.write(
      [
        `classroom relay, loopback: ${STUDENTS} students, ${ROUNDS} rounds (${answerLatency.length} answers, ${momentLatency.length} moments relayed)`,
        `  join:    ${STUDENTS} sockets joined in ${r(joinMs)} ms`,
        `  moment:  presenter → every student  p50 ${r(m.p50)} ms  p95 ${r(m.p95)} ms  max ${r(m.max)} ms`,
        `  answer:  student → presenter        p50 ${r(a.p50)} ms  p95 ${r(a.p95)} ms  max ${r(a.max)} ms`,
        `  p95 relay latency ${ok ? '<' : '≥'} ${TARGET_P95_MS} ms: ${ok ? 'ok' : 'SLOW'}; every answer counted: ok`,
        '',
      ].join('\n'),
    );
    for (const s of students) s.ws.close();
    presenter.close();
  } finally {
    child.kill('SIGTERM');
  }
}

// ---------------------------------------------------------------------------------------------
// `--server`: the classroom server alone in this process; prints where it listens.

if (process.argv.includes('--server')) {
  const server = await startClassroom({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ port: server.port, code: server.code, token: server.token })}\n`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
} else {
  await main();
}
