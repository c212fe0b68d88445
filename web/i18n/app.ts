/** Strings of the app's frame (header, language switch). Areas add their own files. */
export const app = {
  'app.title': 'Rollout Lab',
  'app.language': 'Language',
  'app.compare': 'Compare',
  'app.compareTip': 'The same start updated several ways, side by side on one clock',
  'app.partUnavailable': 'This part of the lab could not be loaded (are you offline?).',
  'app.partRetry': 'Try again',
};
