/**
 * A scenario reconstructed from what a followed session watched, so a followed rollout can be
 * shared, saved and replayed in the simulator like any other:
 *
 * - **Manifests**: the objects a person makes (Deployments, Services, and ReplicaSets and Pods no
 *   controller owns) as they were when the session connected, without what the API server and
 *   the controllers fill in (status, uid, resourceVersion, the allocated cluster IP, the revision
 *   annotation, the node a pod was bound to) and without fields this simulator does not know.
 * - **Steps**: each later change of such an object as the kubectl command that makes it, at the
 *   moment it was seen: `kubectl scale`, `kubectl set image`, `kubectl rollout pause|resume` when
 *   that is all that changed, `kubectl apply -f -` with the changed object otherwise; `kubectl
 *   apply -f -` for an object that appeared and `kubectl delete` for one that went.
 *
 * What the simulator then does with them is its own: pods start with its timings, on its nodes,
 * and what happened before the session connected is not known (README: "Watch your own cluster").
 */
import { deepEqual } from '../k8s/copy.ts';
import { decodeObjectWarn, DecodeError } from '../k8s/decode.ts';
import type { Deployment, KubeObject, Pod } from '../k8s/types.ts';
import { LIMITS, type Scenario, type ScenarioStep } from '../scenario/scenario.ts';
import type { LogEntry } from './state.ts';

type Manifest = Record<string, unknown>;

/** Annotations the API server or a controller writes, or kubectl's own bookkeeping. */
const written = (key: string) =>
  key.startsWith('deployment.kubernetes.io/') || key === 'kubectl.kubernetes.io/last-applied-configuration';

/** Objects a person makes; the rest (owned ReplicaSets and Pods, endpoints, Events) follow from them. */
export function madeByPeople(o: KubeObject): boolean {
  if (o.kind === 'Deployment' || o.kind === 'Service') return true;
  if (o.kind === 'ReplicaSet' || o.kind === 'Pod')
    return !o.metadata.ownerReferences?.some((r) => r.controller);
  return false;
}

const resourceName: Record<string, string> = {
  Deployment: 'deployment',
  Service: 'service',
  ReplicaSet: 'replicaset',
  Pod: 'pod',
};

/** The object as a person would write it, in the simulator's default namespace. */
export function manifestOf(o: KubeObject): Manifest {
  const { metadata, status: _status, ...rest } = o as KubeObject & { status?: unknown; spec?: unknown };
  const meta: Record<string, unknown> = { name: metadata.name };
  if (metadata.labels && Object.keys(metadata.labels).length) meta['labels'] = { ...metadata.labels };
  const annotations = Object.entries(metadata.annotations ?? {}).filter(([k]) => !written(k));
  if (annotations.length) meta['annotations'] = Object.fromEntries(annotations);
  const m: Manifest = { ...rest, metadata: meta };
  const spec = m['spec'] as Record<string, unknown> | undefined;
  if (o.kind === 'Service' && spec) {
    const { clusterIP, clusterIPs: _ips, ...others } = spec;
    // An allocated address is the cluster's; a headless Service says so on purpose.
    m['spec'] = clusterIP === 'None' ? { ...others, clusterIP } : others;
  }
  if ((o.kind === 'Deployment' || o.kind === 'ReplicaSet') && spec) {
    const template = spec['template'] as { metadata?: Record<string, unknown> } | undefined;
    if (template?.metadata) {
      const { creationTimestamp: _c, ...tm } = template.metadata;
      m['spec'] = { ...spec, template: { ...template, metadata: tm } };
    }
  }
  if (o.kind === 'Pod' && spec) {
    // Bound by the cluster's scheduler, with the service-account token its admission added.
    const pod = spec as unknown as Pod['spec'] & Record<string, unknown>;
    const { nodeName: _n, ...others } = pod;
    const injected = new Set(
      (pod['volumes'] as { name: string }[] | undefined)
        ?.filter((v) => v.name.startsWith('kube-api-access-'))
        .map((v) => v.name) ?? [],
    );
    const volumes = (pod['volumes'] as { name: string }[] | undefined)?.filter((v) => !injected.has(v.name));
    m['spec'] = {
      ...others,
      containers: pod.containers.map((c) => {
        const { volumeMounts, ...ct } = c as typeof c & { volumeMounts?: { name: string }[] };
        const mounts = volumeMounts?.filter((v) => !injected.has(v.name));
        return mounts?.length ? { ...ct, volumeMounts: mounts } : ct;
      }),
      ...(volumes?.length ? { volumes } : {}),
    };
    if (!volumes?.length) delete (m['spec'] as Record<string, unknown>)['volumes'];
  }
  try {
    return decodeObjectWarn<Manifest>(m, 'json').obj;
  } catch (e) {
    if (e instanceof DecodeError) return m;
    throw e;
  }
}

const withoutReplicas = (m: Manifest): Manifest => ({
  ...m,
  spec: { ...(m['spec'] as object), replicas: 0 },
});
const withoutPaused = (m: Manifest): Manifest => ({
  ...m,
  spec: { ...(m['spec'] as object), paused: false },
});
const containersOf = (m: Manifest) =>
  ((m as unknown as Deployment).spec?.template?.spec?.containers ?? []) as { name: string; image?: string }[];
const withoutImages = (m: Manifest): Manifest => {
  const d = m as unknown as Deployment;
  return {
    ...m,
    spec: {
      ...d.spec,
      template: {
        ...d.spec.template,
        spec: { ...d.spec.template.spec, containers: containersOf(m).map((c) => ({ ...c, image: '' })) },
      },
    },
  };
};

/** The kubectl command that turns `before` into `after` (the same object). */
export function commandFor(before: Manifest, after: Manifest): ScenarioStep {
  const kind = String(after['kind']);
  const name = String((after['metadata'] as { name: string }).name);
  const ref = `${resourceName[kind] ?? kind.toLowerCase()}/${name}`;
  if (kind === 'Deployment') {
    const spec = after['spec'] as Deployment['spec'];
    if (deepEqual(withoutReplicas(before), withoutReplicas(after)))
      return { at: 0, run: `kubectl scale ${ref} --replicas=${spec.replicas ?? 1}` };
    if (deepEqual(withoutPaused(before), withoutPaused(after)))
      return { at: 0, run: `kubectl rollout ${spec.paused ? 'pause' : 'resume'} ${ref}` };
    if (deepEqual(withoutImages(before), withoutImages(after))) {
      const old = new Map(containersOf(before).map((c) => [c.name, c.image]));
      const changed = containersOf(after).filter((c) => old.get(c.name) !== c.image);
      return {
        at: 0,
        run: `kubectl set image ${ref} ${changed.map((c) => `${c.name}=${c.image ?? ''}`).join(' ')}`,
      };
    }
  }
  return { at: 0, run: 'kubectl apply -f -', stdin: `${JSON.stringify(after)}\n` };
}

/** Builds the scenario as changes arrive (the session's log, in order). */
export class Reconstruction {
  private readonly manifests: Manifest[] = [];
  private readonly steps: ScenarioStep[] = [];
  /** The last manifest of each object a person made, by kind/namespace/name. */
  private readonly last = new Map<string, Manifest>();
  private readonly nodes = new Set<string>();
  private manifestChars = 0;
  /** Changes left out: more steps than a scenario holds, or manifests too long for one. */
  dropped = 0;
  version = 0;

  constructor(readonly namespace: string) {}

  add(e: LogEntry): void {
    if (e.kind === 'Pod') {
      const node = (e.obj as Pod).spec.nodeName;
      if (node) this.nodes.add(node);
    }
    const o = e.obj;
    const key = `${e.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const prev = this.last.get(key);
    if (e.type === 'DELETED') {
      if (!prev) return;
      this.last.delete(key);
      this.step(e.t, {
        at: 0,
        run: `kubectl delete ${resourceName[e.kind] ?? e.kind.toLowerCase()}/${o.metadata.name}`,
      });
      return;
    }
    if (!madeByPeople(o)) return;
    const m = manifestOf(o);
    if (prev && deepEqual(prev, m)) return;
    if (!prev && e.initial) {
      const chars = JSON.stringify(m).length + 2;
      if (this.manifestChars + chars > LIMITS.manifestChars - 100) {
        this.dropped++;
        return;
      }
      this.manifestChars += chars;
      this.manifests.push(m);
    } else if (!prev) this.step(e.t, { at: 0, run: 'kubectl apply -f -', stdin: `${JSON.stringify(m)}\n` });
    else this.step(e.t, commandFor(prev, m));
    this.last.set(key, m);
    this.version++;
  }

  private step(t: number, s: ScenarioStep): void {
    if (this.steps.length >= LIMITS.steps || (s.stdin?.length ?? 0) > LIMITS.commandChars * 50) {
      this.dropped++;
      return;
    }
    this.steps.push({ ...s, at: Math.min(LIMITS.stepAt, Math.round(t * 10) / 10) });
    this.version++;
  }

  /** The timeline's markers: each reconstructed step, when it was seen. */
  markers(): { at: number; run: string }[] {
    return this.steps.map((s) => ({ at: s.at, run: s.run }));
  }

  scenario(): Scenario {
    const ns = this.namespace;
    return {
      apiVersion: 'rolloutlab/v1',
      kind: 'Scenario',
      metadata: {
        name: `followed-${ns}`,
        title: { en: `Followed: namespace ${ns}`, ko: `따라 본 네임스페이스 ${ns}` },
      },
      spec: {
        seed: 1,
        // As many nodes as the pods were seen on (at least the simulator's usual three).
        cluster: { nodes: Math.min(LIMITS.nodes, Math.max(3, this.nodes.size)), cpu: '4', memory: '8Gi' },
        timing: {},
        manifests: this.manifests.length
          ? `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: this.manifests })}\n`
          : '',
        steps: this.steps.map((s) => ({ ...s })),
      },
    };
  }
}
