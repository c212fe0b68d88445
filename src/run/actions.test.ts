/**
 * The app's buttons as kubectl, run through a Run: what each builds, that the API server's
 * validation speaks for the form, that the form reads the Deployment as it is now, that the
 * rollback list follows the history, and blue/green as four visible steps.
 */
import { describe, expect, it } from 'vitest';
import { actions, createRun, type Deployment, type Scenario } from '../index.ts';

const kubia = (): Scenario => ({
  apiVersion: 'rolloutlab/v1',
  kind: 'Scenario',
  metadata: { name: 'actions' },
  spec: {
    seed: 7,
    cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
    timing: {},
    traffic: { service: 'kubia', requestsPerSecond: 10 },
    manifests: JSON.stringify([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'kubia', labels: { app: 'kubia' } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'kubia' } },
          template: {
            metadata: { labels: { app: 'kubia' } },
            spec: {
              containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubia' },
        spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
      },
    ]),
    steps: [],
  },
});

const started = () => {
  const run = createRun(kubia());
  run.seek(20);
  return run;
};
const deployment = (run: ReturnType<typeof createRun>, name = 'kubia'): Deployment =>
  run.frame().objects.deployments.find((d) => d.metadata.name === name)!;
const runAll = (run: ReturnType<typeof createRun>, lines: actions.CommandLine[]) =>
  lines.map((l) => run.run(l.run, l.stdin).exitCode);

describe('actions', () => {
  it('quotes like a shell', () => {
    expect(actions.shellQuote('luksa/kubia:v2')).toBe('luksa/kubia:v2');
    expect(actions.shellQuote(`{"a":1}`)).toBe(`'{"a":1}'`);
    expect(actions.shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });

  it.each([
    ['0', '0', 'may not be 0 when `maxSurge` is 0'],
    ['25%', '25%', ''],
    ['1', '0', ''],
    ['-1', '0', 'must be greater than or equal to 0'],
  ])('rolling update maxSurge %s maxUnavailable %s → %s', (surge, unavail, message) => {
    const run = started();
    const r = actions.rollingUpdate(deployment(run), {
      image: 'luksa/kubia:v2',
      maxSurge: surge,
      maxUnavailable: unavail,
      minReadySeconds: 0,
    });
    if (message) expect(r.error).toContain(message);
    else expect(r.error).toBe('');
  });

  it('rolling update with the settings there are is one set image; new settings add a patch first', () => {
    const run = started();
    const same = actions.rollingUpdate(deployment(run), {
      image: 'luksa/kubia:v2',
      maxSurge: '25%',
      maxUnavailable: '25%',
      minReadySeconds: 0,
    });
    expect(same.lines.map((l) => l.run)).toEqual([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
    ]);
    const other = actions.rollingUpdate(deployment(run), {
      image: 'luksa/kubia:v2',
      maxSurge: '1',
      maxUnavailable: '0',
      minReadySeconds: 5,
    });
    expect(other.lines[0]!.run).toBe(
      `kubectl patch deployment kubia -p '{"spec":{"minReadySeconds":5,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'`,
    );
    expect(runAll(run, other.lines)).toEqual([0, 0]);
    // The form reads the Deployment as it is now.
    expect(actions.strategyOf(deployment(run))).toEqual({
      type: 'RollingUpdate',
      maxSurge: '1',
      maxUnavailable: '0',
      minReadySeconds: 5,
      replicas: 3,
    });
  });

  it('the form follows a scale and the broken v3 release', () => {
    const run = started();
    run.run(actions.scale('kubia', 5).run);
    expect(actions.strategyOf(deployment(run)).replicas).toBe(5);
    const v3 = actions.brokenV3(deployment(run));
    expect(run.run(v3.run, v3.stdin).exitCode).toBe(0);
    expect(actions.strategyOf(deployment(run))).toEqual({
      type: 'RollingUpdate',
      maxSurge: '1',
      maxUnavailable: '0',
      minReadySeconds: 10,
      replicas: 5,
    });
  });

  it('Recreate switches the strategy then the image, and every old pod goes first', () => {
    const run = started();
    const lines = actions.recreate(deployment(run), 'luksa/kubia:v2');
    expect(lines[0]!.run).toMatch(/^kubectl patch deployment kubia -p /);
    expect(runAll(run, lines)).toEqual([0, 0]);
    expect(deployment(run).spec.strategy?.type).toBe('Recreate');
    run.advance(3);
    const states = run
      .frame()
      .view.deployments[0]!.lanes.flatMap((l) => l.pods.map((p) => `${p.version}:${p.state}`));
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((x) => x === 'v1:terminating')).toBe(true);
    run.advance(60);
    expect(run.frame().view.deployments[0]!.phase.text).toBe('Rollout complete');
  });

  it('the rollback list is the history as it is now', () => {
    const run = started();
    run.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v2');
    run.advance(60);
    run.run('kubectl set image deployment/kubia nodejs=luksa/kubia:v4');
    run.advance(60);
    const before = actions.rollbackTargets(deployment(run), run.frame().objects.replicaSets);
    expect(before.map((r) => [r.revision, r.image])).toEqual([
      [2, 'luksa/kubia:v2'],
      [1, 'luksa/kubia:v1'],
    ]);
    expect(run.run(actions.rollback('kubia', 1).run).exitCode).toBe(0);
    run.advance(60);
    // Revision 1 became revision 4: going back to "1" is no longer possible, 3 (v4) is.
    const after = actions.rollbackTargets(deployment(run), run.frame().objects.replicaSets);
    expect(after.map((r) => [r.revision, r.image])).toEqual([
      [3, 'luksa/kubia:v4'],
      [2, 'luksa/kubia:v2'],
    ]);
  });
});

describe('a release like another', () => {
  const withRequests = (): Scenario => {
    const s = kubia();
    s.spec.manifests = s.spec.manifests.replace(
      '"ports":[{"containerPort":8080}]',
      '"ports":[{"containerPort":8080}],"resources":{"requests":{"cpu":"500m"}}',
    );
    return s;
  };
  const greenRequests = (run: ReturnType<typeof createRun>) =>
    run
      .frame()
      .objects.pods.filter((p) => p.metadata.name.startsWith('kubia-green-'))
      .map((p) => p.spec.containers[0]!.resources?.requests?.['cpu']);

  it("green requests what blue does, and may carry the broken release's readiness check", () => {
    const run = createRun(withRequests());
    run.seek(20);
    const green = actions.greenDeployment(deployment(run), 'luksa/kubia:v3', {
      readinessProbe: true,
      minReadySeconds: 10,
    });
    expect(run.run(green.run, green.stdin).exitCode).toBe(0);
    const d = deployment(run, 'kubia-green');
    expect(d.spec.minReadySeconds).toBe(10);
    expect(d.spec.template.spec.containers[0]!.resources).toEqual({ requests: { cpu: '500m' } });
    expect(d.spec.template.spec.containers[0]!.readinessProbe?.httpGet?.path).toBe('/');
    run.advance(5);
    expect(greenRequests(run)).toEqual(['500m', '500m', '500m']);
  });

  it.each([
    [{ type: 'Recreate' } as const, 'Recreate'],
    [{ type: 'RollingUpdate', maxSurge: '50%', maxUnavailable: 1 } as const, 'RollingUpdate'],
  ])('the broken v3 rolled out as %j', (strategy, type) => {
    const run = createRun(withRequests());
    run.seek(20);
    const v3 = actions.brokenV3(deployment(run), strategy);
    expect(run.run(v3.run, v3.stdin)).toMatchObject({ exitCode: 0, stderr: '' });
    const d = deployment(run);
    expect(d.spec.strategy?.type).toBe(type);
    expect(d.spec.strategy?.rollingUpdate).toEqual(
      strategy.type === 'Recreate' ? undefined : { maxSurge: '50%', maxUnavailable: 1 },
    );
    expect(d.spec.template.spec.containers[0]!.image).toBe('luksa/kubia:v3');
    expect(d.spec.template.spec.containers[0]!.resources).toEqual({ requests: { cpu: '500m' } });
  });
});

describe('blue/green in four visible steps', () => {
  it('create green, wait, switch, switch back, switch again, retire blue', () => {
    const run = started();
    const stage = () => actions.blueGreenOf(run.frame().objects);
    expect(stage()?.stage).toBe('none');
    const green = actions.greenDeployment(deployment(run), 'luksa/kubia:v2');
    expect(run.run(green.run, green.stdin).exitCode).toBe(0);
    expect(stage()?.stage).toBe('starting');
    run.advance(60);
    const ready = stage()!;
    expect(ready.stage).toBe('ready');
    const to = actions.switchService(ready.service, ready.green!.spec.template.metadata!.labels!);
    expect(to.run).toBe(`kubectl patch service kubia -p '{"spec":{"selector":{"app":"kubia-green"}}}'`);
    expect(run.run(to.run).exitCode).toBe(0);
    run.advance(2);
    expect(stage()?.stage).toBe('switched');
    expect(run.frame().view.services[0]!.endpoints.every((n) => n.startsWith('kubia-green-'))).toBe(true);
    const back = actions.switchService(stage()!.service, ready.blue.spec.template.metadata!.labels!);
    expect(run.run(back.run).exitCode).toBe(0);
    run.advance(2);
    expect(stage()?.stage).toBe('ready');
    expect(run.frame().view.services[0]!.endpoints.every((n) => !n.startsWith('kubia-green-'))).toBe(true);
    run.run(to.run);
    run.run(actions.scale('kubia', 0).run);
    run.advance(30);
    expect(stage()).toMatchObject({ stage: 'switched', blueRunning: false });
    const requests = run.frame().traffic.recent;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((r) => r.status === 200 && r.version === 'v2')).toBe(true);
  });

  it('switching to a selector with fewer keys removes the others', () => {
    const run = started();
    const svc = run.frame().objects.services[0]!;
    const line = actions.switchService(
      { ...svc, spec: { ...svc.spec, selector: { app: 'kubia', color: 'blue' } } },
      {
        app: 'kubia',
      },
    );
    expect(line.run).toBe(
      `kubectl patch service kubia -p '{"spec":{"selector":{"color":null,"app":"kubia"}}}'`,
    );
  });
});
