/**
 * The OpenAPI component schemas `kubectl explain` reads: the ones the served API publishes
 * (src/k8s/openapi-schemas.json). They are large, so the browser fetches them only when explain
 * first runs (`loadExplainSchemas()`, the explain command's `prepare`, which the console awaits);
 * Node has them from the start (src/eager.ts).
 */
import type { Schema } from './render.ts';

let schemas: Readonly<Record<string, Schema>> | undefined;

export const explainSchemas = (): Readonly<Record<string, Schema>> | undefined => schemas;

export function setExplainSchemas(s: Readonly<Record<string, Schema>>): void {
  schemas = s;
}

// The core has no DOM types; browsers and Node 18+ have fetch.
declare const fetch: (url: unknown) => Promise<{ json(): Promise<unknown> }>;
declare const URL: new (url: string, base: string) => unknown;
declare global {
  interface ImportMeta {
    url: string;
  }
}

/**
 * Fetches the schemas as a file of the build (not a module: a dynamic import here would split
 * the bundler's preload helper out of the first load's chunk).
 */
export async function loadExplainSchemas(): Promise<void> {
  if (schemas) return;
  const r = await fetch(new URL('../../k8s/openapi-schemas.json', import.meta.url));
  setExplainSchemas((await r.json()) as Record<string, Schema>);
}
