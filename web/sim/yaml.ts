/**
 * The YAML library loads on demand (it is not tree-shaken and the app opens on JSON). Everything
 * that may hand YAML to the core — actions with a manifest on stdin, the console, the editor, a
 * shared scenario — awaits `loadYaml()` first; it resolves at once when the library is in.
 */
import { yamlLibrary } from '../../src/k8s/yaml.ts';

let loading: Promise<void> | undefined;

export function loadYaml(): Promise<void> {
  // The rest of kubectl (get, describe, create…) comes with it: both load after the first paint.
  loading ??= Promise.all([
    import('../../src/k8s/yaml-impl.ts'),
    import('../../src/kubectl/commands/extended.ts'),
    import('../lessons/catalog.ts').then((m) => m.loadLessons()),
  ]).then(() => undefined);
  return loading;
}

/** True once `parseManifests` can read YAML. */
export const yamlReady = (): boolean => yamlLibrary() !== undefined;

/** True when this stdin needs the YAML library (JSON does not). */
export const needsYaml = (stdin: string | undefined): boolean => {
  if (stdin === undefined) return false;
  const s = stdin.trim();
  return !(s.startsWith('{') || s.startsWith('['));
};
