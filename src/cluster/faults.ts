/**
 * Faults a teacher injects (`kubectl lab …`, and the app's buttons): things that happen to a
 * cluster from outside the API, which Kubernetes then reacts to as it would.
 *
 * - kill: the main container of a running pod dies (exit code 137, as after SIGKILL). The kubelet
 *   restarts it at once the first time, then after 10 s, 20 s, 40 s … up to 5 min, showing
 *   CrashLoopBackOff meanwhile (kuberuntime's back-off); restartCount counts the restarts.
 * - unhealthy / healthy: from now on the app answers every request and HTTP probe with 500; a
 *   readiness probe then fails, and after failureThreshold failures the pod is not Ready (out of the
 *   Service's endpoints). A liveness probe would restart it, and a new container run is healthy.
 *   Without probes nothing notices: the pod stays Ready and serves errors.
 * - node down / up: the node's kubelet stops (its pods are frozen and answer nothing); the node
 *   lifecycle controller notices after the grace period (controllers/nodelifecycle.ts).
 */
import type { NodeObject, Pod } from '../k8s/types.ts';
import type { SimCluster } from './cluster.ts';
import { NEVER } from './kubelet.ts';

export class FaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FaultError';
  }
}

function podOrThrow(cluster: SimCluster, namespace: string, name: string): Pod {
  const pod = cluster.store.get<Pod>('Pod', namespace, name);
  if (!pod) throw new FaultError(`pods "${name}" not found`);
  return pod;
}

function runningRuntime(cluster: SimCluster, pod: Pod) {
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  // The fault changes the runtime record: snapshots must copy it again.
  cluster.world.touch?.(key);
  const rt = cluster.world.pods.get(key);
  if (pod.metadata.deletionTimestamp) throw new FaultError(`pod ${pod.metadata.name} is terminating`);
  if (pod.spec.nodeName && cluster.world.downNodes.has(pod.spec.nodeName))
    throw new FaultError(`the kubelet of node ${pod.spec.nodeName} is down`);
  if (!rt || rt.stage !== 'running')
    throw new FaultError(`pod ${pod.metadata.name} has no running container`);
  return { key, rt };
}

/** Kills the main container of a running pod (a crash, exit code 137). */
export function killContainer(cluster: SimCluster, namespace: string, name: string): void {
  const pod = podOrThrow(cluster, namespace, name);
  const { key, rt } = runningRuntime(cluster, pod);
  rt.exit = { code: 137, reason: 'Error' };
  rt.until = cluster.now;
  const c = pod.spec.containers[0]!;
  cluster.decide({
    controller: 'lab',
    object: { kind: 'Pod', namespace, name },
    code: 'fault.kill',
    message: `Container ${c.name} of pod ${name} was killed (exit code 137). The kubelet restarts it: at once the first time, then after a back-off of 10s doubling up to 5 minutes (CrashLoopBackOff), which resets after 10 minutes of running.`,
    values: { restarts: rt.restarts, backoff: rt.restartBackoff ?? 0 },
  });
  cluster.enqueue('kubelet', key);
}

/** Makes a running pod's app answer 500 from now on (or healthy again). */
export function setUnhealthy(cluster: SimCluster, namespace: string, name: string, unhealthy: boolean): void {
  const pod = podOrThrow(cluster, namespace, name);
  const { key, rt } = runningRuntime(cluster, pod);
  const c = pod.spec.containers[0]!;
  if (unhealthy) rt.unhealthySince = cluster.now;
  else delete rt.unhealthySince;
  const rp = c.readinessProbe;
  const lp = c.livenessProbe;
  const probes = [rp && 'readiness', lp && 'liveness'].filter(Boolean).join(' and ');
  cluster.decide({
    controller: 'lab',
    object: { kind: 'Pod', namespace, name },
    code: unhealthy ? 'fault.unhealthy' : 'fault.healthy',
    message: unhealthy
      ? probes
        ? `The app in pod ${name} answers 500 from now on. Its ${probes} probe will fail: after ${rp?.failureThreshold ?? lp?.failureThreshold ?? 3} failures in a row ${rp ? 'the pod is not Ready and leaves the endpoints' : 'the container is restarted'}.`
        : `The app in pod ${name} answers 500 from now on. It has no probes, so Kubernetes cannot tell: the pod stays Ready and keeps receiving requests.`
      : `The app in pod ${name} answers normally again; its probes succeed from their next run.`,
    values: { probes: probes || 'none' },
  });
  // Probe at once if none is due (so a pod without probes still shows the change in its log).
  if (rt.nextProbeAt === NEVER) cluster.enqueue('kubelet', key);
}

/** Stops (or restarts) a node's kubelet. */
export function setNodeDown(cluster: SimCluster, name: string, down: boolean): void {
  const node = cluster.store.get<NodeObject>('Node', undefined, name);
  if (!node) throw new FaultError(`nodes "${name}" not found`);
  const world = cluster.world;
  if (down === world.downNodes.has(name))
    throw new FaultError(`the kubelet of node ${name} is already ${down ? 'down' : 'up'}`);
  if (down) world.downNodes.set(name, cluster.now);
  else world.downNodes.delete(name);
  cluster.decide({
    controller: 'lab',
    object: { kind: 'Node', name },
    code: down ? 'fault.nodeDown' : 'fault.nodeUp',
    message: down
      ? `The kubelet of node ${name} stopped: its pods no longer answer and nothing reports their state. The node lifecycle controller notices after 50s without a heartbeat.`
      : `The kubelet of node ${name} is back and posts its status again.`,
    values: {},
  });
  cluster.enqueue('nodelifecycle', name);
}
