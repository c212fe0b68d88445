/**
 * Presentation mode: full screen, high contrast, large type; only the diagram, the current
 * narration with the controllers' "why", and a small progress indicator. Clicker keys:
 * PageDown/→/Space next stop (at an open question, first its answer), PageUp/← back, B blanks
 * the screen, Esc leaves.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { explainLoaded, type LessonQuestion } from '../../src/index.ts';
import { useLab } from '../lab/context.ts';
import type { Lab } from '../lab/lab.ts';
import { useLang, useT } from '../i18n/index.ts';
import { text, useCurrentLesson, useLesson } from '../lessons/hooks.ts';
import { Question, Reveal } from '../lessons/parts.tsx';
import { openPresenterWindow } from './channel.ts';
import { back, presentNext, setPresenting, stopsOf, toggleBlank } from '../lessons/store.ts';
import { useHidden } from '../predict/hooks.ts';
import { Diagram } from '../diagram/Diagram.tsx';
import { Distribution } from '../classroom/Distribution.tsx';
import { ClassBadge } from '../classroom/ClassBadge.tsx';
import { toggleReveal } from '../classroom/presenter.ts';
import { classStore, useClass } from '../classroom/store.ts';
import { formatTime, useFrame } from '../ui/hooks.ts';
import { useReturnFocus } from '../layout/focus.ts';
import { modalOpen } from '../layout/keyboard.ts';
import { LessonCompareButton } from '../compare/LessonCompareButton.tsx';
import { Markdown, MarkdownInline } from '../text/Markdown.tsx';
import './present.css';
import '../i18n/features.ts';

function usePresentationKeys(lab: Lab) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = lab.store.getState().lesson;
      // A comparison opened from the lesson, or a dialog (the shortcuts), is over it and takes the keys.
      if (!s.presenting || lab.store.getState().ui.compare || modalOpen()) return;
      const readOnly = s.role === 'audience';
      let handled = true;
      switch (e.key) {
        case 'PageDown':
        case 'ArrowRight':
        case ' ':
          if (!readOnly) void presentNext(lab);
          break;
        case 'PageUp':
        case 'ArrowLeft':
          if (!readOnly) void back(lab);
          break;
        case 'b':
        case 'B':
          if (!readOnly) toggleBlank(lab);
          break;
        case 'Escape':
          if (!readOnly) setPresenting(lab, false);
          break;
        case 'r':
        case 'R':
          // A live class: show (or hide) how the students answered.
          if (readOnly || classStore.getState().role !== 'presenter') handled = false;
          else toggleReveal();
          break;
        default:
          handled = false;
      }
      if (handled) {
        // Before the app's own shortcuts (Space plays, arrows step) see the key.
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lab]);
}

function useFullscreen(lab: Lab, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const el = document.documentElement;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) setPresenting(lab, false);
    };
    document.addEventListener('fullscreenchange', onChange);
    if (!document.fullscreenElement && typeof el.requestFullscreen === 'function')
      el.requestFullscreen().catch(() => {
        // Not allowed here (no user gesture, an iframe): presentation works in the window.
      });
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, [lab, enabled]);
}

/** The newest Deployment controller decision up to now, as one sentence. */
function WhyLine() {
  const lang = useLang();
  const ds = useFrame().decisions;
  // Predict mode: the reasons carry the arithmetic an open question asks for.
  const hidden = useHidden('why');
  let d;
  for (let i = ds.length - 1; i >= 0; i--)
    if (ds[i]!.controller === 'deployment-controller' || ds[i]!.code === 'schedule.failed') {
      d = ds[i];
      break;
    }
  if (!d || hidden) return null;
  // When it was decided: the newest decision may be a stop or two old, not about what is said now.
  return (
    <p className="present-why" data-testid="present.why">
      <span className="present-why-at">{formatTime(d.t)} · </span>
      {explainLoaded(d, lang)}
    </p>
  );
}

/** In a live class: how many answered, and once revealed (R), how. */
function ClassAnswers({ q }: { q: LessonQuestion }) {
  const t = useT();
  const role = useClass((c) => c.role);
  const tally = useClass((c) => c.tally);
  const revealed = useClass((c) => c.revealed);
  if (role !== 'presenter' || !tally) return null;
  return revealed ? (
    <Distribution q={q} tally={tally} showAnswer />
  ) : (
    <p className="present-why" data-testid="present.answered">
      {t('class.answered', { n: tally.answered, total: tally.students })}
    </p>
  );
}

/** The smallest the stop's text is set, as a share of the presentation's type. */
const MIN_FIT = 0.76;

/**
 * The stop's text takes at most its box (38vh) and the room cannot scroll it: a longer text (the
 * last stop's answer, a question with its choices, the controllers' line) is set smaller, in steps
 * of 6% down to MIN_FIT, rather than cut off at the foot. Measured again whenever the text or the
 * box changes size.
 */
function useFittedText() {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    const inner = el?.firstElementChild;
    if (!el || !inner) return;
    const fit = () => {
      let f = 1;
      el.style.setProperty('--fit', '1');
      while (el.scrollHeight > el.clientHeight + 1 && f > MIN_FIT) {
        f = Math.max(MIN_FIT, Math.round((f - 0.06) * 100) / 100);
        el.style.setProperty('--fit', String(f));
      }
    };
    fit();
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    ro.observe(inner);
    return () => ro.disconnect();
  }, []);
  return box;
}

export default function Presentation() {
  const t = useT();
  const lang = useLang();
  const s = useLesson();
  const lesson = useCurrentLesson();
  const root = useRef<HTMLDivElement>(null);
  const textBox = useFittedText();
  const lab = useLab();
  usePresentationKeys(lab);
  // A dialog over the whole app: Tab stays in it, and leaving it returns to where the focus was.
  useReturnFocus({ inertApp: true });
  useFullscreen(lab, s.role === 'main');
  useEffect(() => root.current?.focus(), []);
  if (!lesson) return null;
  const stops = stopsOf(lesson);
  const k = s.stop;
  const stop = stops[k]!;
  const playing = s.heading !== null;
  const q = stop.question;
  const answered = s.answers[k] !== undefined;
  return (
    <div
      ref={root}
      className="present"
      role="dialog"
      aria-modal="true"
      aria-label={t('present.label')}
      tabIndex={-1}
      data-testid="present.root"
    >
      <div className="present-stage">
        <Diagram fit="fill" />
      </div>
      <div className="present-text" ref={textBox}>
        <div className="present-text-lines">
          {k > 0 && !playing && <Reveal lesson={lesson} k={k - 1} compact />}
          <div className="present-say" data-testid="present.say">
            <Markdown text={text(stop.say, lang)} />
          </div>
          {q && !playing && !answered && <Question q={q} />}
          {q && !playing && !answered && s.role === 'main' && (
            <p className="present-hint" data-testid="present.revealHint">
              {t('predict.presentReveal')}
            </p>
          )}
          {q && answered && !playing && <Reveal lesson={lesson} k={k} compact />}
          {q && !playing && <ClassAnswers q={q} />}
          {(!q || answered) && <WhyLine />}
          {stop.compare && !playing && s.role === 'main' && (
            <p className="lesson-compare">
              <LessonCompareButton preset={stop.compare} className="primary" />
            </p>
          )}
        </div>
      </div>
      <footer className="present-foot">
        <span className="present-title">
          <MarkdownInline text={text(lesson.title, lang)} />
        </span>
        <ClassBadge />
        <span className="present-dots" aria-hidden="true">
          {stops.map((_, i) => (
            <span key={i} className={i < k ? 'done' : i === k ? 'now' : ''} />
          ))}
        </span>
        <span data-testid="present.progress">{t('present.progress', { n: k + 1, total: stops.length })}</span>
        {s.role === 'main' ? (
          <span className="present-chrome">
            <button type="button" onClick={() => openPresenterWindow(lesson.id)}>
              {t('present.presenterView')}
            </button>
            <button type="button" onClick={() => setPresenting(lab, false)}>
              {t('present.exit')}
            </button>
          </span>
        ) : (
          <span className="present-chrome">{t('present.audience')}</span>
        )}
      </footer>
      {s.blank && (
        <div className="present-blank" role="status" data-testid="present.blank">
          <span className="sr-only">{t('present.blanked')}</span>
        </div>
      )}
    </div>
  );
}
