/** The typed test hook e2e specs drive virtual time with (declared in web/rolloutLab.d.ts). */
import type { RolloutLabHook } from '../rolloutLab.d.ts';
import { runConsole, runLine, session, uiStore } from '../store/app.ts';
import { clusterView } from './view.ts';
import { ColourBook, trafficWindow } from './view.ts';

export function installTestHook(): void {
  const hook: RolloutLabHook = {
    seek: (t) => session.seek(t),
    advance: (s) => session.advance(s),
    run: (command, stdin) => {
      const line = stdin === undefined ? { run: command } : { run: command, stdin };
      const r = runLine(line);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    },
    console: (command) => runConsole(command),
    load: (scenario, t = 0) => session.load(scenario, t),
    play: (speed) => {
      if (speed !== undefined) session.setSpeed(speed);
      session.play();
    },
    pause: () => session.pause(),
    state: () => {
      const v = clusterView(session.live, new ColourBook());
      return {
        t: session.now,
        playing: session.playing,
        duration: session.duration,
        steps: session.steps.map((s) => ({ at: s.at, run: s.run })),
        services: v.services.map((s) => ({ name: s.name, selector: s.selector, endpoints: s.endpoints })),
        deployments: v.deployments.map((d) => ({
          name: d.name,
          replicas: d.replicas,
          strategy: d.strategy,
          paused: d.paused,
          updated: d.updated,
          ready: d.ready,
          available: d.available,
          phase: d.phase.text,
          replicaSets: d.lanes.map((l) => ({
            name: l.name,
            revision: l.revision,
            image: l.image,
            replicas: l.current,
          })),
        })),
        pods: [...v.deployments.flatMap((d) => d.lanes.flatMap((l) => l.pods)), ...v.loosePods].map((p) => ({
          name: p.name,
          version: p.version,
          state: p.state,
        })),
        log: uiStore.getState().log.length,
        traffic: trafficWindow(session.live, session.now, 10),
      };
    },
  };
  window.__rolloutLab = hook;
}
