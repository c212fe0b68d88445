/**
 * What the first paint does not need loads right after it, or at once when something needs it:
 * the YAML library (it is not tree-shaken and the app opens on JSON), the rest of kubectl (get,
 * describe, create…) and the lessons. Everything that may hand YAML to the core (actions with a
 * manifest on stdin, the console, the editor, a shared scenario) awaits `loadDeferred()` first;
 * it resolves at once when all of it is in.
 */
import { yamlLibrary } from '../../src/k8s/yaml.ts';

let loading: Promise<void> | undefined;

export function loadDeferred(): Promise<void> {
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
