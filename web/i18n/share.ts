/** Strings of share links, embeds, files and autosave (web/share). */
export const share = {
  'share.group': 'Scenario',
  'share.share': 'Share',
  'share.new': 'New scenario',
  'share.newShort': 'New',
  'share.import': 'Import',
  'share.importFile': 'Import a scenario file',
  'share.export': 'Export',
  'share.openInApp': 'Open in Rollout Lab',
  'share.noStorage': 'Not saved in this browser',
  'share.noStorageHint':
    'This page cannot use local storage (private mode or a sandboxed frame): use Share or Export to keep your work.',
  'share.drop': 'Drop a scenario file (.rollout.yaml) to open it',
  'share.cancel': 'Cancel',
  'share.notice.linkOpened': 'You are looking at a shared link.',
  'share.notice.lessonOpened': 'A lesson is open over your saved work.',
  'share.notice.linkBesideLesson':
    'This address opens a lesson and carries a shared link as well: the lesson is open.',
  'share.notice.openLink': 'Open the link',
  'share.notice.detail': 'Technical details',
  'share.notice.backToSaved': 'Back to my saved work',
  'share.notice.keepLink': 'Keep this as my work',
  'share.holding': 'A shared link is open: your saved work waits, and changes here are not saved.',
  'share.holdingLesson': 'A lesson is open: your saved work waits, and changes here are not saved.',
  'share.notice.dismiss': 'Dismiss this message',
  'share.notice.dismissShort': 'Dismiss',
  'share.notice.download': 'Download it',
  'share.notice.discard': 'Discard',
  'share.notice.loadOther': 'Load it',
  'share.notice.keepMine': 'Keep mine',
  'share.notice.cause': 'Why it could not be opened: {reason}',
  'share.notSaved': 'Not saved',
  'share.notSavedHint': 'Your latest changes are not being saved in this browser. Click to see why.',
  'share.problem.future':
    'This link was made by a newer version of Rollout Lab. Reload the page to get the newest app.',
  'share.problem.tooLong': 'This link is too long to open.',
  'share.problem.tooLarge': 'This link unpacks to too much data and was not opened.',
  'share.problem.tooDeep': 'This link nests its data too deeply and was not opened.',
  'share.problem.notOurs': 'This is not a Rollout Lab link.',
  'share.problem.damaged': 'This link is damaged (was it cut off or edited?).',
  'share.problem.invalid': 'This link holds a scenario that is not valid.',
  'share.problem.unreadable': 'This link could not be read.',
  'share.problem.noLesson': 'This link opens a lesson this page does not have: “{id}”.',
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
  'share.kept.pickLesson': 'Nothing else changed; pick a lesson under Lessons.',
  'share.kept.savedWaitingLesson':
    'Your saved work stays in this browser, untouched. What you do in the lesson is not saved unless you keep it as your work.',
  'share.kept.linkWaiting': 'The link is not opened; open it to see what it shares instead of the lesson.',
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
};
