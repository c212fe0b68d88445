/**
 * The fence between the controllers and the API (ARCHITECTURE.md, "The cluster's parts"):
 * controllers are given a ControllerContext whose store is read-only, and ESLint keeps the
 * writable Store, the API, the manager, the recorder and the cluster out of their imports.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { SimCluster } from './cluster.ts';
import type { Change } from './store.ts';

const lint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function messages(filePath: string, text: string): Promise<string[]> {
  const [result] = await lint.lintText(text, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('controllers write only through the API', () => {
  it.each([
    ['src/cluster/controllers/example.ts', "import { Store } from '../store.ts';\nexport const s = Store;\n"],
    [
      'src/cluster/controllers/deployment/example.ts',
      "import type { Store } from '../../store.ts';\nexport type S = Store;\n",
    ],
    [
      'src/cluster/kubelet.ts',
      "import type { SimCluster } from './cluster.ts';\nexport type S = SimCluster;\n",
    ],
    ['src/cluster/world.ts', "import { ClusterApi } from './api.ts';\nexport const a = ClusterApi;\n"],
  ])(
    '%s may not import the writable store or what holds it',
    async (file, text) => {
      const found = await messages(file, text);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^no-restricted-imports: .*(ControllerContext)/);
    },
    60_000,
  );

  it('the helpers of the store that only read stay importable', async () => {
    expect(
      await messages(
        'src/cluster/controllers/example.ts',
        "import { controllerUid, objectKey } from '../store.ts';\nexport const f = [controllerUid, objectKey];\n",
      ),
    ).toEqual([]);
  }, 60_000);

  it("the kubelet's final removal of a pod is an API delete that watchers see", () => {
    const sim = new SimCluster({ nodes: 1, timing: { jitter: 0 } });
    sim.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    sim.advance(20);
    const seen: Change['type'][] = [];
    sim.watch((c) => {
      if (c.kind === 'Pod') seen.push(c.type);
    });
    sim.delete('Pod', 'default', 'p');
    sim.advance(60);
    expect(sim.store.get('Pod', 'default', 'p')).toBeUndefined();
    expect(seen[0]).toBe('updated');
    expect(seen.at(-1)).toBe('deleted');
  });
});
