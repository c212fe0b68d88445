/**
 * A lab's follow state: the Connect dialog, the phase, errors, the address and namespace. The header
 * reads it at every paint; the session that changes it (session.ts, with the transport) loads when
 * the dialog first opens.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FollowRun, Follower } from '../../src/index.ts';
import type { Lab } from '../lab/lab.ts';

export type Phase = 'idle' | 'connecting' | 'following' | 'error';

export interface FollowUiState {
  dialogOpen: boolean;
  phase: Phase;
  /** Why connecting failed, or why following stopped: kubectl's or the API server's words. */
  error: string;
  /** Resources left out (an optional one this user may not read), with the server's message. */
  missing: { kind: string; message: string }[];
  /** A watch is being tried again (the connection dropped): the message of the last failure. */
  retrying: string;
  url: string;
  namespace: string;
}

export interface Session {
  abort: AbortController;
  follower?: Follower;
  run?: FollowRun;
  timer?: ReturnType<typeof setInterval>;
  unsubscribe?: () => void;
}

export interface Follow {
  store: StoreApi<FollowUiState>;
  session: Session | null;
}

const byLab = new WeakMap<Lab, Follow>();

/** Where a lab served from `kubectl proxy --www` (under /lab/) finds the API: its own origin. */
export function defaultUrl(): string {
  if (typeof location === 'undefined') return 'http://127.0.0.1:8001';
  return location.pathname.startsWith('/lab/') ? location.origin : 'http://127.0.0.1:8001';
}

export function followOf(lab: Lab): Follow {
  let f = byLab.get(lab);
  if (!f) {
    f = {
      store: createStore<FollowUiState>(() => ({
        dialogOpen: false,
        phase: 'idle',
        error: '',
        missing: [],
        retrying: '',
        url: defaultUrl(),
        namespace: 'default',
      })),
      session: null,
    };
    byLab.set(lab, f);
  }
  return f;
}

export const followStore = (lab: Lab): StoreApi<FollowUiState> => followOf(lab).store;

export function openConnect(lab: Lab): void {
  lab.pause();
  followOf(lab).store.setState({ dialogOpen: true, error: '' });
}
