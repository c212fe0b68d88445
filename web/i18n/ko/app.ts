/** Korean strings of web/i18n/app.ts (the same keys). */
export const app = {
  'app.title': 'Rollout Lab',
  'app.language': '언어',
  'app.compare': '비교',
  'app.compareTip': '같은 시작 상태를 여러 방법으로 업데이트해 한 시계로 나란히 봅니다',
  'app.partUnavailable': '랩의 이 부분을 불러오지 못했습니다(오프라인인가요?).',
  'app.partRetry': '다시 시도',
};
