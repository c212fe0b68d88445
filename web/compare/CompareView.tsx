/**
 * The Compare view: 2–4 lanes of the same start updated different ways, side by side (stacked on
 * a narrow screen), on one clock. Each lane is the app's own Diagram inside a <LabProvider> of its
 * lane; one Play, Step and scrubber move them all; the timeline overlays them on one time axis;
 * the table measures them. It opens from the header ("Compare"), a lesson's stop, a `?compare=`
 * link or a comparison file, and goes back to the lab (or the lesson) it came from.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  COMPARISON_PRESETS,
  comparisonClock,
  loadExtensions,
  parseScenario,
  scenarioYaml,
  type LaneMetrics,
} from '../../src/index.ts';
import { langStore, useLang, useT, type Lang } from '../i18n/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { CompareRequest, Lab } from '../lab/lab.ts';
import { LabProvider } from '../lab/LabProvider.tsx';
import { copyText } from '../share/copy.ts';
import { exportFileName, loadCodec, type Problem } from '../share/link.ts';
import { Diagram } from '../diagram/Diagram.tsx';
import { useMedia } from '../layout/media.ts';
import { useReturnFocus } from '../layout/focus.ts';
import { CompareLab } from './compareLab.ts';
import { ComparePlayback } from './ComparePlayback.tsx';
import { CompareTable } from './CompareTable.tsx';
import { CompareTimeline } from './CompareTimeline.tsx';
import { CompareContext, useCompare, useCompareState, useCompareTextClock } from './context.ts';
import { LaneForm } from './LaneForm.tsx';
import { laneColumns, laneKey, laneTitle } from './lanes.ts';
import { compareUrl, DEFAULT_PRESET, openRequest, presetOpened } from './open.ts';
import { installCompareHook } from './testHook.ts';
import { ownsKey } from '../layout/keyboard.ts';
import './compare.css';
import '../i18n/features.ts';

export default function CompareView({ request }: { request: CompareRequest }) {
  const t = useT();
  useReturnFocus();
  const [opened, setOpened] = useState<{ cl: CompareLab; problem: Problem | undefined } | null>(null);
  useEffect(() => {
    let alive = true;
    let made: CompareLab | undefined;
    let uninstall = () => {};
    void (async () => {
      await loadExtensions();
      const o = await openRequest(request);
      if (!alive) return;
      let problem = o.problem;
      const freeze = import.meta.env.DEV;
      try {
        made = new CompareLab(o.scenario, { t: o.at, preset: o.preset, updates: o.updates, freeze });
      } catch (e) {
        const f = presetOpened(DEFAULT_PRESET)!;
        made = new CompareLab(f.scenario, { preset: f.preset, updates: f.updates, freeze });
        problem = {
          key: 'compare.problem.invalid',
          vars: { detail: e instanceof Error ? e.message : String(e) },
        };
      }
      if (o.presenting) made.setPresenting(true);
      if (o.lang === 'en' || o.lang === 'ko') {
        // For this page only, as a share link's language does.
        const lang: Lang = o.lang;
        langStore.setState({ lang });
        document.documentElement.lang = lang;
      }
      uninstall = installCompareHook(made);
      setOpened({ cl: made, problem });
    })();
    return () => {
      alive = false;
      uninstall();
      made?.dispose();
    };
  }, [request]);
  if (!opened)
    return (
      <div
        className="compare compare--loading"
        role="dialog"
        aria-modal="true"
        aria-label={t('compare.label')}
      >
        <p role="status">{t('compare.loading')}</p>
      </div>
    );
  return (
    <CompareContext.Provider value={opened.cl}>
      <CompareScreen initialProblem={opened.problem} />
    </CompareContext.Provider>
  );
}

/** Leaves the Compare view: back to the lab (or the lesson) underneath, without the link in the URL. */
function useClose(lab: Lab): () => void {
  return () => {
    try {
      const url = new URL(location.href);
      if (url.searchParams.has('compare')) {
        url.searchParams.delete('compare');
        history.replaceState(history.state, '', url.toString());
      }
    } catch {
      // An opaque-origin frame may refuse; the link just stays in the address.
    }
    if (document.fullscreenElement && !lab.store.getState().lesson.presenting)
      void document.exitFullscreen().catch(() => {});
    lab.closeCompare();
  };
}

function useKeys(close: () => void, lab: Lab) {
  const c = useCompare();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (ownsKey(e.target, e.key) && e.key !== 'Escape') return;
      const onControl = e.target instanceof HTMLElement && !!e.target.closest('button, [role="button"], a');
      const presenting = c.store.getState().presenting;
      let handled = true;
      switch (e.key) {
        case ' ':
          if (onControl) handled = false;
          else c.togglePlay();
          break;
        case 'ArrowRight':
        case 'PageDown':
          c.stepForward();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          c.stepBack();
          break;
        case 'p':
        case 'P':
          c.setPresenting(!presenting);
          break;
        case 'Escape':
          // Presenting a lesson underneath: back to it; otherwise out of presentation first.
          if (presenting && !lab.store.getState().lesson.presenting) c.setPresenting(false);
          else close();
          break;
        default:
          handled = false;
      }
      if (handled) {
        // Before the lab's own shortcuts (and a lesson's presentation) underneath see the key.
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [c, close, lab]);
}

function CompareScreen({ initialProblem }: { initialProblem: Problem | undefined }) {
  const t = useT();
  const lab = useLab();
  const c = useCompare();
  const close = useClose(lab);
  useKeys(close, lab);
  const presenting = useCompareState((s) => s.presenting);
  const loaded = useCompareState((s) => s.loaded);
  // Read from the lanes' scenarios once per comparison loaded (its labs are new), not at every render.
  const labs = c.labs;
  const columns = useMemo(() => laneColumns(labs.map((l) => l.run.scenario())), [labs]);
  const [problem, setProblem] = useState<Problem | undefined>(initialProblem);
  const [editing, setEditing] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.focus(), []);
  return (
    <div
      ref={root}
      className={presenting ? 'compare compare--present' : 'compare'}
      role="dialog"
      aria-modal="true"
      aria-label={t('compare.label')}
      tabIndex={-1}
      data-testid="compare.root"
    >
      <CompareBar close={close} editing={editing} setEditing={setEditing} onProblem={(p) => setProblem(p)} />
      {problem && (
        <p className="compare-problem" role="alert">
          {t(problem.key, problem.vars)}
          {problem.detail && <span className="muted"> ({problem.detail})</span>}{' '}
          <button type="button" onClick={() => setProblem(undefined)}>
            {t('compare.dismiss')}
          </button>
        </p>
      )}
      {editing && !presenting && <LaneForm onDone={() => setEditing(false)} />}
      <section
        className="compare-lanes"
        aria-label={t('compare.lanes')}
        data-lanes={c.labs.length}
        style={{ '--lane-columns': columns } as React.CSSProperties}
      >
        {c.labs.map((l, i) => (
          <Lane key={`${loaded}-${i}`} lab={l} i={i} />
        ))}
      </section>
      <div className="compare-bottom">
        <ComparePlayback />
        <div className="compare-results">
          <CompareTimeline />
          <CompareTable />
        </div>
        {!presenting && <p className="note">{t('compare.keys')}</p>}
      </div>
    </div>
  );
}

function CompareBar({
  close,
  editing,
  setEditing,
  onProblem,
}: {
  close: () => void;
  editing: boolean;
  setEditing: (on: boolean) => void;
  onProblem: (p: Problem | undefined) => void;
}) {
  const t = useT();
  const lang = useLang();
  const c = useCompare();
  const preset = useCompareState((s) => s.preset);
  const custom = useCompareState((s) => s.preset === null && s.updates !== null);
  const presenting = useCompareState((s) => s.presenting);
  const inLesson = useLabState((s) => s.lesson.id !== null);
  const file = useRef<HTMLInputElement>(null);
  const value = preset ?? (custom ? 'custom' : 'file');
  const choose = (id: string) => {
    const o = presetOpened(id);
    if (!o) return;
    setEditing(false);
    c.load(o.scenario, { preset: o.preset, updates: o.updates });
  };
  const exportFile = async () => {
    await loadExtensions();
    const s = c.comparison.scenario();
    download(exportFileName(s.metadata.name), scenarioYaml(s));
  };
  const importFile = async (f: File) => {
    try {
      await loadExtensions();
      const s = parseScenario(await f.text());
      if (!s.spec.variants) return onProblem({ key: 'compare.problem.file', vars: { file: f.name } });
      const o = await openRequest({ scenario: s });
      c.load(o.scenario, { preset: o.preset, updates: o.updates });
      onProblem(undefined);
    } catch (e) {
      onProblem({
        key: 'compare.problem.invalid',
        vars: { detail: e instanceof Error ? e.message : String(e) },
      });
    }
  };
  const present = () => {
    const on = !presenting;
    c.setPresenting(on);
    if (on && !document.fullscreenElement && typeof document.documentElement.requestFullscreen === 'function')
      document.documentElement.requestFullscreen().catch(() => {
        // Not allowed here (an iframe): presentation works in the window.
      });
  };
  return (
    <header className="compare-bar">
      <h2 className="compare-title">{t('compare.title')}</h2>
      <label className="inline">
        <span className={presenting ? 'sr-only' : undefined}>{t('compare.preset')}</span>
        <select value={value} onChange={(e) => choose(e.target.value)} data-testid="compare.preset">
          {COMPARISON_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title[lang]}
            </option>
          ))}
          {value === 'custom' && <option value="custom">{t('compare.custom')}</option>}
          {value === 'file' && <option value="file">{t('compare.fromFile')}</option>}
        </select>
      </label>
      {!presenting && (
        <>
          <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('compare.edit')}
          </button>
          <ShareLink />
          <button type="button" onClick={() => void exportFile()}>
            {t('compare.export')}
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            {t('compare.import')}
          </button>
          <input
            ref={file}
            type="file"
            hidden
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml"
            data-testid="compare.importFile"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importFile(f);
            }}
          />
        </>
      )}
      <span className="spacer" />
      <button type="button" aria-pressed={presenting} onClick={present}>
        {presenting ? t('compare.exitPresent') : t('compare.present')}
      </button>
      <button type="button" className="primary" onClick={close}>
        {inLesson ? t('compare.closeLesson') : t('compare.close')}
      </button>
    </header>
  );
}

/** "Copy link": the comparison, the moment shown and the view as `?compare=…`. */
function ShareLink() {
  const t = useT();
  const c = useCompare();
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const make = async () => {
    c.pause();
    const codec = await loadCodec();
    const s = c.store.getState();
    const encoded = codec.encodeShare({
      scenario: c.comparison.scenario(),
      at: c.comparison.now(),
      view: { lang: langStore.getState().lang, ...(s.presenting ? { present: true } : {}) },
    });
    const url = compareUrl(location.href, encoded);
    setLink({ url, copied: false });
    const outcome = await copyText(url, field.current);
    setLink({ url, copied: outcome === 'copied' });
  };
  return (
    <span className="compare-share">
      <button type="button" onClick={() => void make()}>
        {t('compare.copyLink')}
      </button>
      {link && (
        <span className="compare-link">
          <label>
            <span className="sr-only">{t('compare.copyThis')}</span>
            <input
              ref={field}
              readOnly
              value={link.url}
              data-testid="compare.link"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <span role="status" className="muted">
            {link.copied ? t('compare.copied') : t('compare.copyThis')}
          </span>
        </span>
      )}
    </span>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function laneStatus(
  m: LaneMetrics | undefined,
  end: number,
): { key: string; vars?: Record<string, string | number> } {
  if (!m || m.until < m.from) return { key: 'compare.laneStatus.waiting' };
  if (m.completeSeconds !== undefined)
    return { key: 'compare.laneStatus.done', vars: { n: m.completeSeconds } };
  if (m.until >= end - 1e-6) return { key: 'compare.laneStatus.stalled' };
  return { key: 'compare.laneStatus.updating' };
}

/** Where compare.css puts the lanes one under another (a phone, a narrow window). */
const LANES_STACKED = '(max-width: 900px)';

function Lane({ lab, i }: { lab: Lab; i: number }) {
  const t = useT();
  const lang = useLang();
  const c = useCompare();
  const clock = useCompareTextClock();
  const lane = useCompareState((s) => s.lanes[i]);
  const start = useCompareState((s) => s.start);
  const end = useCompareState((s) => s.end);
  const stacked = useMedia(LANES_STACKED);
  void clock;
  const status = laneStatus(c.comparison.metrics()[i], end);
  const title = lane ? laneTitle(lane, lang) : '';
  const id = `compare-lane-${i}`;
  return (
    <section className="compare-lane" aria-labelledby={id} data-testid={`compare.lane.${lane?.name ?? i}`}>
      <h3 id={id}>
        <span className="lane-badge" aria-hidden="true">
          {laneKey(i)}
        </span>{' '}
        {title}
        <span className={`lane-status lane-status--${status.key.split('.').pop()}`}>
          {t(status.key, { t: comparisonClock(start), ...status.vars })}
        </span>
      </h3>
      <div className="compare-diagram">
        <LabProvider lab={lab}>
          {/* Side by side, each lane's whole diagram fits its box. Stacked, a lane is as wide as
              the page: its diagram fits that width (words above the pods when narrow, as the lab's
              on a phone) and the page scrolls. */}
          <Diagram fit={stacked ? 'width' : 'whole'} />
        </LabProvider>
      </div>
    </section>
  );
}
