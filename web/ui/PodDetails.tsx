import { useEffect, useRef } from 'react';
import type { Pod } from '../../src/k8s/types.ts';
import { hasCommand } from '../sim/commands.ts';
import { podState, STATE_LABEL, tagOf } from '../sim/view.ts';
import { runLine, selectPod, session } from '../store/app.ts';
import { useUiField, useVersion } from './hooks.ts';

/** Details of the pod clicked in the diagram, with "Delete pod". */
export function PodDetails() {
  useVersion();
  const name = useUiField('selectedPod');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (name) ref.current?.focus();
  }, [name]);
  if (!name) return null;
  const pod = session.live.store.get<Pod>('Pod', 'default', name);
  const close = () => selectPod(null);
  const canDelete = hasCommand('delete');
  return (
    <section
      className="panel pod-details"
      aria-labelledby="pod-h"
      tabIndex={-1}
      ref={ref}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <h2 id="pod-h">Pod {name}</h2>
      {!pod ? (
        <p className="muted">This pod does not exist at this moment.</p>
      ) : (
        <dl>
          <dt>Version</dt>
          <dd>{tagOf(pod.spec.containers[0]?.image ?? '')}</dd>
          <dt>Image</dt>
          <dd>{pod.spec.containers[0]?.image}</dd>
          <dt>State</dt>
          <dd>{STATE_LABEL[podState(pod, 0, session.now, session.live.timing).state]}</dd>
          <dt>Phase</dt>
          <dd>{pod.status?.phase}</dd>
          <dt>Node</dt>
          <dd>{pod.spec.nodeName ?? '(not scheduled)'}</dd>
          <dt>IP</dt>
          <dd>{pod.status?.podIP ?? '—'}</dd>
          <dt>Owner</dt>
          <dd>{pod.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name}`).join(', ') ?? '—'}</dd>
          <dt>Labels</dt>
          <dd>
            {Object.entries(pod.metadata.labels ?? {})
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </dd>
          <dt>Conditions</dt>
          <dd>{(pod.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(', ')}</dd>
        </dl>
      )}
      <div className="button-row">
        {pod && (
          <button
            type="button"
            className="danger"
            disabled={!canDelete}
            title={canDelete ? `kubectl delete pod ${name}` : 'kubectl delete is not in the simulator yet'}
            onClick={() => runLine({ run: `kubectl delete pod ${name}` })}
          >
            Delete pod
          </button>
        )}
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </section>
  );
}
