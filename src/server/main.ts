/**
 * `npm run serve [-- SCENARIO.yaml] [--port N] [--speed X] [--kubeconfig FILE] [--start-time T] [--www DIR]
 *  [--www-prefix P] [--cors-allowed-origins RE,...]`
 *
 * Serves a simulated cluster (or a scenario's) as a Kubernetes API on 127.0.0.1 and prints two
 * lines, which scripts rely on:
 *
 *   Kubernetes API at http://127.0.0.1:PORT
 *   KUBECONFIG=PATH
 *
 * Virtual time follows the wall clock at `--speed` virtual seconds per second (1; 0 stands still
 * until something POSTs /rolloutlab/v1/advance?seconds=N). Its timestamps start at the wall clock's
 * now (the whole second), as a new cluster's would: the real kubectl computes some ages from them
 * against its own clock (describe's events, `kubectl events`), and those are right at speed 1.
 * `--start-time 2025-01-01T00:00:00Z` starts them where the page's do instead. SIGTERM or SIGINT
 * stops it cleanly.
 * `--www dist` also serves the built app under `--www-prefix` (`/lab/`), as `kubectl proxy --www`
 * does, so the app can follow this cluster from the same origin. Pages served from this machine
 * on another port may read the API too (CORS); `--cors-allowed-origins RE,...` says which origins
 * instead, as kube-apiserver's flag.
 */
import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError, type Scenario } from '../scenario/scenario.ts';
import { ArgsError, USAGE, parseArgs } from './args.ts';
import { setEpoch } from '../k8s/time.ts';
import { startServer } from './server.ts';

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof ArgsError)) throw e;
    process.stderr.write(e.message === USAGE ? `${USAGE}\n` : `error: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const { options, scenarioFile, startTime } = parsed;
  setEpoch(startTime ?? Math.floor(Date.now() / 1000) * 1000);
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
