import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion';
import { lazy, Suspense, useEffect } from 'react';
import { setEditorOpen, setTheme, stepBack, stepForward, togglePlay, type Theme } from './store/app.ts';
import { Actions } from './ui/Actions.tsx';
import { Diagram } from './ui/Diagram.tsx';
import { EventsPanel, WhyPanel } from './ui/Explain.tsx';
import { useUi, useUiField } from './ui/hooks.ts';
import { PlaybackBar } from './ui/PlaybackBar.tsx';
import { PodDetails } from './ui/PodDetails.tsx';
import { Timeline } from './ui/Timeline.tsx';

const Console = lazy(() => import('./ui/Console.tsx'));
const YamlEditor = lazy(() => import('./ui/YamlEditor.tsx'));

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
    !!el.closest('.cm-editor'));

function useShortcuts() {
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
        togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        stepBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

const THEMES: Theme[] = ['system', 'light', 'dark'];

export function App() {
  useShortcuts();
  const { theme } = useUi();
  const editorOpen = useUiField('editorOpen');
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion="user">
        <div className="app">
          <header className="top">
            <h1>Rollout Lab</h1>
            <span className="subtitle">
              kubia: a Deployment behind a Service · simulated cluster, 3 nodes
            </span>
            <div className="spacer" />
            <button type="button" onClick={() => setEditorOpen(!editorOpen)} aria-pressed={editorOpen}>
              YAML editor
            </button>
            <label className="inline">
              Theme
              <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
                {THEMES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          </header>
          <main className="stage">
            <div className="diagram-wrap">
              <Diagram />
            </div>
            <WhyPanel />
          </main>
          <aside className="side" aria-label="Controls">
            <PodDetails />
            <Actions />
            <Suspense fallback={<section className="panel console">Loading console…</section>}>
              <Console />
            </Suspense>
            <EventsPanel />
          </aside>
          {editorOpen && (
            <div className="editor-wrap">
              <Suspense fallback={<section className="panel">Loading editor…</section>}>
                <YamlEditor />
              </Suspense>
            </div>
          )}
          <footer className="bottom">
            <PlaybackBar />
            <Timeline />
            <p className="note">
              Simulated cluster: timings and controllers follow Kubernetes. Keys: Space play/pause · ←/→ step
              · / console.
            </p>
          </footer>
        </div>
      </MotionConfig>
    </LazyMotion>
  );
}
