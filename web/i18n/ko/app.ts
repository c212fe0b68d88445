/** Korean strings of web/i18n/app.ts (the same keys). */
export const app = {
  'app.title': 'Rollout Lab',
  'app.language': '언어',
};
