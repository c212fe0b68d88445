/**
 * Before a scenario from outside (a link, a file, storage) replaces the current one: make sure
 * every kubectl command and the YAML library are in (a replay must never depend on what has
 * loaded), and build its Run on the side, so a scenario the core refuses is an error message, never
 * a half-loaded lab. Nothing here touches the lab. The Run records lazily, so a long or large
 * scenario costs only what is played of it; the simulator's own pod limit is the only cap. Building
 * it settles the first instant (a Deployment of 1,000 replicas creates its pods), so the caller
 * that opens the scenario next opens this Run rather than building another.
 */
import {
  createRun,
  extensionsReady,
  loadExtensions,
  parseScenario,
  prepareCommand,
  type RunControls,
  type Scenario,
} from '../../src/index.ts';
import type { Problem } from './link.ts';

/** `s` can replace the current scenario: its Run, at 0 and not moved; or what is wrong. */
export type Prepared = { run: RunControls; problem?: undefined } | { run?: undefined; problem: Problem };

export async function prepare(s: Scenario): Promise<Prepared> {
  if (!extensionsReady()) {
    try {
      await loadExtensions();
    } catch {
      return { problem: { key: 'share.problem.yamlOffline' } };
    }
  }
  const rejected = (e: unknown): Prepared => ({
    problem: { key: 'share.problem.rejected', detail: e instanceof Error ? e.message : String(e) },
  });
  let steps: Scenario['spec']['steps'];
  try {
    steps = parseScenario(s).spec.steps;
  } catch (e) {
    return rejected(e);
  }
  // What a step reads that loads only when it runs (explain's schemas), its replay must find, from
  // the first instant on: the Run runs the steps due at 0 as it is built. Should it not load, only
  // that step says so.
  await Promise.all(steps.map((step) => prepareCommand(step.run)?.catch(() => undefined)));
  try {
    return { run: createRun(s, { freeze: import.meta.env.DEV }) };
  } catch (e) {
    return rejected(e);
  }
}
