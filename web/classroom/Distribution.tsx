/** How the class answered one question: a bar per choice, with counts; the right one marked once shown. */
import type { ClassTally, LessonQuestion } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { choiceText } from '../lessons/hooks.ts';
import './classroom.css';
import '../i18n/features.ts';

export function Distribution({
  q,
  tally,
  showAnswer,
}: {
  q: LessonQuestion;
  tally: ClassTally;
  showAnswer: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const max = Math.max(1, ...tally.counts);
  return (
    <figure className="class-dist" data-testid="class.distribution">
      <figcaption>{t('class.answered', { n: tally.answered, total: tally.students })}</figcaption>
      <ol>
        {q.choices.map((c, i) => {
          const n = tally.counts[i] ?? 0;
          const right = showAnswer && i === q.answer;
          return (
            <li key={i} className={right ? 'right' : undefined} data-testid={`class.choice.${i}`}>
              <span className="class-dist-label">
                {String.fromCharCode(65 + i)}. {choiceText(c, lang)}
                {right ? ' ✓' : ''}
              </span>
              <span className="class-dist-bar" aria-hidden="true">
                <span style={{ width: `${(n / max) * 100}%` }} />
              </span>
              <span className="class-dist-n" data-testid={`class.count.${i}`}>
                {n}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
