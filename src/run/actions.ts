/**
 * The kubectl command lines behind the app's buttons. Every action is plain kubectl, so what a
 * learner did reads, replays and shares as kubectl. Builders read the objects of a Frame (what the
 * screen shows) and never touch a cluster; validation is the API server's, with its messages.
 */
import { mergePatch } from '../k8s/merge.ts';
import { setDefaults } from '../k8s/defaults.ts';
import type { Deployment, IntOrString, KubeObject, ReplicaSet, Service } from '../k8s/types.ts';
import { ValidationError, validate } from '../k8s/validation.ts';
import { findNewReplicaSet, revision } from '../cluster/controllers/deployment/util.ts';
import type { FrameObjects } from '../view/frame.ts';

export interface CommandLine {
  run: string;
  stdin?: string;
}

/** Quotes a word for a POSIX shell (single quotes), as a person would type it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

type Json = Parameters<typeof mergePatch>[0];

/** `kubectl patch KIND NAME -p '…'` (a strategic merge patch, kubectl's default). */
export function patchCommand(obj: KubeObject, patch: Record<string, unknown>): CommandLine {
  return {
    run: `kubectl patch ${obj.kind.toLowerCase()} ${obj.metadata.name} -p ${shellQuote(JSON.stringify(patch))}`,
  };
}

/** What the API server would say to `patch` (a merge patch) on `d`: kubectl's message, or ''. */
export function validatePatched(d: Deployment, patch: Record<string, unknown>): string {
  const next = mergePatch(d as unknown as Json, patch as unknown as Json) as unknown as Deployment;
  const causes = validate(setDefaults(next), d);
  return causes.length ? new ValidationError('Deployment', d.metadata.name, causes).message : '';
}

export const parseIntOrPercent = (s: string): IntOrString =>
  /^-?\d+$/.test(s.trim()) ? Number(s) : s.trim();

/** The strategy settings a Deployment has now, as the action form shows them. */
export interface StrategySettings {
  type: 'RollingUpdate' | 'Recreate';
  maxSurge: string;
  maxUnavailable: string;
  minReadySeconds: number;
  replicas: number;
}

export function strategyOf(d: Deployment): StrategySettings {
  const ru = d.spec.strategy?.rollingUpdate;
  return {
    type: d.spec.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate',
    maxSurge: String(ru?.maxSurge ?? '25%'),
    maxUnavailable: String(ru?.maxUnavailable ?? '25%'),
    minReadySeconds: d.spec.minReadySeconds ?? 0,
    replicas: d.spec.replicas ?? 1,
  };
}

export interface RollingOptions {
  image: string;
  maxSurge: string;
  maxUnavailable: string;
  minReadySeconds: number;
}

const container = (d: Deployment) => d.spec.template.spec.containers[0]?.name ?? 'nodejs';

/** The first container's resources as one YAML line (JSON is YAML), or '' when it has none. */
const resourcesYaml = (d: Deployment) => {
  const r = d.spec.template.spec.containers[0]?.resources;
  return r && Object.keys(r).length ? `          resources: ${JSON.stringify(r)}\n` : '';
};

/** Rolling update: set the strategy's numbers when they change, then the image. */
export function rollingUpdate(d: Deployment, o: RollingOptions): { lines: CommandLine[]; error: string } {
  const patch = {
    spec: {
      minReadySeconds: o.minReadySeconds,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: {
          maxSurge: parseIntOrPercent(o.maxSurge),
          maxUnavailable: parseIntOrPercent(o.maxUnavailable),
        },
      },
    },
  };
  const error = validatePatched(d, patch);
  const now = strategyOf(d);
  const lines: CommandLine[] = [];
  if (
    now.type !== 'RollingUpdate' ||
    now.maxSurge !== String(patch.spec.strategy.rollingUpdate.maxSurge) ||
    now.maxUnavailable !== String(patch.spec.strategy.rollingUpdate.maxUnavailable) ||
    now.minReadySeconds !== o.minReadySeconds
  )
    lines.push(patchCommand(d, patch));
  lines.push(setImage(d, o.image));
  return { lines, error };
}

export function setImage(d: Deployment, image: string): CommandLine {
  return { run: `kubectl set image deployment/${d.metadata.name} ${container(d)}=${shellQuote(image)}` };
}

/** Recreate: every old pod goes before a new one starts. */
export function recreate(d: Deployment, image: string): CommandLine[] {
  const lines: CommandLine[] = [];
  if (d.spec.strategy?.type !== 'Recreate')
    lines.push(patchCommand(d, { spec: { strategy: { type: 'Recreate', rollingUpdate: null } } }));
  lines.push(setImage(d, image));
  return lines;
}

export function scale(name: string, replicas: number): CommandLine {
  return { run: `kubectl scale deployment/${name} --replicas=${replicas}` };
}

export function rollback(name: string, toRevision?: number): CommandLine {
  return {
    run: `kubectl rollout undo deployment/${name}${toRevision !== undefined ? ` --to-revision=${toRevision}` : ''}`,
  };
}

export function pause(name: string): CommandLine {
  return { run: `kubectl rollout pause deployment/${name}` };
}

export function resume(name: string): CommandLine {
  return { run: `kubectl rollout resume deployment/${name}` };
}

/** The revisions `rollout undo --to-revision` can go back to now, newest first, the current one left out. */
export function rollbackTargets(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
): { revision: number; image: string; changeCause: string }[] {
  const owned = replicaSets.filter((rs) =>
    rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid),
  );
  const current = findNewReplicaSet(d, owned);
  return owned
    .filter((rs) => rs !== current)
    .map((rs) => ({
      revision: revision(rs) ?? 0,
      image: rs.spec.template.spec.containers[0]?.image ?? '',
      changeCause: rs.metadata.annotations?.['kubernetes.io/change-cause'] ?? '',
    }))
    .filter((r) => r.revision > 0)
    .sort((a, b) => b.revision - a.revision);
}

/** How a broken release rolls out: the book's (RollingUpdate, maxSurge 1, maxUnavailable 0) or another. */
export type BrokenStrategy =
  { type: 'Recreate' } | { type: 'RollingUpdate'; maxSurge: IntOrString; maxUnavailable: IntOrString };

const strategyYaml = (s: BrokenStrategy) =>
  s.type === 'Recreate'
    ? // Applied over a Deployment that had the default rollingUpdate, which Recreate forbids.
      '  strategy:\n    type: Recreate\n    rollingUpdate: null'
    : `  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: ${s.maxSurge}
      maxUnavailable: ${s.maxUnavailable}`;

/**
 * The book's broken release: v3 with a readiness probe, minReadySeconds 10, maxSurge 1,
 * maxUnavailable 0. With `strategy`, the same release rolled out another way (a comparison's lane).
 */
export function brokenV3(
  d: Deployment,
  strategy: BrokenStrategy = { type: 'RollingUpdate', maxSurge: 1, maxUnavailable: 0 },
): CommandLine {
  const c = container(d);
  const labels = d.spec.template.metadata?.labels ?? { app: d.metadata.name };
  const labelYaml = Object.entries(labels)
    .map(([k, v]) => `        ${k}: ${v}`)
    .join('\n');
  const sel = Object.entries(d.spec.selector.matchLabels ?? labels)
    .map(([k, v]) => `      ${k}: ${v}`)
    .join('\n');
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${d.metadata.name}
spec:
  replicas: ${d.spec.replicas ?? 1}
  minReadySeconds: 10
${strategyYaml(strategy)}
  selector:
    matchLabels:
${sel}
  template:
    metadata:
      labels:
${labelYaml}
    spec:
      containers:
        - name: ${c}
          image: luksa/kubia:v3
${resourcesYaml(d)}          readinessProbe:
            periodSeconds: 1
            httpGet:
              path: /
              port: 8080
`;
  return { run: 'kubectl apply -f -', stdin: yaml };
}

// ---------------------------------------------------------------------------------------------
// Blue/green as visible steps: create green, wait, switch the Service, (switch back), retire blue.

export const GREEN_SUFFIX = '-green';

const selects = (svc: Service, labels: Record<string, string> | undefined) => {
  const sel = Object.entries(svc.spec.selector ?? {});
  return sel.length > 0 && sel.every(([k, v]) => labels?.[k] === v);
};

/** The Deployment whose pods the Service selects (the "blue" one before a switch). */
export function deploymentOfService(
  deployments: readonly Deployment[],
  svc: Service,
): Deployment | undefined {
  return deployments.find((d) => selects(svc, d.spec.template.metadata?.labels));
}

/** What green adds to blue's pod template besides the image (a broken release's readiness check). */
export interface GreenOptions {
  /** An httpGet readiness probe on / every second, as the book's v3 has. */
  readinessProbe?: boolean;
  minReadySeconds?: number;
}

/**
 * Blue/green, step 1: a second Deployment with the new version and labels of its own. Its pods
 * request what blue's do (a second full set costs as much as the first).
 */
export function greenDeployment(d: Deployment, image: string, options: GreenOptions = {}): CommandLine {
  const name = `${d.metadata.name}${GREEN_SUFFIX}`;
  const c = d.spec.template.spec.containers[0];
  const port = c?.ports?.[0]?.containerPort ?? 8080;
  const extra: string[] = [];
  if (options.readinessProbe)
    extra.push(
      '          readinessProbe:',
      '            periodSeconds: 1',
      '            httpGet:',
      '              path: /',
      `              port: ${port}`,
    );
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${d.spec.replicas ?? 1}
${options.minReadySeconds ? `  minReadySeconds: ${options.minReadySeconds}\n` : ''}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${container(d)}
          image: ${image}
          ports:
            - containerPort: ${port}
${resourcesYaml(d)}${extra.map((l) => `${l}\n`).join('')}`;
  return { run: 'kubectl apply -f -', stdin: yaml };
}

/** Points the Service at exactly `selector` (keys it no longer wants are removed). */
export function switchService(svc: Service, selector: Record<string, string>): CommandLine {
  const next: Record<string, string | null> = {};
  for (const k of Object.keys(svc.spec.selector ?? {})) if (!(k in selector)) next[k] = null;
  Object.assign(next, selector);
  return patchCommand(svc, { spec: { selector: next } });
}

/** Where a blue/green switch stands, from the objects alone (so seeking and replays agree). */
export interface BlueGreenState {
  service: Service;
  blue: Deployment;
  green: Deployment | undefined;
  /** No green yet / green starting / green ready / the Service selects green. */
  stage: 'none' | 'starting' | 'ready' | 'switched';
  /** Blue still has pods to switch back to. */
  blueRunning: boolean;
}

const complete = (d: Deployment) => {
  const want = d.spec.replicas ?? 1;
  const s = d.status ?? {};
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    (s.updatedReplicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want
  );
};

/**
 * The blue/green pair around the Service `kubia` (or the first Service): blue is the Deployment
 * named without the green suffix, green the one named with it.
 */
export function blueGreenOf(objects: FrameObjects): BlueGreenState | undefined {
  const service =
    objects.services.find((s) => s.metadata.name === 'kubia') ??
    objects.services.find((s) => Object.keys(s.spec.selector ?? {}).length > 0);
  if (!service) return undefined;
  const selected = deploymentOfService(objects.deployments, service);
  const baseName = selected?.metadata.name.endsWith(GREEN_SUFFIX)
    ? selected.metadata.name.slice(0, -GREEN_SUFFIX.length)
    : selected?.metadata.name;
  const blue =
    objects.deployments.find((d) => d.metadata.name === baseName) ??
    objects.deployments.find((d) => d.metadata.name === 'kubia') ??
    objects.deployments.find((d) => !d.metadata.name.endsWith(GREEN_SUFFIX));
  if (!blue) return undefined;
  const green = objects.deployments.find((d) => d.metadata.name === `${blue.metadata.name}${GREEN_SUFFIX}`);
  const stage = !green
    ? 'none'
    : selects(service, green.spec.template.metadata?.labels)
      ? 'switched'
      : complete(green)
        ? 'ready'
        : 'starting';
  return { service, blue, green, stage, blueRunning: (blue.status?.replicas ?? 0) > 0 };
}

// ---------------------------------------------------------------------------------------------
// Faults a teacher injects: kubectl's node maintenance commands, a PodDisruptionBudget, and the
// simulator's own `kubectl lab` for what happens to a cluster from outside (crashes, dead nodes).

/** `kubectl cordon NODE` / `kubectl uncordon NODE`. */
export function cordon(node: string, on = true): CommandLine[] {
  return [{ run: `kubectl ${on ? 'cordon' : 'uncordon'} ${node}` }];
}

/** `kubectl drain NODE`: cordon, then evict every pod through the Eviction API. */
export function drain(node: string): CommandLine[] {
  return [{ run: `kubectl drain ${node} --ignore-daemonsets` }];
}

/**
 * A PodDisruptionBudget for a Deployment's pods that keeps all but one available
 * (`--min-available=replicas−1`, at least 1): a drain then moves them one at a time.
 */
export function createPdb(d: Deployment): CommandLine[] {
  const labels = d.spec.selector.matchLabels ?? {};
  const selector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const min = Math.max(1, (d.spec.replicas ?? 1) - 1);
  return [{ run: `kubectl create pdb ${d.metadata.name} --selector=${selector} --min-available=${min}` }];
}

/** `kubectl lab kill POD`: the container crashes; repeated, CrashLoopBackOff. */
export function killContainer(pod: string): CommandLine[] {
  return [{ run: `kubectl lab kill ${pod}` }];
}

/** `kubectl lab unhealthy POD` (or `healthy`): the app answers 500 from now on (or no more). */
export function unhealthy(pod: string, on = true): CommandLine[] {
  return [{ run: `kubectl lab ${on ? 'unhealthy' : 'healthy'} ${pod}` }];
}

/** `kubectl lab node-down NODE` (or `node-up`): the node's kubelet stops (or starts again). */
export function nodeDown(node: string, down = true): CommandLine[] {
  return [{ run: `kubectl lab ${down ? 'node-down' : 'node-up'} ${node}` }];
}
