/**
 * The presenter's side of a live class: the window opened at `?classroom=<token>` (the URL
 * `npm run classroom` prints) sends its moment (lesson, stop, time) whenever it changes, at most
 * ten times a second, and keeps the answers' tally for the presenter view. Reveal (key R) shows
 * the distribution to the room; Export downloads the session's answers as CSV.
 *
 * Without the server nothing changes: no token in the URL (`token.ts`), no socket, and this module
 * is not even loaded.
 */
import { isNumberQuestion, type ClassMoment } from '../../src/index.ts';
import type { Lab } from '../lab/lab.ts';
import { currentLesson, stopsOf } from '../lessons/store.ts';
import { ClassSocket, classroomUrl } from './socket.ts';
import { classStore, initialClass, setClass, tallyOf } from './store.ts';
import '../i18n/features.ts';

const MIN_INTERVAL_MS = 100;

let socket: ClassSocket | null = null;

/** The moment a lab shows, as students follow it. */
export function momentOf(lab: Lab): ClassMoment {
  const s = lab.store.getState().lesson;
  const lesson = currentLesson(s);
  const q = lesson && s.heading === null ? stopsOf(lesson)[s.stop]?.question : undefined;
  return {
    lesson: lesson ? lesson.id : null,
    stop: s.stop,
    heading: s.heading,
    at: Math.round(lab.run.now() * 1000) / 1000,
    blank: s.blank,
    choices: q && !isNumberQuestion(q) ? q.choices.length : 0,
    ...(q && isNumberQuestion(q) ? { number: true } : {}),
  };
}

/** Joins the class as its presenter and follows the lab; returns the teardown. */
export function connectPresenter(lab: Lab, token: string): () => void {
  setClass({ ...initialClass(), role: 'presenter', status: 'connecting' });
  /** The moment the server last got. */
  let sent: ClassMoment | null = null;
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sameStop = (a: ClassMoment, b: ClassMoment) =>
    a.lesson === b.lesson &&
    a.stop === b.stop &&
    a.heading === b.heading &&
    a.blank === b.blank &&
    a.choices === b.choices &&
    a.number === b.number;
  const questionKey = (m: ClassMoment) => `${m.lesson}#${m.stop}#${m.choices}#${m.number === true}`;
  let lastQuestion = '';

  const send = () => {
    timer = undefined;
    const m = momentOf(lab);
    if (!current.send({ type: 'moment', ...m })) return;
    sent = m;
    lastSent = performance.now();
  };
  const changed = (force = false) => {
    const m = momentOf(lab);
    const q = questionKey(m);
    if (q !== lastQuestion) {
      lastQuestion = q;
      // A new stop: its own tally (the server sends what was already answered).
      setClass({
        tally:
          m.lesson !== null && (m.choices > 0 || m.number === true)
            ? {
                lesson: m.lesson,
                stop: m.stop,
                counts: Array.from({ length: m.choices }, () => 0),
                ...(m.number ? { values: [] } : {}),
                answered: 0,
                students: classStore.getState().students,
              }
            : null,
        revealed: false,
      });
    }
    // While playing to the next stop, students play too: time alone is news only at a stop.
    const onlyTime = sent !== null && sameStop(sent, m);
    if (!force && onlyTime && (m.heading !== null || sent!.at === m.at)) return;
    // A new stop, heading or blank goes out at once; time moving (scrubbing) waits its turn.
    if (!onlyTime || force) {
      clearTimeout(timer);
      send();
      return;
    }
    if (timer !== undefined) return;
    const wait = Math.max(0, lastSent + MIN_INTERVAL_MS - performance.now());
    if (wait === 0) send();
    else timer = setTimeout(send, wait);
  };

  const current = new ClassSocket(classroomUrl(), {
    onOpen: () => {
      current.send({ type: 'host', token });
      sent = null;
      changed(true);
    },
    onMessage: (m) => {
      const s = classStore.getState();
      switch (m.type) {
        case 'welcome':
          if (m.role === 'presenter')
            setClass({ code: m.code, join: m.join, students: m.students, error: null });
          break;
        case 'roster':
          setClass({ students: m.students, tally: s.tally && { ...s.tally, students: m.students } });
          break;
        case 'answer':
        case 'tally':
        case 'reveal': {
          const now = momentOf(lab);
          if (m.lesson !== now.lesson || m.stop !== now.stop) break;
          setClass({
            tally: tallyOf(m),
            students: m.students,
            ...(m.type === 'reveal' ? { revealed: m.show } : {}),
          });
          break;
        }
        case 'csv':
          download(m.csv, `class-${s.code ?? 'answers'}.csv`);
          break;
        case 'error':
          setClass({ error: m.code });
          break;
        default:
          break;
      }
    },
    onEnded: (code) => setClass({ error: code }),
  });
  socket = current;
  const unStatus = current.state.subscribe((st) => setClass({ status: st.status }));
  const unLab = lab.store.subscribe(() => changed());
  return () => {
    clearTimeout(timer);
    unLab();
    unStatus();
    current.close();
    if (socket === current) socket = null;
    setClass(initialClass());
  };
}

/** Shows (or hides again) the current question's distribution to the room. */
export function toggleReveal(): void {
  const s = classStore.getState();
  if (s.role !== 'presenter' || !s.tally) return;
  socket?.send({ type: 'reveal', lesson: s.tally.lesson, stop: s.tally.stop, show: !s.revealed });
}

/** Asks the server for this session's answers; they arrive as a CSV download. */
export function exportAnswers(): void {
  socket?.send({ type: 'export' });
}

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
