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
import { lessonStore, back, goToStop, next, startLesson, toggleBlank } from '../lessons/store.ts';

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
}

export type PresentMessage =
  | ({ type: 'state' } & PresentState)
  | { type: 'command'; cmd: 'next' | 'back' | 'blank' | 'goto'; stop?: number }
  | { type: 'hello' };

export function openChannel(): BroadcastChannel | undefined {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
}

const stateOf = (): PresentState => {
  const s = lessonStore.getState();
  return { id: s.id, stop: s.stop, heading: s.heading, blank: s.blank, presenting: s.presenting };
};

/** Wires this window into the channel according to its role; returns the teardown. */
export function connectLessonWindow(): () => void {
  const ch = openChannel();
  if (!ch) return () => {};
  const post = () => {
    if (lessonStore.getState().role === 'main' && lessonStore.getState().id !== null)
      ch.postMessage({ type: 'state', ...stateOf() } satisfies PresentMessage);
  };
  let last = JSON.stringify(stateOf());
  const unsub = lessonStore.subscribe(() => {
    const now = JSON.stringify(stateOf());
    if (now !== last) {
      last = now;
      post();
    }
  });
  ch.onmessage = (e: MessageEvent<PresentMessage>) => {
    const m = e.data;
    const s = lessonStore.getState();
    if (s.role === 'main') {
      if (m.type === 'hello') post();
      if (m.type !== 'command' || s.id === null) return;
      if (m.cmd === 'next') void next();
      else if (m.cmd === 'back') void back();
      else if (m.cmd === 'blank') toggleBlank();
      else if (m.cmd === 'goto' && m.stop !== undefined) void goToStop(m.stop);
    } else if (m.type === 'state' && m.id !== null && m.presenting) {
      void follow(m);
    }
  };
  if (lessonStore.getState().role === 'audience') ch.postMessage({ type: 'hello' } satisfies PresentMessage);
  return () => {
    unsub();
    ch.close();
  };
}

/** An audience window catches up with the presenting window's state. */
async function follow(m: PresentState): Promise<void> {
  const s = lessonStore.getState();
  if (m.id === null) return;
  if (s.id !== m.id) await startLesson(m.id, m.stop);
  const now = lessonStore.getState();
  if (now.blank !== m.blank) lessonStore.setState({ blank: m.blank });
  if (m.heading !== null) {
    if (now.heading !== m.heading) {
      if (now.stop !== m.heading - 1) await goToStop(m.heading - 1);
      await next();
    }
  } else if (now.stop !== m.stop || now.heading !== null) await goToStop(m.stop);
}
