/**
 * The Korean templates of decision explanations, one per decision code (src/explain/index.ts). They
 * load with the rest of the Korean text (`loadExplanations`), not with the first paint.
 */
import { withParticle as w } from './korean.ts';
import { fmt, num, resolvedPhrase, str, type Template } from './phrases.ts';

/** CPU cores as Kubernetes writes them: 0.5 → 500m, 2 → 2. */
const cpuText = (cores: number): string =>
  Number.isInteger(cores) ? String(cores) : `${Math.round(cores * 1000)}m`;
/** Bytes as Mi or Gi. */
const memoryText = (bytes: number): string =>
  bytes >= 2 ** 30 && bytes % 2 ** 30 === 0 ? `${bytes / 2 ** 30}Gi` : `${fmt(bytes / 2 ** 20)}Mi`;

/** Korean templates, one per decision code. */
export const ko: Record<string, Template> = {
  'replicaset.create': (d, v) =>
    `레플리카셋 ${d.object.name}의 목표 파드 수는 ${num(v, 'want')}개인데 지금 ${num(v, 'have')}개뿐이므로 ${num(v, 'create')}개를 새로 만듭니다.`,
  'replicaset.delete': (d, v) =>
    `레플리카셋 ${d.object.name}의 목표 파드 수는 ${num(v, 'want')}개인데 지금 ${num(v, 'have')}개이므로 ${num(v, 'delete')}개를 지웁니다. 준비되지 않은 파드와 가장 최근에 만든 파드부터 지웁니다: ${str(v, 'victims')}.`,
  'revision.reuse': (_d, v) =>
    `파드 템플릿이 레플리카셋 ${str(v, 'replicaSet')}(리비전 ${str(v, 'oldRevision')})의 템플릿과 같으므로 새 레플리카셋을 만들지 않고 이 레플리카셋을 다시 새 레플리카셋으로 씁니다. 리비전 번호는 ${str(v, 'oldRevision')}에서 ${w(str(v, 'newRevision'), '으로')} 바뀝니다.`,
  'deployment.newReplicaSet': (_d, v) => {
    const head = `파드 템플릿이 바뀌었으므로 레플리카셋 ${w(`${str(v, 'replicaSet')}(리비전 ${str(v, 'revision')})`, '을')} 만듭니다.`;
    if (str(v, 'strategy') === 'Recreate')
      return `${head} 전략이 Recreate이고 이전 파드가 모두 사라졌으므로 처음부터 레플리카 ${num(v, 'replicas')}개 전부로 시작합니다.`;
    const desired = num(v, 'desired');
    const surge = num(v, 'maxTotal') - desired;
    return `${head} ${resolvedPhrase('maxSurge', str(v, 'maxSurge'), desired, surge, true, 'ko')}이므로 파드는 모두 합쳐 ${desired} + ${surge} = ${num(v, 'maxTotal')}개까지 있을 수 있습니다. 기존 파드가 ${num(v, 'existing')}개이므로 새 레플리카셋은 ${num(v, 'replicas')}개로 시작합니다.`;
  },
  'scale.single': (_d, v) =>
    `spec.replicas가 ${w(num(v, 'to'), '으로')} 바뀌었습니다. 파드가 있는 레플리카셋은 ${str(v, 'replicaSet')} 하나뿐이므로 이 레플리카셋을 ${num(v, 'from')}개에서 ${num(v, 'to')}개로 조정합니다.`,
  'scale.proportional': (_d, v) => {
    const add = num(v, 'toAdd');
    return `롤아웃 도중 spec.replicas가 바뀌었습니다. 허용되는 파드는 레플리카 ${num(v, 'replicas')} + maxSurge ${num(v, 'surge')} = ${num(v, 'allowed')}개이고 지금 ${num(v, 'current')}개가 지정되어 있으므로, ${Math.abs(add)}개를 ${add > 0 ? '늘리되' : '줄이되'} 각 레플리카셋의 크기에 비례해 나눕니다: ${str(v, 'sizes')}.`;
  },
  'cleanup.delete': (_d, v) =>
    `revisionHistoryLimit이 ${num(v, 'limit')}인데 이전 레플리카셋이 ${num(v, 'old')}개 남아 있으므로, 비어 있는 가장 오래된 레플리카셋(${str(v, 'replicaSet')})을 지웁니다. 이 리비전으로는 더 이상 롤백할 수 없습니다.`,
  'recreate.scaleDownOld': (_d, v) =>
    `Recreate 전략: 이전 레플리카셋 ${num(v, 'oldReplicaSets')}개를 먼저 모두 0으로 줄입니다. 이전 파드가 모두 사라진 뒤에야 새 파드가 시작되므로, 그 사이에는 요청에 응답할 파드가 없습니다.`,
  'recreate.waitOldPods': (_d, v) =>
    `Recreate 전략: 이전 파드 ${num(v, 'oldPods')}개가 아직 실행 중이거나 종료 중이므로 새 레플리카셋은 기다립니다.`,
  'progress.deadlineExceeded': (_d, v) =>
    `progressDeadlineSeconds(${num(v, 'progressDeadlineSeconds')}초)가 지나도록 롤아웃이 진척되지 않았습니다. Progressing 조건이 False(ProgressDeadlineExceeded)가 됩니다. 컨트롤러는 스스로 롤백하지 않고 계속 시도합니다. 롤백은 사용자가 kubectl rollout undo로 해야 합니다.`,
  'rolling.newTooLarge': (_d, v) =>
    `새 레플리카셋 ${str(v, 'replicaSet')}의 레플리카가 ${num(v, 'from')}개인데 디플로이먼트가 원하는 수는 ${num(v, 'to')}개이므로 ${num(v, 'to')}개로 줄입니다.`,
  'rolling.scaleUpNew': (_d, v) => {
    const replicas = num(v, 'replicas');
    const surge = num(v, 'surge');
    const room = num(v, 'maxTotal') - num(v, 'current');
    return `${resolvedPhrase('maxSurge', str(v, 'maxSurge'), replicas, surge, true, 'ko')}이므로 파드는 모두 합쳐 ${replicas} + ${surge} = ${num(v, 'maxTotal')}개까지 지정할 수 있습니다. 지금 ${num(v, 'current')}개이므로 ${room}개를 더할 수 있어, 새 레플리카셋을 ${num(v, 'from')}개에서 ${num(v, 'to')}개로 늘립니다.`;
  },
  'rolling.newBlocked': (_d, v) =>
    `파드는 모두 합쳐 레플리카 ${num(v, 'replicas')} + maxSurge ${num(v, 'surge')} = ${num(v, 'maxTotal')}개까지 지정할 수 있는데 이미 ${num(v, 'current')}개이므로, 이전 파드가 줄어들 때까지 새 레플리카셋은 늘어날 수 없습니다.`,
  'rolling.oldBlocked': (_d, v) => {
    const replicas = num(v, 'replicas');
    const unavailable = num(v, 'unavailable');
    return `${resolvedPhrase('maxUnavailable', str(v, 'maxUnavailable'), replicas, unavailable, false, 'ko')}이므로 최소 ${replicas} − ${unavailable} = ${num(v, 'minAvailable')}개는 사용 가능해야 합니다. 지정된 파드 ${num(v, 'allPods')}개 중 새 파드 ${num(v, 'newUnavailable')}개가 아직 사용 가능하지 않으므로 ${num(v, 'allPods')} − ${num(v, 'minAvailable')} − ${num(v, 'newUnavailable')} = ${num(v, 'maxScaledDown')}, 이전 파드를 하나도 지울 수 없습니다.`;
  },
  'rolling.scaleDownOld': (_d, v) => {
    const replicas = num(v, 'replicas');
    const unavailable = num(v, 'unavailable');
    const cleaned = num(v, 'cleanedUp');
    return `${resolvedPhrase('maxUnavailable', str(v, 'maxUnavailable'), replicas, unavailable, false, 'ko')}이므로 최소 ${replicas} − ${unavailable} = ${num(v, 'minAvailable')}개는 사용 가능해야 합니다. 지정된 파드 ${num(v, 'allPods')}개 중 사용 가능하지 않은 새 파드가 ${num(v, 'newUnavailable')}개이므로 ${num(v, 'allPods')} − ${num(v, 'minAvailable')} − ${num(v, 'newUnavailable')} = ${num(v, 'maxScaledDown')}개까지 줄일 수 있어, 이전 레플리카셋을 ${num(v, 'total')}개 줄입니다${cleaned ? ` (그중 ${cleaned}개는 먼저 정리한 비정상 파드)` : ''}.`;
  },
  'pod.terminating': (d, v) =>
    num(v, 'seconds') > 0
      ? v['killed']
        ? `파드 ${w(d.object.name, '이')} 종료 중(Terminating)입니다. 서비스의 엔드포인트에서 즉시 빠지지만, 앱이 terminationGracePeriodSeconds(${num(v, 'grace')}) 안에 종료되지 않아 ${num(v, 'seconds')}초 뒤에 강제로 종료됩니다.`
        : `파드 ${w(d.object.name, '이')} 종료 중(Terminating)입니다. 서비스의 엔드포인트에서 즉시 빠지고, 앱은 ${num(v, 'seconds')}초 동안 종료 작업을 합니다(terminationGracePeriodSeconds ${num(v, 'grace')} 안에서).`
      : str(v, 'waiting')
        ? `파드 ${w(d.object.name, '은')} 컨테이너가 실행 중이 아닐 때(${str(v, 'waiting')}) 삭제되었습니다. 멈출 것이 없으므로 바로 사라집니다.`
        : `파드 ${w(d.object.name, '이')} 삭제되어 바로 사라집니다.`,
  'pod.pullBackOff': (d, v) =>
    `이미지 ${w(str(v, 'image'), '을')} 가져올 수 없으므로(찾을 수 없음) 파드 ${w(d.object.name, '은')} ${num(v, 'backoff')}초 기다린 뒤 다시 시도합니다(ImagePullBackOff, 대기 시간은 최대 5분까지 두 배씩 늘어남). 이 파드는 Ready가 되지 않습니다.`,
  'pod.neverPull': (d, v) =>
    `이미지 ${w(str(v, 'image'), '이')} 노드 ${str(v, 'node')}에 없고 파드 ${d.object.name}의 imagePullPolicy가 Never이므로 kubelet은 이미지를 가져오지 않습니다. 컨테이너는 만들어지지 않습니다(ErrImageNeverPull). 다른 파드가 이미지를 노드로 가져올 수도 있으므로 10초마다 다시 확인합니다.`,
  'pod.crashLoop': (d, v) =>
    `파드 ${d.object.name}의 컨테이너가 다시 종료 코드 ${w(num(v, 'exitCode'), '으로')} 끝났습니다(재시작 ${num(v, 'restarts')}회). kubelet은 ${num(v, 'backoff')}초 뒤에 다시 시작합니다(CrashLoopBackOff: 10초부터 최대 5분까지 두 배씩). 그동안 파드는 Ready가 아닙니다.`,
  'pod.exited': (d, v) => {
    const phase = str(v, 'phase');
    const state =
      phase === 'Succeeded'
        ? '파드는 Succeeded(완료)입니다'
        : phase === 'Failed'
          ? '파드는 Failed(실패)입니다'
          : '파드는 Ready가 아닙니다';
    return `파드 ${d.object.name}의 컨테이너가 종료 코드 ${w(num(v, 'exitCode'), '으로')} 끝났고 restartPolicy가 ${str(v, 'policy')}이므로 kubelet은 다시 시작하지 않습니다. ${state}. 서비스의 엔드포인트에서 빠지고, 삭제할 때까지 남아 있습니다.`;
  },
  'pod.livenessRestart': (d, v) =>
    `파드 ${d.object.name}의 라이브니스 프로브가 연속 ${num(v, 'failures')}번 실패했으므로 kubelet이 컨테이너를 다시 시작합니다.`,
  'pod.readinessFailed': (d, v) =>
    `파드 ${d.object.name}의 레디니스 프로브가 연속 ${num(v, 'failures')}번 실패했으므로(failureThreshold ${num(v, 'threshold')}) 파드는 Ready가 아닙니다. 서비스의 엔드포인트에서 빠지고 사용 가능한 파드로 세지 않습니다.`,
  'pod.neverReady': (d) =>
    `파드 ${w(d.object.name, '은')} 실행 중이지만 레디니스 프로브가 계속 실패해 Ready가 되지 못합니다. 서비스는 이 파드로 요청을 보내지 않습니다.`,
  'endpoints.reselected': (d, v) =>
    `서비스 ${d.object.name}의 셀렉터가 ${str(v, 'previous')}에서 ${w(str(v, 'selector'), '으로')} 바뀌었습니다. 이제 엔드포인트는 이 셀렉터가 고르는 파드로, Ready ${num(v, 'ready')}개${num(v, 'notReady') ? `와 Ready가 아닌 ${num(v, 'notReady')}개` : ''}이며 요청은 Ready인 파드로만 갑니다.`,
  'pdb.allowed': (d, v) =>
    `PodDisruptionBudget ${d.object.name}: 파드 ${num(v, 'expected')}개 중 ${num(v, 'current')}개가 정상이고 ${num(v, 'desired')}개는 남아 있어야 하므로, 지금 ${num(v, 'allowed')}개까지 축출(evict)할 수 있습니다.`,
  'pdb.blocked': (d, v) =>
    `PodDisruptionBudget ${d.object.name}: 파드 ${num(v, 'expected')}개 중 ${num(v, 'current')}개가 정상이고 ${num(v, 'desired')}개는 남아 있어야 하므로, 다른 파드가 Ready가 될 때까지 어떤 파드도 축출할 수 없습니다.`,
  'drain.evictionRefused': (d, v) =>
    `Eviction API가 파드 ${d.object.name}의 축출을 거부했습니다(PodDisruptionBudget 위반). kubectl drain은 ${num(v, 'retry')}초 뒤에 다시 시도합니다.`,
  'node.unreachable': (d, v) =>
    `노드 ${d.object.name}가 ${num(v, 'grace')}초(유예 기간)가 넘도록 상태를 보고하지 않아 NotReady가 되었습니다. 노드의 파드는 Ready가 아닌 것으로 표시되어 엔드포인트에서 빠지고, 노드에는 node.kubernetes.io/unreachable:NoExecute 테인트가 붙습니다. 파드는 이 테인트를 ${num(v, 'tolerationSeconds')}초 동안 용인한 뒤 축출되어 다른 노드에 다시 만들어집니다.`,
  'node.ready': (d) =>
    `노드 ${d.object.name}가 다시 상태를 보고하므로 Ready가 되고 테인트가 사라집니다. 그동안 축출된 파드는 kubelet이 마저 정리합니다.`,
  'node.cordoned': (d) =>
    `노드 ${d.object.name}가 cordon되어(spec.unschedulable) node.kubernetes.io/unschedulable:NoSchedule 테인트가 붙습니다. 스케줄러는 새 파드를 이 노드에 두지 않지만, 이미 있는 파드는 축출(kubectl drain)되거나 삭제될 때까지 계속 실행됩니다.`,
  'pod.taintEvicted': (d, v) =>
    v['taint'] !== undefined
      ? `파드 ${d.object.name}가 노드 ${str(v, 'node')}의 테인트 ${str(v, 'taint')}를 용인하지 않으므로 바로 축출됩니다. 레플리카셋은 테인트를 용인할 수 있는 노드에 대신할 파드를 만듭니다.`
      : `파드 ${d.object.name}가 노드 ${str(v, 'node')}의 NoExecute 테인트를 tolerationSeconds 동안 용인했고, 이제 축출됩니다. 레플리카셋은 Ready인 노드에 대신할 파드를 만듭니다.`,
  'pod.taintEvictionCancelled': (d, v) =>
    `파드 ${d.object.name}는 더 이상 노드 ${str(v, 'node')}에서 축출되기를 기다리지 않습니다. 잠시 용인하던 NoExecute 테인트가 사라졌거나, 남은 테인트는 계속 용인합니다.`,
  'fault.kill': (d) =>
    `파드 ${d.object.name}의 컨테이너가 강제로 종료되었습니다(종료 코드 137). kubelet은 처음에는 바로, 그다음부터는 10초부터 최대 5분까지 두 배씩 늘어나는 대기 후에 다시 시작합니다(CrashLoopBackOff). 10분 동안 문제없이 실행되면 대기 시간이 초기화됩니다.`,
  'fault.unhealthy': (d, v) =>
    str(v, 'probes') === 'none'
      ? `파드 ${d.object.name}의 앱이 지금부터 500으로 응답합니다. 프로브가 없으므로 쿠버네티스는 알 수 없습니다. 파드는 Ready로 남아 계속 요청을 받습니다.`
      : `파드 ${d.object.name}의 앱이 지금부터 500으로 응답합니다. ${str(v, 'probes')} 프로브가 실패하기 시작하고, failureThreshold만큼 연속으로 실패하면 조치가 이루어집니다.`,
  'fault.healthy': (d) =>
    `파드 ${d.object.name}의 앱이 다시 정상적으로 응답합니다. 다음 프로브부터 성공합니다.`,
  'fault.nodeDown': (d) =>
    `노드 ${d.object.name}의 kubelet이 멈췄습니다. 파드는 더 이상 응답하지 않고, 그 상태를 보고하는 것도 없습니다. 노드 수명 주기 컨트롤러는 하트비트가 50초 동안 없으면 이를 알아챕니다.`,
  'fault.nodeUp': (d) => `노드 ${d.object.name}의 kubelet이 돌아와 다시 상태를 보고합니다.`,
  'schedule.failed': (d, v) =>
    `파드 ${w(d.object.name, '이')} 요청하는 CPU ${cpuText(num(v, 'cpu'))}, 메모리 ${w(memoryText(num(v, 'memory')), '을')} 받아 줄 노드가 ${num(v, 'nodes')}개 중 하나도 없습니다. 자리가 날 때까지 Pending 상태로 남습니다.`,
};

/** The decision codes that have a Korean template. */
export const EXPLAINED_CODES: readonly string[] = Object.keys(ko);
