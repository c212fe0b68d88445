/**
 * This page's place in a live class (`npm run classroom`), as a vanilla store: the presenter's
 * window (`?classroom=<token>`) and a student's (`/join`) each hold one connection. Like the theme
 * (prefs.ts), it belongs to the page, not to a lab.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ClassErrorCode, ClassMoment, ClassTally } from '../../src/index.ts';
import type { SocketStatus } from './socket.ts';

export interface ClassState {
  role: 'presenter' | 'student' | null;
  status: SocketStatus;
  /** The last refusal or why the class ended for this page. */
  error: ClassErrorCode | null;
  /** The join code (the presenter shows it). */
  code: string | null;
  /** Where students join (the server's address on the room's network). */
  join: string | null;
  students: number;
  /** Answers to the question at the current moment (the presenter's, live; a student's, once revealed). */
  tally: ClassTally | null;
  revealed: boolean;
  // A student's side:
  joined: boolean;
  name: string;
  moment: ClassMoment | null;
  /** The answer the server accepted for the current question: a choice's index, or the number. */
  answer: number | null;
}

export const initialClass = (): ClassState => ({
  role: null,
  status: 'ended',
  error: null,
  code: null,
  join: null,
  students: 0,
  tally: null,
  revealed: false,
  joined: false,
  name: '',
  moment: null,
  answer: null,
});

/** The tally a server message carries, without the message's own fields. */
export const tallyOf = ({ lesson, stop, counts, values, answered, students }: ClassTally): ClassTally => ({
  lesson,
  stop,
  counts,
  ...(values ? { values } : {}),
  answered,
  students,
});

export const classStore = createStore<ClassState>(initialClass);

export const setClass = (patch: Partial<ClassState>) => classStore.setState(patch);
export const useClass = <T>(selector: (s: ClassState) => T): T => useStore(classStore, selector);

/** What the presenter view (another window) needs of the class. */
export type ClassSnapshot = Pick<
  ClassState,
  'status' | 'error' | 'code' | 'join' | 'students' | 'tally' | 'revealed'
>;

export const snapshotOf = (s: ClassState): ClassSnapshot => ({
  status: s.status,
  error: s.error,
  code: s.code,
  join: s.join,
  students: s.students,
  tally: s.tally,
  revealed: s.revealed,
});
