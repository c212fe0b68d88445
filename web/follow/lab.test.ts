/**
 * A lab showing a followed cluster: the followed Run in place of the lab's own, nothing written,
 * and Disconnect (`unfollow`) bringing back the lab's run, moment, console and selection as they
 * were. Opening a scenario while following ends following.
 */
import { describe, expect, it } from 'vitest';
import { loadFollow } from '../../src/index.ts';
import { defaultScenario, START_AT } from '../lab/defaultScenario.ts';
import { createLab } from '../lab/lab.ts';

const pod = (name: string) => ({
  metadata: { name, namespace: 'shop', uid: `uid-${name}`, resourceVersion: '7' },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
  status: { phase: 'Pending' },
});

describe('a lab following a cluster', () => {
  it('shows the followed run read-only and comes back to its own unchanged', async () => {
    const { createFollowRun, readOnlyMessage } = await loadFollow();
    const lab = createLab(defaultScenario(), { scheduler: undefined, clock: () => 0 });
    lab.seek(START_AT);
    await lab.runConsole('kubectl get deployments');
    lab.selectPod('kubia-x');
    const own = lab.run;
    const before = { t: own.now(), steps: own.frame().steps.length, log: lab.store.getState().ui.log };

    const followed = createFollowRun({ namespace: 'shop' });
    followed.receive(0, [{ t: 0, events: [{ type: 'SYNC', kind: 'Pod', items: [pod('web-1')] }] }]);
    lab.follow(followed, { url: 'http://127.0.0.1:8001', namespace: 'shop' });
    expect(lab.run).toBe(followed);
    expect(lab.store.getState().ui).toMatchObject({
      following: { url: 'http://127.0.0.1:8001', namespace: 'shop' },
      log: [],
      selectedPod: null,
    });
    expect(lab.frame().objects.pods.map((p) => p.metadata.name)).toEqual(['web-1']);
    // A button's command, or one typed, is refused in the followed run's words; the lab's run is untouched.
    expect(lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=1' })).toEqual({
      stdout: '',
      stderr: readOnlyMessage('shop'),
      exitCode: 1,
    });
    await lab.runConsole('kubectl get pods');
    expect(
      lab.store
        .getState()
        .ui.log.at(-1)
        ?.chunks.map((c) => c.stdout ?? '')
        .join(''),
    ).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb-1 /);

    lab.unfollow();
    expect(lab.run).toBe(own);
    expect({ t: own.now(), steps: own.frame().steps.length, log: lab.store.getState().ui.log }).toEqual(
      before,
    );
    expect(lab.store.getState().ui).toMatchObject({ following: null, selectedPod: 'kubia-x' });
    lab.unfollow();
    expect(lab.run).toBe(own);
    lab.dispose();
  });

  it('ends following when a scenario is opened in its place', async () => {
    const { createFollowRun } = await loadFollow();
    const lab = createLab(defaultScenario(), { scheduler: undefined, clock: () => 0 });
    lab.follow(createFollowRun({ namespace: 'default' }), {
      url: 'http://127.0.0.1:8001',
      namespace: 'default',
    });
    lab.load(defaultScenario(), 5);
    expect(lab.store.getState().ui.following).toBeNull();
    const now = lab.run;
    // Nothing to come back to: the opened scenario is the lab's own now.
    lab.unfollow();
    expect(lab.run).toBe(now);
    expect(lab.run.now()).toBe(5);
    lab.dispose();
  });
});
