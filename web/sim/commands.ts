/**
 * The kubectl command lines behind each button. Every action is plain kubectl so what a learner
 * did reads (and replays) as kubectl. Where the core does not know `kubectl patch` yet, the same
 * change is sent as `kubectl apply -f -` with the whole object (also real kubectl).
 */
import type { SimCluster } from '../../src/cluster/cluster.ts';
import { commands } from '../../src/kubectl/commands/registry.ts';
import { setDefaults } from '../../src/k8s/defaults.ts';
import { ValidationError, validate } from '../../src/k8s/validation.ts';
import type { Deployment, IntOrString, KubeObject, Service } from '../../src/k8s/types.ts';

export interface CommandLine {
  run: string;
  stdin?: string;
}

export function hasCommand(name: string): boolean {
  return commands.some((c) => c.name === name);
}

/** Quotes a word for a POSIX shell (single quotes), as a user would type it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** RFC 7386 JSON merge patch; `keepNulls` leaves nulls in place (for an apply manifest). */
export function mergePatch(target: unknown, patch: unknown, keepNulls = false): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null && !keepNulls) delete out[k];
    else out[k] = mergePatch(out[k], v, keepNulls);
  }
  return out;
}

/** The object as a user's manifest would hold it: no status, no server-set metadata. */
function manifestOf(obj: KubeObject & { spec?: unknown }): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name: obj.metadata.name };
  if (obj.metadata.labels) metadata['labels'] = obj.metadata.labels;
  return { apiVersion: obj.apiVersion, kind: obj.kind, metadata, spec: obj.spec };
}

/** `kubectl patch KIND NAME -p '…'`, or the equivalent `kubectl apply -f -`. */
export function patchCommand(
  obj: KubeObject & { spec?: unknown },
  patch: Record<string, unknown>,
): CommandLine {
  const resource = obj.kind.toLowerCase();
  if (hasCommand('patch'))
    return { run: `kubectl patch ${resource} ${obj.metadata.name} -p ${shellQuote(JSON.stringify(patch))}` };
  const manifest = mergePatch(manifestOf(obj), patch, true);
  return { run: 'kubectl apply -f -', stdin: JSON.stringify(manifest, null, 2) };
}

/** Validation as the API server would do it for `patch` applied to `d`: kubectl's message or ''. */
export function validatePatched(d: Deployment, patch: Record<string, unknown>): string {
  const next = mergePatch(d, patch) as Deployment;
  const causes = validate(setDefaults(next), d);
  return causes.length ? new ValidationError('Deployment', d.metadata.name, causes).message : '';
}

export const parseIntOrPercent = (s: string): IntOrString => (/^\d+$/.test(s.trim()) ? Number(s) : s.trim());

export interface RollingOptions {
  image: string;
  maxSurge: string;
  maxUnavailable: string;
  minReadySeconds: number;
}

const container = (d: Deployment) => d.spec.template.spec.containers[0]?.name ?? 'nodejs';

/** Rolling update: set the strategy's numbers if they change, then the image. */
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
  const lines: CommandLine[] = [];
  const ru = d.spec.strategy?.rollingUpdate;
  if (
    d.spec.strategy?.type !== 'RollingUpdate' ||
    String(ru?.maxSurge ?? '25%') !== String(patch.spec.strategy.rollingUpdate.maxSurge) ||
    String(ru?.maxUnavailable ?? '25%') !== String(patch.spec.strategy.rollingUpdate.maxUnavailable) ||
    (d.spec.minReadySeconds ?? 0) !== o.minReadySeconds
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

export const GREEN_SUFFIX = '-green';

/** Blue/green, first step: a second Deployment with the new version and its own label. */
export function greenDeployment(d: Deployment, image: string): CommandLine {
  const name = `${d.metadata.name}${GREEN_SUFFIX}`;
  const app = name;
  const c = d.spec.template.spec.containers[0];
  const port = c?.ports?.[0]?.containerPort ?? 8080;
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${d.spec.replicas ?? 1}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: ${container(d)}
          image: ${image}
          ports:
            - containerPort: ${port}
`;
  return { run: 'kubectl apply -f -', stdin: yaml };
}

/** Blue/green, second step: point the Service at the green pods. */
export function switchService(svc: Service, selector: Record<string, string>): CommandLine {
  return patchCommand(svc, { spec: { selector } });
}

export function scale(name: string, replicas: number): CommandLine {
  return { run: `kubectl scale deployment/${name} --replicas=${replicas}` };
}

export function rollback(name: string, toRevision?: number): CommandLine {
  return {
    run: `kubectl rollout undo deployment/${name}${toRevision !== undefined ? ` --to-revision=${toRevision}` : ''}`,
  };
}

/** The book's broken release: v3 with a readiness probe, minReadySeconds 10, maxSurge 1, maxUnavailable 0. */
export function brokenV3(d: Deployment): CommandLine {
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
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
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
          readinessProbe:
            periodSeconds: 1
            httpGet:
              path: /
              port: 8080
`;
  return { run: 'kubectl apply -f -', stdin: yaml };
}

/** The Deployment behind the Service's current selector (the "blue" one in blue/green). */
export function deploymentOfService(c: SimCluster, svc: Service): Deployment | undefined {
  const sel = svc.spec.selector ?? {};
  return c.store
    .list<Deployment>('Deployment')
    .find((d) => Object.entries(sel).every(([k, v]) => d.spec.template.metadata?.labels?.[k] === v));
}
