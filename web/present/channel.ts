/**
 * Keeping windows of one presentation in step on the same computer, over
 * `BroadcastChannel('rollout-lab-present')`:
 *
 * - the presenting window (role main) posts its lesson state on every change and obeys commands;
 * - the presenter window (`?presenter=1`) shows that state and sends next/back/blank;
 * - audience windows (`?audience=1&lesson=…`) follow the state, read-only.
 *
 * A window that opens says `hello`, and the presenting window answers with its state.
 */
import { lessonFromScenario, type Scenario } from '../../src/index.ts';
import type { Lab } from '../lab/lab.ts';
import { CUSTOM_PREFIX, lessonById, registerLesson } from '../lessons/catalog.ts';
import { back, goToStop, next, presentNext, REVEALED, startLesson, toggleBlank } from '../lessons/store.ts';
import { classStore, snapshotOf, type ClassSnapshot } from '../classroom/store.ts';

const presenter = () => import('../classroom/presenter.ts');

export const CHANNEL = 'rollout-lab-present';

/** Opens the presenter view in a second window (it finds this window over the channel). */
export function openPresenterWindow(id: string): void {
  const url = `${window.location.pathname}?presenter=1&lesson=${encodeURIComponent(id)}`;
  window.open(url, 'rollout-lab-presenter', 'popup,width=1000,height=720');
}

export interface PresentState {
  id: string | null;
  stop: number;
  heading: number | null;
  blank: boolean;
  presenting: boolean;
  /** The question of `stop` is answered or its answer shown: predict mode hides nothing then. */
  answered: boolean;
  /** A teacher's lesson (`custom-…`) is known only to the window that opened it: it comes along. */
  scenario?: Scenario;
}

export type PresentMessage =
  | ({ type: 'state' } & PresentState)
  | { type: 'command'; cmd: 'next' | 'back' | 'blank' | 'goto' | 'reveal' | 'export'; stop?: number }
  /** A live class (`npm run classroom`) the presenting window holds the connection to. */
  | { type: 'class'; state: ClassSnapshot }
  | { type: 'hello' };

export function openChannel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
}

const stateOf = (lab: Lab): PresentState => {
  const s = lab.store.getState().lesson;
  return {
    id: s.id,
    stop: s.stop,
    heading: s.heading,
    blank: s.blank,
    presenting: s.presenting,
    answered: s.answers[s.stop] !== undefined,
  };
};

/** The state as posted: with the lesson's scenario when it is a teacher's own. */
function postedState(lab: Lab): PresentState {
  const state = stateOf(lab);
  const custom = state.id?.startsWith(CUSTOM_PREFIX) ? lessonById(state.id) : undefined;
  if (custom) state.scenario = custom.scenario as Scenario;
  return state;
}

/** A window that receives a teacher's lesson by its state makes it playable here too. */
export function learnLesson(m: PresentState): void {
  if (m.id?.startsWith(CUSTOM_PREFIX) && m.scenario && !lessonById(m.id))
    registerLesson(lessonFromScenario(m.scenario, m.id));
}

/** Wires this window's lab into the channel according to its role; returns the teardown. */
export function connectLessonWindow(lab: Lab): () => void {
  const ch = openChannel();
  if (!ch) return () => {};
  const lesson = () => lab.store.getState().lesson;
  const post = () => {
    if (lesson().role === 'main' && lesson().id !== null)
      ch.postMessage({ type: 'state', ...postedState(lab) } satisfies PresentMessage);
  };
  const postClass = () => {
    const c = classStore.getState();
    if (lesson().role === 'main' && c.role === 'presenter')
      ch.postMessage({ type: 'class', state: snapshotOf(c) } satisfies PresentMessage);
  };
  const unClass = classStore.subscribe(postClass);
  let last = JSON.stringify(stateOf(lab));
  const unsub = lab.store.subscribe(() => {
    const now = JSON.stringify(stateOf(lab));
    if (now !== last) {
      last = now;
      post();
    }
  });
  ch.onmessage = (e: MessageEvent<PresentMessage>) => {
    const m = e.data;
    const s = lesson();
    if (s.role === 'main') {
      if (m.type === 'hello') {
        post();
        postClass();
      }
      // Only a presenting window of a live class has loaded the class's code: elsewhere nothing to do.
      if (m.type === 'command' && m.cmd === 'reveal') void presenter().then((p) => p.toggleReveal());
      if (m.type === 'command' && m.cmd === 'export') void presenter().then((p) => p.exportAnswers());
      if (m.type !== 'command' || s.id === null) return;
      if (m.cmd === 'next') void presentNext(lab);
      else if (m.cmd === 'back') void back(lab);
      else if (m.cmd === 'blank') toggleBlank(lab);
      else if (m.cmd === 'goto' && m.stop !== undefined) void goToStop(lab, m.stop);
    } else if (m.type === 'state' && m.id !== null && m.presenting) {
      void follow(lab, m);
    }
  };
  if (lesson().role === 'audience') ch.postMessage({ type: 'hello' } satisfies PresentMessage);
  return () => {
    unsub();
    unClass();
    ch.close();
  };
}

/** An audience window catches up with the presenting window's state. */
async function follow(lab: Lab, m: PresentState): Promise<void> {
  const s = lab.store.getState().lesson;
  if (m.id === null) return;
  learnLesson(m);
  if (s.id !== m.id) await startLesson(lab, m.id, m.stop);
  const now = lab.store.getState().lesson;
  if (now.blank !== m.blank) lab.setLesson({ blank: m.blank });
  if (m.heading !== null) {
    if (now.heading !== m.heading) {
      if (now.stop !== m.heading - 1) await goToStop(lab, m.heading - 1);
      await next(lab);
    }
  } else {
    if (now.stop !== m.stop || now.heading !== null) await goToStop(lab, m.stop);
    // The presenting window showed the answer: so does this one (predict mode reveals with it).
    const { answers } = lab.store.getState().lesson;
    if (m.answered && answers[m.stop] === undefined)
      lab.setLesson({ answers: { ...answers, [m.stop]: REVEALED } });
  }
}
