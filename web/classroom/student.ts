/**
 * A student's side of a live class (`/join`): joins with the code and a nickname, then the lab
 * follows the presenter's moment (lesson, stop, time) and the student answers the stop's question.
 * The seat survives a lost connection: the server's id for this device is kept for the tab and
 * sent again when the socket comes back.
 */
import { normalizeCode, type ClassMoment } from '../../src/index.ts';
import type { Lab } from '../lab/lab.ts';
import { goToStop, next, setRole, startLesson } from '../lessons/store.ts';
import { ClassSocket, classroomUrl } from './socket.ts';
import { classStore, initialClass, setClass, tallyOf } from './store.ts';

const ID_KEY = 'rollout-lab.classroom.id';

let socket: ClassSocket | null = null;
let following: Promise<void> = Promise.resolve();

const session = {
  get: (k: string) => {
    try {
      return sessionStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k: string, v: string) => {
    try {
      sessionStorage.setItem(k, v);
    } catch {
      // The seat is then new after a reload.
    }
  },
};

/** Brings the lab to the presenter's moment (the latest one, when several came meanwhile). */
async function followMoment(lab: Lab): Promise<void> {
  const m = classStore.getState().moment;
  if (!m || m.lesson === null) return;
  const s = lab.store.getState().lesson;
  if (s.id !== m.lesson) await startLesson(lab, m.lesson, m.stop);
  const now = lab.store.getState().lesson;
  if (now.blank !== m.blank) lab.setLesson({ blank: m.blank });
  if (m.heading !== null) {
    if (now.heading !== m.heading) {
      if (now.stop !== m.heading - 1 || now.heading !== null) await goToStop(lab, m.heading - 1);
      await next(lab);
    }
    return;
  }
  if (now.stop !== m.stop || now.heading !== null) await goToStop(lab, m.stop);
  // The presenter paused elsewhere than the stop (explored the timeline): show that moment.
  if (Math.abs(lab.run.now() - m.at) > 1e-3) lab.seek(m.at);
}

const follow = (lab: Lab) => {
  following = following.then(() => followMoment(lab)).catch(() => undefined);
};

const sameQuestion = (a: ClassMoment | null, b: ClassMoment | null) =>
  a !== null && b !== null && a.lesson === b.lesson && a.stop === b.stop;

/** Joins (or tries again with another code or name); the lab follows from then on. */
export function joinClass(lab: Lab, code: string, name: string): void {
  socket?.close();
  setRole(lab, 'audience');
  setClass({ ...initialClass(), role: 'student', status: 'connecting', name: name.trim() });
  const current = new ClassSocket(classroomUrl(), {
    onOpen: () => {
      const resume = session.get(ID_KEY);
      current.send({ type: 'join', code: normalizeCode(code), name, ...(resume ? { resume } : {}) });
    },
    onMessage: (m) => {
      const s = classStore.getState();
      switch (m.type) {
        case 'welcome':
          if (m.role !== 'student') break;
          session.set(ID_KEY, m.id);
          setClass({
            joined: true,
            error: null,
            name: m.name,
            moment: m.moment,
            answer: m.answer,
            ...(sameQuestion(s.moment, m.moment) ? {} : { tally: null, revealed: false }),
          });
          follow(lab);
          break;
        case 'moment': {
          const { type: _type, ...moment } = m;
          const same = sameQuestion(s.moment, moment);
          setClass({ moment, ...(same ? {} : { answer: null, tally: null, revealed: false }) });
          follow(lab);
          break;
        }
        case 'accepted':
          if (s.moment?.lesson === m.lesson && s.moment.stop === m.stop)
            setClass({ answer: m.choice ?? m.value ?? null, error: null });
          break;
        case 'reveal': {
          if (s.moment?.lesson !== m.lesson || s.moment.stop !== m.stop) break;
          setClass({ revealed: m.show, tally: tallyOf(m) });
          break;
        }
        case 'error':
          setClass({ error: m.code });
          // Not admitted: the form comes back with the reason; nothing to reconnect to.
          if (!classStore.getState().joined && m.code !== 'too-many-attempts') {
            current.close();
            setClass({ status: 'ended' });
          }
          break;
        default:
          break;
      }
    },
    onEnded: (code) => setClass({ error: code, joined: false }),
  });
  socket = current;
  current.state.subscribe((st) => {
    if (socket === current) setClass({ status: st.status });
  });
}

/**
 * Sends the student's answer to the current question, a choice's index or the number typed (it
 * can change until the reveal).
 */
export function answerClass(given: number): boolean {
  const m = classStore.getState().moment;
  if (!socket || !m || m.lesson === null) return false;
  if (m.number) return socket.send({ type: 'answer', lesson: m.lesson, stop: m.stop, value: given });
  if (m.choices === 0) return false;
  return socket.send({ type: 'answer', lesson: m.lesson, stop: m.stop, choice: given });
}

/** Leaves the class; the page becomes the ordinary lab. */
export function leaveClass(): void {
  socket?.close();
  socket = null;
  setClass(initialClass());
}
