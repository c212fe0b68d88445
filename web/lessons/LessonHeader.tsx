/**
 * The header's entry points: "Lessons" (the picker) and "Present" (or key P). Also boots a lesson
 * from the URL (`?lesson=rolling-update&stop=3`, `?audience=1&lesson=…`, `&handout=1` opens its
 * handout), shows the handout when asked for, and joins the presentation channel.
 */
import { Suspense, useEffect } from 'react';
import { createPortal } from 'react-dom';
import { lessonById, loadLessons } from './catalog.ts';
import { useT } from '../i18n/index.ts';
import { loadExtensions } from '../../src/index.ts';
import { useLab, useLabState } from '../lab/context.ts';
import type { Lab } from '../lab/lab.ts';
import { PredictToggle } from '../predict/parts.tsx';
import { useLesson } from './hooks.ts';
import {
  currentLesson,
  enterPresentation,
  openPicker,
  setHandout,
  setPresenting,
  setRole,
  startLesson,
} from './store.ts';
import { lazyPart } from '../ui/lazyPart.tsx';
import { inDialog, isTyping, modalOpen } from '../layout/keyboard.ts';
import { showNotice } from '../share/store.ts';
import './lessons.css';

const Presentation = lazyPart(() => import('../present/Presentation.tsx'));
/** The picker (a modal dialog) loads when it is first opened. */
const LessonPicker = lazyPart(() => import('./LessonPicker.tsx').then((m) => ({ default: m.LessonPicker })));
/** The printable handout (web/handout): only when asked for. */
const Handout = lazyPart(() => import('../handout/Handout.tsx'));

function useLessonBoot(lab: Lab) {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.get('audience') === '1') setRole(lab, 'audience');
    const id = params.get('lesson');
    if (id) {
      const stop = Number(params.get('stop') ?? '1') - 1;
      // After the share boot has restored any saved work (it loads YAML too), so the lesson wins.
      void Promise.all([loadExtensions(), loadLessons()])
        .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
        .then(() => {
          if (!lessonById(id)) {
            showNotice({
              tone: 'error',
              problem: { key: 'share.problem.noLesson', vars: { id } },
              kept: 'share.kept.pickLesson',
              actions: [],
            });
            throw new Error(`no lesson ${id}`);
          }
        })
        .then(() => startLesson(lab, id, Number.isFinite(stop) ? stop : 0))
        .then(() => {
          if (params.get('audience') === '1' || params.get('present') === '1') setPresenting(lab, true);
          else if (params.get('handout') === '1') setHandout(lab, true);
        })
        .catch(() => undefined);
    }
    // Progress is kept from the first stop reached (its code loads with the lessons, just after).
    let untrack: (() => void) | undefined;
    let gone = false;
    void import('./progress.ts').then((m) => {
      if (!gone) untrack = m.trackProgress(lab, lessonById);
    });
    // The channel to a presenter's or audience's window: they are opened later, by hand, and say
    // hello when they open, so it too loads just after the first paint.
    let disconnect: (() => void) | undefined;
    void import('../present/channel.ts').then((m) => {
      if (!gone) disconnect = m.connectLessonWindow(lab);
    });
    return () => {
      gone = true;
      untrack?.();
      disconnect?.();
    };
  }, [lab]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // A dialog's keys are its own: P there must not present underneath it.
      if (inDialog(e.target) || modalOpen()) return;
      if ((e.key === 'p' || e.key === 'P') && !lab.store.getState().lesson.presenting) {
        e.preventDefault();
        enterPresentation(lab);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lab]);
}

export function LessonHeader() {
  const t = useT();
  const lab = useLab();
  useLessonBoot(lab);
  const s = useLesson();
  const lesson = currentLesson(s);
  // A lesson plays its own scenario: not while following a cluster (web/follow).
  const following = useLabState((st) => st.ui.following !== null);
  return (
    <>
      <button
        type="button"
        onClick={() => openPicker(lab)}
        aria-haspopup="dialog"
        data-testid="lessons.open"
        disabled={following}
        title={following ? t('follow.readOnlyShort') : undefined}
      >
        {t('lessons.button')}
      </button>
      <button
        type="button"
        onClick={() => enterPresentation(lab)}
        disabled={following}
        title={following ? t('follow.readOnlyShort') : t('lessons.presentHint')}
        data-testid="present.enter"
      >
        {t('lessons.present')}
      </button>
      {/* Lessons always predict; elsewhere it is a choice. */}
      {s.id === null && <PredictToggle />}
      {s.loading && (
        <span className="muted" role="status">
          {t('lessons.loading')}
        </span>
      )}
      {s.pickerOpen && (
        <Suspense fallback={null}>
          <LessonPicker />
        </Suspense>
      )}
      {s.presenting &&
        createPortal(
          <Suspense fallback={null}>
            <Presentation />
          </Suspense>,
          document.body,
        )}
      {s.handout &&
        lesson &&
        !s.presenting &&
        createPortal(
          <Suspense fallback={null}>
            <Handout lesson={lesson} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
