/**
 * Two identical simulated clusters at the same virtual moment: one driven by the in-page kubectl,
 * the other served over HTTP to a real kubectl binary. Each command runs on both; a command that
 * waits (`rollout status`) moves the in-page cluster's time as far as it needs, and the served
 * cluster follows to the same moment once the real kubectl has started watching. So both print
 * what they print at the same virtual times, and their outputs can be compared byte for byte.
 *
 * A command that sleeps and polls on the wall clock instead (`kubectl drain`: 5 s between refused
 * evictions, 1 s while waiting for a pod to go) runs with `{ clock: 'wall' }`: the served
 * cluster's time then moves with the wall clock, one virtual second per second, while the real
 * kubectl runs, and afterwards both clusters move on to the same whole second.
 *
 * Used by the chapter, comparison, budget and drain tests; Node only.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { SimCluster, type ClusterOptions } from '../cluster/cluster.ts';
import type { KubectlResult } from '../kubectl/command.ts';
import { runKubectl } from '../kubectl/index.ts';
import { shellWords } from '../kubectl/parse.ts';
import { compare, describeDifference } from './compare.ts';
import { startServer, type RunningServer } from './server.ts';

const SDK_BIN = '/usr/lib/google-cloud-sdk/bin';

/** kubectl binaries on this machine: `kubectl` on the PATH and the SDK's versioned ones, by version. */
export function findKubectls(): { path: string; name: string }[] {
  const out: { path: string; name: string }[] = [];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const p = join(dir, 'kubectl');
    if (dir && existsSync(p)) {
      out.push({ path: p, name: 'kubectl' });
      break;
    }
  }
  if (existsSync(SDK_BIN))
    for (const f of readdirSync(SDK_BIN).sort())
      if (/^kubectl\.\d+\.\d+$/.test(f)) out.push({ path: join(SDK_BIN, f), name: f });
  return out;
}

/** The first of `preferred` (names like `kubectl.1.33`) that exists, else any kubectl found. */
export function pickKubectl(preferred: string[] = []): { path: string; name: string } | undefined {
  const all = findKubectls();
  for (const p of preferred) {
    const k = all.find((x) => x.name === p);
    if (k) return k;
  }
  return all[0];
}

/**
 * The kubectl the comparison tests run: 1.33 (what the issue measured), else 1.32, else any. When
 * there is none it says so, once per test file, for the tests that skip.
 */
export function comparisonKubectl(): { path: string; name: string } | undefined {
  const k = pickKubectl(['kubectl.1.33', 'kubectl.1.32', 'kubectl']);
  if (!k) console.log(NO_KUBECTL);
  return k;
}

export const NO_KUBECTL = `skipped: no kubectl binary on the PATH or in ${SDK_BIN}`;

/**
 * The comparison tests' Deployment: one replica of nginx in a container `c`, selected by the
 * label `app: NAME`. `spec` stands in for the `replicas: 1` line (further spec lines may follow
 * it); `metadata` adds lines under the name.
 */
export function deploymentManifest(name: string, { spec = 'replicas: 1', metadata = '' } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${metadata}spec:
  ${spec}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: c
        image: nginx
`;
}

/** Runs a real kubectl; resolves with its output. `kill` stops it. */
export function runBinary(
  binary: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  stdin: string | undefined,
): { done: Promise<KubectlResult>; kill(): void } {
  const child = spawn(binary, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.end(stdin ?? '');
  const done = new Promise<KubectlResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        exitCode: code ?? 1,
      }),
    );
  });
  return { done, kill: () => child.kill('SIGKILL') };
}

export interface PairedRun {
  line: string;
  /** Virtual time when the command started and ended. */
  at: number;
  until: number;
  inPage: KubectlResult;
  real: KubectlResult;
}

/**
 * A result with the headers of klog's lines masked, their severity kept: each side's header
 * carries its own clock and process id (`W1206 08:56:07.992078    2334 `), the rest is compared.
 */
export function withoutKlogHeaders(r: KubectlResult): KubectlResult {
  return { ...r, stderr: r.stderr.replace(/^([IWEF])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1… ') };
}

export interface RunOptions {
  /** Text on the real kubectl's standard input (the in-page one reads the same). */
  stdin?: string;
  /**
   * `virtual` (the default): the served cluster stands still until the real kubectl watches, then
   * jumps to where the in-page command ended. `wall`: it follows the wall clock while the real
   * kubectl runs, for commands that sleep instead of watching.
   */
  clock?: 'virtual' | 'wall';
}

/** How often the served cluster's time catches up with the wall clock in `wall` runs. */
const WALL_TICK_MILLIS = 50;

export interface PairedOptions {
  cluster?: ClusterOptions;
  /** Files the commands read (`apply -f NAME`), written beside the real kubectl and given to the in-page one. */
  files?: Record<string, string>;
  /** The kubectl binary to run. */
  kubectl: string;
  /** Wall milliseconds a real kubectl may take (default 30 s). */
  timeoutMillis?: number;
}

export class PairedClusters {
  private constructor(
    readonly inPage: SimCluster,
    readonly server: RunningServer,
    private readonly dir: string,
    private readonly options: PairedOptions,
  ) {}

  static async start(options: PairedOptions): Promise<PairedClusters> {
    const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-paired-'));
    mkdirSync(join(dir, 'home'));
    // Run as `kubectl` whatever the binary's file name (kubectl.1.33): kubectl records its own
    // name in the change-cause of --record, as the in-page kubectl records `kubectl`.
    mkdirSync(join(dir, 'bin'));
    symlinkSync(options.kubectl, join(dir, 'bin', 'kubectl'));
    const inPage = new SimCluster(options.cluster ?? {});
    const served = new SimCluster(options.cluster ?? {});
    for (const [name, text] of Object.entries(options.files ?? {})) {
      inPage.files.set(name, text);
      writeFileSync(join(dir, name), text);
    }
    const server = await startServer({ cluster: served, speed: 0, kubeconfig: join(dir, 'kubeconfig') });
    return new PairedClusters(inPage, server, dir, options);
  }

  /** Moves both clusters' time forward. */
  advance(seconds: number): void {
    this.inPage.advance(seconds);
    this.server.advance(seconds);
  }

  now(): number {
    return this.inPage.now;
  }

  /** Runs one command line (with or without the leading `kubectl`) on both sides. */
  async run(line: string, options: string | RunOptions = {}): Promise<PairedRun> {
    const { stdin, clock = 'virtual' } = typeof options === 'string' ? { stdin: options } : options;
    const at = this.inPage.now;
    if (this.server.cluster.now !== at)
      throw new Error(`clusters out of step: in-page at ${at}, served at ${this.server.cluster.now}`);
    const inPage = runKubectl(this.inPage, line, stdin);
    const until = this.inPage.now;
    let args = shellWords(line);
    if (args[0] === 'kubectl') args = args.slice(1);
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: join(this.dir, 'home'),
      KUBECONFIG: this.server.kubeconfig,
      TZ: 'UTC',
      LANG: 'C',
    };
    let stopWatching: () => void = () => {};
    const watching = new Promise<'watching'>((resolve) => {
      stopWatching = this.server.onWatch(() => resolve('watching'));
    });
    const child = runBinary(join(this.dir, 'bin', 'kubectl'), args, env, this.dir, stdin);
    let wall: NodeJS.Timeout | undefined;
    if (clock === 'wall') {
      let last = performance.now();
      wall = setInterval(() => {
        const t = performance.now();
        this.server.advance((t - last) / 1000);
        last = t;
      }, WALL_TICK_MILLIS);
    }
    const timeout = this.options.timeoutMillis ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeout);
    });
    try {
      // A command that watches: once it does, move the served cluster to where the in-page
      // command ended, so the real kubectl sees the same changes in the same order.
      const first = await Promise.race([child.done, clock === 'wall' ? child.done : watching, timedOut]);
      if (first === 'timeout') throw new Error(`kubectl ${line}: no answer in ${timeout} ms`);
      if (clock === 'virtual' && until > this.server.cluster.now)
        this.server.advance(until - this.server.cluster.now);
      const real = await Promise.race([child.done, timedOut]);
      if (real === 'timeout') throw new Error(`kubectl ${line}: did not finish in ${timeout} ms`);
      if (clock === 'wall') {
        clearInterval(wall);
        // In step again, at the first whole second both have reached.
        const both = Math.ceil(Math.max(this.inPage.now, this.server.cluster.now));
        if (both > this.inPage.now) this.inPage.advance(both - this.inPage.now);
        if (both > this.server.cluster.now) this.server.advance(both - this.server.cluster.now);
      }
      return { line, at, until, inPage, real };
    } finally {
      clearInterval(wall);
      stopWatching();
      clearTimeout(timer);
      child.kill();
    }
  }

  /**
   * Runs each line on both sides, one after the other; the lines whose outputs differ once the
   * wall clock is masked, each with both outputs (`label` before the line).
   *
   * A line may carry its stdin after a tab, and a number moves both clusters on that many virtual
   * seconds. `same` judges two outputs instead of the clock masks; `seen` is told of every run.
   */
  async differences(
    lines: readonly (string | number)[],
    label = '',
    options: {
      same?: (inPage: KubectlResult, real: KubectlResult) => boolean;
      seen?: (run: PairedRun) => void;
    } = {},
  ): Promise<string[]> {
    const { same = (a, b) => compare(a, b).equalMasked, seen } = options;
    const out: string[] = [];
    for (const step of lines) {
      if (typeof step === 'number') {
        this.advance(step);
        continue;
      }
      const [line, stdin] = step.split('\t') as [string, string | undefined];
      const run = await this.run(line, stdin ?? {});
      seen?.(run);
      if (!same(run.inPage, run.real)) out.push(describeDifference(`${label}${line}`, run.inPage, run.real));
    }
    return out;
  }

  async close(): Promise<void> {
    await this.server.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
