/**
 * Built-in lessons: Scenarios (DESIGN.md §2) whose steps carry the teaching. A step with
 * `stop: true` is a stop: the player plays up to its moment (its command has run) and waits.
 * A stop may ask a question about what happens between it and the next stop; the learner
 * answers before the animation shows it, and the answer comes with its arithmetic. A stop may
 * also open a comparison (`compare`): the same start updated several ways, side by side.
 */
import type { Scenario, ScenarioStep } from '../scenario.ts';

/**
 * Parts of the screen whose numbers can answer a question before the animation does, so predict
 * mode hides them while the question is open:
 *
 * - `budget.max`: the RollingUpdate gauge's upper limit (replicas + maxSurge): its "≤ N", its
 *   "max N" mark, its arithmetic, and the scale's ticks (which end just past it);
 * - `budget.min`: the lower limit (replicas − maxUnavailable): "≥ N", "min N", its arithmetic;
 * - `why`: the controllers' explained decisions (the Why panel, the lesson's "what happened"),
 *   which carry the same arithmetic;
 * - `timeline`: the recorded history after the moment shown (there when the learner comes back
 *   to a stop after playing further).
 */
export const REVEAL_ELEMENTS = ['budget.max', 'budget.min', 'why', 'timeline'] as const;
export type RevealElement = (typeof REVEAL_ELEMENTS)[number];

/** Text in both languages every lesson ships (Korean is required here, unlike in scenarios). */
export type Text = { en: string; ko: string };

export interface LessonQuestion {
  prompt: Text;
  /** Short answers (numbers, or a few words in both languages). */
  choices: (string | Text)[];
  /** Index of the right choice. */
  answer: number;
  /** Why, with the numbers: shown once the learner has answered. */
  explain: Text;
  /** What on the screen would give the answer away while the question is open (predict mode). */
  reveals: readonly RevealElement[];
}

export type LessonStep = ScenarioStep & {
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
