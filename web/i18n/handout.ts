/** Strings of a lesson's handout (web/handout): the printable page and its Markdown file. */
export const handout = {
  'handout.open': 'Handout',
  'handout.openHint':
    'A printable handout of this lesson: every stop with its diagram, commands and question',
  'handout.label': 'Handout',
  'handout.print': 'Print or save as PDF',
  'handout.markdown': 'Download Markdown',
  'handout.close': 'Close',
  'handout.preparing': 'Drawing the diagrams: {n} of {total}…',
  'handout.ready': 'Ready to print.',
  'handout.failed': 'The diagrams could not be drawn: {message}',
  'handout.stop': 'Stop {n} · {time}',
  'handout.stopShort': 'Stop {n}',
  'handout.commands': 'Commands run',
  'handout.noCommands': 'No command since the previous stop.',
  'handout.yourAnswer': 'Your answer',
  'handout.answerKey': 'Answer key',
  'handout.diagram': 'The cluster at {time}',
  'handout.stops': '{n, plural, one {# stop} other {# stops}}',
};
