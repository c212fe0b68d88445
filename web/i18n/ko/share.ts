/** Korean strings of web/i18n/share.ts (the same keys). */
export const share = {
  'share.group': '시나리오',
  'share.share': '공유',
  'share.new': '새 시나리오',
  'share.newShort': '신규',
  'share.import': '가져오기',
  'share.importFile': '시나리오 파일 가져오기',
  'share.export': '내보내기',
  'share.openInApp': 'Rollout Lab에서 열기',
  'share.noStorage': '이 브라우저에 저장되지 않음',
  'share.noStorageHint':
    '이 페이지는 로컬 저장소를 쓸 수 없습니다(사생활 보호 모드 또는 샌드박스 프레임). 작업을 보관하려면 공유나 내보내기를 사용하세요.',
  'share.drop': '시나리오 파일(.rollout.yaml)을 놓으면 열립니다',
  'share.cancel': '취소',
  'share.notice.linkOpened': '공유 링크를 보고 있습니다.',
  'share.notice.lessonOpened': '저장한 작업 위에 레슨이 열려 있습니다.',
  'share.notice.linkBesideLesson': '이 주소는 레슨을 열면서 공유 링크도 담고 있습니다. 레슨을 열었습니다.',
  'share.notice.openLink': '링크 열기',
  'share.notice.detail': '기술적인 세부 정보',
  'share.notice.backToSaved': '저장된 작업으로 돌아가기',
  'share.notice.keepLink': '이것을 내 작업으로 유지',
  'share.holding':
    '공유 링크를 보고 있습니다. 저장된 작업은 그대로이며, 여기서 바꾼 내용은 저장되지 않습니다.',
  'share.holdingLesson':
    '레슨이 열려 있습니다. 저장된 작업은 그대로이며, 여기서 바꾼 내용은 저장되지 않습니다.',
  'share.notice.dismiss': '이 메시지 닫기',
  'share.notice.dismissShort': '닫기',
  'share.notice.download': '다운로드',
  'share.notice.discard': '버리기',
  'share.notice.loadOther': '불러오기',
  'share.notice.keepMine': '내 것 유지',
  'share.notice.cause': '열 수 없었던 이유: {reason}',
  'share.notSaved': '저장 안 됨',
  'share.notSavedHint': '최근 변경 내용이 이 브라우저에 저장되지 않고 있습니다. 눌러서 이유를 확인하세요.',
  'share.problem.future':
    '이 링크는 더 새로운 버전의 Rollout Lab에서 만들어졌습니다. 페이지를 새로 고쳐 최신 앱을 받으세요.',
  'share.problem.tooLong': '이 링크는 너무 길어서 열 수 없습니다.',
  'share.problem.tooLarge': '이 링크는 풀면 데이터가 너무 커서 열지 않았습니다.',
  'share.problem.tooDeep': '이 링크는 데이터가 너무 깊게 중첩되어 열지 않았습니다.',
  'share.problem.notOurs': 'Rollout Lab 링크가 아닙니다.',
  'share.problem.damaged': '이 링크가 손상되었습니다(잘리거나 수정되었나요?).',
  'share.problem.invalid': '이 링크의 시나리오가 올바르지 않습니다.',
  'share.problem.unreadable': '이 링크를 읽을 수 없습니다.',
  'share.problem.noLesson': '이 링크가 여는 레슨 “{id}”은(는) 이 페이지에 없습니다.',
  'share.problem.tooLongRun':
    '이 시나리오는 {seconds}초까지 진행됩니다. 브라우저는 최대 {max}초까지만 재생합니다. 명령줄 시뮬레이터로 실행하세요.',
  'share.problem.tooManyPods':
    '이 시나리오는 레플리카 {n}개를 요청합니다. 브라우저는 최대 {max}개까지만 재생합니다. 명령줄 시뮬레이터로 실행하세요.',
  'share.problem.yamlOffline': 'YAML 읽기 모듈을 불러오지 못했습니다(오프라인인가요?).',
  'share.problem.rejected': '시뮬레이션 클러스터가 이 시나리오를 거부했습니다.',
  'share.problem.savedUnreadable': '저장된 작업을 읽을 수 없습니다.',
  'share.problem.savedGone': '이 브라우저에 저장된 작업이 더 이상 없습니다.',
  'share.problem.savedFuture':
    '저장된 작업은 더 새로운 버전의 Rollout Lab에서 만들어졌습니다. 페이지를 새로 고쳐 최신 앱을 받으세요.',
  'share.problem.savedInvalid': '저장된 작업의 시나리오가 올바르지 않습니다.',
  'share.problem.replayFailed': '이 시나리오를 다시 재생하는 중에 시뮬레이터가 오류로 멈췄습니다.',
  'share.problem.recoveryWaiting': '열 수 없었던 저장된 작업이 이 브라우저에 보관되어 있습니다(사본 {n}개).',
  'share.problem.otherTab': '다른 탭에서 이 작업이 바뀌었습니다.',
  'share.problem.storageFull':
    '최근 변경 내용을 저장하지 못했습니다. 이 사이트의 브라우저 저장소가 가득 찼습니다.',
  'share.problem.saveFailed': '최근 변경 내용을 이 브라우저에 저장하지 못했습니다.',
  'share.problem.fileFuture':
    '“{file}”은(는) 더 새로운 버전의 Rollout Lab에서 저장되었습니다. 페이지를 새로 고쳐 최신 앱을 받으세요.',
  'share.problem.fileTooLarge': '파일이 너무 큽니다({size}바이트, 최대 {max}바이트까지 읽습니다).',
  'share.problem.fileInvalid': '“{file}”은(는) Rollout Lab이 열 수 있는 시나리오가 아닙니다.',
  'share.kept.saved': '저장된 작업은 그대로이며, 대신 그것을 보여 줍니다.',
  'share.kept.savedUnchanged': '저장된 작업은 그대로입니다.',
  'share.kept.pickLesson': '다른 것은 바뀌지 않았습니다. 레슨은 레슨 메뉴에서 고르세요.',
  'share.kept.savedWaitingLesson':
    '저장한 작업은 이 브라우저에 그대로 있습니다. 레슨에서 한 일은 내 작업으로 남기지 않으면 저장되지 않습니다.',
  'share.kept.linkWaiting': '링크는 열지 않았습니다. 레슨 대신 링크가 공유하는 것을 보려면 링크를 여세요.',
  'share.kept.recovery':
    '저장된 작업은 열지 않았고 덮어쓰지도 않았습니다. 복구용 사본으로 이 브라우저에 보관되어 있습니다. 파일로 다운로드하거나 버리세요. 예제 시나리오를 보여 줍니다.',
  'share.kept.recoveryAlso':
    '저장된 작업도 열 수 없었습니다. 덮어쓰지 않고 복구용 사본으로 이 브라우저에 보관했습니다. 파일로 다운로드하거나 버리세요. 예제 시나리오를 보여 줍니다.',
  'share.kept.recoveryLinkShown':
    '저장된 작업은 열지 않았고 덮어쓰지도 않았습니다. 복구용 사본으로 이 브라우저에 보관되어 있습니다. 파일로 다운로드하거나 버리세요. 링크를 보여 줍니다.',
  'share.kept.recoveryLinkKept':
    '저장된 작업은 열지 않았고 덮어쓰지도 않았습니다. 복구용 사본으로 이 브라우저에 보관되어 있습니다. 파일로 다운로드하거나 버리세요. 링크는 그대로 열려 있고 이제 내 작업으로 저장됩니다.',
  'share.kept.recoveryNoRoom':
    '저장된 작업을 열지 않았습니다. 이 브라우저에 복구용 사본을 둘 공간이 없어 원래 자리에 그대로 두었고, 다운로드하거나 버리기 전까지 그 위에 아무것도 저장하지 않습니다.',
  'share.kept.recoveryWaiting': '파일로 다운로드하거나(다시 가져올 수 있습니다) 버리세요.',
  'share.kept.otherTab':
    '선택하기 전까지 이 탭의 내용은 저장되지 않습니다. 다른 탭의 작업을 여기로 불러오거나, 이 탭의 작업을 유지해 그것을 교체하세요.',
  'share.kept.otherTabUnopened':
    '다른 탭의 작업을 여기서 열 수 없습니다. 그 작업은 저장된 채로 남아 있습니다. 이 탭의 작업은 그대로이며 저장되지 않습니다.',
  'share.kept.lastSave':
    '이전에 저장한 내용은 그대로 남아 있습니다. 최근 변경 내용을 파일로 보관하려면 내보내기를 하세요. 저장은 계속 다시 시도합니다.',
  'share.kept.savedWaiting':
    '저장된 작업은 이 브라우저에 손대지 않고 남아 있습니다. 이 링크에서 바꾼 내용은 내 작업으로 유지하기 전까지 저장되지 않습니다.',
  'share.kept.default': '아무것도 실행하지 않았습니다. 대신 예제 시나리오를 보여 줍니다.',
  'share.kept.current': '아무것도 실행하지 않았습니다. 지금 시나리오는 그대로입니다.',
  'share.kept.currentSavedWaiting': '아무것도 실행하지 않았습니다. 저장된 작업은 그대로입니다.',
  'share.kept.fileNotOpened': '아무것도 열지 않았습니다. 지금 시나리오는 그대로입니다.',
};
