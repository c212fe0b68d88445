/**
 * The console's order of what was typed: at one moment, steps in their order, and a command that
 * was no step after the steps that had run when it was typed, before those typed after it.
 */
import { describe, expect, it } from 'vitest';
import { loadExtensions } from '../../src/index.ts';
import { createLab } from '../lab/lab.ts';
import { defaultScenario } from '../lab/defaultScenario.ts';
import { entriesOf } from './terminal.ts';

/** The default scenario's lab at moment `t`, its commands loaded, played by nothing but the test. */
async function labAt(t: number) {
  await loadExtensions();
  const lab = createLab(defaultScenario(), { scheduler: undefined, clock: () => 0 });
  lab.seek(t);
  return lab;
}

const lines = (lab: ReturnType<typeof createLab>) => {
  const f = lab.frame();
  return entriesOf(f.steps, lab.store.getState().ui.log, f.t).map((e) =>
    e.kind === 'step' ? `${e.t} step ${e.step.run}` : `${e.t} typed ${e.entry.command}`,
  );
};

describe('the console lists what happened in the order it happened', () => {
  it('a look typed at a past moment comes before the step typed after it there', async () => {
    const lab = await labAt(5);
    await lab.runConsole('kubectl scale deployment/kubia --replicas=4');
    lab.seek(30);
    await lab.runConsole('kubectl scale deployment/kubia --replicas=5');
    // Back to 0:10, where a step is recorded later (at 0:30): look, then act.
    lab.seek(10);
    await lab.runConsole('kubectl get deployment kubia');
    await lab.runConsole('kubectl scale deployment/kubia --replicas=2');
    expect(lines(lab)).toEqual([
      '5 step kubectl scale deployment/kubia --replicas=4',
      '10 typed kubectl get deployment kubia',
      '10 step kubectl scale deployment/kubia --replicas=2',
    ]);
    // And at the end of what was recorded, a look after a step stays after it.
    await lab.runConsole('kubectl get deployment kubia -o name');
    expect(lines(lab).slice(-2)).toEqual([
      '10 step kubectl scale deployment/kubia --replicas=2',
      '10 typed kubectl get deployment kubia -o name',
    ]);
  });
});

describe('what the console runs', () => {
  it('takes a line without kubectl, or with the common alias k, as kubectl', async () => {
    const lab = await labAt(10);
    await lab.runConsole('k get deployment kubia -o name');
    await lab.runConsole('get deployment kubia -o name');
    await lab.runConsole('k scale deployment/kubia --replicas=2');
    const log = lab.store.getState().ui.log;
    expect(log.map((e) => [e.command, e.chunks])).toEqual([
      ['kubectl get deployment kubia -o name', [{ stdout: 'deployment.apps/kubia\n' }]],
      ['kubectl get deployment kubia -o name', [{ stdout: 'deployment.apps/kubia\n' }]],
    ]);
    expect(lab.frame().steps.map((s) => [s.run, s.stdout])).toEqual([
      ['kubectl scale deployment/kubia --replicas=2', 'deployment.apps/kubia scaled\n'],
    ]);
  });

  it('a look given input that watches goes on as time moves, with its input shown', async () => {
    const lab = await labAt(30);
    const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: kubia\n';
    await lab.runConsole('kubectl get -f - -w -o name', manifest);
    const entry = () => lab.store.getState().ui.log.at(-1)!;
    expect(entry()).toMatchObject({
      command: 'kubectl get -f - -w -o name',
      stdin: manifest,
      streaming: true,
    });
    expect(entry().chunks).toEqual([{ stdout: 'deployment.apps/kubia\n' }]);
    lab.runLine({ run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' });
    await lab.runConsole('kubectl get -f - -w -o name', manifest);
    lab.advance(20);
    // The Deployment changed as the rollout went: the watch printed it again.
    expect(entry().chunks.length).toBeGreaterThan(1);
    expect(entry().chunks.every((c) => c.stdout === 'deployment.apps/kubia\n')).toBe(true);
    // A look given input that does not watch is printed at once, as before.
    await lab.runConsole('kubectl get -f - -o name', manifest);
    expect(entry()).toMatchObject({ stdin: manifest, chunks: [{ stdout: 'deployment.apps/kubia\n' }] });
    expect(entry().streaming).toBeFalsy();
  });
});
