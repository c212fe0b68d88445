import { describe, expect, it } from 'vitest';
import { kubiaYaml, zeroTiming } from '../test-helpers/builders.ts';
import { parseManifests } from '../k8s/yaml.ts';
import { resolveResource } from '../k8s/resources.ts';
import type { Deployment, KubeObject } from '../k8s/types.ts';
import { ApiServer, StatusError, decodedForm, type WatchEvent } from './apiserver.ts';
import { SimCluster } from './cluster.ts';

const deployments = resolveResource('deployments')!;
const pods = resolveResource('pods')!;
const events = resolveResource('events')!;

function setup(): { api: ApiServer; cluster: SimCluster; kubia: Deployment } {
  const cluster = new SimCluster({ timing: zeroTiming });
  const api = new ApiServer(cluster);
  const kubia = api.create(deployments, 'default', parseManifests(kubiaYaml())[0]) as Deployment;
  return { api, cluster, kubia };
}

function statusOf(fn: () => unknown): { code: number; reason: string; message: string } | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, reason: e.reason, message: e.message };
    throw e;
  }
  return undefined;
}

describe('ApiServer writes', () => {
  it.each([
    [
      'a second create of the same name',
      (s: ReturnType<typeof setup>) => s.api.create(deployments, 'default', parseManifests(kubiaYaml())[0]),
      { code: 409, reason: 'AlreadyExists', message: 'deployments.apps "kubia" already exists' },
    ],
    [
      'an update naming a resourceVersion that is no longer current',
      (s: ReturnType<typeof setup>) =>
        s.api.update(deployments, 'default', 'kubia', {
          ...s.kubia,
          metadata: { ...s.kubia.metadata, resourceVersion: '1' },
          spec: { ...s.kubia.spec, replicas: 5 },
        }),
      {
        code: 409,
        reason: 'Conflict',
        message:
          'Operation cannot be fulfilled on deployments.apps "kubia": the object has been modified; please apply your changes to the latest version and try again',
      },
    ],
    [
      'a patch to a missing object',
      (s: ReturnType<typeof setup>) => s.api.patch(deployments, 'default', 'nope', 'merge', { spec: {} }),
      { code: 404, reason: 'NotFound', message: 'deployments.apps "nope" not found' },
    ],
    [
      'a patch that empties the image',
      (s: ReturnType<typeof setup>) =>
        s.api.patch(deployments, 'default', 'kubia', 'strategic', {
          spec: { template: { spec: { containers: [{ name: 'nodejs', image: '' }] } } },
        }),
      {
        code: 422,
        reason: 'Invalid',
        message: 'Deployment.apps "kubia" is invalid: spec.template.spec.containers[0].image: Required value',
      },
    ],
    [
      'a JSON patch to a path that is not there',
      (s: ReturnType<typeof setup>) =>
        s.api.patch(deployments, 'default', 'kubia', 'json', [
          { op: 'replace', path: '/spec/nope', value: 1 },
        ]),
      {
        code: 400,
        reason: 'BadRequest',
        message: 'replace operation does not apply: doc is missing key: /spec/nope: missing value',
      },
    ],
    [
      'a body of another kind',
      (s: ReturnType<typeof setup>) =>
        s.api.create(deployments, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }),
      {
        code: 400,
        reason: 'BadRequest',
        message: 'the API version in the data (v1) does not match the expected API version (apps/v1)',
      },
    ],
    [
      'a negative scale',
      (s: ReturnType<typeof setup>) =>
        s.api.updateScale(deployments, 'default', 'kubia', {
          metadata: { name: 'kubia' },
          spec: { replicas: -1 },
        }),
      {
        code: 422,
        reason: 'Invalid',
        message:
          'Scale.autoscaling "kubia" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      },
    ],
    // A value of the wrong type is refused as the apiserver's decoder refuses it, before it is
    // stored: a Deployment with replicas "three" would leave the controllers unable to settle.
    [
      'a create with a string where an integer goes',
      (s: ReturnType<typeof setup>) => {
        const body = parseManifests(kubiaYaml())[0]!;
        return s.api.create(deployments, 'default', {
          ...body,
          metadata: { name: 'other' },
          spec: { ...(body['spec'] as object), replicas: 'three' },
        });
      },
      {
        code: 400,
        reason: 'BadRequest',
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ],
    [
      'an update with a string where an integer goes',
      (s: ReturnType<typeof setup>) =>
        s.api.update(deployments, 'default', 'kubia', {
          ...s.kubia,
          spec: { ...s.kubia.spec, replicas: 'three' as unknown as number },
        }),
      {
        code: 400,
        reason: 'BadRequest',
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ],
    [
      'a strategic merge patch with a string where an integer goes',
      (s: ReturnType<typeof setup>) =>
        s.api.patch(deployments, 'default', 'kubia', 'strategic', { spec: { replicas: 'three' } }),
      {
        code: 422,
        reason: 'Invalid',
        message:
          ' "" is invalid: patch: Invalid value: "map[spec:map[replicas:three]]": unrecognized type: int32',
      },
    ],
    [
      'a merge patch with a string where an integer goes',
      (s: ReturnType<typeof setup>) =>
        s.api.patch(deployments, 'default', 'kubia', 'merge', { spec: { replicas: 'three' } }),
      {
        code: 422,
        reason: 'Invalid',
        message: expect.stringMatching(
          /^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"apps\/v1\\",.*\\"replicas\\":\\"three\\".*": json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32$/,
        ) as unknown as string,
      },
    ],
    // kubectl sends fieldValidation=Strict: an unknown field is refused, not stored.
    [
      'a strict create with a field the type does not have',
      (s: ReturnType<typeof setup>) => {
        const body = parseManifests(kubiaYaml())[0]!;
        return s.api.create(
          deployments,
          'default',
          { ...body, metadata: { name: 'other' }, spec: { ...(body['spec'] as object), bogus: 1 } },
          { fieldValidation: 'Strict' },
        );
      },
      {
        code: 400,
        reason: 'BadRequest',
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.bogus"',
      },
    ],
    [
      'a strict strategic merge patch with a field the type does not have',
      (s: ReturnType<typeof setup>) =>
        s.api.patch(
          deployments,
          'default',
          'kubia',
          'strategic',
          { spec: { bogus: 1, template: { spec: { containers: [{ name: 'nodejs', foo: 2 }] } } } },
          { fieldValidation: 'Strict' },
        ),
      {
        code: 400,
        reason: 'BadRequest',
        message:
          'strict decoding error: unknown field "spec.bogus", unknown field "spec.template.spec.containers[0].foo"',
      },
    ],
    [
      'a write to Events',
      (s: ReturnType<typeof setup>) =>
        s.api.create(events, 'default', { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' } }),
      {
        code: 405,
        reason: 'MethodNotAllowed',
        message: 'create is not supported on resources of kind "Event"',
      },
    ],
  ])('refuses %s with the API server’s status', (_name, write, expected) => {
    const s = setup();
    const before = s.cluster.snapshot().store;
    expect(statusOf(() => write(s))).toEqual(expected);
    expect(s.cluster.snapshot().store).toEqual(before);
  });

  it('gives an Invalid status one cause per field error, in the form kubectl prints', () => {
    const s = setup();
    try {
      s.api.patch(deployments, 'default', 'kubia', 'merge', { spec: { replicas: -1, minReadySeconds: -1 } });
      expect.unreachable();
    } catch (e) {
      const st = (e as StatusError).status() as { details: { kind: string; causes: unknown[] } };
      expect(st.details.kind).toBe('Deployment');
      expect(st.details.causes).toEqual([
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: -1: must be greater than or equal to 0',
          field: 'spec.replicas',
        },
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: -1: must be greater than or equal to 0',
          field: 'spec.minReadySeconds',
        },
      ]);
    }
  });

  it('applies kubectl set image’s strategic patch, with its element order directive', () => {
    const s = setup();
    const out = s.api.patch(deployments, 'default', 'kubia', 'strategic', {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nodejs' }],
            containers: [{ image: 'luksa/kubia:v2', name: 'nodejs' }],
          },
        },
      },
    }) as Deployment;
    expect(out.spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['nodejs', 'luksa/kubia:v2'],
    ]);
    expect(Object.keys(out.spec.template.spec).filter((k) => k.startsWith('$'))).toEqual([]);
    expect(out.metadata.generation).toBe(2);
  });

  it('takes a template back as kubectl encodes it and stores it as the simulator does', () => {
    const s = setup();
    const stored = s.kubia.spec.template;
    const encoded = {
      ...stored,
      metadata: { ...stored.metadata, creationTimestamp: null },
      spec: { ...stored.spec, containers: stored.spec.containers.map((c) => ({ ...c, resources: {} })) },
    };
    expect((decodedForm(encoded) as typeof stored).metadata).toEqual(stored.metadata);
    const current = s.api.get(deployments, 'default', 'kubia');
    const out = s.api.patch(deployments, 'default', 'kubia', 'json', [
      { op: 'replace', path: '/spec/template', value: encoded },
    ]);
    // Nothing changed, so nothing was written.
    expect(out.metadata.resourceVersion).toBe(current.metadata.resourceVersion);
  });

  it('runs a dry run and leaves nothing behind, not even for watchers', () => {
    const s = setup();
    const seen: WatchEvent[] = [];
    s.api.watch(deployments, 'default', { resourceVersion: s.api.resourceVersion() }, (e) => seen.push(e));
    const before = s.cluster.snapshot();
    const out = s.api.patch(
      deployments,
      'default',
      'kubia',
      'merge',
      { spec: { replicas: 7 } },
      { dryRun: true },
    ) as Deployment;
    expect(out.spec.replicas).toBe(7);
    expect(s.cluster.snapshot()).toEqual(before);
    expect(seen).toEqual([]);
  });

  it('answers a dry run as DryRunnableStorage does: a new generation, no new resourceVersion', () => {
    const s = setup();
    const live = s.cluster.store.get<Deployment>('Deployment', 'default', 'kubia')!;
    const updated = s.api.patch(
      deployments,
      'default',
      'kubia',
      'merge',
      { spec: { template: { spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v2' }] } } } },
      { dryRun: true },
    ) as Deployment;
    expect(updated.metadata.generation).toBe((live.metadata.generation ?? 0) + 1);
    expect(updated.metadata.resourceVersion).toBe(live.metadata.resourceVersion);
    // A create stores nothing: it has a uid and a creation time, and no resourceVersion at all.
    const created = s.api.create(
      deployments,
      'default',
      { ...live, metadata: { name: 'other', labels: live.metadata.labels } },
      { dryRun: true },
    ) as Deployment;
    expect(created.metadata.uid).toBeTruthy();
    expect(created.metadata.creationTimestamp).toBeTruthy();
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata).not.toHaveProperty('resourceVersion');
    expect(s.cluster.store.get('Deployment', 'default', 'other')).toBeUndefined();
  });

  it('scales through the scale subresource and reports the selector', () => {
    const s = setup();
    const scale = s.api.updateScale(deployments, 'default', 'kubia', {
      metadata: { name: 'kubia' },
      spec: { replicas: 5 },
    });
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 5 },
      status: { selector: 'app=kubia' },
    });
    s.cluster.advance(1);
    expect(s.api.getScale(deployments, 'default', 'kubia')).toMatchObject({ status: { replicas: 5 } });
  });

  it('deletes a pod gracefully and returns it terminating', () => {
    const s = setup();
    const pod = s.api.list(pods, 'default').items[0]!;
    const out = s.api.delete(pods, 'default', pod.metadata.name);
    expect(out?.metadata.deletionTimestamp).toBeDefined();
    expect(s.api.delete(deployments, 'default', 'kubia')).toBeUndefined();
  });
});

describe('ApiServer watch', () => {
  it('replays what came after a resourceVersion, in order, each with its own version', () => {
    const s = setup();
    const from = s.api.resourceVersion();
    s.api.patch(deployments, 'default', 'kubia', 'merge', { spec: { replicas: 4 } });
    s.cluster.advance(1);
    const seen: WatchEvent[] = [];
    s.api.watch(pods, 'default', { resourceVersion: from }, (e) => seen.push(e));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]!.type).toBe('ADDED');
    const versions = seen.map((e) => Number((e.object as KubeObject).metadata.resourceVersion));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(versions[0]).toBeGreaterThan(Number(from));
  });

  it('starts with the current objects when no resourceVersion is given', () => {
    const s = setup();
    const seen: WatchEvent[] = [];
    s.api.watch(pods, 'default', { sendInitialEvents: true, resourceVersion: '' }, (e) => seen.push(e));
    expect(seen.slice(0, -1).map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    expect(seen.at(-1)).toMatchObject({
      type: 'BOOKMARK',
      object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
  });

  it('sees an object leave its selector as DELETED and come back as ADDED', () => {
    const s = setup();
    const pod = s.api.list(pods, 'default').items[0]!;
    const seen: string[] = [];
    s.api.watch(
      pods,
      'default',
      { resourceVersion: s.api.resourceVersion(), labelSelector: 'tier=web' },
      (e) => seen.push(`${e.type} ${(e.object as KubeObject).metadata.name}`),
    );
    s.api.patch(pods, 'default', pod.metadata.name, 'merge', { metadata: { labels: { tier: 'web' } } });
    s.api.patch(pods, 'default', pod.metadata.name, 'merge', { metadata: { labels: { tier: 'db' } } });
    expect(seen).toEqual([`ADDED ${pod.metadata.name}`, `DELETED ${pod.metadata.name}`]);
  });

  it('delivers Events with their resourceVersions, repeats as MODIFIED', () => {
    const s = setup();
    const seen: WatchEvent[] = [];
    s.api.watch(events, 'default', { resourceVersion: s.api.resourceVersion() }, (e) => seen.push(e));
    s.api.updateScale(deployments, 'default', 'kubia', {
      metadata: { name: 'kubia' },
      spec: { replicas: 4 },
    });
    expect(seen.map((e) => e.type)).toContain('ADDED');
    for (const e of seen)
      expect(Number((e.object as KubeObject).metadata.resourceVersion)).toBeGreaterThan(0);
  });

  it('answers 410 Expired for a version older than its history', () => {
    const s = setup();
    expect(statusOf(() => s.api.watch(pods, 'default', { resourceVersion: '-5' }, () => {}))).toMatchObject({
      code: 400,
    });
    expect(statusOf(() => s.api.watch(pods, 'default', { resourceVersion: '0' }, () => {}))).toBeUndefined();
    // The history starts with the server; versions written before it cannot be replayed.
    expect(statusOf(() => s.api.watch(pods, 'default', { resourceVersion: '1' }, () => {}))).toMatchObject({
      code: 410,
      reason: 'Expired',
    });
  });
});
