/**
 * The scenario as a file (DESIGN.md §2): readable YAML a person can edit, manifests as a block of
 * ordinary Kubernetes YAML (the app keeps its built-in manifests as JSON; they are converted, while
 * manifests a user wrote in YAML are kept as written, comments included). Needs the YAML library.
 */
import { deepCopy } from '../k8s/copy.ts';
import { parseManifests, toYaml } from '../k8s/yaml.ts';
import type { Scenario } from './scenario.ts';

function manifestsAsYaml(text: string): string {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return text;
  try {
    return parseManifests(t)
      .map((doc) => toYaml(doc))
      .join('---\n');
  } catch {
    return text;
  }
}

/** A scenario as the file `parseScenario` reads back (YAML; needs the YAML library loaded). */
export function scenarioYaml(s: Scenario): string {
  const copy = deepCopy(s);
  copy.spec.manifests = manifestsAsYaml(copy.spec.manifests);
  const how = copy.spec.variants
    ? 'a comparison: open it in the app (Compare, Import) or print its table with `npm run sim -- --compare FILE`'
    : 'open it in the app (Import) or run it with `npm run sim -- FILE --until 300`';
  return `# Rollout Lab scenario: ${how}.\n${toYaml(copy)}`;
}
