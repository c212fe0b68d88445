/** The typed test hook e2e specs drive virtual time with (declared in web/rolloutLab.d.ts). */
import type { RolloutLabHook } from '../rolloutLab.d.ts';
import type { Lab } from './lab.ts';
import { drawnPods } from '../../src/index.ts';

export function installTestHook(lab: Lab): void {
  const hook: RolloutLabHook = {
    seek: (t) => lab.seek(t),
    advance: (s) => lab.advance(s),
    run: (command, stdin) => {
      const line = stdin === undefined ? { run: command } : { run: command, stdin };
      const r = lab.runLine(line);
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    },
    console: (command) => lab.runConsole(command),
    load: (scenario, t = 0) => lab.load(scenario, t),
    play: (speed) => {
      if (speed !== undefined) lab.setSpeed(speed);
      lab.play();
    },
    pause: () => lab.pause(),
    hold: (on = true) => {
      lab.player.hold = on;
    },
    state: () => {
      const f = lab.frame();
      const v = f.view;
      return {
        t: f.t,
        playing: lab.player.playing,
        duration: f.history.duration,
        until: f.history.until,
        steps: f.steps.map((s) => ({ at: s.at, run: s.run, status: s.status })),
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
        pods: drawnPods(v).map((p) => ({
          name: p.name,
          version: p.version,
          state: p.state,
        })),
        log: f.steps.filter((s) => s.ranAt !== undefined).length + lab.store.getState().ui.log.length,
        traffic: {
          ok: f.traffic.window.ok,
          errors: f.traffic.window.errors,
          refused: f.traffic.window.refused,
        },
      };
    },
  };
  window.__rolloutLab = hook;
}
