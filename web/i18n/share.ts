/** Strings of share links, embeds, files and autosave (web/share). */
export const share = {
  en: {
    'share.group': 'Scenario',
    'share.share': 'Share',
    'share.new': 'New scenario',
    'share.import': 'Import',
    'share.importFile': 'Import a scenario file',
    'share.export': 'Export',
    'share.openInApp': 'Open in Rollout Lab',
    'share.noStorage': 'Not saved in this browser',
    'share.noStorageHint':
      'This page cannot use local storage (private mode or a sandboxed frame): use Share or Export to keep your work.',
    'share.drop': 'Drop a scenario file (.rollout.yaml) to open it',
    'share.copy': 'Copy',
    'share.copied': 'Copied to the clipboard.',
    'share.copySelected': 'Copying is blocked here: the text is selected, press Ctrl+C (⌘C) to copy it.',
    'share.close': 'Close',
    'share.cancel': 'Cancel',
    'share.dialog.title': 'Share this moment',
    'share.dialog.explain':
      'The link carries the scenario and the time shown, not a recording: whoever opens it sees the same pods, events and timeline, paused here, and can play on.',
    'share.dialog.link': 'Link',
    'share.dialog.length': 'Link length: {n} characters.',
    'share.dialog.tooLong':
      'Some chat and mail apps cut links this long; Export sends the scenario as a file instead.',
    'share.dialog.embed': 'Embed in a course page',
    'share.dialog.embedCode': 'HTML for an iframe',
    'share.confirm.newTitle': 'Start a new scenario?',
    'share.confirm.importTitle': 'Open “{file}”?',
    'share.confirm.discards':
      'Your current scenario (kubectl steps: {steps}) has not been exported or shared. It is only kept in this browser and will be replaced.',
    'share.confirm.replacesSaved':
      'You are looking at a shared link while your saved work waits in this browser. Continuing replaces that saved work.',
    'share.confirm.exportFirst': 'Export first, then continue',
    'share.confirm.discardNew': 'Discard and start new',
    'share.confirm.discardImport': 'Replace with the file',
    'share.notice.linkOpened': 'You are looking at a shared link.',
    'share.notice.detail': 'Technical details',
    'share.notice.backToSaved': 'Back to my saved work',
    'share.notice.keepLink': 'Keep this as my work',
    'share.notice.dismiss': 'Dismiss this message',
    'share.notice.dismissShort': 'Dismiss',
    'share.notice.download': 'Download it',
    'share.notice.discard': 'Discard',
    'share.notice.loadOther': 'Load it',
    'share.notice.keepMine': 'Keep mine',
    'share.notice.cause': 'Why it could not be opened: {reason}',
    'share.notSaved': 'Not saved',
    'share.notSavedHint': 'Your latest changes are not being saved in this browser. Click to see why.',
    'share.discard.title': 'Discard the saved work?',
    'share.discard.body':
      'The copy kept in this browser will be deleted and cannot be brought back. Download it first if you may want it later.',
    'share.discard.confirm': 'Discard it',
    'share.problem.future':
      'This link was made by a newer version of Rollout Lab. Reload the page to get the newest app.',
    'share.problem.tooLong': 'This link is too long to open.',
    'share.problem.tooLarge': 'This link unpacks to too much data and was not opened.',
    'share.problem.tooDeep': 'This link nests its data too deeply and was not opened.',
    'share.problem.notOurs': 'This is not a Rollout Lab link.',
    'share.problem.damaged': 'This link is damaged (was it cut off or edited?).',
    'share.problem.invalid': 'This link holds a scenario that is not valid.',
    'share.problem.unreadable': 'This link could not be read.',
    'share.problem.tooLongRun':
      'This scenario runs to {seconds} s; the browser replays at most {max} s. Run it with the command-line simulator instead.',
    'share.problem.tooManyPods':
      'This scenario asks for {n} replicas; the browser replays at most {max}. Run it with the command-line simulator instead.',
    'share.problem.yamlOffline': 'The YAML reader could not be loaded (are you offline?).',
    'share.problem.rejected': 'The simulated cluster refused this scenario.',
    'share.problem.savedUnreadable': 'Your saved work could not be read.',
    'share.problem.savedGone': 'There is no saved work in this browser any more.',
    'share.problem.savedFuture':
      'Your saved work was made by a newer version of Rollout Lab. Reload the page to get the newest app.',
    'share.problem.savedInvalid': 'Your saved work holds a scenario that is not valid.',
    'share.problem.replayFailed': 'The simulator stopped with an error while replaying this scenario.',
    'share.problem.recoveryWaiting':
      'Saved work that could not be opened is kept in this browser (copies: {n}).',
    'share.problem.otherTab': 'This work was changed in another tab.',
    'share.problem.storageFull':
      'Your latest changes could not be saved: this browser’s storage for this site is full.',
    'share.problem.saveFailed': 'Your latest changes could not be saved in this browser.',
    'share.problem.fileFuture':
      '“{file}” was saved by a newer version of Rollout Lab. Reload the page to get the newest app.',
    'share.problem.fileTooLarge': 'This file is too large ({size} bytes; at most {max} are read).',
    'share.problem.fileInvalid': '“{file}” is not a scenario Rollout Lab can open.',
    'share.kept.saved': 'Your saved work is unchanged; showing it instead.',
    'share.kept.savedUnchanged': 'Your saved work is unchanged.',
    'share.kept.recovery':
      'Your saved work was not opened, and not overwritten: it is kept in this browser as a recovery copy. Download it as a file, or discard it. Showing the example scenario.',
    'share.kept.recoveryAlso':
      'Your saved work could not be opened either. It was not overwritten: it is kept in this browser as a recovery copy. Download it as a file, or discard it. Showing the example scenario.',
    'share.kept.recoveryLinkShown':
      'Your saved work was not opened, and not overwritten: it is kept in this browser as a recovery copy. Download it as a file, or discard it. Showing the link.',
    'share.kept.recoveryLinkKept':
      'Your saved work was not opened, and not overwritten: it is kept in this browser as a recovery copy. Download it as a file, or discard it. The link stays open and is now saved as your work.',
    'share.kept.recoveryNoRoom':
      'Your saved work was not opened. This browser has no room for a recovery copy, so it stays where it was, and nothing is saved over it until you download or discard it.',
    'share.kept.recoveryWaiting': 'Download it as a file (it can be imported again), or discard it.',
    'share.kept.otherTab':
      'Nothing in this tab is saved until you choose: load the other tab’s work here, or keep this tab’s work and replace it.',
    'share.kept.otherTabUnopened':
      'The other tab’s work could not be opened here; it stays saved. This tab’s work is unchanged and not saved.',
    'share.kept.lastSave':
      'What was saved before is still there. Export to keep your latest changes as a file; saving keeps trying.',
    'share.kept.savedWaiting':
      'Your saved work stays in this browser, untouched. Changes you make to this link are not saved unless you keep it as your work.',
    'share.kept.default': 'Nothing was run; showing the example scenario instead.',
    'share.kept.current': 'Nothing was run; your current scenario is unchanged.',
    'share.kept.currentSavedWaiting': 'Nothing was run; your saved work is unchanged.',
    'share.kept.fileNotOpened': 'Nothing was opened; your current scenario is unchanged.',
  },
  ko: {
    'share.group': '시나리오',
    'share.share': '공유',
    'share.new': '새 시나리오',
    'share.import': '가져오기',
    'share.importFile': '시나리오 파일 가져오기',
    'share.export': '내보내기',
    'share.openInApp': 'Rollout Lab에서 열기',
    'share.noStorage': '이 브라우저에 저장되지 않음',
    'share.noStorageHint':
      '이 페이지는 로컬 저장소를 쓸 수 없습니다(사생활 보호 모드 또는 샌드박스 프레임). 작업을 보관하려면 공유나 내보내기를 사용하세요.',
    'share.drop': '시나리오 파일(.rollout.yaml)을 놓으면 열립니다',
    'share.copy': '복사',
    'share.copied': '클립보드에 복사했습니다.',
    'share.copySelected':
      '여기서는 복사가 막혀 있습니다. 텍스트를 선택해 두었으니 Ctrl+C(⌘C)를 눌러 복사하세요.',
    'share.close': '닫기',
    'share.cancel': '취소',
    'share.dialog.title': '이 순간 공유하기',
    'share.dialog.explain':
      '링크에는 녹화가 아니라 시나리오와 지금 시각이 담깁니다. 링크를 연 사람은 같은 파드, 이벤트, 타임라인을 이 시점에 멈춘 상태로 보고, 이어서 재생할 수 있습니다.',
    'share.dialog.link': '링크',
    'share.dialog.length': '링크 길이: {n}자.',
    'share.dialog.tooLong':
      '일부 채팅·메일 앱은 이렇게 긴 링크를 자릅니다. 내보내기로 시나리오를 파일로 보내세요.',
    'share.dialog.embed': '강의 페이지에 넣기',
    'share.dialog.embedCode': 'iframe용 HTML',
    'share.confirm.newTitle': '새 시나리오를 시작할까요?',
    'share.confirm.importTitle': '“{file}”을(를) 열까요?',
    'share.confirm.discards':
      '지금 시나리오(kubectl 단계 {steps}개)는 내보내거나 공유하지 않았습니다. 이 브라우저에만 보관되어 있으며 교체됩니다.',
    'share.confirm.replacesSaved':
      '저장된 작업을 이 브라우저에 둔 채 공유 링크를 보고 있습니다. 계속하면 저장된 작업이 교체됩니다.',
    'share.confirm.exportFirst': '먼저 내보낸 뒤 계속',
    'share.confirm.discardNew': '버리고 새로 시작',
    'share.confirm.discardImport': '파일로 교체',
    'share.notice.linkOpened': '공유 링크를 보고 있습니다.',
    'share.notice.detail': '기술적인 세부 정보',
    'share.notice.backToSaved': '저장된 작업으로 돌아가기',
    'share.notice.keepLink': '이것을 내 작업으로 유지',
    'share.notice.dismiss': '이 메시지 닫기',
    'share.notice.dismissShort': '닫기',
    'share.notice.download': '다운로드',
    'share.notice.discard': '버리기',
    'share.notice.loadOther': '불러오기',
    'share.notice.keepMine': '내 것 유지',
    'share.notice.cause': '열 수 없었던 이유: {reason}',
    'share.notSaved': '저장 안 됨',
    'share.notSavedHint': '최근 변경 내용이 이 브라우저에 저장되지 않고 있습니다. 눌러서 이유를 확인하세요.',
    'share.discard.title': '저장된 작업을 버릴까요?',
    'share.discard.body':
      '이 브라우저에 보관된 사본이 삭제되며 되돌릴 수 없습니다. 나중에 필요할 수 있다면 먼저 다운로드하세요.',
    'share.discard.confirm': '버리기',
    'share.problem.future':
      '이 링크는 더 새로운 버전의 Rollout Lab에서 만들어졌습니다. 페이지를 새로 고쳐 최신 앱을 받으세요.',
    'share.problem.tooLong': '이 링크는 너무 길어서 열 수 없습니다.',
    'share.problem.tooLarge': '이 링크는 풀면 데이터가 너무 커서 열지 않았습니다.',
    'share.problem.tooDeep': '이 링크는 데이터가 너무 깊게 중첩되어 열지 않았습니다.',
    'share.problem.notOurs': 'Rollout Lab 링크가 아닙니다.',
    'share.problem.damaged': '이 링크가 손상되었습니다(잘리거나 수정되었나요?).',
    'share.problem.invalid': '이 링크의 시나리오가 올바르지 않습니다.',
    'share.problem.unreadable': '이 링크를 읽을 수 없습니다.',
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
    'share.problem.recoveryWaiting':
      '열 수 없었던 저장된 작업이 이 브라우저에 보관되어 있습니다(사본 {n}개).',
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
  },
};
