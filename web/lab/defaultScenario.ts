/**
 * The scenario the app opens with: the book's kubia Deployment (3 replicas of luksa/kubia:v1,
 * container `nodejs`) behind Service `kubia` (port 80 → 8080) on a 3-node cluster with the
 * simulator's realistic default timings (schedule 1 s, pull 5 s, start 2 s, terminate 5 s).
 */
import type { Scenario } from '../../src/index.ts';

export const kubiaDeploymentYaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
  labels:
    app: kubia
spec:
  replicas: 3
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
        - name: nodejs
          image: luksa/kubia:v1
          ports:
            - containerPort: 8080
`;

export const kubiaServiceYaml = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  selector:
    app: kubia
  ports:
    - port: 80
      targetPort: 8080
`;

const kubiaDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubia', labels: { app: 'kubia' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'kubia' } },
    template: {
      metadata: { name: 'kubia', labels: { app: 'kubia' } },
      spec: { containers: [{ name: 'nodejs', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }] }] },
    },
  },
};

const kubiaService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubia' },
  spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
};

/** The app opens with the Deployment running (its pods came up in the first seconds). */
export const START_AT = 20;

export function defaultScenario(): Scenario {
  return {
    apiVersion: 'rolloutlab/v1',
    kind: 'Scenario',
    metadata: { name: 'kubia', title: { en: 'kubia: a Deployment behind a Service' } },
    spec: {
      seed: 7,
      cluster: { nodes: 3, cpu: '4', memory: '8Gi' },
      timing: {},
      traffic: { service: 'kubia', requestsPerSecond: 10 },
      // JSON (also YAML) so the app can start before the YAML library has loaded.
      manifests: JSON.stringify([kubiaDeployment, kubiaService], null, 2),
      steps: [],
    },
  };
}
