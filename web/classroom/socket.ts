/**
 * One WebSocket to the classroom server (`npm run classroom`) that comes back by itself: after a
 * lost connection it retries (0.5 s, 1 s, 2 s … up to 5 s) and says hello again (`onOpen`), until
 * closed here or told it was replaced. Its status is a small vanilla store the views read.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClassErrorCode, ClientMessage, ServerMessage } from '../../src/index.ts';

export type SocketStatus = 'connecting' | 'open' | 'lost' | 'ended';

export interface SocketState {
  status: SocketStatus;
  /** Reconnection attempts since the connection was lost. */
  attempts: number;
}

/** Close codes of src/server/classroom.ts after which coming back would be wrong. */
const FINAL: Record<number, ClassErrorCode> = { 4001: 'replaced', 4002: 'too-many-attempts' };

export function classroomUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/classroom`;
}

export class ClassSocket {
  readonly state: StoreApi<SocketState> = createStore<SocketState>(() => ({
    status: 'connecting',
    attempts: 0,
  }));
  private ws: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly handlers: {
      onOpen: () => void;
      onMessage: (m: ServerMessage) => void;
      onEnded?: (code: ClassErrorCode) => void;
    },
  ) {
    this.open();
  }

  private open(): void {
    if (this.closed) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.retry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.state.setState({ status: 'open', attempts: 0 });
      this.handlers.onOpen();
    };
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data !== 'string') return;
      let m: ServerMessage;
      try {
        m = JSON.parse(e.data) as ServerMessage;
      } catch {
        return;
      }
      this.handlers.onMessage(m);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      const final = FINAL[e.code];
      if (final) {
        this.closed = true;
        this.state.setState({ status: 'ended' });
        this.handlers.onEnded?.(final);
        return;
      }
      this.retry();
    };
  }

  private retry(): void {
    if (this.closed) return;
    const attempts = this.state.getState().attempts;
    this.state.setState({ status: 'lost', attempts: attempts + 1 });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), Math.min(5000, 500 * 2 ** attempts));
  }

  /** Sends when connected; a message while the connection is down is dropped (the hello repeats state). */
  send(m: ClientMessage): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = null;
    ws?.close();
    this.state.setState({ status: 'ended' });
  }
}
