/** Korean strings of web/i18n/follow.ts (the same keys). */
export const follow = {
  'follow.connect': '연결',
  'follow.connectHint': 'Kubernetes API의 네임스페이스 지켜보기 (실제 클러스터는 kubectl proxy로)',
  'follow.title': 'Kubernetes API 따라가기',
  'follow.following': '{url}의 {ns} 따라가는 중',
  'follow.live': '실시간',
  'follow.behind': '되돌려 보는 중',
  'follow.toLive': '실시간으로',
  'follow.disconnect': '연결 끊기',
  'follow.stopped': '따라가기 멈춤: {error}',
  'follow.retrying': '연결이 끊겨 다시 시도하는 중: {message}',
  'follow.missing': '표시 안 됨 ({kinds}): 이 사용자가 읽을 수 없거나 서버가 제공하지 않습니다.',
  'follow.readOnly':
    '{ns}를 읽기 전용으로 따라가는 중: 여기서는 클러스터에 아무것도 쓰지 않습니다. 바꾸려면 직접 kubectl을 쓰세요. 연결 끊기를 누르면 실습으로 돌아갑니다.',
  'follow.readOnlyShort': '클러스터를 따라가는 동안은 할 수 없습니다 (읽기 전용): 먼저 연결을 끊으세요',
  'follow.noDecisions':
    '따라가는 클러스터의 컨트롤러는 왜 동작하는지 알려 주지 않습니다. 무엇을 했는지는 Event에서 볼 수 있습니다.',
};
