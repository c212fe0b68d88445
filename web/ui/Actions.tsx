/**
 * Every button is a kubectl command, shown before it runs (on hover/focus) and printed in the
 * console after. The form shows the Deployment as it is now (strategy, maxSurge, maxUnavailable,
 * minReadySeconds, replicas); the rollback list is its history now; blue/green is four visible
 * steps whose state is read from the objects. Nothing here touches the cluster but through the Run.
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  actions,
  MAX_PODS_TOTAL,
  type CommandLine,
  type Deployment,
  type KubectlResult,
} from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { diagramIntoView, STACKED, useMedia } from '../layout/media.ts';
import type { Lab } from '../lab/lab.ts';
import { useFrame, useUiField } from './hooks.ts';
import './actions.css';

const IMAGES = ['luksa/kubia:v1', 'luksa/kubia:v2', 'luksa/kubia:v3', 'luksa/kubia:v4'];

/** The image a rolling update offers first: the next good version after the one running. */
function nextImage(current: string): string {
  const good = IMAGES.filter((i) => !i.endsWith(':v3'));
  const i = good.indexOf(current);
  return i < 0 ? good[1]! : good[(i + 1) % good.length]!;
}

const show = (lines: CommandLine[]) =>
  lines
    .map((l) => (l.stdin !== undefined ? `$ ${l.run} <<EOF\n${l.stdin.trimEnd()}\nEOF` : `$ ${l.run}`))
    .join('\n');

/**
 * A pressed button that disables itself (Pause rollout, Create green) gives the focus to the next
 * enabled button of its row (Resume rollout), else the row's last one, else the panel's first, so
 * the keyboard's place is not lost to the page. Done once the render that disabled it is in the
 * page (a layout effect): a browser may take the focus away as soon as the attribute is set, in
 * the middle of that render, when the button beside it is still disabled.
 */
function focusNeighbour(button: HTMLButtonElement) {
  const enabled = (within: Element | null) => [
    ...(within?.querySelectorAll<HTMLButtonElement>('button:enabled') ?? []),
  ];
  const row = enabled(button.closest('.button-row'));
  const after = row.find((b) => button.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  (after ?? row.at(-1) ?? enabled(button.closest('.actions-panel'))[0])?.focus();
}

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
  const lab = useLab();
  const preview = () => lab.setPreview(disabled ? '' : show(lines()));
  const ref = useRef<HTMLButtonElement>(null);
  // It had the focus, and nothing else took it since.
  const focused = useRef(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!disabled || !el || !focused.current) return;
    focused.current = false;
    const active = document.activeElement;
    if (!active || active === el || active === document.body) focusNeighbour(el);
  }, [disabled]);
  return (
    <button
      ref={ref}
      type="button"
      className={className}
      disabled={disabled}
      aria-describedby="command-preview"
      data-skip={skip ? 'actions' : undefined}
      onMouseEnter={preview}
      onFocus={() => {
        focused.current = true;
        preview();
      }}
      onBlur={(e) => {
        if (e.relatedTarget) focused.current = false;
      }}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

export function Actions() {
  const t = useT();
  const lab = useLab();
  const frame = useFrame('text');
  const preview = useUiField('preview');
  const following = useUiField('following');
  const [error, setError] = useState('');
  // Beside the diagram the two sets of actions take turns (a 720p screen has room for one and the
  // why and the console); stacked on a narrow screen, both show.
  const stacked = useMedia(STACKED);
  // A phone or tablet has no hover: the line shows once an action is pressed.
  const touchOnly = useMedia('(hover: none)');
  const [chosen, setChosen] = useState<Tab | null>(null);
  const { objects } = frame;
  const svc = objects.services.find((s) => s.metadata.name === 'kubia') ?? objects.services[0];
  const main =
    (svc && actions.deploymentOfService(objects.deployments, svc)) ??
    objects.deployments.find((d) => d.metadata.name === 'kubia') ??
    objects.deployments[0];
  if (!main)
    return (
      <section className="panel actions" aria-labelledby="actions-h">
        <h2 id="actions-h">{t('actions.title')}</h2>
        <p className="muted">{t('actions.none')}</p>
      </section>
    );
  const report = (r: KubectlResult | undefined) => {
    setError(r && r.exitCode !== 0 ? r.stderr : '');
    if (r?.exitCode === 0) diagramIntoView();
  };
  const bg = actions.blueGreenOf(objects);
  // Until the reader picks one, the tab follows the cluster: blue/green once a green one exists.
  const tab: Tab = stacked || !bg ? 'both' : (chosen ?? (bg.stage === 'none' ? 'update' : 'bg'));
  const tabbed = tab !== 'both';
  // Tabbed, both panels lie in one cell and the hidden one keeps its room: switching tabs never
  // moves the why or the console below.
  const panel = (id: 'update' | 'bg') =>
    tabbed
      ? {
          id: `actions-${id}`,
          role: 'tabpanel',
          'aria-labelledby': `actions-tab-${id}`,
          className: tab === id ? 'actions-panel' : 'actions-panel actions-panel--hidden',
          inert: tab !== id,
        }
      : { className: 'actions-panel' };
  return (
    <section className="panel actions" aria-labelledby="actions-h">
      <div className="actions-head">
        <h2 id="actions-h">
          {t('actions.title')}
          {!tabbed && (
            <>
              {' '}
              <span className="muted">{t('actions.on', { name: main.metadata.name })}</span>
            </>
          )}
        </h2>
        {tabbed && <ActionTabs tab={tab} onChoose={setChosen} />}
      </div>
      {following && (
        <p className="muted follow-readonly" data-testid="actions.readOnly">
          {t('follow.readOnly', { ns: following.namespace })}
        </p>
      )}
      {/* Following a cluster, every button that writes is disabled (web/follow). */}
      <fieldset
        className="follow-lock"
        disabled={!!following}
        title={following ? t('follow.readOnlyShort') : undefined}
      >
        <div className={tabbed ? 'actions-panels actions-panels--tabbed' : 'actions-panels'}>
          <div {...panel('update')}>
            <UpdateForm key={main.metadata.uid} lab={lab} d={main} named={tabbed} report={report} />
          </div>
          <div {...panel('bg')}>
            <BlueGreen lab={lab} report={report} />
          </div>
        </div>
      </fieldset>
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
        {preview || t(touchOnly ? 'actions.previewHintTouch' : 'actions.previewHint')}
      </pre>
    </section>
  );
}

type Tab = 'update' | 'bg' | 'both';

/** Update (rolling, Recreate, rollback, pause, scale) or blue/green: a tablist, arrows move. */
function ActionTabs({ tab, onChoose }: { tab: Tab; onChoose: (tab: Tab) => void }) {
  const t = useT();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'update', label: t('actions.tab.update') },
    { id: 'bg', label: t('bg.title') },
  ];
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    // The tabs' own arrows, not the app's step back and forward.
    e.preventDefault();
    const next = tab === 'update' ? 'bg' : 'update';
    onChoose(next);
    document.getElementById(`actions-tab-${next}`)?.focus();
  };
  return (
    <div className="segmented actions-tabs" role="tablist" aria-label={t('actions.tabs')} onKeyDown={onKey}>
      {tabs.map((x) => (
        <button
          key={x.id}
          type="button"
          role="tab"
          id={`actions-tab-${x.id}`}
          aria-selected={tab === x.id}
          aria-controls={`actions-${x.id}`}
          tabIndex={tab === x.id ? 0 : -1}
          onClick={() => onChoose(x.id)}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}

function UpdateForm({
  lab,
  d,
  named,
  report,
}: {
  lab: Lab;
  d: Deployment;
  /** Say which Deployment (when the panel's heading does not). */
  named: boolean;
  report: (r: KubectlResult | undefined) => void;
}) {
  const t = useT();
  const frame = useFrame('text');
  const now = actions.strategyOf(d);
  const running = d.spec.template.spec.containers[0]?.image ?? '';
  const [image, setImage] = useState(() => nextImage(running));
  const [surge, setSurge] = useState(now.maxSurge);
  const [unavailable, setUnavailable] = useState(now.maxUnavailable);
  const [minReady, setMinReady] = useState(now.minReadySeconds);
  const [replicas, setReplicas] = useState(now.replicas);
  const [target, setTarget] = useState('');
  // A new spec (another strategy, a scale, a rollback, a step back in time) resets the form to what
  // the Deployment has now. Reset in place, not by remounting the form: a remount would take the
  // focus off the button just pressed.
  const [shown, setShown] = useState(d.metadata.generation);
  if (shown !== d.metadata.generation) {
    setShown(d.metadata.generation);
    setImage(nextImage(running));
    setSurge(now.maxSurge);
    setUnavailable(now.maxUnavailable);
    setMinReady(now.minReadySeconds);
    setReplicas(now.replicas);
    setTarget('');
  }
  const name = d.metadata.name;
  const ru = actions.rollingUpdate(d, {
    image,
    maxSurge: surge,
    maxUnavailable: unavailable,
    minReadySeconds: minReady,
  });
  // The revisions there are to go back to now: after a rollback the list changes with the history.
  const revisions = actions.rollbackTargets(d, frame.objects.replicaSets);
  const chosen = revisions.some((r) => String(r.revision) === target) ? target : '';
  const rollbackLine = () => actions.rollback(name, chosen ? Number(chosen) : undefined);
  const run = (lines: CommandLine[]) => void lab.runLinesWhenReady(lines).then(report);
  return (
    <>
      <p className="muted strategy-now" data-testid="actions.strategy">
        {named && `${name} · `}
        {now.type === 'RollingUpdate'
          ? t('actions.now.rolling', {
              surge: now.maxSurge,
              unavailable: now.maxUnavailable,
              minReady: now.minReadySeconds,
              replicas: now.replicas,
            })
          : t('actions.now.recreate', { replicas: now.replicas })}
      </p>
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
          onRun={() => (ru.error ? report({ stdout: '', stderr: ru.error, exitCode: 1 }) : run(ru.lines))}
        >
          {t('actions.rolling')}
        </ActionButton>
        <ActionButton lines={() => actions.recreate(d, image)} onRun={() => run(actions.recreate(d, image))}>
          {t('actions.recreate')}
        </ActionButton>
      </div>
      <div className="button-row">
        <label className="inline">
          <span className="sr-only">{t('actions.rollbackTo')}</span>
          <select
            value={chosen}
            onChange={(e) => setTarget(e.target.value)}
            aria-label={t('actions.rollbackRevision')}
          >
            <option value="">{t('actions.undo')}</option>
            {revisions.map((r) => (
              <option key={r.revision} value={r.revision}>
                {t('actions.revision', { rev: r.revision, image: r.image })}
                {r.changeCause ? ` (${r.changeCause})` : ''}
              </option>
            ))}
          </select>
        </label>
        <ActionButton lines={() => [rollbackLine()]} onRun={() => run([rollbackLine()])}>
          {t('actions.rollback')}
        </ActionButton>
      </div>
      <div className="button-row">
        <ActionButton
          lines={() => [actions.pause(name)]}
          disabled={d.spec.paused === true}
          onRun={() => run([actions.pause(name)])}
        >
          {t('actions.pause')}
        </ActionButton>
        <ActionButton
          lines={() => [actions.resume(name)]}
          disabled={d.spec.paused !== true}
          onRun={() => run([actions.resume(name)])}
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
            max={MAX_PODS_TOTAL}
            value={replicas}
            onChange={(e) =>
              setReplicas(Math.max(0, Math.min(MAX_PODS_TOTAL, Math.floor(Number(e.target.value)) || 0)))
            }
          />
        </label>
        <ActionButton
          lines={() => [actions.scale(name, replicas)]}
          onRun={() => run([actions.scale(name, replicas)])}
        >
          {t('actions.scale')}
        </ActionButton>
        <ActionButton
          className="danger"
          lines={() => [actions.brokenV3(d)]}
          onRun={() => run([actions.brokenV3(d)])}
        >
          {t('actions.brokenV3')}
        </ActionButton>
      </div>
    </>
  );
}

/**
 * Blue/green in four visible steps: create green beside blue; once green is ready, switch the
 * Service; switch back while blue still runs; scale blue to zero.
 */
function BlueGreen({ lab, report }: { lab: Lab; report: (r: KubectlResult | undefined) => void }) {
  const run = (lines: CommandLine[]) => void lab.runLinesWhenReady(lines).then(report);
  const t = useT();
  const frame = useFrame('text');
  const bg = actions.blueGreenOf(frame.objects);
  const [image, setImage] = useState('luksa/kubia:v2');
  if (!bg) return null;
  const { service, blue, green, stage } = bg;
  const blueLabels = blue.spec.template.metadata?.labels ?? {};
  const greenLabels = green?.spec.template.metadata?.labels ?? {};
  const create = () => [actions.greenDeployment(blue, image)];
  const switchTo = () => [actions.switchService(service, greenLabels)];
  const switchBack = () => [actions.switchService(service, blueLabels)];
  const retire = () => [actions.scale(blue.metadata.name, 0)];
  const status =
    stage === 'none'
      ? t('bg.none', { blue: blue.metadata.name })
      : stage === 'starting'
        ? t('bg.starting', {
            green: green!.metadata.name,
            available: green!.status?.availableReplicas ?? 0,
            replicas: green!.spec.replicas ?? 1,
          })
        : stage === 'ready'
          ? t('bg.ready', { green: green!.metadata.name })
          : bg.blueRunning
            ? t('bg.switched', { green: green!.metadata.name, blue: blue.metadata.name })
            : t('bg.retired', { green: green!.metadata.name });
  return (
    <fieldset className="blue-green" data-testid="actions.blueGreen">
      <legend>{t('bg.title')}</legend>
      <p className="muted" role="status" data-testid="bg.status">
        {status}
      </p>
      <div className="button-row">
        {stage === 'none' && (
          <label className="inline">
            <span className="sr-only">{t('bg.image')}</span>
            <select value={image} onChange={(e) => setImage(e.target.value)} aria-label={t('bg.image')}>
              {IMAGES.map((i) => (
                <option key={i}>{i}</option>
              ))}
            </select>
          </label>
        )}
        <ActionButton lines={create} disabled={stage !== 'none'} onRun={() => run(create())}>
          {t('actions.blueGreen')}
        </ActionButton>
        <ActionButton lines={switchTo} disabled={stage !== 'ready'} onRun={() => run(switchTo())}>
          {t('bg.switch')}
        </ActionButton>
        <ActionButton
          lines={switchBack}
          disabled={stage !== 'switched' || !bg.blueRunning}
          onRun={() => run(switchBack())}
        >
          {t('bg.switchBack')}
        </ActionButton>
        <ActionButton
          lines={retire}
          disabled={stage !== 'switched' || !bg.blueRunning}
          onRun={() => run(retire())}
        >
          {t('bg.retire', { name: blue.metadata.name })}
        </ActionButton>
      </div>
    </fieldset>
  );
}
