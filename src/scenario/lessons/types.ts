/**
 * Built-in lessons: Scenarios (DESIGN.md §2) whose steps carry the teaching. A step with
 * `stop: true` is a stop: the player plays up to its moment (its command has run) and waits.
 * A stop may ask a question about what happens between it and the next stop; the learner
 * answers before the animation shows it, and the answer comes with its arithmetic. A stop may
 * also open a comparison (`compare`): the same start updated several ways, side by side.
 */
import {
  isNumberQuestion,
  type Localized,
  type NumberAnswer,
  type RevealElement,
  type Scenario,
  type ScenarioStep,
} from '../scenario.ts';

/** What predict mode hides while a question is open (defined with the Scenario format). */
export { REVEAL_ELEMENTS, type RevealElement } from '../scenario.ts';

/** Text in both languages every lesson ships (Korean is required here, unlike in scenarios). */
export type Text = { en: string; ko: string };

interface LessonQuestionBase {
  prompt: Text;
  /** Why, with the numbers: shown once the learner has answered. */
  explain: Text;
  /** What on the screen would give the answer away while the question is open (predict mode). */
  reveals: readonly RevealElement[];
}

/** A question answered by picking one of its choices. */
export interface LessonChoiceQuestion extends LessonQuestionBase {
  /** Short answers (numbers, or a few words in both languages). */
  choices: (string | Text)[];
  /** Index of the right choice. */
  answer: number;
}

/** A question answered by typing a number: the answer, how far off still counts, the unit. */
export interface LessonNumberQuestion extends LessonQuestionBase {
  number: { answer: number; tolerance?: number; unit?: string | Text };
}

export type LessonQuestion = LessonChoiceQuestion | LessonNumberQuestion;

export type LessonStep = Omit<ScenarioStep, 'question' | 'notes'> & {
  say?: Text;
  /** Asked at this stop, about what happens before the next one. */
  question?: LessonQuestion;
  /** For the presenter only (the presenter window shows them). */
  notes?: Text;
  /** The exit code this command is meant to have (default 0). */
  expectExit?: number;
  /**
   * At this stop, the learner can open a comparison: the id of a preset (`COMPARISON_PRESETS` in
   * src/compare/presets.ts, e.g. `recreate-vs-rolling`). The lesson panel and presentation mode
   * show a button that opens it side by side; closing it returns to the stop.
   */
  compare?: string;
};

export interface Lesson {
  /** URL-safe id (`?lesson=rolling-update`). */
  id: string;
  title: Text;
  summary: Text;
  /** Roughly how long the lesson takes, in minutes, reading and answering included. */
  minutes: number;
  scenario: Omit<Scenario, 'spec'> & { spec: Omit<Scenario['spec'], 'steps'> & { steps: LessonStep[] } };
}

/** Index of each stop in the lesson's steps, in order. */
export function stopIndices(lesson: Lesson): number[] {
  const out: number[] = [];
  lesson.scenario.spec.steps.forEach((s, i) => {
    if (s.stop) out.push(i);
  });
  return out;
}

/** The steps of a lesson (typed as lesson steps). */
export const stepsOf = (lesson: Lesson): readonly LessonStep[] => lesson.scenario.spec.steps;

/** Builds a lesson, filling the scenario's metadata from the lesson's title and summary. */
export function lesson(
  l: Omit<Lesson, 'scenario'> & {
    scenario: Omit<Lesson['scenario'], 'apiVersion' | 'kind' | 'metadata'>;
  },
): Lesson {
  return {
    ...l,
    scenario: {
      apiVersion: 'rolloutlab/v1',
      kind: 'Scenario',
      metadata: { name: l.id, title: l.title, summary: l.summary },
      spec: l.scenario.spec,
    },
  };
}

// Korean not written stays empty: the app shows the English in its place, and the scenario a
// lesson plays (and a link carries) gains nothing it did not have.
const both = (l: { en: string; ko?: string } | undefined, fallback = ''): Text => ({
  en: l?.en ?? fallback,
  ko: l?.ko ?? '',
});

/** A short answer or unit: text in one language stays so; a map gets both languages. */
const localText = (c: string | Localized): string | Text => (typeof c === 'string' ? c : both(c));

const lessonNumber = ({ unit, ...n }: NumberAnswer): LessonNumberQuestion['number'] =>
  unit === undefined ? n : { ...n, unit: localText(unit) };

const scenarios = new WeakMap<Lesson, Scenario>();

/**
 * The scenario a lesson plays: its own, without what only the lesson reads (a stop's `compare`,
 * a step's `expectExit`), which a scenario does not have and the Run would refuse.
 */
export function lessonScenario(lesson: Lesson): Scenario {
  let s = scenarios.get(lesson);
  if (!s) {
    const steps = lesson.scenario.spec.steps.map(({ compare: _c, expectExit: _e, ...step }) => step);
    s = { ...lesson.scenario, spec: { ...lesson.scenario.spec, steps } };
    scenarios.set(lesson, s);
  }
  return s;
}

/**
 * A scenario whose steps carry stops (`stop: true`, narration in `say:`, a `question:`), played
 * as a lesson: a teacher's own, from the lesson builder, a link or a file. Korean that was not
 * written is empty (the app shows the English). `id` names it for the lesson player and progress
 * (`custom-…`).
 */
export function lessonFromScenario(scenario: Scenario, id: string): Lesson {
  const steps: LessonStep[] = scenario.spec.steps.map((s) => {
    const { say, question, notes, ...rest } = s;
    const step: LessonStep = { ...rest };
    if (say) step.say = both(say);
    if (notes) step.notes = both(notes);
    if (question)
      step.question = {
        prompt: both(question.prompt),
        ...(isNumberQuestion(question)
          ? {
              number: lessonNumber(question.number),
            }
          : { choices: question.choices.map(localText), answer: question.answer }),
        explain: both(question.explain),
        reveals: question.reveals ?? [],
      };
    return step;
  });
  const stops = steps.filter((s) => s.stop).length;
  return {
    id,
    title: both(scenario.metadata.title, scenario.metadata.name),
    summary: both(scenario.metadata.summary),
    minutes: Math.max(1, stops),
    scenario: { ...scenario, spec: { ...scenario.spec, steps } },
  };
}
