/** Korean strings of web/i18n/lessons.ts (the same keys). */
export const lessons = {
  'lessons.button': '레슨',
  'lessons.question': '질문',
  'lessons.answerFirst': '답을 고르면 어떻게 되는지 보여 줍니다:',
  'lessons.answerIs': '정답: {answer}',
  'lessons.present': '발표',
  'lessons.presentHint': '발표 모드 (P)',
  'lessons.loading': '레슨을 불러오는 중…',
  'present.progress': '멈춤 {n} / {total}',
  'present.keys': '→ PageDown Space: 다음 · ← PageUp: 이전 · B: 화면 가리기 · Esc: 나가기',
  'present.choose': '보기',
};
