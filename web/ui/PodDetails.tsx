import { useEffect, useRef, useState } from 'react';
import { actions, drawnPods, tagOf, type CommandLine } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { useReturnFocus } from '../layout/focus.ts';
import { useFrame, useUiField } from './hooks.ts';
import { stateText } from './labels.ts';
import './pod-details.css';
import '../i18n/features.ts';

/** Details of the pod clicked in the diagram, with "Delete pod" (`kubectl delete pod …`). */
export function PodDetails() {
  const t = useT();
  const lab = useLab();
  const frame = useFrame();
  const name = useUiField('selectedPod');
  const ref = useRef<HTMLElement>(null);
  useReturnFocus();
  const [failure, setFailure] = useState<{ pod: string; text: string } | null>(null);
  const error = failure && failure.pod === name ? failure.text : '';
  useEffect(() => {
    if (name) ref.current?.focus();
  }, [name]);
  if (!name) return null;
  const pod = frame.objects.pods.find((p) => p.metadata.name === name);
  const view = drawnPods(frame.view).find((p) => p.name === name);
  const close = () => lab.selectPod(null);
  // --wait=false: the button should not block virtual time until the pod is gone (kubectl would).
  const command = `kubectl delete pod ${name} --wait=false`;
  const terminating = !!pod?.metadata.deletionTimestamp;
  const [headingBefore, headingAfter = ''] = t('pod.heading', { name: '\u0000' }).split('\u0000');
  return (
    <section
      className="panel pod-details"
      aria-labelledby="pod-h"
      tabIndex={-1}
      ref={ref}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <h2 id="pod-h">
        {headingBefore}
        {/* A name as kubectl prints it: the heading's capitals would change it. */}
        <span className="object-name">{name}</span>
        {headingAfter}
      </h2>
      {!pod ? (
        <p className="muted">{t('pod.gone')}</p>
      ) : (
        <dl>
          <dt>{t('pod.version')}</dt>
          <dd>{tagOf(pod.spec.containers[0]?.image ?? '')}</dd>
          <dt>{t('pod.image')}</dt>
          <dd>{pod.spec.containers[0]?.image}</dd>
          <dt>{t('pod.state')}</dt>
          <dd>{view ? stateText(t, view.state) : '—'}</dd>
          <dt>{t('pod.phase')}</dt>
          <dd>{pod.status?.phase}</dd>
          <dt>{t('pod.node')}</dt>
          <dd>{pod.spec.nodeName ?? t('pod.notScheduled')}</dd>
          <dt>IP</dt>
          <dd>{pod.status?.podIP ?? '—'}</dd>
          <dt>{t('pod.owner')}</dt>
          <dd>{pod.metadata.ownerReferences?.map((r) => `${r.kind}/${r.name}`).join(', ') ?? '—'}</dd>
          <dt>{t('pod.labels')}</dt>
          <dd>
            {Object.entries(pod.metadata.labels ?? {})
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}
          </dd>
          <dt>{t('pod.conditions')}</dt>
          <dd>{(pod.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(', ')}</dd>
        </dl>
      )}
      {pod && !terminating && <p className="hint">{t('pod.deleteHint')}</p>}
      {pod && !terminating && <p className="hint">{t('pod.faultHint')}</p>}
      <div className="button-row">
        {pod && (
          <button
            type="button"
            className="danger"
            disabled={terminating}
            title={`$ ${command}`}
            onClick={() =>
              void lab
                .runLinesWhenReady([{ run: command }])
                .then((r) => setFailure(!r || r.exitCode === 0 ? null : { pod: name, text: r.stderr }))
            }
          >
            {t('pod.delete')}
          </button>
        )}
        {pod && !terminating && (
          <>
            {[
              ['kill', t('pod.kill'), actions.killContainer(name)],
              ['unhealthy', t('pod.unhealthy'), actions.unhealthy(name, true)],
              ['healthy', t('pod.healthy'), actions.unhealthy(name, false)],
            ].map(([key, label, lines]) => {
              const l = lines as CommandLine[];
              return (
                <button
                  key={key as string}
                  type="button"
                  title={`$ ${l[0]!.run}`}
                  onClick={() =>
                    void lab
                      .runLinesWhenReady(l)
                      .then((r) => setFailure(!r || r.exitCode === 0 ? null : { pod: name, text: r.stderr }))
                  }
                >
                  {label as string}
                </button>
              );
            })}
          </>
        )}
        <button type="button" onClick={close}>
          {t('close')}
        </button>
      </div>
      {error && (
        <pre className="error" role="alert">
          {error}
        </pre>
      )}
    </section>
  );
}
