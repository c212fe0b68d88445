/** Strings of the app's frame (header, language switch). Areas add their own files. */
export const app = {
  en: {
    'app.title': 'Rollout Lab',
    'app.language': 'Language',
  },
  ko: {
    'app.title': 'Rollout Lab',
    'app.language': '언어',
  },
};
