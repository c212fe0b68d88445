/** The chapter's manifests and commands, shared by the server's tests. */

/** The chapter's Deployment (src/scenario/examples/kubia-chapter.yaml): a readiness probe, so v3 stalls. */
export const KUBIA_V1 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  minReadySeconds: 10
  progressDeadlineSeconds: 60
  strategy:
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
    type: RollingUpdate
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
      - image: luksa/kubia:v1
        name: nodejs
        readinessProbe:
          periodSeconds: 1
          httpGet:
            path: /
            port: 8080
`;

export const KUBIA_SVC = `apiVersion: v1
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

export const CHAPTER = [
  'kubectl apply -f kubia-deployment-v1.yaml',
  'kubectl apply -f kubia-svc.yaml',
  'kubectl rollout status deployment kubia',
  'kubectl set image deployment kubia nodejs=luksa/kubia:v2',
  'kubectl rollout status deployment kubia',
  'kubectl rollout history deployment kubia',
  'kubectl rollout undo deployment kubia --to-revision=1',
  'kubectl rollout status deployment kubia',
  'kubectl set image deployment kubia nodejs=luksa/kubia:v3',
  'kubectl rollout status deployment kubia',
  'kubectl rollout undo deployment kubia',
  'kubectl rollout status deployment kubia',
  'kubectl rollout history deployment kubia',
  'kubectl get deployments,replicasets',
];

/** A budget over kubia's pods: at least 2 available, so of 3 replicas one may go at a time. */
export const KUBIA_PDB = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: kubia
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: kubia
`;

/** The v1 Deployment and its Service, applied from files by those names (the comparisons' start). */
export const KUBIA_FILES = { 'kubia-deployment-v1.yaml': KUBIA_V1, 'kubia-svc.yaml': KUBIA_SVC };
export const KUBIA_SETUP = ['apply -f kubia-deployment-v1.yaml', 'apply -f kubia-svc.yaml'];
