import { beforeAll, describe, expect, it } from 'vitest';
import { isNumberQuestion, loadLessons, stopIndices, type Lesson } from '../../src/index.ts';
import { translate, type Lang } from '../i18n/index.ts';
import { choiceText } from '../lessons/hooks.ts';
import { parseMarkdown } from '../text/markdown.ts';
import { formatTime } from '../ui/hooks.ts';
import { choiceLetter, handoutFileName, handoutMarkdown, handoutOf, shellLine } from './handout.ts';

let lessons: readonly Lesson[] = [];
const byId = (id: string) => lessons.find((l) => l.id === id)!;
beforeAll(async () => {
  lessons = await loadLessons();
});

describe('the commands of each stop', () => {
  it('are the steps run since the previous stop, this stop’s included (lesson 4)', () => {
    const h = handoutOf(byId('rolling-update'), 'en');
    expect(h.stops.map((s) => s.commands.map((c) => `${c.at} ${c.run}`))).toEqual([
      ['20 kubectl get deployment kubia'],
      ['25 kubectl get replicasets'],
      ['30 kubectl set image deployment kubia nodejs=luksa/kubia:v2', '31 kubectl get replicasets'],
      ['40 kubectl get pods'],
      ['70 kubectl rollout status deployment kubia --watch=false'],
      [
        `75 kubectl patch deployment kubia -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'`,
        '80 kubectl set image deployment kubia nodejs=luksa/kubia:v2.1',
        '95 kubectl get replicasets',
      ],
      ['140 kubectl rollout status deployment kubia --watch=false'],
      [
        `145 kubectl patch deployment kubia -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":1}}}}'`,
        '150 kubectl set image deployment kubia nodejs=luksa/kubia:v2.2',
        '160 kubectl get replicasets',
      ],
      ['200 kubectl rollout status deployment kubia --watch=false'],
    ]);
  });

  it('cover every step up to the last stop exactly once, in order, in every built-in lesson', () => {
    for (const lesson of lessons) {
      const steps = lesson.scenario.spec.steps;
      const last = stopIndices(lesson).at(-1)!;
      const commands = handoutOf(lesson, 'en').stops.flatMap((s) => s.commands);
      expect(
        commands.map((c) => [c.at, c.run, c.stdin]),
        lesson.id,
      ).toEqual(steps.slice(0, last + 1).map((s) => [s.at, s.run, s.stdin]));
    }
  });

  it('read a manifest from a here-document the shell would end where the manifest does', () => {
    expect(shellLine({ at: 0, run: 'kubectl get pods' })).toBe('kubectl get pods');
    expect(shellLine({ at: 0, run: 'kubectl apply -f -', stdin: 'kind: Pod\n' })).toBe(
      "kubectl apply -f - <<'EOF'\nkind: Pod\nEOF",
    );
    // A manifest with a line "EOF" in it gets another marker.
    expect(shellLine({ at: 0, run: 'kubectl apply -f -', stdin: 'a: |\nEOF\n' })).toBe(
      "kubectl apply -f - <<'EOF_'\na: |\nEOF\nEOF_",
    );
    const withManifest = handoutOf(byId('by-hand'), 'en')
      .stops.flatMap((s) => s.commands)
      .find((c) => c.stdin);
    expect(withManifest?.stdin).toContain('kind: ReplicaSet');
  });
});

describe('the Markdown handout', () => {
  it.each<Lang>(['en', 'ko'])(
    'of lesson 4 has, in %s, every stop’s narration, commands and question, and the key',
    (lang) => {
      const lesson = byId('rolling-update');
      const md = handoutMarkdown(lesson, lang, translate);
      const t = (key: string, vars?: Record<string, string | number>) => translate(lang, key, vars);
      expect(md.startsWith(`# ${lesson.title[lang]}\n\n${lesson.summary[lang]}\n\n`)).toBe(true);
      const stops = stopIndices(lesson).map((i) => lesson.scenario.spec.steps[i]!);
      let from = 0;
      stops.forEach((stop, k) => {
        // In order: the heading, the narration as written, a shell block with the stop's command.
        const heading = md.indexOf(
          `## ${t('handout.stop', { n: k + 1, time: formatTime(stop.at) })}\n`,
          from,
        );
        expect(heading, `stop ${k + 1}`).toBeGreaterThan(from - 1);
        const say = md.indexOf(`\n${stop.say![lang]}\n`, heading);
        expect(say, `stop ${k + 1} narration`).toBeGreaterThan(heading);
        const block = md.indexOf('```sh\n', say);
        expect(md.slice(block, md.indexOf('\n```\n', block + 6))).toContain(`\n${stop.run}`);
        if (stop.question) {
          const q = stop.question;
          const at = md.indexOf(`**${t('lessons.question')}:** ${q.prompt[lang]}\n`, block);
          expect(at, `stop ${k + 1} question`).toBeGreaterThan(block);
          if (isNumberQuestion(q))
            // Stop 1 asks for a number of pods: a blank before the unit, no choices.
            expect(md.slice(at)).toContain(
              `${q.prompt[lang]}\n\n${t('handout.yourAnswer')}: ${{ en: '______ pods', ko: '______개' }[lang]}\n`,
            );
          else {
            const choices = q.choices.map(
              (c, i) => `- ${choiceLetter(i)}. ${typeof c === 'string' ? c : c[lang]}`,
            );
            expect(md.slice(at)).toContain(`\n\n${choices.join('\n')}\n\n${t('handout.yourAnswer')}: ______`);
          }
          from = at;
        } else from = block;
      });
      // The answers only in the key, after the last stop: one entry per question, with its explanation.
      const key = md.indexOf(`\n## ${t('handout.answerKey')}\n`);
      expect(key).toBeGreaterThan(from);
      const questions = stops.flatMap((s, k) => (s.question ? [{ k, q: s.question }] : []));
      expect(questions).toHaveLength(4);
      expect(md.slice(key).match(/^### /gm)).toHaveLength(questions.length);
      for (const { k, q } of questions) {
        const right = isNumberQuestion(q)
          ? { en: '13 pods', ko: '13개' }[lang]
          : `${choiceLetter(q.answer)}. ${choiceText(q.choices[q.answer]!, lang)}`;
        const entry = md.indexOf(`### ${t('handout.stopShort', { n: k + 1 })}\n`, key);
        expect(entry).toBeGreaterThan(key);
        expect(md.slice(entry)).toMatch(
          new RegExp(
            `^[^\\n]*\\n\\n\\*\\*${t('lessons.answerIs', { answer: right }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\*\\*\\n\\n${q.explain[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`,
          ),
        );
        expect(md.slice(0, key)).not.toContain(q.explain[lang]);
      }
    },
  );

  it('stays Markdown the app reads back: headings and fences aside, no stray markup', () => {
    const md = handoutMarkdown(byId('rolling-update'), 'en', translate);
    const prose = md
      .replace(/```sh\n[\s\S]*?\n```\n/g, '')
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    const text = JSON.stringify(parseMarkdown(prose));
    expect(text).not.toContain('```');
    expect(text).toContain('"strong"');
  });

  it('falls back to English where a teacher’s lesson has no Korean, and names its file by language', () => {
    const base = byId('canary');
    const lesson: Lesson = {
      ...base,
      id: 'my lesson',
      title: { en: 'Mine', ko: '' },
      scenario: {
        ...base.scenario,
        spec: {
          ...base.scenario.spec,
          steps: base.scenario.spec.steps.map((s) => (s.say ? { ...s, say: { en: s.say.en, ko: '' } } : s)),
        },
      },
    };
    const md = handoutMarkdown(lesson, 'ko', translate);
    expect(md.startsWith('# Mine\n')).toBe(true);
    expect(md).toContain(base.scenario.spec.steps.find((s) => s.stop)!.say!.en);
    expect(md).toContain('## 멈춤 1 · ');
    expect(handoutFileName(lesson, 'ko')).toBe('my-lesson.handout.ko.md');
  });

  it('is empty of stops and key for a lesson without stops', () => {
    const base = byId('canary');
    const lesson: Lesson = {
      ...base,
      scenario: {
        ...base.scenario,
        spec: { ...base.scenario.spec, steps: base.scenario.spec.steps.map(({ stop: _s, ...s }) => s) },
      },
    };
    expect(handoutOf(lesson, 'en').stops).toEqual([]);
    expect(handoutMarkdown(lesson, 'en', translate)).toBe(`# ${base.title.en}\n\n${base.summary.en}\n`);
  });
});
