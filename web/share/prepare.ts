/**
 * Before a scenario from outside (a link, a file, storage) replaces the current one: make sure
 * every kubectl command and the YAML library are in (a replay must never depend on what has
 * loaded), and build its Run on the side, so a scenario the core refuses is an error message, never
 * a half-loaded lab. Nothing here touches the lab. The Run records lazily, so a long or large
 * scenario costs only what is played of it; the simulator's own pod limit is the only cap.
 */
import {
  createRun,
  extensionsReady,
  loadExtensions,
  prepareCommand,
  type Scenario,
} from '../../src/index.ts';
import type { Problem } from './link.ts';

/** Undefined when `s` can replace the current scenario; otherwise what is wrong. */
export async function prepare(s: Scenario): Promise<Problem | undefined> {
  if (!extensionsReady()) {
    try {
      await loadExtensions();
    } catch {
      return { key: 'share.problem.yamlOffline' };
    }
  }
  try {
    createRun(s);
  } catch (e) {
    return { key: 'share.problem.rejected', detail: e instanceof Error ? e.message : String(e) };
  }
  // A valid scenario's steps: what one reads that loads only when it runs (explain's schemas), its
  // replay must find. Should it not load, only that step says so.
  await Promise.all(s.spec.steps.map((step) => prepareCommand(step.run)?.catch(() => undefined)));
  return undefined;
}
