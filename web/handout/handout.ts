/**
 * A lesson's handout as data, in one language: per stop its moment, narration (Markdown), the
 * kubectl commands run since the previous stop and the question; the answers come in a key at the
 * end. `Handout.tsx` prints it with a diagram per stop; `handoutMarkdown` is the same handout as a
 * Markdown file (without the diagrams). Works for any lesson (built in or written by a teacher):
 * a stop is a step with `stop: true`.
 *
 *   handoutMarkdown(rollingUpdate, 'en', t)
 *   → '# Rolling update\n\n…\n\n## Stop 1 · 0:20.0\n\nTen pods of v1. …\n\n```sh\nkubectl get deployment kubia\n```…'
 */
import { isNumberQuestion, type Lesson } from '../../src/index.ts';
import type { Lang, Vars } from '../i18n/index.ts';
import { answerText, choiceText, text, withUnit } from '../lessons/hooks.ts';
import { stepsOfStop, stopsOf } from '../lessons/store.ts';
import { formatTime } from '../ui/hooks.ts';
import '../i18n/features.ts';

export interface HandoutCommand {
  at: number;
  run: string;
  /** What the command reads on stdin (a manifest for `kubectl apply -f -`). */
  stdin?: string;
}

export interface HandoutQuestion {
  prompt: string;
  /** The choices, lettered A, B…; none when the question asks for a number. */
  choices: string[];
  /** A number question's unit (empty when it has none); undefined for a question with choices. */
  unit?: string;
  /** The right answer as the key prints it (Markdown): `B. 13`, or the number with its unit. */
  key: string;
  explain: string;
}

export interface HandoutStop {
  /** 1-based, as the lesson shows it. */
  n: number;
  at: number;
  /** Markdown. */
  say: string;
  commands: HandoutCommand[];
  question?: HandoutQuestion;
}

export interface HandoutData {
  title: string;
  summary: string;
  stops: HandoutStop[];
}

export function handoutOf(lesson: Lesson, lang: Lang): HandoutData {
  const stops = stopsOf(lesson).map((stop, k): HandoutStop => {
    const commands = stepsOfStop(lesson, k).map((s): HandoutCommand =>
      s.stdin === undefined ? { at: s.at, run: s.run } : { at: s.at, run: s.run, stdin: s.stdin },
    );
    const q = stop.question;
    const out: HandoutStop = { n: k + 1, at: stop.at, say: text(stop.say, lang), commands };
    if (q)
      out.question = {
        prompt: text(q.prompt, lang),
        ...(isNumberQuestion(q)
          ? {
              choices: [],
              unit: q.number.unit ? choiceText(q.number.unit, lang) : '',
              key: answerText(q, lang),
            }
          : {
              choices: q.choices.map((c) => choiceText(c, lang)),
              key: `${choiceLetter(q.answer)}. ${answerText(q, lang)}`,
            }),
        explain: text(q.explain, lang),
      };
    return out;
  });
  return { title: text(lesson.title, lang), summary: text(lesson.summary, lang), stops };
}

/** Where the answer is written. */
const BLANK = '______';

/** A, B, C… as the printed choices are lettered. */
export const choiceLetter = (i: number): string => String.fromCharCode(65 + i);

/** A command line as a shell would take it: with what it reads on stdin as a here-document. */
export function shellLine(c: HandoutCommand): string {
  if (c.stdin === undefined) return c.run;
  let marker = 'EOF';
  while (c.stdin.split('\n').includes(marker)) marker += '_';
  return `${c.run} <<'${marker}'\n${c.stdin.replace(/\n$/, '')}\n${marker}`;
}

/** A fence longer than any run of backticks inside `body`. */
function fence(body: string, info = ''): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${info}\n${body}\n${f}`;
}

type Translate = (lang: Lang, key: string, vars?: Vars) => string;

/** The handout as Markdown: narration as written, commands as a shell block, an answer key. */
export function handoutMarkdown(lesson: Lesson, lang: Lang, translate: Translate): string {
  const t = (key: string, vars?: Vars) => translate(lang, key, vars);
  const h = handoutOf(lesson, lang);
  const out: string[] = [`# ${h.title}`];
  if (h.summary) out.push(h.summary);
  for (const s of h.stops) {
    out.push(`## ${t('handout.stop', { n: s.n, time: formatTime(s.at) })}`);
    if (s.say) out.push(s.say);
    if (s.commands.length)
      out.push(`${t('handout.commands')}:`, fence(s.commands.map(shellLine).join('\n'), 'sh'));
    if (s.question) {
      const q = s.question;
      out.push(
        `**${t('lessons.question')}:** ${q.prompt}`,
        ...(q.choices.length ? [q.choices.map((c, i) => `- ${choiceLetter(i)}. ${c}`).join('\n')] : []),
        `${t('handout.yourAnswer')}: ${q.unit === undefined ? BLANK : withUnit(BLANK, q.unit, lang)}`,
      );
    }
  }
  const asked = h.stops.filter((s) => s.question);
  if (asked.length) {
    out.push(`## ${t('handout.answerKey')}`);
    for (const s of asked) {
      const q = s.question!;
      out.push(
        `### ${t('handout.stopShort', { n: s.n })}`,
        `**${t('lessons.answerIs', { answer: q.key })}**`,
      );
      if (q.explain) out.push(q.explain);
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The Markdown file's name: `rolling-update.handout.ko.md`. */
export const handoutFileName = (lesson: Lesson, lang: Lang): string =>
  `${lesson.id.replace(/[^A-Za-z0-9._-]+/g, '-') || 'lesson'}.handout.${lang}.md`;
