/**
 * The live class's wire protocol (`npm run classroom`): JSON text frames over one WebSocket per
 * device. The presenter's window sends its moment (lesson, stop, time) and the server relays it to
 * every student; students send answers and the server relays them, counted, to the presenter.
 *
 * Everything a socket sends is checked here before the room looks at it: the frame's size, that it
 * is JSON, that it is one of the messages below with exactly these fields, each of the right type
 * and within bounds. Anything else is refused with an `error` message and never relayed.
 *
 *   student   → { type: 'join', code: 'K7QPM', name: 'Mina' }            (or `resume: <id>`)
 *   server    → { type: 'welcome', role: 'student', id, name, moment }
 *   presenter → { type: 'host', token }                                  (the secret token)
 *   presenter → { type: 'moment', lesson: 'canary', stop: 1, heading: null, at: 25, blank: false, choices: 3 }
 *   server    → every student: the same moment
 *   student   → { type: 'answer', lesson: 'canary', stop: 1, choice: 2 }
 *   server    → presenter: { type: 'answer', id, name, lesson, stop, choice, counts: [0, 0, 1], answered: 1, students: 3 }
 *   (a question asked for a number: the moment says `number: true, choices: 0`, the student sends
 *    `value: 13` instead of `choice`, and the tally counts each number given in `values`)
 *   presenter → { type: 'reveal', lesson: 'canary', stop: 1, show: true }
 *   server    → every student and the presenter: { type: 'reveal', …, counts }
 *
 * Pure: no sockets, no clock; src/server/classroom.ts wires it to `ws`.
 */

/** Frames larger than this are refused before parsing (the largest valid message is ~300 bytes). */
export const MAX_MESSAGE_BYTES = 2048;
/** Students in one room. */
export const MAX_STUDENTS = 200;
/** A nickname after trimming. */
export const MAX_NAME = 24;
/** A lesson id (the built-in ones are short kebab-case words). */
export const MAX_LESSON_ID = 64;
/** Choices of one question (the lessons have 2–4). */
export const MAX_CHOICES = 8;
/** The size of a number answer, as in the Scenario format (`LIMITS.numberAnswer`). */
export const MAX_NUMBER = 1e9;
/** Stops of one lesson. */
export const MAX_STOPS = 100;
/** Wrong codes or tokens one socket may try before it is closed. */
export const MAX_FAILED_ATTEMPTS = 5;

/** Join codes: 5 characters without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 5;

/** Where the presenter is: what every student device shows. */
export interface Moment {
  lesson: string | null;
  /** Index of the stop the lesson waits at (or plays from). */
  stop: number;
  /** The stop being played towards, or null when waiting at `stop`. */
  heading: number | null;
  /** Virtual seconds (the Run's time) the presenter shows. */
  at: number;
  blank: boolean;
  /** Choices of the current stop's question; 0 when it has none (answers are then refused). */
  choices: number;
  /** The current stop's question asks for a number (`choices` is then 0). */
  number?: boolean;
}

/** A student's answer: the index of a choice, or the number typed. */
export type Given = { choice: number; value?: never } | { value: number; choice?: never };

export type StudentMessage =
  | { type: 'join'; code: string; name: string; resume?: string }
  | ({ type: 'answer'; lesson: string; stop: number } & Given);

export type PresenterMessage =
  | { type: 'host'; token: string }
  | ({ type: 'moment' } & Moment)
  | { type: 'reveal'; lesson: string; stop: number; show: boolean }
  | { type: 'export' };

export type ClientMessage = StudentMessage | PresenterMessage;

export type ErrorCode =
  | 'too-large'
  | 'bad-message'
  | 'wrong-code'
  | 'bad-token'
  | 'room-full'
  | 'bad-name'
  | 'not-joined'
  | 'not-presenter'
  | 'no-question'
  | 'replaced'
  | 'too-many-attempts';

export const ERROR_TEXT: Record<ErrorCode, string> = {
  'too-large': `message larger than ${MAX_MESSAGE_BYTES} bytes`,
  'bad-message': 'not a message of the classroom protocol',
  'wrong-code': 'no class with this code',
  'bad-token': 'wrong presenter token',
  'room-full': `the class is full (${MAX_STUDENTS} students)`,
  'bad-name': `a nickname is 1 to ${MAX_NAME} characters`,
  'not-joined': 'join the class first',
  'not-presenter': 'only the presenter can do that',
  'no-question': 'this stop has no open question',
  replaced: 'another window took over the presenter',
  'too-many-attempts': 'too many wrong attempts',
};

/** Answers to one question: how many chose each choice, or gave each number. */
export interface Tally {
  lesson: string;
  stop: number;
  /** Per choice (none for a number question). */
  counts: number[];
  /** A number question's answers: each number given and how many gave it, smallest first. */
  values?: { value: number; count: number }[];
  answered: number;
  students: number;
}

export type ServerMessage =
  | {
      type: 'welcome';
      role: 'student';
      id: string;
      name: string;
      moment: Moment | null;
      /** The student's answer to the current question (a choice's index, or the number). */
      answer: number | null;
    }
  | { type: 'welcome'; role: 'presenter'; code: string; join: string | null; students: number }
  | ({ type: 'moment' } & Moment)
  | ({ type: 'answer'; id: string; name: string } & Given & Tally)
  | ({ type: 'tally' } & Tally)
  | ({ type: 'reveal'; show: boolean } & Tally)
  | ({ type: 'accepted'; lesson: string; stop: number } & Given)
  | { type: 'roster'; students: number }
  | { type: 'csv'; csv: string }
  | { type: 'error'; code: ErrorCode; message: string };

export type ParseResult =
  { ok: true; message: ClientMessage } | { ok: false; code: 'too-large' | 'bad-message' };

type Field = (v: unknown) => boolean;
const int =
  (min: number, max: number): Field =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const str =
  (max: number, pattern?: RegExp): Field =>
  (v) =>
    typeof v === 'string' && v.length <= max && (pattern === undefined || pattern.test(v));
const bool: Field = (v) => typeof v === 'boolean';
const intOrNull = (min: number, max: number): Field => {
  const i = int(min, max);
  return (v) => v === null || i(v);
};
const lessonId = str(MAX_LESSON_ID, /^[a-z0-9][a-z0-9-]*$/);
const stop = int(0, MAX_STOPS - 1);
/** A day of virtual seconds is far beyond any lesson. */
const at: Field = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 86_400;

const finite =
  (max: number): Field =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max;

/**
 * Each message's fields: all required unless listed in `optional`; no others allowed; `whole`
 * checks what depends on several fields.
 */
const SHAPES: Record<
  ClientMessage['type'],
  { fields: Record<string, Field>; optional?: string[]; whole?: (m: Record<string, unknown>) => boolean }
> = {
  join: {
    fields: {
      code: str(16),
      // Checked again (trimmed, no control characters) when the room reads it.
      name: str(MAX_NAME * 4),
      resume: str(64, /^[\w-]+$/),
    },
    optional: ['resume'],
  },
  answer: {
    fields: { lesson: lessonId, stop, choice: int(0, MAX_CHOICES - 1), value: finite(MAX_NUMBER) },
    optional: ['choice', 'value'],
    // A choice or a number, never both.
    whole: (m) => Object.hasOwn(m, 'choice') !== Object.hasOwn(m, 'value'),
  },
  host: { fields: { token: str(128) } },
  moment: {
    fields: {
      lesson: (v) => v === null || lessonId(v),
      stop,
      heading: intOrNull(0, MAX_STOPS - 1),
      at,
      blank: bool,
      choices: int(0, MAX_CHOICES),
      number: bool,
    },
    optional: ['number'],
    // A question has choices or asks for a number.
    whole: (m) => m['number'] !== true || m['choices'] === 0,
  },
  reveal: { fields: { lesson: lessonId, stop, show: bool } },
  export: { fields: {} },
};

/** UTF-8 length of a string without allocating (surrogate pairs count 4). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Checks one frame a socket sent: size, JSON, and the exact shape of a known message. */
export function parseMessage(raw: string): ParseResult {
  if (raw.length > MAX_MESSAGE_BYTES || utf8Length(raw) > MAX_MESSAGE_BYTES)
    return { ok: false, code: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad-message' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, code: 'bad-message' };
  const record = value as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return { ok: false, code: 'bad-message' };
  const shape = SHAPES[type as ClientMessage['type']];
  for (const key of Object.keys(record)) {
    if (key === 'type') continue;
    const check = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
    if (!check || !check(record[key])) return { ok: false, code: 'bad-message' };
  }
  for (const key of Object.keys(shape.fields))
    if (!Object.hasOwn(record, key) && !shape.optional?.includes(key))
      return { ok: false, code: 'bad-message' };
  if (shape.whole && !shape.whole(record)) return { ok: false, code: 'bad-message' };
  return { ok: true, message: record as unknown as ClientMessage };
}

/**
 * A nickname as shown: trimmed, inner whitespace collapsed, control and format characters (bidi
 * overrides, zero-width) removed; undefined when nothing or more than MAX_NAME characters remain.
 */
export function cleanName(name: string): string | undefined {
  const clean = name
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const length = [...clean].length;
  return length >= 1 && length <= MAX_NAME ? clean : undefined;
}

/** A join code as typed: case and spaces do not matter. */
export const normalizeCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

/** A CSV field quoted when it must be (RFC 4180), and defused against spreadsheet formulas. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
