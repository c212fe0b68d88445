/**
 * `npm run classroom [-- --port N] [--host ADDRESS] [--code CODE]`
 *
 * Starts a live class on this computer: serves the built app (building it first when dist/ is
 * missing) and prints the join code, the students' URL on the room's network and the presenter's
 * URL (on this computer only: it carries the secret token). Ctrl-C ends the class; the answers are
 * gone with it unless the presenter exported them as CSV.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CODE_ALPHABET, CODE_LENGTH } from '../classroom/protocol.ts';
import { startClassroom, type ClassroomOptions } from './classroom.ts';

const USAGE = 'usage: npm run classroom -- [--port N] [--host ADDRESS] [--code CODE]';

function parse(argv: string[]): ClassroomOptions {
  const options: ClassroomOptions = { port: 4620 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? (eq > 0 ? a.slice(2, eq) : a.slice(2)) : a;
    const value = () => {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new Error(`flag needs an argument: --${name}`);
      return v;
    };
    if (name === 'port') {
      const p = Number(value());
      if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error('--port must be 0 to 65535');
      options.port = p;
    } else if (name === 'host') options.host = value();
    else if (name === 'code') {
      const c = value().toUpperCase();
      if (c.length !== CODE_LENGTH || [...c].some((ch) => !CODE_ALPHABET.includes(ch)))
        throw new Error(`--code must be ${CODE_LENGTH} characters of ${CODE_ALPHABET}`);
      options.code = c;
    } else if (name === 'help' || a === '-h') throw new Error(USAGE);
    else throw new Error(`unknown argument: ${a}`);
  }
  return options;
}

async function main(): Promise<void> {
  let options: ClassroomOptions;
  try {
    options = parse(process.argv.slice(2));
  } catch (e) {
    const msg = (e as Error).message;
    process.stderr.write(msg === USAGE ? `${USAGE}\n` : `error: ${msg}\n${USAGE}\n`);
    process.exit(2);
  }
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    process.stdout.write('dist/ has no build of the app: building it (npm run build)…\n');
    const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write('error: the build failed; run `npm run build` and try again\n');
      process.exit(1);
    }
  }
  let server;
  try {
    server = await startClassroom({ ...options, dist });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(
      err.code === 'EADDRINUSE'
        ? `error: port ${options.port} is in use; try --port ${(options.port ?? 4620) + 1}\n`
        : `error: ${err.message}\n`,
    );
    process.exit(1);
  }
  const [lan, ...rest] = server.studentUrls;
  process.stdout.write(
    [
      'Rollout Lab classroom',
      `  Join code: ${server.code}`,
      `  Students:  ${lan}${rest.length > 0 ? `   (also ${rest.join(', ')})` : ''}`,
      `  Presenter: ${server.presenterUrl}`,
      '             (open it on this computer; the link is the key to the class: keep it off the screen)',
      'Ctrl-C ends the class. Answers are kept only while it runs: export them as CSV from the presenter view.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
