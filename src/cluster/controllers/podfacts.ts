/**
 * What the ReplicaSet and endpoints controllers read of a pod, compared field by field, so their
 * informer handlers can tell a pod write that matters to them from the kubelet's many progress
 * reports (upstream's handlers compare too; the controllers are level-triggered, so skipping the
 * rest changes nothing but the work done).
 */
import type { Pod } from '../../k8s/types.ts';
import type { Change } from '../store.ts';
import { podReadyCondition } from './deployment/util.ts';

const labelTexts = new WeakMap<object, string>();
const NO_LABELS = {};

/** The labels as text, once per (immutable) labels object: status writes keep their pod's. */
function labelText(p: Pod): string {
  const labels = p.metadata.labels ?? NO_LABELS;
  let text = labelTexts.get(labels);
  if (text === undefined) {
    text = JSON.stringify(labels);
    labelTexts.set(labels, text);
  }
  return text;
}

/** The Ready condition's status and last transition, as the controllers compare them. */
function sameReadiness(a: Pod, b: Pod): boolean {
  const x = podReadyCondition(a);
  const y = podReadyCondition(b);
  return (
    (x?.status ?? '') === (y?.status ?? '') && (x?.lastTransitionTime ?? '') === (y?.lastTransitionTime ?? '')
  );
}

function sameLabels(a: Pod, b: Pod): boolean {
  return (
    (a.metadata.labels ?? NO_LABELS) === (b.metadata.labels ?? NO_LABELS) || labelText(a) === labelText(b)
  );
}

const ownerOf = (p: Pod) => p.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '';

/**
 * What a ReplicaSet's sync reads of a pod is the same in both: phase, readiness (and since when),
 * deletion, labels, owner. (A terminating pod no longer counts, so its final removal changes
 * nothing for it.)
 */
function sameForReplicaSet(a: Pod, b: Pod): boolean {
  return (
    a.status?.phase === b.status?.phase &&
    sameReadiness(a, b) &&
    (a.metadata.deletionTimestamp ?? '') === (b.metadata.deletionTimestamp ?? '') &&
    sameLabels(a, b) &&
    ownerOf(a) === ownerOf(b)
  );
}

/**
 * Whether the endpoints controllers see a pod: once it has an IP (terminating pods stay in the
 * EndpointSlices until they are gone).
 */
const isEndpoint = (p: Pod | undefined): p is Pod => !!p?.status?.podIP;

/** What the endpoints controllers read of a pod they see: IP, node, readiness, deletion, phase, labels. */
function sameForEndpoints(a: Pod, b: Pod): boolean {
  return (
    a.status?.podIP === b.status?.podIP &&
    (a.metadata.deletionTimestamp ?? '') === (b.metadata.deletionTimestamp ?? '') &&
    (a.spec.nodeName ?? '') === (b.spec.nodeName ?? '') &&
    sameReadiness(a, b) &&
    a.status?.phase === b.status?.phase &&
    sameLabels(a, b)
  );
}

/** The pod before and after a change (undefined: it did not exist). */
function sides(c: Change): [Pod | undefined, Pod | undefined] {
  const pod = c.obj as Pod;
  const before = (c.old as Pod | undefined) ?? (c.type === 'deleted' ? pod : undefined);
  return [before, c.type === 'deleted' ? undefined : pod];
}

/** Whether a pod change changes what a ReplicaSet counts (a new pod always does). */
export function podCountChanged(c: Change): boolean {
  const [before, after] = sides(c);
  return !before || (after ? !sameForReplicaSet(before, after) : !before.metadata.deletionTimestamp);
}

/** Whether a pod change changes what a Service routes to. */
export function podEndpointChanged(c: Change): boolean {
  const [before, after] = sides(c);
  const a = isEndpoint(before);
  const b = isEndpoint(after);
  return a !== b || (a && b && !sameForEndpoints(before!, after!));
}
