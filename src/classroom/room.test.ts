import { describe, expect, it } from 'vitest';
import {
  MAX_FAILED_ATTEMPTS,
  MAX_MESSAGE_BYTES,
  MAX_NAME,
  MAX_STUDENTS,
  cleanName,
  csvField,
  parseMessage,
  utf8Length,
  type ServerMessage,
} from './protocol.ts';
import { Room, type ConnId, type Effect } from './room.ts';

const CODE = 'K7QPM';
const TOKEN = 'presenter-secret-token-0123456789';

function room() {
  let n = 0;
  return new Room({ code: CODE, token: TOKEN, newId: () => `s${++n}` });
}
const j = (v: unknown) => JSON.stringify(v);
const join = (name: string, extra: object = {}) => j({ type: 'join', code: CODE, name, ...extra });
const host = j({ type: 'host', token: TOKEN });
const moment = (stop: number, choices: number, extra: object = {}) =>
  j({
    type: 'moment',
    lesson: 'canary',
    stop,
    heading: null,
    at: 25 * stop,
    blank: false,
    choices,
    ...extra,
  });
const answer = (stop: number, choice: number) => j({ type: 'answer', lesson: 'canary', stop, choice });
const value = (stop: number, v: number) => j({ type: 'answer', lesson: 'canary', stop, value: v });

/** Messages sent to `conn` among the effects. */
const sentTo = (effects: Effect[], conn: ConnId): ServerMessage[] =>
  effects.flatMap((e) => (e.kind === 'send' && e.to.includes(conn) ? [e.message] : []));
const errorOf = (effects: Effect[], conn: ConnId) =>
  sentTo(effects, conn).find((m) => m.type === 'error')?.code ?? null;

/** A room with a presenter on conn 1 and students on conns 2.. (at stop 1, a 3-choice question). */
function classOf(students: number) {
  const r = room();
  r.connect(1);
  r.receive(1, host);
  for (let i = 0; i < students; i++) {
    r.connect(2 + i);
    r.receive(2 + i, join(`student ${i + 1}`));
  }
  r.receive(1, moment(1, 3));
  return r;
}

describe('parseMessage: size and schema', () => {
  it.each<[string, string, 'ok' | 'too-large' | 'bad-message']>([
    ['a join', join('Mina'), 'ok'],
    ['a join resuming', join('Mina', { resume: 'abc-123' }), 'ok'],
    ['an answer', answer(1, 2), 'ok'],
    ['a moment', moment(1, 3), 'ok'],
    [
      'a moment without a lesson',
      j({ type: 'moment', lesson: null, stop: 0, heading: null, at: 0, blank: false, choices: 0 }),
      'ok',
    ],
    ['a reveal', j({ type: 'reveal', lesson: 'canary', stop: 1, show: true }), 'ok'],
    ['an export', j({ type: 'export' }), 'ok'],
    ['not JSON', '{"type":', 'bad-message'],
    ['JSON but not an object', '[1,2]', 'bad-message'],
    ['null', 'null', 'bad-message'],
    ['a string', '"join"', 'bad-message'],
    ['no type', j({ code: CODE, name: 'x' }), 'bad-message'],
    ['an unknown type', j({ type: 'drive', stop: 3 }), 'bad-message'],
    ['a prototype key as type', j({ type: '__proto__' }), 'bad-message'],
    ['toString as type', j({ type: 'toString' }), 'bad-message'],
    [
      'an extra field',
      j({ type: 'answer', lesson: 'canary', stop: 1, choice: 0, admin: true }),
      'bad-message',
    ],
    ['a __proto__ field', '{"type":"export","__proto__":{"x":1}}', 'bad-message'],
    ['a missing field', j({ type: 'answer', lesson: 'canary', stop: 1 }), 'bad-message'],
    ['a choice as a string', j({ type: 'answer', lesson: 'canary', stop: 1, choice: '1' }), 'bad-message'],
    ['a fractional choice', j({ type: 'answer', lesson: 'canary', stop: 1, choice: 0.5 }), 'bad-message'],
    ['a negative stop', j({ type: 'answer', lesson: 'canary', stop: -1, choice: 0 }), 'bad-message'],
    ['a huge stop', j({ type: 'answer', lesson: 'canary', stop: 1e9, choice: 0 }), 'bad-message'],
    ['a choice past the bound', j({ type: 'answer', lesson: 'canary', stop: 1, choice: 8 }), 'bad-message'],
    ['a lesson id with a slash', j({ type: 'answer', lesson: '../etc', stop: 1, choice: 0 }), 'bad-message'],
    ['an HTML lesson id', j({ type: 'reveal', lesson: '<img src=x>', stop: 1, show: true }), 'bad-message'],
    ['a moment at a negative time', moment(1, 3, { at: -1 }), 'bad-message'],
    ['a moment with a string time', moment(1, 3, { at: '1e400' }), 'bad-message'],
    ['blank as a number', moment(1, 3, { blank: 1 }), 'bad-message'],
    ['too many choices', moment(1, 9), 'bad-message'],
    ['a number answer', value(1, -2.5), 'ok'],
    ['a moment asking for a number', moment(1, 0, { number: true }), 'ok'],
    ['a number question with choices', moment(1, 3, { number: true }), 'bad-message'],
    ['number as a string', moment(1, 0, { number: 'yes' }), 'bad-message'],
    [
      'a choice and a number',
      j({ type: 'answer', lesson: 'canary', stop: 1, choice: 0, value: 13 }),
      'bad-message',
    ],
    ['a number as a string', j({ type: 'answer', lesson: 'canary', stop: 1, value: '13' }), 'bad-message'],
    ['a number past the bound', value(1, 1e10), 'bad-message'],
    [
      'a number past what JSON holds',
      '{"type":"answer","lesson":"canary","stop":1,"value":1e400}',
      'bad-message',
    ],
    ['a resume id with spaces', join('Mina', { resume: 'a b' }), 'bad-message'],
    ['a name as an object', j({ type: 'join', code: CODE, name: { toString: 'x' } }), 'bad-message'],
    [
      'a frame over the limit',
      j({ type: 'join', code: CODE, name: 'x'.repeat(MAX_MESSAGE_BYTES) }),
      'too-large',
    ],
    [
      'a frame over the limit in UTF-8 only',
      j({ type: 'join', code: CODE, name: '가'.repeat(700) }),
      'too-large',
    ],
    ['deep nesting', `${'['.repeat(1000)}${']'.repeat(1000)}`, 'bad-message'],
  ])('%s', (_name, raw, expected) => {
    const r = parseMessage(raw);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });

  it.each([
    ['ascii', 'abc', 3],
    ['Hangul', '가나', 6],
    ['an emoji (surrogate pair)', '🙂', 4],
    ['a lone surrogate', '\ud800', 3],
  ])('utf8Length of %s', (_name, s, bytes) => {
    expect(utf8Length(s)).toBe(bytes);
    if (!s.includes('\ud800')) expect(new TextEncoder().encode(s).length).toBe(bytes);
  });
});

describe('cleanName and csvField', () => {
  it.each<[string, string, string | undefined]>([
    ['a plain name', 'Mina', 'Mina'],
    ['spaces around and inside', '  Kim   Min  ', 'Kim Min'],
    ['Korean', '민아', '민아'],
    ['only spaces', '   ', undefined],
    ['empty', '', undefined],
    ['control characters', 'a\u0000b\u0007', 'ab'],
    ['a bidi override', '\u202Eevil', 'evil'],
    ['zero-width only', '\u200B\u200B', undefined],
    ['exactly the limit', 'x'.repeat(MAX_NAME), 'x'.repeat(MAX_NAME)],
    ['one over the limit', 'x'.repeat(MAX_NAME + 1), undefined],
  ])('%s', (_name, raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
  });

  it.each<[string | number, string]>([
    ['Mina', 'Mina'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM', "'@SUM"],
    [3, '3'],
  ])('csvField(%j)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

describe('Room: joining', () => {
  it.each<[string, string, string | null]>([
    ['the right code', join('Mina'), null],
    ['the code in lower case with spaces', j({ type: 'join', code: ' k7q pm ', name: 'Mina' }), null],
    ['a wrong code', j({ type: 'join', code: 'AAAAA', name: 'Mina' }), 'wrong-code'],
    ['a prefix of the code', j({ type: 'join', code: 'K7QP', name: 'Mina' }), 'wrong-code'],
    ['an empty code', j({ type: 'join', code: '', name: 'Mina' }), 'wrong-code'],
    ['a blank nickname', join('   '), 'bad-name'],
    ['an answer before joining', answer(1, 0), 'not-joined'],
  ])('%s', (_name, raw, error) => {
    const r = room();
    r.connect(5);
    const out = r.receive(5, raw);
    expect(errorOf(out, 5)).toBe(error);
    if (error === null) {
      const w = sentTo(out, 5).find((m) => m.type === 'welcome');
      expect(w).toMatchObject({ role: 'student', name: 'Mina', moment: null, answer: null });
      expect(r.connectedStudents).toBe(1);
    } else expect(r.connectedStudents).toBe(0);
  });

  it(`admits ${MAX_STUDENTS} students and refuses the next with room-full`, () => {
    const r = classOf(MAX_STUDENTS);
    expect(r.connectedStudents).toBe(MAX_STUDENTS);
    r.connect(1000);
    expect(errorOf(r.receive(1000, join('late')), 1000)).toBe('room-full');
    // One leaves: the seat is free again.
    r.disconnect(2);
    const out = r.receive(1000, join('late'));
    expect(errorOf(out, 1000)).toBeNull();
    expect(r.connectedStudents).toBe(MAX_STUDENTS);
  });

  it('a student back after a lost connection keeps the seat and sees the answer given', () => {
    const r = classOf(1);
    r.receive(2, answer(1, 2));
    r.disconnect(2);
    expect(r.connectedStudents).toBe(0);
    r.connect(3);
    const out = r.receive(3, join('student 1', { resume: 's1' }));
    expect(sentTo(out, 3).find((m) => m.type === 'welcome')).toMatchObject({ id: 's1', answer: 2 });
    expect(sentTo(out, 3).find((m) => m.type === 'welcome')).toMatchObject({
      moment: { lesson: 'canary', stop: 1 },
    });
    expect(r.tally('canary', 1)).toMatchObject({ counts: [0, 0, 1], answered: 1, students: 1 });
  });

  it('an unknown resume id joins as a new student', () => {
    const r = classOf(0);
    r.connect(3);
    const out = r.receive(3, join('Mina', { resume: 'forged' }));
    expect(sentTo(out, 3).find((m) => m.type === 'welcome')).toMatchObject({ id: 's1' });
  });

  it('tells the presenter how many students are connected', () => {
    const r = classOf(2);
    r.connect(9);
    expect(sentTo(r.receive(9, join('third')), 1)).toEqual([{ type: 'roster', students: 3 }]);
    expect(sentTo(r.disconnect(2), 1)).toEqual([{ type: 'roster', students: 2 }]);
  });
});

describe('Room: only the presenter drives the class', () => {
  it.each<[string, string]>([
    ['a moment', moment(3, 0)],
    ['a reveal', j({ type: 'reveal', lesson: 'canary', stop: 1, show: true })],
    ['an export of the answers', j({ type: 'export' })],
    ['a host with the right token after joining', host],
  ])('a student sending %s is refused and nothing is relayed', (_name, raw) => {
    const r = classOf(2);
    const out = r.receive(2, raw);
    expect(errorOf(out, 2)).toBe('not-presenter');
    expect(sentTo(out, 3)).toEqual([]);
    expect(sentTo(out, 1)).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['a wrong token', j({ type: 'host', token: 'guess' }), 'bad-token'],
    ['a token prefix', j({ type: 'host', token: TOKEN.slice(0, -1) }), 'bad-token'],
    ['a token with one more character', j({ type: 'host', token: `${TOKEN}x` }), 'bad-token'],
    ['a moment without a token', moment(2, 0), 'not-presenter'],
  ])('an unknown socket with %s is refused', (_name, raw, error) => {
    const r = classOf(1);
    r.connect(50);
    const out = r.receive(50, raw);
    expect(errorOf(out, 50)).toBe(error);
    expect(sentTo(out, 2)).toEqual([]);
  });

  it(`closes a socket after ${MAX_FAILED_ATTEMPTS} refused attempts (guessing codes)`, () => {
    const r = room();
    r.connect(7);
    const closes: Effect[] = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++)
      closes.push(
        ...r.receive(7, j({ type: 'join', code: `AAAA${i}`, name: 'x' })).filter((e) => e.kind === 'close'),
      );
    expect(closes).toEqual([{ kind: 'close', conn: 7, reason: 'too-many-attempts' }]);
  });

  it('a second presenter window with the token takes over; the first is told and closed', () => {
    const r = classOf(1);
    r.connect(60);
    const out = r.receive(60, host);
    expect(errorOf(out, 1)).toBe('replaced');
    expect(out).toContainEqual({ kind: 'close', conn: 1, reason: 'replaced' });
    expect(sentTo(out, 60)[0]).toMatchObject({ type: 'welcome', role: 'presenter', code: CODE, students: 1 });
    // The old socket no longer drives.
    expect(errorOf(r.receive(1, moment(2, 0)), 1)).toBe('not-presenter');
  });
});

describe('Room: moments and answers', () => {
  it('relays the presenter’s moment to every student, once each', () => {
    const r = classOf(3);
    const out = r.receive(1, moment(2, 0, { heading: 3 }));
    const sends = out.filter((e) => e.kind === 'send' && e.message.type === 'moment');
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({
      to: [2, 3, 4],
      message: { lesson: 'canary', stop: 2, heading: 3, at: 50 },
    });
  });

  it.each<[string, object, number, string | null]>([
    ['an answer to the open question', {}, 2, null],
    ['a choice past the question’s choices', {}, 3, 'no-question'],
    ['while the presenter plays on', { heading: 2 }, 0, 'no-question'],
    ['at a stop without a question', { choices: 0 }, 0, 'no-question'],
  ])('%s', (_name, change, choice, error) => {
    const r = classOf(2);
    if (Object.keys(change).length > 0) r.receive(1, moment(1, 3, change));
    const out = r.receive(2, answer(1, choice));
    expect(errorOf(out, 2)).toBe(error);
    if (error === null) {
      expect(sentTo(out, 2)).toEqual([{ type: 'accepted', lesson: 'canary', stop: 1, choice }]);
      expect(sentTo(out, 1)).toEqual([
        {
          type: 'answer',
          id: 's1',
          name: 'student 1',
          choice,
          lesson: 'canary',
          stop: 1,
          counts: [0, 0, 1],
          answered: 1,
          students: 2,
        },
      ]);
      expect(sentTo(out, 3)).toEqual([]);
    } else expect(sentTo(out, 1)).toEqual([]);
  });

  it('an answer for another stop than the presenter’s is refused without a strike', () => {
    const r = classOf(1);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS + 2; i++)
      expect(r.receive(2, answer(4, 0)).some((e) => e.kind === 'close')).toBe(false);
  });

  it('counts the distribution; a student changing their mind counts once', () => {
    const r = classOf(4);
    r.receive(2, answer(1, 0));
    r.receive(3, answer(1, 2));
    r.receive(4, answer(1, 2));
    r.receive(4, answer(1, 1));
    expect(r.tally('canary', 1)).toEqual({
      lesson: 'canary',
      stop: 1,
      counts: [1, 1, 1],
      answered: 3,
      students: 4,
    });
  });

  it('reveal shows the distribution to the room and closes the question', () => {
    const r = classOf(2);
    r.receive(2, answer(1, 1));
    const out = r.receive(1, j({ type: 'reveal', lesson: 'canary', stop: 1, show: true }));
    const reveal = {
      type: 'reveal',
      show: true,
      lesson: 'canary',
      stop: 1,
      counts: [0, 1, 0],
      answered: 1,
      students: 2,
    };
    for (const conn of [1, 2, 3]) expect(sentTo(out, conn)).toEqual([reveal]);
    expect(errorOf(r.receive(3, answer(1, 0)), 3)).toBe('no-question');
    // Back at this stop later (or a student arriving now), the reveal is shown again.
    r.receive(1, moment(2, 0));
    expect(sentTo(r.receive(1, moment(1, 3)), 2)).toContainEqual(reveal);
  });

  it('going back to a stop tells the presenter the answers already given', () => {
    const r = classOf(1);
    r.receive(2, answer(1, 2));
    r.receive(1, moment(2, 0));
    expect(sentTo(r.receive(1, moment(1, 3)), 1)).toContainEqual({
      type: 'tally',
      lesson: 'canary',
      stop: 1,
      counts: [0, 0, 1],
      answered: 1,
      students: 1,
    });
  });

  it('exports the session’s answers as CSV, to the presenter only, names defused', () => {
    const r = room();
    r.connect(1);
    r.receive(1, host);
    r.connect(2);
    r.receive(2, join('=cmd|x'));
    r.connect(3);
    r.receive(3, join('Kim, Min'));
    r.receive(1, moment(1, 3));
    r.receive(2, answer(1, 0));
    r.receive(3, answer(1, 2));
    const out = r.receive(1, j({ type: 'export' }));
    expect(sentTo(out, 1)).toEqual([
      {
        type: 'csv',
        csv: 'lesson,stop,nickname,choice,number\r\ncanary,2,\'=cmd|x,A,\r\ncanary,2,"Kim, Min",C,\r\n',
      },
    ]);
  });

  describe('a question asking for a number', () => {
    /** The class of `classOf`, at stop 2 (a number question): answers are numbers, tallied by value. */
    function numberClass(students: number) {
      const r = classOf(students);
      r.receive(1, moment(2, 0, { number: true }));
      return r;
    }

    it('relays a number to the presenter with the numbers given, smallest first', () => {
      const r = numberClass(4);
      r.receive(2, value(2, 13));
      r.receive(3, value(2, 12.5));
      r.receive(5, value(2, 13));
      const out = r.receive(4, value(2, -1));
      expect(sentTo(out, 4)).toEqual([{ type: 'accepted', lesson: 'canary', stop: 2, value: -1 }]);
      const tally = {
        lesson: 'canary',
        stop: 2,
        counts: [],
        values: [
          { value: -1, count: 1 },
          { value: 12.5, count: 1 },
          { value: 13, count: 2 },
        ],
        answered: 4,
        students: 4,
      };
      expect(sentTo(out, 1)).toEqual([{ type: 'answer', id: 's3', name: 'student 3', value: -1, ...tally }]);
      // A student changing their mind counts once; a reveal shows the same numbers to the room.
      r.receive(4, value(2, 13));
      expect(r.tally('canary', 2).values).toEqual([
        { value: 12.5, count: 1 },
        { value: 13, count: 3 },
      ]);
      const reveal = r.receive(1, j({ type: 'reveal', lesson: 'canary', stop: 2, show: true }));
      expect(sentTo(reveal, 3)).toEqual([{ type: 'reveal', show: true, ...r.tally('canary', 2) }]);
    });

    it('refuses a choice for a number and a number for a choice, without a strike', () => {
      const r = numberClass(1);
      for (let i = 0; i < MAX_FAILED_ATTEMPTS + 1; i++)
        expect(errorOf(r.receive(2, answer(2, 0)), 2)).toBe('no-question');
      r.receive(1, moment(1, 3));
      expect(errorOf(r.receive(2, value(1, 1)), 2)).toBe('no-question');
      expect(r.tally('canary', 1).answered).toBe(0);
    });

    it('a student back after a reload sees the number they gave; the CSV has it', () => {
      const r = numberClass(1);
      r.receive(2, answer(2, 0));
      r.receive(2, value(2, 13));
      r.disconnect(2);
      r.connect(9);
      const welcome = sentTo(r.receive(9, join('student 1', { resume: 's1' })), 9)[0];
      expect(welcome).toMatchObject({ type: 'welcome', answer: 13 });
      expect(r.csv()).toBe('lesson,stop,nickname,choice,number\r\ncanary,3,student 1,,13\r\n');
    });
  });

  it('a presenter that left leaves the students at the last moment; answers still count', () => {
    const r = classOf(1);
    r.disconnect(1);
    expect(r.hasPresenter).toBe(false);
    expect(r.receive(2, answer(1, 1))).toEqual([
      { kind: 'send', to: [2], message: { type: 'accepted', lesson: 'canary', stop: 1, choice: 1 } },
    ]);
  });
});
