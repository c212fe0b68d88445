import { strToU8, deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadShareCodec } from '../../src/index.ts';
import type { Scenario } from '../../src/index.ts';
import { defaultScenario, START_AT } from '../lab/defaultScenario.ts';
import { createLab } from '../lab/lab.ts';
import { loadLessons } from '../lessons/catalog.ts';
import { exitLesson, LESSONS, startLesson } from '../lessons/store.ts';
import { memoryStorage, type KeyValueStore } from './storage.ts';
import {
  backToSaved,
  bootShare,
  configureShare,
  confirmDiscard,
  confirmImport,
  currentView,
  exportText,
  importFile,
  keepLink,
  keepMine,
  loadOtherTab,
  MAX_FILE_BYTES,
  openWaitingLink,
  recoveryFile,
  requestDiscard,
  requestNew,
  saveNow,
  shareStore,
  stopAutosave,
} from './store.ts';
import { canonical, decodeWork, listRecovery, RECOVERY_PREFIX, serializeWork, WORK_KEY } from './work.ts';

const { base64url, encodeShare } = await loadShareCodec();

const BASE = 'http://127.0.0.1:4173/';

function rolling(): Scenario {
  const s = defaultScenario();
  s.metadata.name = 'rolling';
  s.spec.steps = [{ at: 20, run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' }];
  return s;
}

function scaled(n: number): Scenario {
  const s = defaultScenario();
  s.metadata.name = 'mine';
  s.spec.steps = [{ at: 25, run: `kubectl scale deployment/kubia --replicas=${n}` }];
  return s;
}

let url = BASE;
let storage: KeyValueStore & { data: Map<string, string>; quota: number };
/** This page's storage listeners (the browser's `storage` event). */
let listeners: ((key: string | null) => void)[] = [];

const lab = createLab(defaultScenario(), { scheduler: undefined });

function page(href: string, store = memoryStorage(), framed = false) {
  url = href;
  storage = store;
  listeners = [];
  configureShare(
    {
      framed: () => framed,
      href: () => url,
      replaceUrl: (u) => void (url = u),
      storage,
      watch: (fn) => {
        listeners.push(fn);
        return () => void (listeners = listeners.filter((f) => f !== fn));
      },
    },
    lab,
  );
}

/** Another tab saves `text`; this page hears of it as a browser tells it. */
function otherTabSaves(text: string): void {
  storage.setItem(WORK_KEY, text);
  for (const l of listeners) l(WORK_KEY);
}

/** The work key decoded, as the next start-up would read it. */
const readWork = (store: KeyValueStore) => {
  const text = store.getItem(WORK_KEY);
  return text === null ? undefined : decodeWork(text);
};
const savedText = (s: Scenario, at: number) => serializeWork({ scenario: s, at, view: {} });
const podNames = () =>
  lab
    .frame()
    .objects.pods.map((p) => p.metadata.name)
    .sort();
const file = (name: string, text: string, size = text.length) => ({ name, size, text: async () => text });

beforeEach(async () => {
  stopAutosave();
  await loadLessons();
  lab.load(defaultScenario(), START_AT);
  lab.setShowNodes(false);
});
afterEach(() => stopAutosave());

describe('start-up', () => {
  it('shows the example and saves it when there is nothing', async () => {
    page(BASE);
    await bootShare(lab);
    expect(lab.run.scenario().spec.steps).toEqual([]);
    expect(shareStore.getState().notice).toBeNull();
    expect(storage.data.has(WORK_KEY)).toBe(true);
  });

  it('saves a moment played past the last one saved work may hold as that last one', async () => {
    page(BASE);
    await bootShare(lab);
    // A week and more of an empty cluster (quick to play): saved as the week, it opens again.
    const { traffic: _, ...spec } = defaultScenario().spec;
    lab.load({ ...defaultScenario(), spec: { ...spec, manifests: '' } }, 7 * 24 * 3600 + 20);
    expect(saveNow()).toBe(true);
    const saved = readWork(storage);
    expect(saved?.ok && saved.work.at).toBe(7 * 24 * 3600);
    // Playing a week takes a few seconds.
  }, 30_000);

  it('restores saved work at its time', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }));
    await bootShare(lab);
    expect(lab.run.now()).toBe(40);
    expect(lab.run.scenario().metadata.name).toBe('mine');
    expect(lab.frame().objects.pods).toHaveLength(5);
  });

  it('moves unreadable saved work to a recovery copy instead of deleting it', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: '{"v":1,"scenario":{"kind":"Nope"' }));
    await bootShare(lab);
    expect(shareStore.getState().notice?.problem.key).toBe('share.problem.savedUnreadable');
    expect(storage.data.get(`${RECOVERY_PREFIX}1`)).toContain(
      JSON.stringify('{"v":1,"scenario":{"kind":"Nope"'),
    );
  });
});

/** Saved work the simulated API server refuses (a negative replica count), whatever the app's own caps. */
function refused(): Scenario {
  const s = scaled(5);
  s.spec.manifests = s.spec.manifests.replace('"replicas": 3', '"replicas": -1');
  return s;
}

describe('saved work that fails to open', () => {
  const mine = savedText(scaled(5), 40);
  it.each([
    ['cut off', mine.slice(0, 120), 'share.problem.savedUnreadable'],
    ['from a future version', mine.replace('"v":1', '"v":2'), 'share.problem.savedFuture'],
    ['refused by the cluster', savedText(refused(), 40), 'share.problem.rejected'],
    ['at an invalid time', mine.replace('"at":40', '"at":-3'), 'share.problem.savedInvalid'],
  ])('is kept as a recovery copy when it is %s, and autosave goes on beside it', async (_n, text, key) => {
    page(BASE, memoryStorage({ [WORK_KEY]: text }));
    await bootShare(lab);
    const { notice } = shareStore.getState();
    expect(notice).toMatchObject({
      tone: 'error',
      problem: { key },
      kept: 'share.kept.recovery',
      actions: ['download', 'discard'],
    });
    // Download gives the entry exactly as it was stored.
    expect(recoveryFile(notice!.recovery!)?.text).toBe(text);
    expect(lab.run.scenario().spec.steps).toEqual([]);
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=2' });
    expect(saveNow()).toBe(true);
    expect(readWork(storage)?.ok).toBe(true);
    expect(listRecovery(storage).map((e) => e.text)).toEqual([text]);
  });

  it('names the download after the scenario', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(refused(), 40) }));
    await bootShare(lab);
    expect(recoveryFile(shareStore.getState().notice!.recovery!)?.name).toBe('mine.saved-work.json');
  });

  it('is offered again at the next start-up until discarded, and Discard asks first', async () => {
    const text = savedText(refused(), 40);
    page(BASE, memoryStorage({ [WORK_KEY]: text }));
    await bootShare(lab);
    stopAutosave();
    page(BASE, storage);
    await bootShare(lab);
    const { notice } = shareStore.getState();
    expect(notice).toMatchObject({
      tone: 'info',
      problem: { key: 'share.problem.recoveryWaiting', vars: { n: 1 } },
      cause: { key: 'share.problem.rejected' },
      actions: ['download', 'discard'],
    });
    requestDiscard(notice!.recovery!);
    expect(shareStore.getState().dialog).toEqual({ kind: 'discard', key: notice!.recovery });
    expect(listRecovery(storage)).toHaveLength(1);
    confirmDiscard();
    expect(listRecovery(storage)).toEqual([]);
    expect(shareStore.getState().notice).toBeNull();
    stopAutosave();
    page(BASE, storage);
    await bootShare(lab);
    expect(shareStore.getState().notice).toBeNull();
  });

  it('stays where it is when there is no room for a copy, and nothing is saved over it', async () => {
    const text = savedText(refused(), 40);
    page(BASE, memoryStorage({ [WORK_KEY]: text }, { quota: Math.round(text.length * 1.5) }));
    await bootShare(lab);
    expect(shareStore.getState().notSaving?.why).toBe('noRoom');
    expect(shareStore.getState().notice).toMatchObject({
      kept: 'share.kept.recoveryNoRoom',
      recovery: WORK_KEY,
    });
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=2' });
    expect(saveNow()).toBe(false);
    expect(storage.data.get(WORK_KEY)).toBe(text);
    expect(recoveryFile(WORK_KEY)?.text).toBe(text);
    // Discarded by choice: saving resumes.
    requestDiscard(WORK_KEY);
    confirmDiscard();
    expect(shareStore.getState().notSaving).toBeNull();
    const after = readWork(storage);
    expect(after?.ok && after.work.scenario.spec.steps.map((x) => x.run)).toEqual([
      'kubectl scale deployment/kubia --replicas=2',
    ]);
  });

  it('with a bad link at start-up: both are said, the saved work is kept aside', async () => {
    const text = savedText(refused(), 40);
    page(`${BASE}#hello-world`, memoryStorage({ [WORK_KEY]: text }));
    await bootShare(lab);
    expect(shareStore.getState().notice).toMatchObject({
      problem: { key: 'share.problem.notOurs' },
      cause: { key: 'share.problem.rejected' },
      kept: 'share.kept.recoveryAlso',
    });
    expect(listRecovery(storage).map((e) => e.text)).toEqual([text]);
  });

  it('with a good link at start-up: the link opens and the saved work is kept aside', async () => {
    const text = '{"v":1,"scenario":';
    page(`${BASE}#${encodeShare({ scenario: rolling(), at: 30 })}`, memoryStorage({ [WORK_KEY]: text }));
    await bootShare(lab);
    expect(lab.run.scenario().metadata.name).toBe('rolling');
    expect(shareStore.getState().notice).toMatchObject({ kept: 'share.kept.recoveryLinkShown' });
    expect(listRecovery(storage).map((e) => e.text)).toEqual([text]);
    expect(readWork(storage)?.ok).toBe(true);
  });

  it('"Back to my saved work" that no longer opens keeps it aside and stays on the link', async () => {
    const saved = savedText(scaled(5), 40);
    page(`${BASE}#${encodeShare({ scenario: rolling(), at: 30 })}`, memoryStorage({ [WORK_KEY]: saved }));
    await bootShare(lab);
    expect(shareStore.getState().holding).toBe(true);
    const newer = saved.replace('"v":1', '"v":2');
    storage.setItem(WORK_KEY, newer);
    await backToSaved();
    expect(shareStore.getState().notice).toMatchObject({
      problem: { key: 'share.problem.savedFuture' },
      kept: 'share.kept.recoveryLinkKept',
    });
    expect(lab.run.scenario().metadata.name).toBe('rolling');
    expect(listRecovery(storage).map((e) => e.text)).toEqual([newer]);
  });

  it('a downloaded copy imports back at its moment; a newer one says so', async () => {
    page(BASE);
    await bootShare(lab);
    await importFile(file('mine.saved-work.json', savedText(scaled(5), 40)));
    expect(lab.run.scenario().metadata.name).toBe('mine');
    expect(lab.run.now()).toBe(40);
    await importFile(file('new.saved-work.json', savedText(scaled(5), 40).replace('"v":1', '"v":2')));
    expect(shareStore.getState().notice?.problem).toMatchObject({
      key: 'share.problem.fileFuture',
      vars: { file: 'new.saved-work.json' },
    });
  });
});

describe('two tabs', () => {
  const theirs = savedText(rolling(), 33);

  it('another tab saves: this tab stops saving and asks; "Load it" shows that work', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }));
    await bootShare(lab);
    otherTabSaves(theirs);
    expect(shareStore.getState().notice).toMatchObject({
      problem: { key: 'share.problem.otherTab' },
      actions: ['loadOther', 'keepMine'],
    });
    // Only a panel toggled: still nothing is written.
    lab.setShowNodes(true);
    expect(saveNow()).toBe(false);
    expect(storage.data.get(WORK_KEY)).toBe(theirs);
    await loadOtherTab();
    expect(lab.run.scenario().metadata.name).toBe('rolling');
    expect(lab.run.now()).toBe(33);
    expect(shareStore.getState().notSaving).toBeNull();
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=2' });
    expect(saveNow()).toBe(true);
    const after = readWork(storage);
    expect(after?.ok && after.work.scenario.spec.steps).toHaveLength(2);
  });

  it('"Keep mine" replaces the other tab\'s save, only when chosen', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }));
    await bootShare(lab);
    otherTabSaves(theirs);
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=2' });
    expect(saveNow()).toBe(false);
    expect(storage.data.get(WORK_KEY)).toBe(theirs);
    keepMine();
    const after = readWork(storage);
    expect(after?.ok && after.work.scenario.metadata.name).toBe('mine');
    expect(shareStore.getState().notSaving).toBeNull();
  });

  it('a tab that missed the event still does not save over the other tab', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }));
    await bootShare(lab);
    storage.setItem(WORK_KEY, theirs);
    lab.setShowNodes(true);
    expect(saveNow()).toBe(false);
    expect(storage.data.get(WORK_KEY)).toBe(theirs);
    expect(shareStore.getState().notSaving?.why).toBe('conflict');
  });

  it('"Keep mine" over work this tab cannot open keeps that work aside first', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }));
    await bootShare(lab);
    const newer = theirs.replace('"v":1', '"v":2');
    otherTabSaves(newer);
    await loadOtherTab();
    expect(shareStore.getState().notice).toMatchObject({
      problem: { key: 'share.problem.savedFuture' },
      kept: 'share.kept.otherTabUnopened',
      actions: ['keepMine'],
    });
    expect(lab.run.scenario().metadata.name).toBe('mine');
    keepMine();
    expect(listRecovery(storage).map((e) => e.text)).toEqual([newer]);
    const after = readWork(storage);
    expect(after?.ok && after.work.scenario.metadata.name).toBe('mine');
  });
});

describe('a full storage', () => {
  it('is reported, keeps what was saved, and saving resumes when there is room', async () => {
    page(BASE);
    await bootShare(lab);
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=4' });
    expect(saveNow()).toBe(true);
    const saved = storage.data.get(WORK_KEY);
    storage.quota = [...storage.data].reduce((n, [k, v]) => n + k.length + v.length, 0) + 10;
    lab.runLine({ run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2' });
    expect(saveNow()).toBe(false);
    expect(storage.data.get(WORK_KEY)).toBe(saved);
    expect(shareStore.getState().notice).toMatchObject({
      tone: 'error',
      problem: { key: 'share.problem.storageFull' },
      kept: 'share.kept.lastSave',
      actions: ['export'],
    });
    expect(shareStore.getState().notSaving?.why).toBe('writeFailed');
    storage.quota = Infinity;
    expect(saveNow()).toBe(true);
    expect(shareStore.getState().notSaving).toBeNull();
    expect(shareStore.getState().notice).toBeNull();
  });
});

describe('opening a link', () => {
  it('rebuilds the exact frame: same pods, same time, paused', async () => {
    const reference = structuredClone(rolling());
    lab.load(reference, 27);
    const want = podNames();
    lab.load(defaultScenario(), START_AT);
    page(`${BASE}#${encodeShare({ scenario: reference, at: 27 })}`);
    await bootShare(lab);
    expect(lab.run.now()).toBe(27);
    expect(lab.player.playing).toBe(false);
    expect(podNames()).toEqual(want);
    // Nothing saved to protect: the link becomes the work and the fragment leaves the address.
    expect(url).toBe(BASE);
    expect(readWork(storage)?.ok).toBe(true);
  });

  it('keeps saved work untouched while a link is shown, and goes back to it', async () => {
    const saved = savedText(scaled(5), 40);
    page(`${BASE}#${encodeShare({ scenario: rolling(), at: 30 })}`, memoryStorage({ [WORK_KEY]: saved }));
    await bootShare(lab);
    expect(shareStore.getState().holding).toBe(true);
    expect(shareStore.getState().notice?.actions).toEqual(['backToSaved', 'keepLink']);
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=2' });
    expect(saveNow()).toBe(false);
    expect(storage.data.get(WORK_KEY)).toBe(saved);
    await backToSaved();
    expect(lab.run.scenario().metadata.name).toBe('mine');
    expect(lab.run.now()).toBe(40);
    expect(url).toBe(BASE);
    expect(shareStore.getState().holding).toBe(false);
  });

  it('"keep this as my work" replaces saved work only when asked', async () => {
    page(
      `${BASE}#${encodeShare({ scenario: rolling(), at: 30 })}`,
      memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }),
    );
    await bootShare(lab);
    keepLink();
    const r = readWork(storage);
    expect(r?.ok && r.work.scenario.metadata.name).toBe('rolling');
  });

  const good = encodeShare({ scenario: rolling(), at: 30 });
  const raw = (json: string) => `1.${base64url(deflateSync(strToU8(json)))}`;
  const withName = (name: string) => {
    const s = rolling();
    s.spec.manifests = s.spec.manifests.replaceAll('"name": "kubia"', `"name": ${JSON.stringify(name)}`);
    return s;
  };
  it.each([
    ['truncated', good.slice(0, good.length - 7), 'share.problem.damaged'],
    ['corrupted', `${good.slice(0, 20)}!!${good.slice(22)}`, 'share.problem.damaged'],
    ['from a future version', `9${good.slice(1)}`, 'share.problem.future'],
    ['not ours', 'hello-world', 'share.problem.notOurs'],
    ['too long', `1.${'A'.repeat(100_001)}`, 'share.problem.tooLong'],
    [
      'a script in a name',
      encodeShare({ scenario: withName('<img src=x onerror=alert(1)>'), at: 30 }),
      'share.problem.rejected',
    ],
    ['deeply nested JSON', raw(`{"v":1,"s":${'['.repeat(200)}${']'.repeat(200)}}`), 'share.problem.tooDeep'],
    [
      'deeply nested YAML manifests',
      encodeShare({
        scenario: { ...rolling(), spec: { ...rolling().spec, manifests: `a: ${'['.repeat(5000)}` } },
        at: 1,
      }),
      'share.problem.rejected',
    ],
  ])('a link that is %s shows a message and keeps saved work', async (_name, fragment, key) => {
    const saved = savedText(scaled(5), 40);
    page(`${BASE}#${fragment}`, memoryStorage({ [WORK_KEY]: saved }));
    await bootShare(lab);
    const { notice } = shareStore.getState();
    expect(notice?.tone).toBe('error');
    expect(notice?.problem.key).toBe(key);
    expect(notice?.kept).toBe('share.kept.saved');
    expect(lab.run.scenario().metadata.name).toBe('mine');
    // Restoring may rewrite the entry in canonical key order; its content is the same work.
    const after = readWork(storage);
    expect(after?.ok && canonical(after.work.scenario)).toBe(canonical(scaled(5)));
    expect(after?.ok && after.work.at).toBe(40);
  });

  it('drops prototype-pollution keys', async () => {
    const s = JSON.stringify(rolling()).replace(
      '"spec":{',
      '"spec":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},',
    );
    page(`${BASE}#${raw(`{"v":1,"s":${s},"t":30,"__proto__":{"polluted":1}}`)}`);
    await bootShare(lab);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(lab.run.now()).toBe(30);
  });
});

describe('a link’s embed flag', () => {
  it('makes an embed inside a frame only: opened as a page, the link is the whole app', async () => {
    const link = `${BASE}#${encodeShare({ scenario: rolling(), at: 5, view: { embed: true } })}`;
    page(link);
    await bootShare(lab);
    expect(shareStore.getState().embed).toBe(false);
    expect(lab.run.now()).toBe(5);
    page(link, memoryStorage(), true);
    await bootShare(lab);
    expect(shareStore.getState().embed).toBe(true);
  });
});

describe('new, import and export', () => {
  it('starts new at once when nothing would be lost, and asks otherwise', async () => {
    page(BASE);
    await bootShare(lab);
    requestNew();
    expect(shareStore.getState().dialog).toBeNull();
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=4' });
    requestNew();
    expect(shareStore.getState().dialog).toMatchObject({ kind: 'confirm', reason: 'new', steps: 1 });
  });

  it('exports YAML that imports back to the same scenario', async () => {
    page(BASE);
    await bootShare(lab);
    lab.load(rolling(), 30);
    const { name, text } = await exportText();
    expect(name).toBe('rolling.rollout.yaml');
    expect(text).toContain('manifests: |');
    expect(text).toContain('kind: Deployment');
    lab.load(defaultScenario(), START_AT);
    await importFile(file(name, text));
    expect(shareStore.getState().notice).toBeNull();
    expect(lab.run.scenario().metadata.name).toBe('rolling');
    expect(lab.run.scenario().spec.steps.map((s) => s.run)).toEqual([rolling().spec.steps[0]!.run]);
  });

  it('asks before an import replaces unsaved work', async () => {
    page(BASE);
    await bootShare(lab);
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=4' });
    const { text } = await exportText();
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=5' });
    await importFile(file('x.rollout.yaml', text));
    expect(shareStore.getState().dialog).toMatchObject({ kind: 'confirm', reason: 'import' });
    confirmImport();
    expect(lab.run.scenario().spec.steps).toHaveLength(1);
  });

  it.each([
    ['too large', file('big.yaml', 'x', MAX_FILE_BYTES + 1), 'share.problem.fileTooLarge'],
    ['not YAML', file('bad.yaml', 'a: [1, 2'), 'share.problem.fileInvalid'],
    [
      'not a scenario',
      file('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n'),
      'share.problem.fileInvalid',
    ],
  ])('refuses a file that is %s and keeps the current scenario', async (_n, f, key) => {
    page(BASE);
    await bootShare(lab);
    lab.runLine({ run: 'kubectl scale deployment/kubia --replicas=4' });
    await importFile(f);
    expect(shareStore.getState().notice?.problem.key).toBe(key);
    expect(lab.run.scenario().spec.steps).toHaveLength(1);
  });
});

describe('lessons in links', () => {
  it('a link made at a lesson stop reopens the lesson at that stop', async () => {
    const first = LESSONS[0]!;
    await startLesson(lab, first.id, 1);
    const view = currentView();
    expect(view).toMatchObject({ lesson: first.id, stop: lab.store.getState().lesson.stop });
    const at = lab.run.now();
    exitLesson(lab);
    lab.load(defaultScenario(), START_AT);
    page(`${BASE}#${encodeShare({ scenario: first.scenario, at, view })}`);
    await bootShare(lab);
    expect(lab.store.getState().lesson).toMatchObject({ id: first.id, stop: view.stop });
    expect(lab.run.now()).toBe(at);
    exitLesson(lab);
  });

  it('a link to a teacher’s lesson plays the link’s own scenario as the lesson, questions and all', async () => {
    const mine = rolling();
    mine.spec.steps = [
      { at: 5, run: 'kubectl get pods', stop: true, say: { en: 'Three pods.' } },
      {
        at: 20,
        run: 'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
        stop: true,
        say: { en: 'Now v2.' },
        question: { prompt: { en: 'How many at most?' }, choices: ['3', '4'], answer: 1 },
      },
    ];
    page(`${BASE}#${encodeShare({ scenario: mine, at: 5, view: { lesson: 'custom-rolling', stop: 1 } })}`);
    await bootShare(lab);
    expect(lab.store.getState().lesson).toMatchObject({ id: 'custom-rolling', stop: 1 });
    expect(lab.run.now()).toBe(20);
    expect(lab.run.scenario().spec.steps[1]!.question).toMatchObject({ choices: ['3', '4'] });
    exitLesson(lab);
    // Not a teacher's lesson (no custom- prefix, no built-in of that name): the scenario only.
    page(`${BASE}#${encodeShare({ scenario: mine, at: 5, view: { lesson: 'rolling', stop: 1 } })}`);
    await bootShare(lab);
    expect(lab.store.getState().lesson.id).toBeNull();
    expect(lab.run.now()).toBe(5);
  });

  it('a lesson’s address that carries a link too: the link waits, said, until it is opened', async () => {
    const link = encodeShare({ scenario: rolling(), at: 30 });
    const first = LESSONS[0]!;
    page(
      `${BASE}?lesson=${first.id}&stop=2#${link}`,
      memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }),
    );
    await bootShare(lab);
    // The lesson boot opens the lesson next; the link is neither opened nor dropped unsaid.
    expect(lab.run.scenario().metadata.name).toBe('mine');
    expect(shareStore.getState().notice).toMatchObject({
      problem: { key: 'share.notice.linkBesideLesson' },
      actions: ['openLink'],
    });
    const savedWork = () => {
      const w = readWork(storage);
      return w?.ok ? [w.work.scenario.metadata.name, w.work.at] : w;
    };
    expect(savedWork()).toEqual(['mine', 40]);
    await openWaitingLink();
    expect(lab.run.scenario().metadata.name).toBe('rolling');
    expect(lab.run.now()).toBe(30);
    // The saved work waits as it does for any link; a reload shows the link, not the lesson.
    expect(shareStore.getState().notice?.actions).toEqual(['backToSaved', 'keepLink']);
    expect(saveNow()).toBe(false);
    expect(savedWork()).toEqual(['mine', 40]);
    expect(url).toBe(`${BASE}#${link}`);
  });

  it('a lesson started over saved work of the user’s own: the work waits, untouched, and comes back', async () => {
    page(BASE, memoryStorage({ [WORK_KEY]: savedText(scaled(5), 40) }));
    await bootShare(lab);
    const first = LESSONS[0]!;
    await startLesson(lab, first.id, 1);
    expect(saveNow()).toBe(false);
    expect(shareStore.getState()).toMatchObject({
      holding: true,
      heldFor: 'lesson',
      notice: { problem: { key: 'share.notice.lessonOpened' }, actions: ['backToSaved', 'keepLink'] },
    });
    const saved = readWork(storage);
    expect(saved?.ok && [saved.work.scenario.metadata.name, saved.work.at]).toEqual(['mine', 40]);
    await backToSaved();
    expect(lab.store.getState().lesson.id).toBeNull();
    expect(lab.run.scenario().metadata.name).toBe('mine');
    expect(lab.run.now()).toBe(40);
    expect(shareStore.getState().holding).toBe(false);
  });

  it('a lesson started over the example or another lesson saves as it goes: nothing is lost', async () => {
    page(BASE);
    await bootShare(lab);
    const [first, second] = LESSONS;
    await startLesson(lab, first!.id, 1);
    expect(saveNow()).toBe(true);
    await startLesson(lab, second!.id, 1);
    expect(saveNow()).toBe(true);
    expect(shareStore.getState().holding).toBe(false);
    const saved = readWork(storage);
    expect(saved?.ok && saved.work.view.lesson).toBe(second!.id);
    exitLesson(lab);
  });

  it('a link beside a lesson the page lacks opens as any link does', async () => {
    page(`${BASE}?lesson=nope#${encodeShare({ scenario: rolling(), at: 30 })}`);
    await bootShare(lab);
    expect(lab.run.scenario().metadata.name).toBe('rolling');
    expect(shareStore.getState().notice).toBeNull();
  });
});
