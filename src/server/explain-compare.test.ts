/**
 * `kubectl explain` in the page beside the real kubectl against the served simulator, which
 * publishes the same OpenAPI v3 schemas: every resource (with and without `--recursive`), every
 * field of every schema the resources reach, and the errors (an unknown field, an unknown
 * resource, a wrong `--api-version`, no argument, two). Each must print byte for byte what the
 * real kubectl prints, on the same stream, with the same exit code. Skipped, saying why, without
 * a kubectl binary.
 *
 * A field is asked for once, by the first path that reaches it: a Deployment's pod template
 * reaches the same PodSpec fields as a Pod, and each asking is a kubectl process. When the
 * kubectl on the PATH is another version, it is asked the resources and the errors.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimCluster } from '../cluster/cluster.ts';
import { resources } from '../k8s/resources.ts';
import type { KubectlResult } from '../kubectl/command.ts';
import type { Schema } from '../kubectl/explain/render.ts';
import { runKubectl } from '../kubectl/index.ts';
import { shellWords } from '../kubectl/parse.ts';
import schemas from '../k8s/openapi-schemas.json';
import { comparisonKubectl, pickKubectl, runBinary } from './paired.ts';
import { startServer, type RunningServer } from './server.ts';

const kubectl = comparisonKubectl();
/** The one the comparisons run, and the one on the PATH when that is another version. */
const binaries = [kubectl, pickKubectl(['kubectl'])].filter(
  (k, i, all): k is { path: string; name: string } => !!k && all.findIndex((x) => x?.path === k.path) === i,
);
const all = schemas as Record<string, Schema>;

function real(binary: string, dir: string, kubeconfig: string, line: string): Promise<KubectlResult> {
  const env = { PATH: process.env['PATH'] ?? '', HOME: join(dir, 'home'), KUBECONFIG: kubeconfig, LANG: 'C' };
  return runBinary(binary, shellWords(line), env, dir, undefined).done;
}

/**
 * The path to each field below a schema that `asked` has not met yet (a field is its schema's
 * ref, or the path when inline, and its name), following refs, lists and maps.
 */
function fieldPaths(schema: Schema, prefix: string, asked: Set<string>, out: string[]): void {
  const target = (s: Schema): { schema: Schema; ref?: string } => {
    if (s.$ref) return { schema: all[s.$ref.split('/').pop()!] ?? {}, ref: s.$ref };
    if (s.allOf?.length === 1 && !s.properties) return target(s.allOf[0]!);
    if (s.items) return target(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      return target(s.additionalProperties);
    return { schema: s };
  };
  const { schema: resolved, ref } = target(schema);
  for (const [name, sub] of Object.entries(resolved.properties ?? {})) {
    const field = `${ref ?? prefix}#${name}`;
    if (asked.has(field)) continue;
    asked.add(field);
    const path = `${prefix}.${name}`;
    out.push(path);
    fieldPaths(sub, path, asked, out);
  }
}

function lines(withFields: boolean): string[] {
  const out: string[] = [
    'explain',
    'explain deployments nosuch',
    'explain foo',
    'explain foo.bar',
    'explain deployment.spec.foo',
    'explain deployment.spec.foo.bar',
    'explain deploy.spec.selector.matchLabels.x',
    'explain deployments.apps.spec.strategy',
    'explain deployments.v1.apps.spec.strategy.type',
    'explain deployment --api-version=apps/v1',
    'explain deployment --api-version=apps/v2',
    'explain deployment --api-version=v1',
    'explain pods --api-version=v2',
    'explain pods.spec --api-version=apps/v1',
    'explain deployments.apps.spec --api-version=apps/v1',
    'explain deploy.apps.spec',
    'explain po.spec.containers.ports',
    'explain Deployment.spec.replicas',
    'explain pods --api-version=v1 --recursive',
    'explain deploy --output=yaml',
    'explain svc.spec.ports.targetPort',
    // Endpoints and Node by the names a learner types (the loop below reaches their fields too).
    'explain endpoints',
    'explain endpoints.subsets',
    'explain endpoints.subsets.addresses',
    'explain nodes',
    'explain nodes.spec.taints',
    'explain nodes.status.conditions',
    'explain node --recursive',
  ];
  const asked = new Set<string>();
  for (const r of resources) {
    out.push(`explain ${r.plural}`, `explain ${r.plural} --recursive`);
    // A field below the resource, recursively (what a learner asks of a Deployment's template).
    if (r.kind === 'Deployment')
      out.push(
        'explain deployment.spec --recursive',
        'explain deployment.spec.template.spec.containers --recursive',
      );
    const kind = Object.entries(all).find(([, s]) =>
      (s['x-kubernetes-group-version-kind'] ?? []).some((g) => g.kind === r.kind && g.group === r.group),
    );
    if (withFields && kind) fieldPaths({ $ref: `#/components/schemas/${kind[0]}` }, r.plural, asked, out);
  }
  return out;
}

describe.skipIf(!kubectl).each(binaries)('kubectl explain beside the real $name', (binary) => {
  let server: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-lab-explain-'));
    mkdirSync(join(dir, 'home'));
    server = await startServer({
      cluster: new SimCluster({}),
      speed: 0,
      kubeconfig: join(dir, 'kubeconfig'),
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const withFields = binary === kubectl;
  it(`prints what kubectl prints for every resource${withFields ? ', field' : ''} and error`, async () => {
    const all = lines(withFields);
    const inPage = new SimCluster({});
    const results: { line: string; inPage: KubectlResult; real: KubectlResult }[] = [];
    // The real kubectl caches the schemas after its first run; the rest run a few at a time.
    results.push({
      line: all[0]!,
      inPage: runKubectl(inPage, all[0]!),
      real: await real(binary.path, dir, server.kubeconfig, all[0]!),
    });
    for (let i = 1; i < all.length; i += 8) {
      const batch = all.slice(i, i + 8);
      const reals = await Promise.all(batch.map((l) => real(binary.path, dir, server.kubeconfig, l)));
      batch.forEach((line, j) => results.push({ line, inPage: runKubectl(inPage, line), real: reals[j]! }));
    }
    const differing = results.filter(
      (r) =>
        r.inPage.stdout !== r.real.stdout ||
        r.inPage.stderr !== r.real.stderr ||
        r.inPage.exitCode !== r.real.exitCode,
    );
    for (const d of differing.slice(0, 5))
      console.log(
        `${d.line}\n--- in page (${d.inPage.exitCode})\n${d.inPage.stdout}${d.inPage.stderr}\n--- real (${d.real.exitCode})\n${d.real.stdout}${d.real.stderr}`,
      );
    expect(differing.map((d) => d.line)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(withFields ? 300 : 50);
  }, 300_000);
});
