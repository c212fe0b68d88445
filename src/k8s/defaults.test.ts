/**
 * Table-driven tests for defaults.ts, ported from kubernetes/kubernetes
 * `pkg/apis/apps/v1/defaults_test.go` (TestSetDefaultDeployment, TestSetDefaultReplicaSetReplicas,
 * TestDefaultDeploymentAvailability, TestDefaultRequestIsNotSetForReplicaSet) and the pod, probe
 * and service cases of `pkg/apis/core/v1/defaults_test.go`.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultPullPolicy,
  setDefaults,
  setDefaultsDeployment,
  setDefaultsPod,
  setDefaultsPodSpec,
  setDefaultsReplicaSet,
  setDefaultsService,
} from './defaults.ts';
import { getScaledValueFromIntOrPercent } from './intstr.ts';
import type {
  Container,
  Deployment,
  DeploymentSpec,
  KubeObject,
  Pod,
  PodSpec,
  Probe,
  ReplicaSet,
  ReplicaSetSpec,
  Service,
  ServicePort,
} from './types.ts';

/** The pod spec every defaulted template gets when the manifest left all of it out. */
const DEFAULT_POD_SPEC: PodSpec = {
  containers: [],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler',
};

function deployment(spec: Partial<DeploymentSpec>): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'abc' },
    spec: { selector: {}, template: { spec: { containers: [] } }, ...spec },
    status: {},
  };
}

function replicaSet(spec: Partial<ReplicaSetSpec>): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'abc' },
    spec: {
      selector: {},
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [] } },
      ...spec,
    },
    status: { replicas: 0 },
  };
}

function pod(spec: PodSpec): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, status: { phase: 'Pending' } };
}

function service(spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec };
}

function firstContainer(spec: PodSpec): Container {
  const c = spec.containers[0];
  if (!c) throw new Error('no container');
  return c;
}

/** The spec fields TestSetDefaultDeployment compares (the template is checked separately). */
function specWithoutTemplate(d: Deployment): Omit<DeploymentSpec, 'template' | 'selector'> {
  const { template: _template, selector: _selector, ...rest } = d.spec;
  return rest;
}

describe('setDefaultsDeployment (TestSetDefaultDeployment)', () => {
  it.each<{
    scenario: string;
    input: Partial<DeploymentSpec>;
    expected: ReturnType<typeof specWithoutTemplate>;
  }>([
    {
      scenario: 'an empty deployment gets 1 replica, RollingUpdate 25%/25%, 10 revisions and a 600s deadline',
      input: {},
      expected: {
        replicas: 1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
    {
      scenario: 'an explicit maxSurge is kept and only maxUnavailable is defaulted',
      input: { replicas: 5, strategy: { rollingUpdate: { maxSurge: 5 } } },
      expected: {
        replicas: 5,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 5, maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
    {
      scenario: 'an explicit maxUnavailable is kept and only maxSurge is defaulted',
      input: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } },
      expected: {
        replicas: 1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
    {
      scenario: 'type RollingUpdate with a nil rollingUpdate block gets a block with both defaults',
      input: { replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: null } },
      expected: {
        replicas: 3,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
    {
      scenario: 'Recreate gets no rollingUpdate block and an explicit revisionHistoryLimit 0 is kept',
      input: { replicas: 5, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 },
      expected: {
        replicas: 5,
        strategy: { type: 'Recreate' },
        revisionHistoryLimit: 0,
        progressDeadlineSeconds: 600,
      },
    },
    {
      scenario: 'Recreate keeps an explicit progressDeadlineSeconds and revisionHistoryLimit',
      input: {
        replicas: 5,
        strategy: { type: 'Recreate' },
        progressDeadlineSeconds: 30,
        revisionHistoryLimit: 2,
      },
      expected: {
        replicas: 5,
        strategy: { type: 'Recreate' },
        revisionHistoryLimit: 2,
        progressDeadlineSeconds: 30,
      },
    },
    {
      scenario: 'explicit replicas 0 is kept',
      input: { replicas: 0 },
      expected: {
        replicas: 0,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
    {
      scenario: 'minReadySeconds and paused get no default',
      input: { strategy: { type: 'Recreate' } },
      expected: {
        replicas: 1,
        strategy: { type: 'Recreate' },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
    },
  ])('$scenario', ({ input, expected }) => {
    const got = setDefaultsDeployment(deployment(input));
    expect(specWithoutTemplate(got)).toEqual(expected);
    expect(got.spec.template).toEqual({ spec: DEFAULT_POD_SPEC });
  });

  it('a Recreate deployment that sets a rollingUpdate block keeps it for validation to reject', () => {
    const got = setDefaultsDeployment(deployment({ strategy: { type: 'Recreate', rollingUpdate: {} } }));
    expect(got.spec.strategy).toEqual({ type: 'Recreate', rollingUpdate: {} });
  });

  it('the default maxUnavailable leaves at least one replica available (TestDefaultDeploymentAvailability)', () => {
    const d = setDefaultsDeployment(deployment({}));
    const replicas = d.spec.replicas ?? 0;
    const maxUnavailable = getScaledValueFromIntOrPercent(
      d.spec.strategy?.rollingUpdate?.maxUnavailable,
      replicas,
      false,
    );
    expect(replicas - maxUnavailable).toBeGreaterThan(0);
  });

  it.each<{ scenario: string; status: Deployment['status'] | undefined; expected: Deployment['status'] }>([
    { scenario: 'a missing status becomes {}', status: undefined, expected: {} },
    {
      scenario: 'an existing status is kept',
      status: { replicas: 3, observedGeneration: 2 },
      expected: { replicas: 3, observedGeneration: 2 },
    },
  ])('$scenario', ({ status, expected }) => {
    const d = { ...deployment({}), status } as Deployment;
    expect(setDefaultsDeployment(d).status).toEqual(expected);
  });
});

describe('setDefaultsReplicaSet (TestSetDefaultReplicaSetReplicas)', () => {
  it.each<{ scenario: string; replicas: number | undefined; expected: number }>([
    { scenario: 'unset replicas become 1', replicas: undefined, expected: 1 },
    { scenario: 'explicit 0 replicas are kept', replicas: 0, expected: 0 },
    { scenario: 'explicit 3 replicas are kept', replicas: 3, expected: 3 },
  ])('$scenario', ({ replicas, expected }) => {
    const spec: Partial<ReplicaSetSpec> = replicas === undefined ? {} : { replicas };
    const got = setDefaultsReplicaSet(replicaSet(spec));
    expect(got.spec.replicas).toBe(expected);
    expect(got.spec.template.spec).toEqual(DEFAULT_POD_SPEC);
    expect(got.spec.template.metadata).toEqual({ labels: { foo: 'bar' } });
  });

  it('a missing status becomes {replicas: 0}', () => {
    const rs = { ...replicaSet({}), status: undefined } as unknown as ReplicaSet;
    expect(setDefaultsReplicaSet(rs).status).toEqual({ replicas: 0 });
  });

  it('template containers do not get requests from limits (TestDefaultRequestIsNotSetForReplicaSet)', () => {
    const rs = replicaSet({
      template: { spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '100m' } } }] } },
    });
    const c = firstContainer(setDefaultsReplicaSet(rs).spec.template.spec);
    expect(c.resources).toEqual({ limits: { cpu: '100m' } });
  });
});

describe('setDefaultsPodSpec (SetDefaults_PodSpec, SetDefaults_Container)', () => {
  it.each<{ scenario: string; input: PodSpec; expected: Partial<PodSpec> }>([
    {
      scenario:
        'an empty spec gets restartPolicy Always, dnsPolicy ClusterFirst, 30s grace, default-scheduler, {} securityContext',
      input: { containers: [] },
      expected: DEFAULT_POD_SPEC,
    },
    {
      scenario: 'explicit restartPolicy, dnsPolicy, scheduler and a 0s grace period are kept',
      input: {
        containers: [],
        restartPolicy: 'Never',
        dnsPolicy: 'Default',
        schedulerName: 'my-scheduler',
        terminationGracePeriodSeconds: 0,
        securityContext: { runAsUser: 1000 },
      },
      expected: {
        containers: [],
        restartPolicy: 'Never',
        dnsPolicy: 'Default',
        schedulerName: 'my-scheduler',
        terminationGracePeriodSeconds: 0,
        securityContext: { runAsUser: 1000 },
      },
    },
  ])('$scenario', ({ input, expected }) => {
    expect(setDefaultsPodSpec(input)).toEqual(expected);
  });

  it.each<{ scenario: string; container: Container; expected: Container }>([
    {
      scenario: 'a bare container gets pull policy, termination message path and policy',
      container: { name: 'c', image: 'nginx:1.25' },
      expected: {
        name: 'c',
        image: 'nginx:1.25',
        imagePullPolicy: 'IfNotPresent',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    },
    {
      scenario: 'explicit container fields are kept',
      container: {
        name: 'c',
        image: 'nginx',
        imagePullPolicy: 'Never',
        terminationMessagePath: '/tmp/msg',
        terminationMessagePolicy: 'FallbackToLogsOnError',
      },
      expected: {
        name: 'c',
        image: 'nginx',
        imagePullPolicy: 'Never',
        terminationMessagePath: '/tmp/msg',
        terminationMessagePolicy: 'FallbackToLogsOnError',
      },
    },
    {
      scenario: 'container ports get protocol TCP unless one is given',
      container: {
        name: 'c',
        image: 'i:1',
        ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }],
      },
      expected: {
        name: 'c',
        image: 'i:1',
        imagePullPolicy: 'IfNotPresent',
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        ports: [
          { containerPort: 80, protocol: 'TCP' },
          { containerPort: 53, protocol: 'UDP' },
        ],
      },
    },
  ])('$scenario', ({ container, expected }) => {
    expect(firstContainer(setDefaultsPodSpec({ containers: [container] }))).toEqual(expected);
  });

  it.each<{ image: string; expected: string }>([
    { image: 'nginx', expected: 'Always' },
    { image: 'nginx:latest', expected: 'Always' },
    { image: 'nginx:1.25', expected: 'IfNotPresent' },
    { image: 'docker.io/library/nginx', expected: 'Always' },
    { image: 'luksa/kubia:v1', expected: 'IfNotPresent' },
    { image: 'registry.example.com:5000/team/app', expected: 'Always' },
    { image: 'registry.example.com:5000/team/app:v2', expected: 'IfNotPresent' },
    { image: `nginx@sha256:${'a'.repeat(64)}`, expected: 'IfNotPresent' },
    { image: `nginx:latest@sha256:${'a'.repeat(64)}`, expected: 'Always' },
    { image: 'Nginx', expected: 'IfNotPresent' },
    { image: '', expected: 'IfNotPresent' },
  ])('image "$image" defaults imagePullPolicy to $expected', ({ image, expected }) => {
    expect(defaultPullPolicy(image)).toBe(expected);
    expect(firstContainer(setDefaultsPodSpec({ containers: [{ name: 'c', image }] })).imagePullPolicy).toBe(
      expected,
    );
  });

  it.each<{ scenario: string; probe: Probe; expected: Probe }>([
    {
      scenario: 'an exec probe gets timeout 1, period 10, success 1, failure 3',
      probe: { exec: { command: ['true'] } },
      expected: {
        exec: { command: ['true'] },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      scenario: 'explicit probe timings are kept',
      probe: {
        tcpSocket: { port: 80 },
        timeoutSeconds: 5,
        periodSeconds: 2,
        successThreshold: 2,
        failureThreshold: 7,
      },
      expected: {
        tcpSocket: { port: 80 },
        timeoutSeconds: 5,
        periodSeconds: 2,
        successThreshold: 2,
        failureThreshold: 7,
      },
    },
    {
      scenario: 'explicit zero timings are defaulted too, as upstream tests for == 0',
      probe: {
        tcpSocket: { port: 80 },
        timeoutSeconds: 0,
        periodSeconds: 0,
        successThreshold: 0,
        failureThreshold: 0,
      },
      expected: {
        tcpSocket: { port: 80 },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      scenario: 'an httpGet probe gets path "/" and scheme HTTP (SetDefaults_HTTPGetAction)',
      probe: { httpGet: { port: 8080 } },
      expected: {
        httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
    {
      scenario: 'an explicit httpGet path and scheme are kept',
      probe: { httpGet: { port: 'http', path: '/healthz', scheme: 'HTTPS' }, initialDelaySeconds: 5 },
      expected: {
        httpGet: { port: 'http', path: '/healthz', scheme: 'HTTPS' },
        initialDelaySeconds: 5,
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
  ])('$scenario', ({ probe, expected }) => {
    const c = firstContainer(
      setDefaultsPodSpec({
        containers: [{ name: 'c', image: 'i', readinessProbe: probe, livenessProbe: probe }],
      }),
    );
    expect(c.readinessProbe).toEqual(expected);
    expect(c.livenessProbe).toEqual(expected);
  });
});

describe('setDefaultsPod (SetDefaults_Pod)', () => {
  it.each<{ scenario: string; resources: Container['resources']; expected: Container['resources'] }>([
    {
      scenario: 'requests default to limits when unset',
      resources: { limits: { cpu: '100m', memory: '64Mi' } },
      expected: { limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
    },
    {
      scenario: 'an explicit request is kept and only the missing one is copied from the limit',
      resources: { limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '50m' } },
      expected: { limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '50m', memory: '64Mi' } },
    },
    {
      scenario: 'requests without limits are left alone',
      resources: { requests: { cpu: '50m' } },
      expected: { requests: { cpu: '50m' } },
    },
  ])('$scenario', ({ resources, expected }) => {
    const container: Container = resources ? { name: 'c', image: 'i', resources } : { name: 'c', image: 'i' };
    const got = setDefaultsPod(pod({ containers: [container] }));
    expect(firstContainer(got.spec).resources).toEqual(expected);
  });

  it('a pod spec gets the pod spec defaults', () => {
    const got = setDefaultsPod(pod({ containers: [] }));
    expect(got.spec).toEqual(DEFAULT_POD_SPEC);
  });

  it('a pod without status starts Pending', () => {
    const p = { ...pod({ containers: [] }), status: undefined } as unknown as Pod;
    expect(setDefaultsPod(p).status).toEqual({ phase: 'Pending' });
  });
});

describe('setDefaultsService (SetDefaults_Service)', () => {
  it('an empty spec gets type ClusterIP, sessionAffinity None and the single-stack IPv4 fields', () => {
    expect(setDefaultsService(service({})).spec).toEqual({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      internalTrafficPolicy: 'Cluster',
    });
  });

  it('explicit type and session affinity are kept', () => {
    const got = setDefaultsService(service({ type: 'NodePort', sessionAffinity: 'ClientIP' }));
    expect(got.spec).toEqual({
      type: 'NodePort',
      sessionAffinity: 'ClientIP',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
      internalTrafficPolicy: 'Cluster',
      externalTrafficPolicy: 'Cluster',
    });
  });

  it.each<{ scenario: string; port: ServicePort; expected: ServicePort }>([
    {
      scenario: 'a missing targetPort becomes the port',
      port: { port: 80 },
      expected: { port: 80, protocol: 'TCP', targetPort: 80 },
    },
    {
      scenario: 'targetPort 0 becomes the port',
      port: { port: 80, targetPort: 0 },
      expected: { port: 80, protocol: 'TCP', targetPort: 80 },
    },
    {
      scenario: 'targetPort "" becomes the port',
      port: { port: 80, targetPort: '' },
      expected: { port: 80, protocol: 'TCP', targetPort: 80 },
    },
    {
      scenario: 'a numeric targetPort is kept',
      port: { port: 80, targetPort: 8080 },
      expected: { port: 80, protocol: 'TCP', targetPort: 8080 },
    },
    {
      scenario: 'a named targetPort is kept',
      port: { port: 80, targetPort: 'http' },
      expected: { port: 80, protocol: 'TCP', targetPort: 'http' },
    },
    {
      scenario: 'an explicit protocol is kept',
      port: { port: 53, protocol: 'UDP' },
      expected: { port: 53, protocol: 'UDP', targetPort: 53 },
    },
  ])('$scenario', ({ port, expected }) => {
    expect(setDefaultsService(service({ ports: [port] })).spec.ports).toEqual([expected]);
  });
});

describe('defaulting never mutates its input', () => {
  const inputs: { scenario: string; obj: KubeObject; run: (o: KubeObject) => KubeObject }[] = [
    {
      scenario: 'setDefaultsDeployment',
      obj: deployment({ strategy: { rollingUpdate: { maxSurge: 2 } } }),
      run: (o) => setDefaultsDeployment(o as Deployment),
    },
    {
      scenario: 'setDefaultsReplicaSet',
      obj: replicaSet({}),
      run: (o) => setDefaultsReplicaSet(o as ReplicaSet),
    },
    {
      scenario: 'setDefaultsPod',
      obj: pod({ containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1' } } }] }),
      run: (o) => setDefaultsPod(o as Pod),
    },
    {
      scenario: 'setDefaultsService',
      obj: service({ ports: [{ port: 80 }] }),
      run: (o) => setDefaultsService(o as Service),
    },
    {
      scenario: 'setDefaults on an unknown kind',
      obj: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e', labels: { a: 'b' } } },
      run: setDefaults,
    },
  ];

  it.each(inputs)(
    '$scenario leaves the input as it was and shares no nested object with it',
    ({ obj, run }) => {
      const before = JSON.parse(JSON.stringify(obj)) as unknown;
      const out = run(obj);
      expect(obj).toEqual(before);
      expect(out).not.toBe(obj);
      expect(out.metadata).not.toBe(obj.metadata);
      out.metadata.name = 'changed';
      expect(obj.metadata.name).not.toBe('changed');
    },
  );

  it('setDefaultsPodSpec returns a new spec', () => {
    const spec: PodSpec = { containers: [{ name: 'c', image: 'i' }] };
    const out = setDefaultsPodSpec(spec);
    expect(spec).toEqual({ containers: [{ name: 'c', image: 'i' }] });
    expect(out.containers[0]).not.toBe(spec.containers[0]);
  });
});

describe('setDefaults dispatches on kind', () => {
  it.each<{ scenario: string; obj: KubeObject; expected: KubeObject }>([
    { scenario: 'Deployment', obj: deployment({}), expected: setDefaultsDeployment(deployment({})) },
    { scenario: 'ReplicaSet', obj: replicaSet({}), expected: setDefaultsReplicaSet(replicaSet({})) },
    { scenario: 'Pod', obj: pod({ containers: [] }), expected: setDefaultsPod(pod({ containers: [] })) },
    { scenario: 'Service', obj: service({}), expected: setDefaultsService(service({})) },
    {
      scenario: 'an unknown kind comes back as an equal copy',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } },
      expected: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } },
    },
  ])('$scenario', ({ obj, expected }) => {
    expect(setDefaults(obj)).toEqual(expected);
  });
});
