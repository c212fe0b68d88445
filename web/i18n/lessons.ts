/** Strings of the lesson picker, the lesson player and presentation mode. */
export const lessons = {
  'lessons.button': 'Lessons',
  'lessons.question': 'Question',
  'lessons.answerFirst': 'Answer to see what happens:',
  'lessons.answerIs': 'Answer: {answer}',
  'lessons.present': 'Present',
  'lessons.presentHint': 'Presentation mode (P)',
  'lessons.loading': 'Loading the lesson…',
  'present.progress': 'Stop {n} of {total}',
  'present.keys': '→ PageDown Space: next · ← PageUp: back · B: blank · Esc: leave',
  'present.choose': 'Choices',
};
