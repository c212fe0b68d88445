/**
 * The pod's quality-of-service class (k8s.io/kubernetes/pkg/apis/core/helper/qos.GetPodQOS), which
 * the API server writes to `status.qosClass` when the pod is created.
 */
import { parseQuantity } from './quantity.ts';
import type { Pod } from './types.ts';

/** BestEffort without requests or limits; Guaranteed when cpu and memory limits equal requests. */
export function podQOS(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (l === undefined || q === undefined || parseQuantity(q) !== parseQuantity(l)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
