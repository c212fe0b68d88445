/** Korean strings of web/i18n/predict.ts (the same keys). */
export const predict = {
  'predict.answerFirst': '먼저 답하세요',
  'predict.hidden': '숨김',
  'predict.tip': '질문에 답하거나 건너뛸 때까지 숨깁니다(예측 모드)',
  'predict.tipMode': '예측 모드는 지금 화면의 시점 이후를 숨깁니다',
  'predict.why': '질문에 답하거나 건너뛰면 컨트롤러가 한 일과 그 계산이 보입니다.',
  'predict.toggle': '예측',
  'predict.toggleTip':
    '예측 모드: 타임라인이 지금 화면의 시점 이후를 보여 주지 않으므로, 다음에 무슨 일이 일어날지 물어볼 수 있습니다. 레슨은 항상 예측 모드입니다. 질문의 답이 되는 숫자는 답할 때까지 숨겨집니다.',
  'predict.later': '이후: 숨김',
};
