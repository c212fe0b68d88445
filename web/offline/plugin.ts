/**
 * Writes `sw.js` into the build: the service worker of web/offline/sw.js with the list of every
 * file the build wrote (and the public folder's) to precache, and a hash of that list as its
 * version. A dozen lines instead of a dependency; `vite dev` serves no service worker.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** Public files the app does not need offline. */
const SKIP = new Set(['_headers', 'sw.js']);

function publicFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  try {
    walk(dir);
  } catch {
    // No public folder.
  }
  return out.filter((f) => !SKIP.has(f));
}

export function serviceWorker(template: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'rollout-lab:service-worker',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    generateBundle(_options, bundle) {
      const files = [
        ...Object.keys(bundle).filter((f) => !f.endsWith('.map')),
        ...(config.publicDir ? publicFiles(config.publicDir) : []),
      ].sort();
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      let source = readFileSync(template, 'utf8');
      for (const [placeholder, value] of [
        ["const VERSION = '__ROLLOUT_LAB_VERSION__';", `const VERSION = ${JSON.stringify(version)};`],
        ['const FILES = __ROLLOUT_LAB_FILES__;', `const FILES = ${JSON.stringify(files)};`],
      ] as const) {
        if (!source.includes(placeholder)) this.error(`${template} has no "${placeholder}"`);
        source = source.replace(placeholder, value);
      }
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
