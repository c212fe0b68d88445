/**
 * The real kubectl 1.33, for tests that compare the simulator's output with the bytes kubectl
 * itself prints for commands that need no cluster (client-side dry runs, flag and argument errors,
 * help, version --client). It runs with a kubeconfig that points at a closed port and a home of
 * its own, so it never reaches a cluster or writes a cache outside a temporary directory.
 *
 * Found as $KUBECTL_1_33, /usr/lib/google-cloud-sdk/bin/kubectl.1.33 or `kubectl` on the PATH,
 * whichever reports a 1.33 client; tests skip, saying why, where there is none.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BinaryResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const CANDIDATES = [process.env['KUBECTL_1_33'], '/usr/lib/google-cloud-sdk/bin/kubectl.1.33', 'kubectl'];

let found: { path: string; home: string } | { missing: string } | undefined;

function locate(): { path: string; home: string } | { missing: string } {
  for (const path of CANDIDATES) {
    if (!path) continue;
    const r = spawnSync(path, ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 10_000 });
    if (r.status !== 0) continue;
    try {
      const version = (JSON.parse(r.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion
        ?.gitVersion;
      if (version?.startsWith('v1.33.')) {
        const home = mkdtempSync(join(tmpdir(), 'rollout-lab-kubectl-'));
        writeFileSync(
          join(home, 'kubeconfig'),
          [
            'apiVersion: v1',
            'kind: Config',
            'clusters: [{name: none, cluster: {server: "http://127.0.0.1:1"}}]',
            'contexts: [{name: none, context: {cluster: none, user: none, namespace: default}}]',
            'users: [{name: none, user: {}}]',
            'current-context: none',
            '',
          ].join('\n'),
        );
        // Messages that name the program use argv[0]: run it as `kubectl`.
        const link = join(home, 'kubectl');
        symlinkSync(
          path.includes('/') ? path : spawnSync('which', [path], { encoding: 'utf8' }).stdout.trim() || path,
          link,
        );
        return { path: link, home };
      }
    } catch {
      // Not JSON: not a kubectl we can use.
    }
  }
  return {
    missing:
      'no kubectl 1.33 binary ($KUBECTL_1_33, /usr/lib/google-cloud-sdk/bin/kubectl.1.33, or kubectl on the PATH)',
  };
}

/** The binary, or why there is none (printed once by the tests that skip). */
export function realKubectl(): { path: string; home: string } | { missing: string } {
  found ??= locate();
  return found;
}

/** Runs the real kubectl with `args` (already split into words) and returns what it printed. */
export function runRealKubectl(args: string[], stdin?: string): BinaryResult {
  const k = realKubectl();
  if ('missing' in k) throw new Error(k.missing);
  const r = spawnSync(k.path, args, {
    encoding: 'utf8',
    timeout: 20_000,
    input: stdin ?? '',
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: k.home,
      KUBECONFIG: join(k.home, 'kubeconfig'),
      KUBECTL_KUBERC: 'false',
    },
  });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
}
