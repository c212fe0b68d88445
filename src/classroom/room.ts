/**
 * One live class: who is connected (one presenter, up to 200 students), where the presenter is,
 * and the answers given so far. The room reads each frame a socket sent and returns what to do as
 * data (messages to send, sockets to close); src/server/classroom.ts carries them out. Nothing is
 * stored outside this object: when the server stops, the answers are gone.
 *
 * Roles are earned, never claimed: a socket is nobody until it sends the join code (a student) or
 * the presenter's secret token (the presenter). Only the presenter's moments and reveals are
 * relayed; a student's attempt is refused with `not-presenter` and counts as a strike. Wrong codes,
 * wrong tokens and malformed frames count too; after MAX_FAILED_ATTEMPTS the socket is closed.
 */
import {
  ERROR_TEXT,
  MAX_FAILED_ATTEMPTS,
  MAX_STUDENTS,
  cleanName,
  csvField,
  normalizeCode,
  parseMessage,
  type ErrorCode,
  type Given,
  type Moment,
  type ServerMessage,
  type Tally,
} from './protocol.ts';

export type ConnId = number;

export type Effect =
  { kind: 'send'; to: ConnId[]; message: ServerMessage } | { kind: 'close'; conn: ConnId; reason: ErrorCode };

export interface RoomOptions {
  code: string;
  token: string;
  /** A fresh, unguessable student id (the server uses crypto). */
  newId: () => string;
  /** Where students join (told to the presenter, who shows it to the room). */
  joinUrl?: string;
}

interface Conn {
  role: 'none' | 'student' | 'presenter';
  student?: string;
  strikes: number;
}

interface Student {
  name: string;
  conn: ConnId | null;
}

interface Question {
  lesson: string;
  stop: number;
  choices: number;
  /** Answered with a number rather than a choice. */
  number: boolean;
  revealed: boolean;
  /** Student id → the choice's index or the number given, in the order first answered. */
  answers: Map<string, { name: string; given: number }>;
}

/** A question open for answers at this moment: one with choices, or one asking for a number. */
const asks = (m: Moment): m is Moment & { lesson: string } =>
  m.lesson !== null && (m.choices > 0 || m.number === true);

/** An answer as the messages carry it: `choice` or `value`, by the question's kind. */
const givenOf = (q: Question, given: number): Given => (q.number ? { value: given } : { choice: given });

/** Counts strikes against these; a student answering a stop the presenter just left does not. */
const STRIKES: ReadonlySet<ErrorCode> = new Set([
  'too-large',
  'bad-message',
  'wrong-code',
  'bad-token',
  'not-presenter',
]);

/** Compares without returning early, so the time taken does not tell how much of a guess was right. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0;
}

const keyOf = (lesson: string, stop: number) => `${lesson}#${stop}`;

export class Room {
  readonly code: string;
  private readonly token: string;
  private readonly newId: () => string;
  /** Where students join (the server knows once it listens). */
  joinUrl: string | null;
  private readonly conns = new Map<ConnId, Conn>();
  private readonly students = new Map<string, Student>();
  private readonly questions = new Map<string, Question>();
  private presenter: ConnId | null = null;
  private moment: Moment | null = null;

  constructor(options: RoomOptions) {
    this.code = normalizeCode(options.code);
    this.token = options.token;
    this.newId = options.newId;
    this.joinUrl = options.joinUrl ?? null;
  }

  /** Students connected now. */
  get connectedStudents(): number {
    let n = 0;
    for (const s of this.students.values()) if (s.conn !== null) n++;
    return n;
  }

  get hasPresenter(): boolean {
    return this.presenter !== null;
  }

  connect(conn: ConnId): void {
    this.conns.set(conn, { role: 'none', strikes: 0 });
  }

  disconnect(conn: ConnId): Effect[] {
    const c = this.conns.get(conn);
    this.conns.delete(conn);
    if (!c) return [];
    if (c.role === 'presenter' && this.presenter === conn) this.presenter = null;
    if (c.role === 'student' && c.student !== undefined) {
      const s = this.students.get(c.student);
      if (s?.conn === conn) {
        s.conn = null;
        return this.toPresenter({ type: 'roster', students: this.connectedStudents });
      }
    }
    return [];
  }

  /** What to do about one frame `conn` sent (the text as received). */
  receive(conn: ConnId, raw: string): Effect[] {
    const c = this.conns.get(conn);
    if (!c) return [];
    const parsed = parseMessage(raw);
    if (!parsed.ok) return this.refuse(conn, c, parsed.code);
    const m = parsed.message;
    switch (m.type) {
      case 'join':
        return this.join(conn, c, m.code, m.name, m.resume);
      case 'host':
        return this.host(conn, c, m.token);
      case 'answer':
        if (c.role !== 'student' || c.student === undefined)
          return this.refuse(conn, c, c.role === 'presenter' ? 'bad-message' : 'not-joined');
        return this.answer(conn, c.student, m);
      case 'moment': {
        if (c.role !== 'presenter') return this.refuse(conn, c, 'not-presenter');
        const { type: _type, ...moment } = m;
        return this.setMoment(moment);
      }
      case 'reveal':
        if (c.role !== 'presenter') return this.refuse(conn, c, 'not-presenter');
        return this.reveal(m.lesson, m.stop, m.show);
      case 'export':
        if (c.role !== 'presenter') return this.refuse(conn, c, 'not-presenter');
        return [{ kind: 'send', to: [conn], message: { type: 'csv', csv: this.csv() } }];
    }
  }

  /**
   * The answers of this session as CSV: one row per student and question, with the choice's
   * letter or the number given.
   */
  csv(): string {
    const rows = ['lesson,stop,nickname,choice,number'];
    for (const q of this.questions.values())
      for (const a of q.answers.values())
        rows.push(
          [
            csvField(q.lesson),
            q.stop + 1,
            csvField(a.name),
            q.number ? '' : String.fromCharCode(65 + a.given),
            q.number ? csvField(a.given) : '',
          ].join(','),
        );
    return `${rows.join('\r\n')}\r\n`;
  }

  /**
   * The tally of one question (zeros when nobody answered or it has none): per choice, or for a
   * number question each number given with how many gave it, smallest first.
   */
  tally(lesson: string, stop: number): Tally {
    const q = this.questions.get(keyOf(lesson, stop));
    const choices = q?.choices ?? 0;
    const counts = Array.from({ length: choices }, () => 0);
    const out: Tally = {
      lesson,
      stop,
      counts,
      answered: q?.answers.size ?? 0,
      students: this.connectedStudents,
    };
    if (q?.number) {
      const values = new Map<number, number>();
      for (const a of q.answers.values()) values.set(a.given, (values.get(a.given) ?? 0) + 1);
      out.values = [...values].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
    } else for (const a of q?.answers.values() ?? []) if (a.given < choices) counts[a.given]!++;
    return out;
  }

  // -------------------------------------------------------------------------------------------

  private refuse(conn: ConnId, c: Conn, code: ErrorCode): Effect[] {
    const out: Effect[] = [
      { kind: 'send', to: [conn], message: { type: 'error', code, message: ERROR_TEXT[code] } },
    ];
    if (STRIKES.has(code) && ++c.strikes >= MAX_FAILED_ATTEMPTS) {
      out.push({
        kind: 'send',
        to: [conn],
        message: { type: 'error', code: 'too-many-attempts', message: ERROR_TEXT['too-many-attempts'] },
      });
      out.push({ kind: 'close', conn, reason: 'too-many-attempts' });
    }
    return out;
  }

  private studentConns(): ConnId[] {
    const to: ConnId[] = [];
    for (const s of this.students.values()) if (s.conn !== null) to.push(s.conn);
    return to;
  }

  private toPresenter(message: ServerMessage): Effect[] {
    return this.presenter === null ? [] : [{ kind: 'send', to: [this.presenter], message }];
  }

  private join(conn: ConnId, c: Conn, code: string, rawName: string, resume: string | undefined): Effect[] {
    if (c.role !== 'none') return this.refuse(conn, c, 'bad-message');
    if (!sameSecret(normalizeCode(code), this.code)) return this.refuse(conn, c, 'wrong-code');
    const name = cleanName(rawName);
    if (name === undefined) return this.refuse(conn, c, 'bad-name');
    const out: Effect[] = [];
    let id = resume !== undefined && this.students.has(resume) ? resume : undefined;
    if (id !== undefined) {
      // The same device back after a lost connection: its seat and answers are still there.
      const s = this.students.get(id)!;
      if (s.conn !== null && s.conn !== conn) {
        const old = this.conns.get(s.conn);
        if (old) old.role = 'none';
        out.push({ kind: 'close', conn: s.conn, reason: 'replaced' });
      }
      s.conn = conn;
      s.name = name;
    } else {
      if (this.connectedStudents >= MAX_STUDENTS) return this.refuse(conn, c, 'room-full');
      if (this.students.size >= MAX_STUDENTS) {
        // Seats of students who left are given to newcomers (their answers stay in the export).
        for (const [sid, s] of this.students)
          if (s.conn === null) {
            this.students.delete(sid);
            break;
          }
      }
      id = this.newId();
      this.students.set(id, { name, conn });
    }
    c.role = 'student';
    c.student = id;
    const m = this.moment;
    const q = m?.lesson ? this.questions.get(keyOf(m.lesson, m.stop)) : undefined;
    out.push({
      kind: 'send',
      to: [conn],
      message: {
        type: 'welcome',
        role: 'student',
        id,
        name,
        moment: m,
        answer: q?.answers.get(id)?.given ?? null,
      },
    });
    if (q?.revealed)
      out.push({
        kind: 'send',
        to: [conn],
        message: { type: 'reveal', show: true, ...this.tally(q.lesson, q.stop) },
      });
    out.push(...this.toPresenter({ type: 'roster', students: this.connectedStudents }));
    return out;
  }

  private host(conn: ConnId, c: Conn, token: string): Effect[] {
    if (c.role === 'student') return this.refuse(conn, c, 'not-presenter');
    if (!sameSecret(token, this.token)) return this.refuse(conn, c, 'bad-token');
    const out: Effect[] = [];
    if (this.presenter !== null && this.presenter !== conn) {
      // A reloaded or second presenter window takes over; the old one is told why it lost the room.
      const old = this.presenter;
      const oc = this.conns.get(old);
      if (oc) oc.role = 'none';
      out.push({
        kind: 'send',
        to: [old],
        message: { type: 'error', code: 'replaced', message: ERROR_TEXT.replaced },
      });
      out.push({ kind: 'close', conn: old, reason: 'replaced' });
    }
    c.role = 'presenter';
    this.presenter = conn;
    out.push({
      kind: 'send',
      to: [conn],
      message: {
        type: 'welcome',
        role: 'presenter',
        code: this.code,
        join: this.joinUrl,
        students: this.connectedStudents,
      },
    });
    return out;
  }

  private setMoment(moment: Moment): Effect[] {
    this.moment = moment;
    if (asks(moment)) {
      const key = keyOf(moment.lesson, moment.stop);
      const q = this.questions.get(key);
      const number = moment.number === true;
      if (!q)
        this.questions.set(key, {
          lesson: moment.lesson,
          stop: moment.stop,
          choices: moment.choices,
          number,
          revealed: false,
          answers: new Map(),
        });
      else {
        // Another kind of question at this stop (the lesson changed): its answers answer nothing.
        if (q.number !== number) q.answers.clear();
        q.choices = moment.choices;
        q.number = number;
      }
    }
    const out: Effect[] = [];
    const to = this.studentConns();
    if (to.length > 0) out.push({ kind: 'send', to, message: { type: 'moment', ...moment } });
    if (asks(moment)) {
      const q = this.questions.get(keyOf(moment.lesson, moment.stop))!;
      out.push(...this.toPresenter({ type: 'tally', ...this.tally(q.lesson, q.stop) }));
      if (q.revealed && to.length > 0)
        out.push({
          kind: 'send',
          to,
          message: { type: 'reveal', show: true, ...this.tally(q.lesson, q.stop) },
        });
    }
    return out;
  }

  private answer(conn: ConnId, id: string, a: { lesson: string; stop: number } & Given): Effect[] {
    const { lesson, stop } = a;
    const m = this.moment;
    const q = this.questions.get(keyOf(lesson, stop));
    const open =
      m !== null &&
      m.lesson === lesson &&
      m.stop === stop &&
      m.heading === null &&
      asks(m) &&
      q !== undefined &&
      !q.revealed;
    // The answer's kind must be the question's (a device behind the presenter may send the other).
    const given = !open ? undefined : q.number ? a.value : a.choice;
    if (!open || given === undefined || (!q.number && given >= q.choices)) {
      const c = this.conns.get(conn)!;
      return this.refuse(conn, c, 'no-question');
    }
    const s = this.students.get(id)!;
    q.answers.set(id, { name: s.name, given });
    return [
      { kind: 'send', to: [conn], message: { type: 'accepted', lesson, stop, ...givenOf(q, given) } },
      ...this.toPresenter({
        type: 'answer',
        id,
        name: s.name,
        ...givenOf(q, given),
        ...this.tally(lesson, stop),
      }),
    ];
  }

  private reveal(lesson: string, stop: number, show: boolean): Effect[] {
    const q = this.questions.get(keyOf(lesson, stop));
    if (!q)
      return this.toPresenter({ type: 'error', code: 'no-question', message: ERROR_TEXT['no-question'] });
    q.revealed = show;
    const message: ServerMessage = { type: 'reveal', show, ...this.tally(lesson, stop) };
    const to = this.studentConns();
    return [...(to.length > 0 ? [{ kind: 'send' as const, to, message }] : []), ...this.toPresenter(message)];
  }
}
