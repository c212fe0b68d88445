import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion';
import { lazy, Suspense, useEffect } from 'react';
import { useLab } from './lab/context.ts';
import { Opening } from './lab/Opening.tsx';
import type { Lab } from './lab/lab.ts';
import { setTheme, useTheme, type Theme } from './prefs.ts';
import { Actions } from './ui/Actions.tsx';
import { Diagram } from './ui/Diagram.tsx';
import { EventsPanel, WhyPanel } from './ui/Explain.tsx';
import { useUiField } from './ui/hooks.ts';
import { PlaybackBar } from './ui/PlaybackBar.tsx';
import { PodDetails } from './ui/PodDetails.tsx';
import { LanguageSwitch } from './ui/HeaderControls.tsx';
import { useT } from './i18n/index.ts';
import { useEmbed } from './share/hooks.ts';
import { ShareControls } from './share/ShareControls.tsx';
import { ShareLayer } from './share/ShareLayer.tsx';
import { ShareNotice } from './share/ShareNotice.tsx';
import { LessonHeader } from './lessons/LessonHeader.tsx';
import { LessonPanel } from './lessons/LessonPanel.tsx';

// The timeline (and d3-shape with it) arrives just after the first paint, like the console.
const Timeline = lazy(() => import('./ui/Timeline.tsx').then((m) => ({ default: m.Timeline })));
const Console = lazy(() => import('./ui/Console.tsx'));
const YamlEditor = lazy(() => import('./ui/YamlEditor.tsx'));
const PresenterView = lazy(() => import('./present/PresenterView.tsx'));
/** A presenter window (`?presenter=1`) shows notes and controls only (web/present). */
const PRESENTER = new URLSearchParams(window.location.search).get('presenter') === '1';

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    !!el.closest('.cm-editor'));

function useShortcuts(lab: Lab) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/' && !isTyping(e.target)) {
        e.preventDefault();
        document.getElementById('kubectl-input')?.focus();
        return;
      }
      if (isTyping(e.target)) return;
      const onControl = e.target instanceof HTMLElement && !!e.target.closest('button, [role="button"], a');
      if (e.key === ' ' && !onControl) {
        e.preventDefault();
        lab.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        lab.stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        lab.stepBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab]);
}

const THEMES: Theme[] = ['system', 'light', 'dark'];

export function App() {
  return PRESENTER ? (
    <Suspense fallback={null}>
      <PresenterView />
    </Suspense>
  ) : (
    <MainApp />
  );
}

function MainApp() {
  const lab = useLab();
  useShortcuts(lab);
  const theme = useTheme();
  const editorOpen = useUiField('editorOpen');
  const embed = useEmbed();
  const t = useT();
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        <div className={embed.embed ? 'app app--embed' : 'app'}>
          <header className="top">
            <h1>{t('app.title')}</h1>
            <span className="subtitle">{t('ui.subtitle')}</span>
            <div className="spacer" />
            {!embed.embed && <LessonHeader />}
            <ShareControls />
            <button type="button" onClick={() => lab.setEditorOpen(!editorOpen)} aria-pressed={editorOpen}>
              {t('ui.yamlEditor')}
            </button>
            <label className="inline">
              <span className="sr-only">{t('ui.theme')}</span>
              <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
                {THEMES.map((th) => (
                  <option key={th} value={th}>
                    {t(`ui.theme.${th}`)}
                  </option>
                ))}
              </select>
            </label>
            <LanguageSwitch />
            <ShareNotice />
            <Opening />
          </header>
          <main className="stage">
            <div className="diagram-wrap">
              <Diagram />
            </div>
            <div className="explain-row">
              <WhyPanel />
              {!embed.embed && <EventsPanel />}
            </div>
          </main>
          <aside className="side" aria-label={t('ui.controls')}>
            <LessonPanel />
            <PodDetails />
            <Actions />
            {(!embed.embed || embed.console) && (
              <Suspense fallback={<section className="panel console">{t('ui.loadingConsole')}</section>}>
                <Console />
              </Suspense>
            )}
          </aside>
          {editorOpen && (
            <div className="editor-wrap">
              <Suspense fallback={<section className="panel">{t('ui.loadingEditor')}</section>}>
                <YamlEditor />
              </Suspense>
            </div>
          )}
          <footer className="bottom">
            <PlaybackBar />
            <Suspense fallback={<figure className="timeline timeline-placeholder" aria-hidden="true" />}>
              <Timeline />
            </Suspense>
            <p className="note">{t('ui.note')}</p>
          </footer>
          <ShareLayer />
        </div>
      </MotionConfig>
    </LazyMotion>
  );
}
