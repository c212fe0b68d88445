/** The command line of `npm run serve`. */
import type { ServerOptions } from './server.ts';

export class ArgsError extends Error {}

export const USAGE =
  'usage: npm run serve -- [SCENARIO.yaml] [--port N] [--speed X] [--kubeconfig FILE] [--start-time RFC3339] [--www DIR] [--www-prefix PREFIX] [--cors-allowed-origins RE,...]';

function usage(message?: string): never {
  throw new ArgsError(message ?? USAGE);
}

export interface ServeArgs {
  options: ServerOptions;
  scenarioFile?: string;
  /** `--start-time`: the moment virtual second 0 is, in milliseconds (else the wall clock's now). */
  startTime?: number;
}

export function parseArgs(argv: string[]): ServeArgs {
  const options: ServerOptions = {};
  let scenarioFile: string | undefined;
  let startTime: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? (eq > 0 ? a.slice(2, eq) : a.slice(2)) : undefined;
    const value = () => {
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) usage(`flag needs an argument: --${name}`);
      return v;
    };
    if (name === 'port') {
      const p = Number(value());
      if (!Number.isInteger(p) || p < 0 || p > 65535) usage('--port must be 0 to 65535');
      options.port = p;
    } else if (name === 'speed') {
      const s = Number(value());
      if (!Number.isFinite(s) || s < 0) usage('--speed must be a number ≥ 0');
      options.speed = s;
    } else if (name === 'start-time') {
      const text = value();
      const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(text) ? Date.parse(text) : NaN;
      if (!Number.isFinite(ms))
        usage('--start-time must be an RFC 3339 time in whole seconds, such as 2025-01-01T00:00:00Z');
      startTime = ms;
    } else if (name === 'kubeconfig') options.kubeconfig = value();
    else if (name === 'www') options.www = value();
    else if (name === 'www-prefix') options.wwwPrefix = value();
    else if (name === 'cors-allowed-origins') {
      // As kube-apiserver: a comma-separated list of regular expressions; empty allows none.
      const list = value()
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of list)
        try {
          new RegExp(p);
        } catch {
          usage(`--cors-allowed-origins: not a regular expression: ${p}`);
        }
      options.corsAllowedOrigins = list;
    } else if (name === 'help' || a === '-h') usage();
    else if (name !== undefined || a.startsWith('-')) usage(`unknown flag: ${a}`);
    else if (scenarioFile === undefined) scenarioFile = a;
    else usage(`unexpected argument: ${a}`);
  }
  const out: ServeArgs = { options };
  if (scenarioFile !== undefined) out.scenarioFile = scenarioFile;
  if (startTime !== undefined) out.startTime = startTime;
  return out;
}
