/** Strings of predict mode (web/predict). */
export const predict = {
  'predict.answerFirst': 'Answer first',
  'predict.hidden': 'Hidden',
  'predict.tip': 'Hidden until you answer the question or skip it (predict mode)',
  'predict.tipMode': 'Predict mode hides what comes after the moment on screen',
  'predict.why':
    'The controllers’ reasons, with their numbers, show once you answer the question or skip it.',
  'predict.toggle': 'Predict',
  'predict.toggleTip':
    'Predict mode: the timeline never shows what comes after the moment on screen, so you can ask what happens next. Lessons always predict: the numbers that answer a question wait until it is answered.',
  'predict.later': 'later: hidden',
};
