/**
 * What the ReplicaSet and endpoints controllers read of a pod, as text per stored pod, so their
 * informer handlers can tell a pod write that matters to them from the kubelet's many progress
 * reports (upstream's handlers compare too; the controllers are level-triggered, so skipping the
 * rest changes nothing but the work done).
 */
import { flatString } from '../../k8s/copy.ts';
import type { Pod } from '../../k8s/types.ts';
import type { Change } from '../store.ts';

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
const readyText = (p: Pod) => {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return `${c?.status ?? ''}@${c?.lastTransitionTime ?? ''}`;
};

interface PodFacts {
  /**
   * What a ReplicaSet's sync reads of a pod: phase, readiness (and since when), deletion, labels,
   * owner. A terminating pod no longer counts, so its final removal changes nothing for it.
   */
  replicaSet: string;
  /**
   * What the endpoints controller reads of a pod: nothing while it has no IP or is terminating
   * (it is no endpoint then); else IP, node, readiness, phase and labels.
   */
  endpoints: string;
}

/** Per stored pod (objects are immutable): each write compares the new pod's facts to the old's. */
const podFacts = new WeakMap<Pod, PodFacts>();

function factsOf(p: Pod): PodFacts {
  let f = podFacts.get(p);
  if (!f) {
    const labels = labelText(p);
    const ready = readyText(p);
    const owner = p.metadata.ownerReferences?.find((r) => r.controller)?.uid ?? '';
    // In one piece (flatString): kept as long as the pod version, for every pod.
    f = {
      replicaSet: flatString(
        `${p.status?.phase}|${ready}|${p.metadata.deletionTimestamp ?? ''}|${labels}|${owner}`,
      ),
      endpoints:
        !p.status?.podIP || p.metadata.deletionTimestamp
          ? ''
          : flatString(`${p.status.podIP}|${p.spec.nodeName ?? ''}|${ready}|${p.status.phase}|${labels}`),
    };
    podFacts.set(p, f);
  }
  return f;
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
  return (
    !before ||
    (after ? factsOf(before).replicaSet !== factsOf(after).replicaSet : !before.metadata.deletionTimestamp)
  );
}

/** Whether a pod change changes what a Service routes to. */
export function podEndpointChanged(c: Change): boolean {
  const [before, after] = sides(c);
  return (before ? factsOf(before).endpoints : '') !== (after ? factsOf(after).endpoints : '');
}
