/** Strings of following a Kubernetes API (web/follow). */
export const follow = {
  en: {
    'follow.connect': 'Connect',
    'follow.connectHint': 'Watch a namespace of a Kubernetes API (a real cluster through kubectl proxy)',
    'follow.title': 'Follow a Kubernetes API',
    'follow.explain':
      'The lab lists and watches Deployments, ReplicaSets, Pods, Services, EndpointSlices and Events of one namespace and draws them as they change. It only reads: nothing is ever written to the cluster. For a real cluster run kubectl proxy and use its address; no credentials go into this page.',
    'follow.url': 'API address',
    'follow.namespace': 'Namespace',
    'follow.go': 'Connect',
    'follow.connecting': 'Connecting…',
    'follow.cancel': 'Cancel',
    'follow.following': 'Following {ns} at {url}',
    'follow.live': 'live',
    'follow.behind': 'scrubbed back',
    'follow.toLive': 'Back to live',
    'follow.disconnect': 'Disconnect',
    'follow.stopped': 'Stopped following: {error}',
    'follow.retrying': 'Connection lost, trying again: {message}',
    'follow.missing': 'Not shown ({kinds}): this user may not read them, or the server does not serve them.',
    'follow.readOnly':
      'Following {ns} read-only: nothing here writes to the cluster. Change it with your own kubectl; Disconnect returns to the lab.',
    'follow.readOnlyShort': 'Not while following a cluster (read-only): Disconnect first',
    'follow.noDecisions':
      'A followed cluster’s controllers do not say why they act: its Events show what they did.',
  },
  ko: {
    'follow.connect': '연결',
    'follow.connectHint': 'Kubernetes API의 네임스페이스 지켜보기 (실제 클러스터는 kubectl proxy로)',
    'follow.title': 'Kubernetes API 따라가기',
    'follow.explain':
      '한 네임스페이스의 Deployment, ReplicaSet, Pod, Service, EndpointSlice, Event를 list와 watch로 읽어 바뀌는 대로 그립니다. 읽기만 하며 클러스터에는 아무것도 쓰지 않습니다. 실제 클러스터는 kubectl proxy를 실행하고 그 주소를 쓰세요. 이 페이지에는 자격 증명이 들어오지 않습니다.',
    'follow.url': 'API 주소',
    'follow.namespace': '네임스페이스',
    'follow.go': '연결',
    'follow.connecting': '연결하는 중…',
    'follow.cancel': '취소',
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
  },
};
