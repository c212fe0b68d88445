/**
 * The book's kubia objects as YAML text, so a lesson reads like the chapter's listings: Service
 * `kubia` (port 80 → 8080) and Deployment `kubia` (container `nodejs`, image luksa/kubia:vN).
 */

const labelsYaml = (labels: Record<string, string>, indent: string) =>
  Object.entries(labels)
    .map(([k, v]) => `${indent}${k}: ${v}`)
    .join('\n');

export function serviceYaml(selector: Record<string, string> = { app: 'kubia' }): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
${labelsYaml(selector, '    ')}
  ports:
  - port: 80
    targetPort: 8080
`;
}

export interface DeploymentOptions {
  name?: string;
  image: string;
  replicas?: number;
  labels?: Record<string, string>;
  /** YAML of `spec.strategy` (already indented by four spaces), or undefined for the defaults. */
  strategy?: string;
  minReadySeconds?: number;
  progressDeadlineSeconds?: number;
  revisionHistoryLimit?: number;
  readinessProbe?: boolean;
  /** CPU each pod requests (`500m`), so nodes fill up. */
  cpu?: string;
}

export const RECREATE = '    type: Recreate\n';
export const rolling = (maxSurge: number | string, maxUnavailable: number | string) =>
  `    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: ${maxSurge}\n      maxUnavailable: ${maxUnavailable}\n`;

export function deploymentYaml(o: DeploymentOptions): string {
  const labels = o.labels ?? { app: 'kubia' };
  const lines = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${o.name ?? 'kubia'}`,
    'spec:',
    `  replicas: ${o.replicas ?? 3}`,
  ];
  if (o.minReadySeconds !== undefined) lines.push(`  minReadySeconds: ${o.minReadySeconds}`);
  if (o.progressDeadlineSeconds !== undefined)
    lines.push(`  progressDeadlineSeconds: ${o.progressDeadlineSeconds}`);
  if (o.revisionHistoryLimit !== undefined) lines.push(`  revisionHistoryLimit: ${o.revisionHistoryLimit}`);
  if (o.strategy) lines.push('  strategy:', o.strategy.trimEnd());
  lines.push(
    '  selector:',
    '    matchLabels:',
    labelsYaml(labels, '      '),
    '  template:',
    '    metadata:',
    '      name: kubia',
    '      labels:',
    labelsYaml(labels, '        '),
    '    spec:',
    '      containers:',
    `      - image: ${o.image}`,
    '        name: nodejs',
  );
  if (o.cpu) lines.push('        resources:', '          requests:', `            cpu: ${o.cpu}`);
  if (o.readinessProbe)
    lines.push(
      '        readinessProbe:',
      '          periodSeconds: 1',
      '          httpGet:',
      '            path: /',
      '            port: 8080',
    );
  return lines.join('\n') + '\n';
}

export function replicaSetYaml(name: string, image: string, labels: Record<string, string>): string {
  return `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${name}
spec:
  replicas: 3
  selector:
    matchLabels:
${labelsYaml(labels, '      ')}
  template:
    metadata:
      labels:
${labelsYaml(labels, '        ')}
    spec:
      containers:
      - image: ${image}
        name: nodejs
`;
}

export const docs = (...d: string[]) => d.join('---\n');
