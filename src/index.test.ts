import { describe, expect, it } from 'vitest';
import { createCluster, runScenario, ValidationError } from './index.ts';

const zero = { scheduleSeconds: 0, imagePullSeconds: 0, containerStartSeconds: 0, terminationSeconds: 0 };
const kubia = (image: string, replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      name: kubia
      labels:
        app: kubia
    spec:
      containers:
      - image: ${image}
        name: nodejs
---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  type: LoadBalancer
  selector:
    app: kubia
  ports:
  - port: 80
    targetPort: 8080
`;

type Obj = {
  metadata: { name: string; annotations?: Record<string, string> };
  spec: { replicas: number };
  status: Record<string, unknown>;
};

describe('the public API, as code outside this repository uses it', () => {
  it('rolls kubia to v2 and v3 and back with undo --to-revision, every message as a cluster shows it', () => {
    const c = createCluster({ seed: 7, timing: zero });
    c.apply(kubia('luksa/kubia:v1'));
    expect(c.kubectl('kubectl set image deployment/kubia nodejs=luksa/kubia:v2')).toEqual({
      stdout: 'deployment.apps/kubia image updated\n',
      stderr: '',
      exitCode: 0,
    });
    c.advance(5);
    expect(c.kubectl('rollout status deployment/kubia').stdout).toBe(
      'deployment "kubia" successfully rolled out\n',
    );
    c.kubectl('set image deploy kubia nodejs=luksa/kubia:v3');
    c.advance(5);
    expect(c.kubectl('rollout history deployments.apps kubia').stdout).toBe(
      'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n',
    );
    const undo = c.kubectl('rollout undo deployment kubia --to-revision=1');
    expect(undo.stdout).toBe('deployment.apps/kubia rolled back\n');
    expect(undo.exitCode).toBe(0);
    c.advance(5);
    expect(c.kubectl('rollout history deployment kubia').stdout).toBe(
      'deployment.apps/kubia \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n4         <none>\n\n',
    );
    const d = c.get('deployment', 'kubia') as Obj;
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
    expect(d.status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    const rs = c.list('replicaset') as Obj[];
    const v1 = rs.find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '4')!;
    expect(v1.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(v1.spec.replicas).toBe(3);
    const scaling = (c.events() as { reason: string; message: string }[])
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message);
    expect(scaling[0]).toMatch(/^Scaled up replica set kubia-[4-9b-df]+ to 3$/);
    // Past ten different scaling messages in ten minutes, the deployment controller's recorder
    // writes the rest as one combined event (client-go's event correlator).
    expect(
      scaling.every((m) =>
        /^(\(combined from similar events\): )?Scaled (up|down) replica set kubia-[4-9b-df]+ (to \d+|from \d+ to \d+)$/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(scaling.filter((m) => m.startsWith('(combined from similar events): '))).toHaveLength(1);
  });

  it('throws a ValidationError worded like kubectl and changes nothing', () => {
    const c = createCluster({ timing: zero });
    const bad = kubia('luksa/kubia:v1').replace('replicas: 3', 'replicas: -1');
    expect(() => c.apply(bad)).toThrow(ValidationError);
    expect(() => c.apply(bad)).toThrow(
      'The Deployment "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(c.list('deployment')).toEqual([]);
    expect(c.list('service')).toEqual([]);
  });

  it('hands out copies: changing what get() returned changes nothing inside', () => {
    const c = createCluster({ timing: zero });
    c.apply(kubia('luksa/kubia:v1'));
    const d = c.get('deploy', 'kubia') as Obj;
    d.spec.replicas = 99;
    expect((c.get('deploy', 'kubia') as Obj).spec.replicas).toBe(3);
  });

  it('sends traffic through a Service and reports refused connections while nothing is ready', () => {
    const c = createCluster({ seed: 3 });
    c.apply(kubia('luksa/kubia:v1'));
    c.setTraffic('kubia', 10);
    c.advance(30);
    const series = c.trafficSeries();
    expect(series[0]!.refused).toBeGreaterThan(0);
    expect(series[series.length - 1]!.ok['v1']).toBe(10);
    expect(c.requests(c.now() - 1, c.now()).every((r) => r.status === 200 && r.version === 'v1')).toBe(true);
  });

  it('runs a scenario given as text up to a time', () => {
    const c = runScenario(
      {
        apiVersion: 'rolloutlab/v1',
        kind: 'Scenario',
        metadata: { name: 't' },
        spec: {
          seed: 1,
          cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
          timing: zero,
          manifests: kubia('luksa/kubia:v1', 2),
          steps: [{ at: 10, run: 'kubectl scale deployment kubia --replicas=4' }],
        },
      },
      20,
    );
    expect(c.now()).toBe(20);
    expect(c.steps[0]!.result.stdout).toBe('deployment.apps/kubia scaled\n');
    expect(c.list('pod')).toHaveLength(4);
  });
});
