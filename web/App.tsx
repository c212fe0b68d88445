import { Suspense, useCallback, useEffect, useLayoutEffect, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useLab } from './lab/context.ts';
import { Opening } from './lab/Opening.tsx';
import { setTheme, useTheme, type Theme } from './prefs.ts';
import { Actions } from './ui/Actions.tsx';
import { TimelinePlaceholder } from './ui/TimelineFrame.tsx';
import { ConsolePlaceholder } from './ui/ConsoleFrame.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { EventsPanel, WhyPanel } from './ui/Explain.tsx';
import { useUiField } from './ui/hooks.ts';
import { PlaybackBar } from './ui/PlaybackBar.tsx';
import { LanguageSwitch } from './ui/HeaderControls.tsx';
import { useT } from './i18n/index.ts';
import { useEmbed } from './share/hooks.ts';
import { ShareControls } from './share/ShareControls.tsx';
import { ShareLayer } from './share/ShareLayer.tsx';
import { HoldingBar, ShareNotice } from './share/ShareNotice.tsx';
import { LessonHeader } from './lessons/LessonHeader.tsx';
import { useCurrentLesson, useLesson } from './lessons/hooks.ts';
import { ActionsMenu } from './layout/ActionsMenu.tsx';
import { FontSizeControl } from './layout/FontSizeControl.tsx';
import { useShortcuts } from './layout/keyboard.ts';
import { STACKED, useMedia } from './layout/media.ts';
import { usePrefs } from './layout/prefs.ts';
import { HeaderMore } from './layout/HeaderMore.tsx';
import { SkipLinks } from './layout/SkipLinks.tsx';
import { Splitter } from './layout/Splitter.tsx';
import { lazyPart } from './ui/lazyPart.tsx';
import './layout/layout.css';
import { CompareButton, CompareLayer } from './compare/CompareEntry.tsx';
import { presenterToken } from './classroom/token.ts';
import { ClassBadge } from './classroom/ClassBadge.tsx';
import type { Lab } from './lab/lab.ts';
import { ConnectDialog, FollowControls, FollowNotice } from './follow/Follow.tsx';
import { useBuilderOpen } from './builder/open.ts';

// The timeline (and d3-shape with it) arrives just after the first paint, like the console.
const Timeline = lazyPart(() => import('./ui/Timeline.tsx').then((m) => ({ default: m.Timeline })));
const Console = lazyPart(() => import('./ui/Console.tsx'));
const YamlEditor = lazyPart(() => import('./ui/YamlEditor.tsx'));
const PresenterView = lazyPart(() => import('./present/PresenterView.tsx'));
const Builder = lazyPart(() => import('./builder/Builder.tsx'));
/** A pod's details: once one is chosen. */
const PodDetails = lazyPart(() => import('./ui/PodDetails.tsx').then((m) => ({ default: m.PodDetails })));
// Below the console, out of the first screen: loaded after the first paint.
const Faults = lazyPart(() => import('./ui/Faults.tsx').then((m) => ({ default: m.Faults })));
/** The lesson player: only while a lesson is on (its empty panel holds the column meanwhile). */
const LessonPanel = lazyPart(() =>
  import('./lessons/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })),
);
/** The `?` sheet: only when asked for. */
const ShortcutSheet = lazyPart(() =>
  import('./layout/ShortcutSheet.tsx').then((m) => ({ default: m.ShortcutSheet })),
);
const StudentView = lazyPart(() => import('./classroom/StudentView.tsx'));
/** A presenter window (`?presenter=1`) shows notes and controls only (web/present). */
const PRESENTER = new URLSearchParams(window.location.search).get('presenter') === '1';
/** A student's page in a live class (`/join`, served by `npm run classroom`; web/classroom). */
const STUDENT =
  window.location.pathname === '/join' || new URLSearchParams(window.location.search).has('join');

/** The presenting window of a live class: opened with the server's `?classroom=<token>` link. */
function useClassroomPresenter(lab: Lab) {
  useEffect(() => {
    const token = presenterToken();
    if (!token) return;
    // The class's code loads only for a presenting window.
    let stop: (() => void) | undefined;
    let gone = false;
    void import('./classroom/presenter.ts').then((m) => {
      if (!gone) stop = m.connectPresenter(lab, token);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [lab]);
}

const THEMES: Theme[] = ['system', 'light', 'dark'];

export function App() {
  const [student, setStudent] = useState(STUDENT);
  useEffect(() => {
    if (!student) return;
    // Leaving the class turns the page into the lab, which must work even when the server is gone:
    // the lab's parts that load on demand come now.
    for (const part of [
      import('./ui/Timeline.tsx'),
      import('./ui/Console.tsx'),
      import('./ui/PodDetails.tsx'),
      import('./ui/Faults.tsx'),
      import('./diagram/NodesLayer.tsx'),
      import('./lessons/LessonPicker.tsx'),
      import('./lessons/LessonPanel.tsx'),
      import('./lessons/progress.ts'),
      import('./share/ShareDialog.tsx'),
      import('./share/ConfirmDialog.tsx'),
      import('./share/DiscardDialog.tsx'),
    ])
      void part.catch(() => undefined);
  }, [student]);
  if (student)
    return (
      <Suspense fallback={null}>
        <StudentView onLeave={() => setStudent(false)} />
      </Suspense>
    );
  return PRESENTER ? (
    <Suspense fallback={null}>
      <PresenterView />
    </Suspense>
  ) : (
    <MainApp />
  );
}

/** The reader's text size (A−/A+) as the root font size, which every stylesheet counts in rem. */
function useFontScale() {
  const scale = usePrefs('fontScale');
  useLayoutEffect(() => {
    document.documentElement.style.setProperty('--font-scale', String(scale));
  }, [scale]);
}

function MainApp() {
  const [sheet, setSheet] = useState(false);
  const openSheet = useCallback(() => setSheet(true), []);
  const lab = useLab();
  useShortcuts(lab, openSheet);
  useClassroomPresenter(lab);
  useFontScale();
  const theme = useTheme();
  const editorOpen = useUiField('editorOpen');
  const selectedPod = useUiField('selectedPod');
  const embed = useEmbed();
  const stacked = useMedia(STACKED);
  const sideWidth = usePrefs('sideWidth');
  const lesson = useCurrentLesson();
  const { presenting } = useLesson();
  const building = useBuilderOpen();
  // The builder takes the side column: its stop forms say what the lesson panel would.
  const lessonOn = !!lesson && !presenting && !building;
  const t = useT();
  // Two columns: the notice of a link (or a file) goes over the diagram, which fits itself into what
  // is left, rather than across the top, which the side column could not spare at 1280×720.
  const noticeInStage = !stacked && !embed.embed;
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  const showConsole = !embed.embed || embed.console;
  const consolePanel = showConsole && (
    <Suspense fallback={<ConsolePlaceholder />}>
      <Console />
    </Suspense>
  );
  const transport = (
    <section className="bottom" id="playback" aria-label={t('playback.label')}>
      <PlaybackBar />
      <Suspense fallback={<TimelinePlaceholder />}>
        <Timeline />
      </Suspense>
      <p className="note">{t('ui.note')}</p>
    </section>
  );
  const header = (
    <header className="top">
      <h1>{t('app.title')}</h1>
      <span className="subtitle" title={t('ui.subtitle')}>
        {t('ui.subtitle')}
      </span>
      <div className="spacer" />
      {!embed.embed && <LessonHeader />}
      {!embed.embed && <CompareButton />}
      {!embed.embed && <FollowControls />}
      {embed.embed && (
        <span className="embed-actions">
          <ActionsMenu />
        </span>
      )}
      <ShareControls />
      <HeaderMore>
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
        <FontSizeControl />
        <LanguageSwitch />
        <ClassBadge />
        <button
          type="button"
          className="keys-button"
          onClick={openSheet}
          aria-keyshortcuts="Shift+?"
          aria-label={t('keys.title')}
          title={`${t('keys.title')} (?)`}
        >
          ?
        </button>
      </HeaderMore>
      {!noticeInStage && <ShareNotice />}
      <Opening />
      <FollowNotice />
    </header>
  );
  return (
    <>
      {embed.embed ? (
        <div className="app app--embed">
          <SkipLinks lesson={false} actions console={embed.console} />
          <div className="embed-screen">
            {header}
            <main className="stage" tabIndex={-1}>
              <div className="diagram-wrap">
                <Diagram fit="contain" />
              </div>
            </main>
            {transport}
          </div>
          <div className="embed-more">
            <WhyPanel />
            {consolePanel}
          </div>
          <ShareLayer />
        </div>
      ) : (
        <div
          className={`app${lessonOn ? ' app--lesson' : ''}`}
          style={sideWidth === null ? undefined : ({ '--side-w': `${sideWidth}px` } as CSSProperties)}
        >
          <SkipLinks lesson={lessonOn} actions console />
          {header}
          {lessonOn && (
            <Suspense fallback={<section className="panel lesson-panel" aria-busy="true" />}>
              <LessonPanel />
            </Suspense>
          )}
          <main className="stage" tabIndex={-1}>
            {noticeInStage && <ShareNotice />}
            {noticeInStage && <HoldingBar />}
            <div className="diagram-wrap">
              <Diagram fit={stacked ? 'width' : 'contain'} />
            </div>
            <EventsPanel />
          </main>
          {!stacked && <Splitter />}
          <aside className={building ? 'side side--building' : 'side'} aria-label={t('ui.controls')}>
            {building && (
              <Suspense fallback={null}>
                <Builder />
              </Suspense>
            )}
            {selectedPod && (
              <Suspense fallback={null}>
                {/* One per pod: closed, it gives the focus back to the pod that opened it. */}
                <PodDetails key={selectedPod} />
              </Suspense>
            )}
            {/* The column's height: the console takes what the actions and the why leave, and
                Faults scroll in under it rather than squeeze it to its least. */}
            <div className="side-main">
              <Actions />
              <WhyPanel />
              <Suspense fallback={showConsole ? <ConsolePlaceholder /> : null}>
                {showConsole && <Console />}
              </Suspense>
            </div>
            <Suspense fallback={null}>
              <Faults />
            </Suspense>
          </aside>
          {editorOpen && (
            <div className="editor-wrap">
              <Suspense fallback={<section className="panel">{t('ui.loadingEditor')}</section>}>
                <YamlEditor />
              </Suspense>
            </div>
          )}
          {transport}
          <ShareLayer />
          <CompareLayer />
          <ConnectDialog />
        </div>
      )}
      {/* Outside the app, which is inert while presenting: `?` lists the keys above the presentation too. */}
      {sheet &&
        createPortal(
          <Suspense fallback={null}>
            <ShortcutSheet onClose={() => setSheet(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
