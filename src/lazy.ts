/** The browser build: YAML and the rest of kubectl arrive with `loadExtensions()` (see extensions.ts). */
export {};
