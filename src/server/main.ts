/**
 * `npm run serve [-- SCENARIO.yaml] [--port N] [--speed X] [--kubeconfig FILE]`
 *
 * Serves a simulated cluster (or a scenario's) as a Kubernetes API on 127.0.0.1 and prints two
 * lines, which scripts rely on:
 *
 *   Kubernetes API at http://127.0.0.1:PORT
 *   KUBECONFIG=PATH
 *
 * Virtual time follows the wall clock at `--speed` virtual seconds per second (1; 0 stands still
 * until something POSTs /rolloutlab/v1/advance?seconds=N). SIGTERM or SIGINT stops it cleanly.
 */
import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError, type Scenario } from '../scenario/scenario.ts';
import { startServer, type ServerOptions } from './server.ts';

function usage(message?: string): never {
  if (message) process.stderr.write(`error: ${message}\n`);
  process.stderr.write(
    'usage: npm run serve -- [SCENARIO.yaml] [--port N] [--speed X] [--kubeconfig FILE]\n',
  );
  process.exit(2);
}

export function parseArgs(argv: string[]): { options: ServerOptions; scenarioFile?: string } {
  const options: ServerOptions = {};
  let scenarioFile: string | undefined;
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
    } else if (name === 'kubeconfig') options.kubeconfig = value();
    else if (name === 'help' || a === '-h') usage();
    else if (name !== undefined || a.startsWith('-')) usage(`unknown flag: ${a}`);
    else if (scenarioFile === undefined) scenarioFile = a;
    else usage(`unexpected argument: ${a}`);
  }
  return scenarioFile === undefined ? { options } : { options, scenarioFile };
}

async function main(): Promise<void> {
  const { options, scenarioFile } = parseArgs(process.argv.slice(2));
  if (scenarioFile !== undefined) {
    let scenario: Scenario;
    try {
      scenario = parseScenario(readFileSync(scenarioFile, 'utf8'));
    } catch (e) {
      const msg = e instanceof ScenarioError || e instanceof Error ? e.message : String(e);
      process.stderr.write(`error: ${scenarioFile}: ${msg}\n`);
      process.exit(1);
    }
    options.scenario = scenario;
  }
  const server = await startServer(options);
  process.stdout.write(`Kubernetes API at ${server.url}\nKUBECONFIG=${server.kubeconfig}\n`);
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
