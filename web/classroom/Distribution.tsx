/**
 * How the class answered one question: a bar per choice, or per number given (smallest first),
 * with counts; the right ones marked once shown.
 */
import { answerIsRight, isNumberQuestion, type ClassTally, type LessonQuestion } from '../../src/index.ts';
import { useLang, useT } from '../i18n/index.ts';
import { choiceText, numberText } from '../lessons/hooks.ts';
import './classroom.css';
import '../i18n/features.ts';

interface Row {
  /** Test ids: `class.<key>` for the row, `class.count.<count>` for its count. */
  key: string;
  count: string;
  label: string;
  n: number;
  right: boolean;
}

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
  const rows: Row[] = isNumberQuestion(q)
    ? (tally.values ?? []).map(({ value, count }, i) => ({
        key: `number.${i}`,
        count: `number.${i}`,
        label: numberText(value, q.number.unit, lang),
        n: count,
        right: answerIsRight(q, value),
      }))
    : q.choices.map((c, i) => ({
        key: `choice.${i}`,
        count: String(i),
        label: `${String.fromCharCode(65 + i)}. ${choiceText(c, lang)}`,
        n: tally.counts[i] ?? 0,
        right: i === q.answer,
      }));
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <figure className="class-dist" data-testid="class.distribution">
      <figcaption>{t('class.answered', { n: tally.answered, total: tally.students })}</figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t('class.noNumbers')}</p>
      ) : (
        // Each number given has its row: many different ones scroll inside the figure.
        <ol
          className={isNumberQuestion(q) ? 'class-dist-numbers' : undefined}
          tabIndex={rows.length > 8 ? 0 : undefined}
        >
          {rows.map((r) => {
            const right = showAnswer && r.right;
            return (
              <li key={r.key} className={right ? 'right' : undefined} data-testid={`class.${r.key}`}>
                <span className="class-dist-label">
                  {r.label}
                  {right ? ' ✓' : ''}
                </span>
                <span className="class-dist-bar" aria-hidden="true">
                  <span style={{ width: `${(r.n / max) * 100}%` }} />
                </span>
                <span className="class-dist-n" data-testid={`class.count.${r.count}`}>
                  {r.n}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </figure>
  );
}
