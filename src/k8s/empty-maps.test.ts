/**
 * Empty maps are not stored. Every map field of the API types is `omitempty`; the API server
 * decodes a body into the Go type and writes it to storage, where an empty map is nothing, so
 * the object reads back without it. And apiequality.Semantic.DeepEqual, which decides whether a
 * Deployment's spec changed (its generation), holds an empty map equal to none. Structs are not
 * maps: `resources: {}`, `securityContext: {}` and `emptyDir: {}` stay.
 */
import { describe, expect, it } from 'vitest';
import { withoutEmptyMaps } from './decode.ts';
import { withKubia } from '../kubectl/test-fixtures.ts';
import type { Deployment, Service } from './types.ts';

const deployment = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubia', ...metadata },
  spec,
});

describe('withoutEmptyMaps: what the API server stores of an object', () => {
  const template = (podSpec: Record<string, unknown>, meta: Record<string, unknown> = {}) => ({
    metadata: { labels: { app: 'kubia' }, ...meta },
    spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ...podSpec }] },
  });
  it.each([
    ['metadata.labels', deployment({}, { labels: {} }), deployment({})],
    ['metadata.annotations', deployment({}, { annotations: {} }), deployment({})],
    [
      "a template's labels and annotations",
      deployment({ template: template({}, { labels: {}, annotations: {} }) }),
      deployment({ template: { metadata: {}, spec: template({}).spec } }),
    ],
    [
      'selector.matchLabels',
      deployment({ selector: { matchLabels: {}, matchExpressions: [] } }),
      deployment({ selector: { matchExpressions: [] } }),
    ],
    [
      "a container's limits and requests, not its resources",
      deployment({ template: template({ resources: { limits: {}, requests: {} } }) }),
      deployment({ template: template({ resources: {} }) }),
    ],
  ])('drops an empty %s', (_, given, stored) => {
    expect(withoutEmptyMaps(given)).toEqual(stored);
  });

  it('drops nodeSelector from a pod template, keeps empty structs', () => {
    const given = deployment({
      template: {
        metadata: {},
        spec: { nodeSelector: {}, securityContext: {}, containers: [{ name: 'a', resources: {} }] },
      },
    });
    expect(withoutEmptyMaps(given)).toEqual(
      deployment({
        template: { metadata: {}, spec: { securityContext: {}, containers: [{ name: 'a', resources: {} }] } },
      }),
    );
  });

  it("drops a Service's empty selector", () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: {} } };
    expect(withoutEmptyMaps(svc)).toEqual({ ...svc, spec: {} });
  });

  it('returns the object itself, untouched, when no map is empty', () => {
    const given = deployment({ template: template({ resources: {} }) }, { labels: { a: 'b' } });
    const copy = structuredClone(given);
    expect(withoutEmptyMaps(given)).toBe(given);
    const emptied = deployment({}, { labels: {}, annotations: { a: 'b' } });
    const before = structuredClone(emptied);
    withoutEmptyMaps(emptied);
    expect(emptied).toEqual(before);
    expect(given).toEqual(copy);
  });

  it('leaves kinds it has no Go type for as they are', () => {
    const pdb = { kind: 'PodDisruptionBudget', metadata: { labels: {} } };
    expect(withoutEmptyMaps(pdb)).toBe(pdb);
  });
});

describe('kubectl writes that leave an empty map', () => {
  const setup = () => {
    const c = withKubia();
    c.advance(30);
    return c;
  };
  const get = <T>(c: ReturnType<typeof setup>, kind: string, name: string) =>
    c.sim.store.get(kind, 'default', name) as T;

  it('a patch to an empty nodeSelector is no change: no new generation, no rollout', () => {
    const c = setup();
    const r = c.kubectl(`patch deploy kubia -p '{"spec":{"template":{"spec":{"nodeSelector":{}}}}}'`);
    expect(r.stdout).toBe('deployment.apps/kubia patched (no change)\n');
    c.advance(30);
    const d = get<Deployment>(c, 'Deployment', 'kubia');
    expect(d.metadata.generation).toBe(1);
    expect(d.spec.template.spec).not.toHaveProperty('nodeSelector');
    expect(c.kubectl('get rs -o name').stdout).toBe('replicaset.apps/kubia-556b495f69\n');
  });

  it.each([
    ['label', 'label deploy kubia tier=web', 'label deploy kubia tier-', 'labels'],
    ['annotate', 'annotate svc kubia-plain note=x', 'annotate svc kubia-plain note-', 'annotations'],
    [
      'merge patch',
      `patch svc kubia-plain --type=merge -p '{"metadata":{"labels":{"tier":"web"}}}'`,
      `patch svc kubia-plain --type=merge -p '{"metadata":{"labels":{"tier":null}}}'`,
      'labels',
    ],
    [
      'JSON patch',
      `patch svc kubia-plain --type=json -p '[{"op":"add","path":"/metadata/labels","value":{"tier":"web"}}]'`,
      `patch svc kubia-plain --type=json -p '[{"op":"remove","path":"/metadata/labels/tier"}]'`,
      'labels',
    ],
  ])('%s: removing the last key stores no map', (_, add, remove, field) => {
    const c = setup();
    c.kubectl('create service clusterip kubia-plain --clusterip=None');
    const kind = add.includes(' svc ') ? 'Service' : 'Deployment';
    const name = kind === 'Service' ? 'kubia-plain' : 'kubia';
    // create service sets the app label: start from an object without one.
    if (kind === 'Service') c.kubectl('label svc kubia-plain app-');
    expect(c.kubectl(add).stderr).toBe('');
    expect(get<Service>(c, kind, name).metadata[field as 'labels']).toEqual(
      field === 'labels' ? { tier: 'web' } : { note: 'x' },
    );
    expect(c.kubectl(remove).stderr).toBe('');
    expect(get<Service>(c, kind, name).metadata).not.toHaveProperty(field);
    expect(c.kubectl(`get ${kind.toLowerCase()} ${name} -o yaml`).stdout).not.toContain(`${field}: {}`);
  });

  it('create -f stores a manifest without its empty maps', () => {
    const c = setup();
    c.sim.files.set(
      'plain.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: plain\n  labels: {}\n  annotations: {}\nspec:\n  selector: {}\n  ports:\n  - port: 80\n',
    );
    expect(c.kubectl('create -f plain.yaml').stdout).toBe('service/plain created\n');
    const svc = get<Service>(c, 'Service', 'plain');
    expect(svc.metadata).not.toHaveProperty('labels');
    expect(svc.metadata).not.toHaveProperty('annotations');
    expect(svc.spec).not.toHaveProperty('selector');
  });
});
