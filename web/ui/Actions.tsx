/**
 * Every button is a kubectl command, shown before it runs (on hover/focus) and printed in the
 * console after. Nothing here touches the cluster directly.
 */
import { useState, type ReactNode } from 'react';
import type { Deployment, ReplicaSet, Service } from '../../src/k8s/types.ts';
import { revision as revisionOf } from '../../src/cluster/controllers/deployment/util.ts';
import {
  brokenV3,
  GREEN_SUFFIX,
  greenDeployment,
  recreate,
  rollback,
  rollingUpdate,
  scale,
  deploymentOfService,
  type CommandLine,
} from '../sim/commands.ts';
import { runLine, runLinesWhenReady, session, setPreview, startBlueGreen } from '../store/app.ts';
import { useT } from '../i18n/index.ts';
import { useTextClock, useUiField } from './hooks.ts';
import './actions.css';

const IMAGES = ['luksa/kubia:v1', 'luksa/kubia:v2', 'luksa/kubia:v3', 'luksa/kubia:v4'];

const show = (lines: CommandLine[]) =>
  lines
    .map((l) => (l.stdin !== undefined ? `$ ${l.run} <<EOF\n${l.stdin.trimEnd()}\nEOF` : `$ ${l.run}`))
    .join('\n');

function ActionButton({
  lines,
  onRun,
  children,
  disabled,
  className,
  skip,
}: {
  lines: () => CommandLine[];
  onRun: () => void;
  children: ReactNode;
  disabled?: boolean;
  className?: string;
  /** The skip link "Skip to actions" lands here. */
  skip?: boolean;
}) {
  const preview = () => setPreview(disabled ? '' : show(lines()));
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      aria-describedby="command-preview"
      data-skip={skip ? 'actions' : undefined}
      onMouseEnter={preview}
      onFocus={preview}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

export function Actions() {
  const t = useT();
  useTextClock();
  const preview = useUiField('preview');
  const c = session.live;
  const svc = c.store.get<Service>('Service', 'default', 'kubia') ?? c.store.list<Service>('Service')[0];
  const deployments = c.store.list<Deployment>('Deployment');
  const main =
    (svc && deploymentOfService(c, svc)) ??
    deployments.find((d) => d.metadata.name === 'kubia') ??
    deployments[0];
  const [image, setImage] = useState('luksa/kubia:v2');
  const [surge, setSurge] = useState('25%');
  const [unavailable, setUnavailable] = useState('25%');
  const [minReady, setMinReady] = useState(0);
  const [replicas, setReplicas] = useState(3);
  const [target, setTarget] = useState('');
  const [error, setError] = useState('');

  if (!main)
    return (
      <section className="panel actions" aria-labelledby="actions-h">
        <h2 id="actions-h">{t('actions.title')}</h2>
        <p className="muted">{t('actions.none')}</p>
      </section>
    );
  const name = main.metadata.name;
  const rsList = c.store
    .list<ReplicaSet>('ReplicaSet')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === main.metadata.uid))
    .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
  const ru = rollingUpdate(main, {
    image,
    maxSurge: surge,
    maxUnavailable: unavailable,
    minReadySeconds: minReady,
  });
  const greenName = `${name}${GREEN_SUFFIX}`;
  const greenExists = !!c.store.get('Deployment', 'default', greenName) || name.endsWith(GREEN_SUFFIX);
  const result = (r: { exitCode: number; stderr: string } | undefined) =>
    setError(r && r.exitCode !== 0 ? r.stderr : '');
  const rollbackLine = () => rollback(name, target ? Number(target) : undefined);

  return (
    <section className="panel actions" aria-labelledby="actions-h">
      <h2 id="actions-h">
        {t('actions.title')} <span className="muted">{t('actions.on', { name })}</span>
      </h2>
      <div className="field-grid">
        <label>
          {t('actions.image')}
          <select value={image} onChange={(e) => setImage(e.target.value)}>
            {IMAGES.map((i) => (
              <option key={i}>{i}</option>
            ))}
          </select>
        </label>
        <label>
          maxSurge
          <input value={surge} onChange={(e) => setSurge(e.target.value)} size={4} />
        </label>
        <label>
          maxUnavailable
          <input value={unavailable} onChange={(e) => setUnavailable(e.target.value)} size={4} />
        </label>
        <label>
          minReadySeconds
          <input
            type="number"
            min={0}
            value={minReady}
            onChange={(e) => setMinReady(Math.max(0, Number(e.target.value) || 0))}
          />
        </label>
      </div>
      {ru.error && (
        <p className="error" role="alert">
          {ru.error}
        </p>
      )}
      <div className="button-row">
        <ActionButton
          className="primary"
          skip
          lines={() => ru.lines}
          onRun={() => (ru.error ? setError(ru.error) : void runLinesWhenReady(ru.lines).then(result))}
        >
          {t('actions.rolling')}
        </ActionButton>
        <ActionButton
          lines={() => recreate(main, image)}
          onRun={() => void runLinesWhenReady(recreate(main, image)).then(result)}
        >
          {t('actions.recreate')}
        </ActionButton>
        <ActionButton
          lines={() => [greenDeployment(main, image)]}
          disabled={greenExists || !svc}
          onRun={() => {
            if (!svc) return;
            void runLinesWhenReady([greenDeployment(main, image)]).then((r) => {
              result(r);
              if (r?.exitCode === 0)
                startBlueGreen({ blue: name, green: greenName, service: svc.metadata.name });
            });
          }}
        >
          {t('actions.blueGreen')}
        </ActionButton>
      </div>
      <div className="button-row">
        <label className="inline">
          <span className="sr-only">{t('actions.rollbackTo')}</span>
          <select
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-label={t('actions.rollbackRevision')}
          >
            <option value="">{t('actions.undo')}</option>
            {rsList.map((rs) => {
              const rev = revisionOf(rs) ?? 0;
              const img = rs.spec.template.spec.containers[0]?.image ?? '';
              const cause = rs.metadata.annotations?.['kubernetes.io/change-cause'];
              return (
                <option key={rs.metadata.uid} value={rev}>
                  {t('actions.revision', { rev, image: img })}
                  {cause ? ` (${cause})` : ''}
                </option>
              );
            })}
          </select>
        </label>
        <ActionButton lines={() => [rollbackLine()]} onRun={() => result(runLine(rollbackLine()))}>
          {t('actions.rollback')}
        </ActionButton>
      </div>
      <div className="button-row">
        <ActionButton
          lines={() => [{ run: `kubectl rollout pause deployment/${name}` }]}
          disabled={main.spec.paused === true}
          onRun={() => result(runLine({ run: `kubectl rollout pause deployment/${name}` }))}
        >
          {t('actions.pause')}
        </ActionButton>
        <ActionButton
          lines={() => [{ run: `kubectl rollout resume deployment/${name}` }]}
          disabled={main.spec.paused !== true}
          onRun={() => result(runLine({ run: `kubectl rollout resume deployment/${name}` }))}
        >
          {t('actions.resume')}
        </ActionButton>
      </div>
      <div className="button-row">
        <label className="inline">
          {t('actions.replicas')}
          <input
            type="number"
            min={0}
            max={500}
            value={replicas}
            onChange={(e) => setReplicas(Math.max(0, Math.min(500, Number(e.target.value) || 0)))}
          />
        </label>
        <ActionButton
          lines={() => [scale(name, replicas)]}
          onRun={() => result(runLine(scale(name, replicas)))}
        >
          {t('actions.scale')}
        </ActionButton>
        <ActionButton
          className="danger"
          lines={() => [brokenV3(main)]}
          onRun={() => void runLinesWhenReady([brokenV3(main)]).then(result)}
        >
          {t('actions.brokenV3')}
        </ActionButton>
      </div>
      {error && (
        <pre className="error" role="alert">
          {error}
        </pre>
      )}
      {/* A fixed slot: a long manifest scrolls inside it (by keyboard too) and moves nothing. */}
      <pre
        id="command-preview"
        className={preview ? 'preview' : 'preview preview--hint'}
        aria-live="off"
        tabIndex={0}
        role="region"
        aria-label={t('actions.previewLabel')}
      >
        {preview || t('actions.previewHint')}
      </pre>
    </section>
  );
}
