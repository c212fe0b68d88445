/**
 * The parts of the simulator a browser loads after its first paint: the YAML library (it is not
 * tree-shaken, and the app opens on JSON), the kubectl commands no button runs (get, describe,
 * create, …) and the parts of the cluster the app's own example never needs (cluster/extended.ts:
 * when a container's own command ends, the disruption controller). Node, the CLI and the tests
 * have them from the start (`src/eager.ts`, chosen by the `#simulator-extensions` import condition
 * in package.json); the browser build gets `lazy.ts` and calls `loadExtensions()`.
 *
 * A Run never replays a step before they are in: the app awaits `loadExtensions()` before it opens
 * anything that is not its own example, and the console before it runs a command.
 */
import { programModelLoaded } from './cluster/kubelet.ts';
import { disruptionControllerLoaded } from './cluster/manager.ts';
import { allCommandsLoaded } from './kubectl/commands/registry.ts';
import { yamlLibrary } from './k8s/yaml.ts';

let loading: Promise<void> | undefined;

export function loadExtensions(): Promise<void> {
  loading ??= Promise.all([import('./k8s/yaml-impl.ts'), import('./kubectl/commands/extended.ts')]).then(
    () => undefined,
  );
  return loading;
}

/** True once YAML can be read, every kubectl command is registered and the cluster is whole. */
export const extensionsReady = (): boolean =>
  yamlLibrary() !== undefined && allCommandsLoaded() && programModelLoaded() && disruptionControllerLoaded();

/** True when this text needs the YAML library (JSON does not). */
export const needsYaml = (text: string | undefined): boolean => {
  if (text === undefined) return false;
  const s = text.trim();
  return s !== '' && !(s.startsWith('{') || s.startsWith('['));
};
