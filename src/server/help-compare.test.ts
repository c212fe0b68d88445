/**
 * `kubectl <command> --help` in the page beside the real kubectl, for `kubectl` itself and every
 * command and subcommand the in-page kubectl registers (simulated or not): stdout, stderr and the
 * exit code must be byte-identical. The real kubectl needs no server to print its help, so it runs
 * directly, with an empty home and no kubeconfig. Skipped, saying why, without a kubectl binary.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import type { Command } from '../kubectl/command.ts';
import { commands } from '../kubectl/commands/registry.ts';
import { runKubectl } from '../kubectl/index.ts';
import { comparisonKubectl } from './paired.ts';

const kubectl = comparisonKubectl();

/**
 * Commands left out, and why their help cannot match here:
 * - `lab` and its subcommands: Rollout Lab's own command for faults, which kubectl does not have.
 */
const LEFT_OUT = ['lab'];

/** Every command path the page registers, parents before their subcommands, kubectl's first. */
function commandPaths(): string[][] {
  const out: string[][] = [[]];
  const walk = (c: Command, parent: string[]) => {
    const path = [...parent, c.name];
    if (LEFT_OUT.some((l) => path.join(' ') === l || path.join(' ').startsWith(`${l} `))) return;
    out.push(path);
    for (const s of c.subcommands ?? []) walk(s, path);
  };
  for (const c of commands) walk(c, []);
  return out;
}

describe.skipIf(!kubectl)(`kubectl --help beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const home = mkdtempSync(join(tmpdir(), 'rollout-lab-help-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const paths = commandPaths();

  it('walks every registered command', () => {
    // kubectl itself, the simulated commands and those that only say they are not simulated.
    expect(paths.length).toBeGreaterThan(90);
  });

  it.each(paths.map((p) => [p.join(' ') || '(kubectl)', p] as const))('kubectl %s --help', (_, path) => {
    const inPage = runKubectl(new SimCluster({}), ['kubectl', ...path, '--help'].join(' '));
    const real = spawnSync(kubectl!.path, [...path, '--help'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { PATH: process.env['PATH'] ?? '', HOME: home, KUBECONFIG: join(home, 'none') },
    });
    expect(inPage).toEqual({ stdout: real.stdout, stderr: real.stderr, exitCode: real.status });
  });
});
