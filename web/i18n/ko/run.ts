/** Korean strings of web/i18n/run.ts (the same keys). */
export const run = {
  'actions.now.rolling':
    '현재: RollingUpdate, maxSurge {surge}, maxUnavailable {unavailable}, minReadySeconds {minReady}, 레플리카 {replicas}',
  'actions.now.recreate': '현재: Recreate, 레플리카 {replicas}',
  'bg.title': '블루/그린',
  'bg.image': '그린 버전',
  'bg.none': '{blue} 옆에 두 번째 디플로이먼트를 시작합니다. 서비스는 계속 블루로 요청을 보냅니다.',
  'bg.starting': '{green} 대기 중: {replicas}개 중 {available}개 사용 가능.',
  'bg.ready': '{green} 준비 완료. 원할 때 서비스를 전환하세요: 셀렉터 하나만 바꾸면 됩니다.',
  'bg.switched': '서비스가 {green}에 요청을 보냅니다. {blue}도 아직 실행 중이라 되돌릴 수 있습니다.',
  'bg.retired': '서비스가 {green}에 요청을 보냅니다. 블루에는 파드가 남아 있지 않습니다.',
  'bg.switch': '서비스 전환',
  'bg.switchBack': '블루로 되돌리기',
  'bg.retire': '{name} 레플리카를 0으로 줄이기',
  'console.after': '조건: {condition}',
  'console.waiting': '조건을 기다리는 중: {condition}',
  'opening.label': '시나리오를 {t}까지 재생하는 중',
  'opening.cancel': '취소',
  'share.problem.openCancelled': '열기를 취소했습니다.',
};
