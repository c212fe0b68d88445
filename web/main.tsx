// Shared tokens and controls first: every part's stylesheet builds on them.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadExtensions } from '../src/index.ts';
import { App } from './App.tsx';
import { langStore, loadLanguage } from './i18n/index.ts';
import { LabProvider } from './lab/LabProvider.tsx';
import { defaultScenario, START_AT } from './lab/defaultScenario.ts';
import { createLab } from './lab/lab.ts';
import { loadLessons } from './lessons/catalog.ts';
import { loadCodec, readPage } from './share/link.ts';
import { bootShare } from './share/store.ts';
import { registerServiceWorker } from './offline/register.ts';

// YAML, the rest of kubectl and the lessons start loading at once (and a link's codec, when there
// is a link): the example's first paint does not wait for them, a link's replay does. The test
// hook comes once they are in (and loads with them), so specs never send YAML the core cannot read
// yet.
const extensions = Promise.all([loadExtensions(), loadLessons()]).catch(() => undefined);
const linked = readPage(location.href).fragment !== '';
if (linked) void loadCodec().catch(() => undefined);
const lab = createLab(defaultScenario(), { freeze: import.meta.env.DEV });
const example = lab.run;
// Shown at START_AT; with a link, only if it is still the example when the page is first drawn.
const showExample = () => {
  if (lab.run === example && example.now() === 0) lab.seek(START_AT);
};
if (!linked) showExample();
void extensions.then(() => import('./lab/testHook.ts')).then((m) => m.installTestHook(lab));
document.documentElement.lang = langStore.getState().lang;
// A share link, the saved work or the example. The first render waits for the link or the work
// to open: what opens quickly is the first thing drawn, instead of the example and then it. A
// replay that takes longer than LONG_REPLAY_MS is drawn with its progress over the example; and
// nothing waits more than BOOT_WAIT_MS (a slow network).
const booted = bootShare(lab);
// Opens without a network after the first visit (classroom Wi-Fi fails).
registerServiceWorker();
const BOOT_WAIT_MS = 400;
// Not "more than one slice": a pause of the page's own (a garbage collection) can end a short
// replay's first slice before it is done.
const LONG_REPLAY_MS = 100;
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LabProvider lab={lab}>
        <App />
      </LabProvider>
    </StrictMode>,
  );
// Korean strings load on demand: a Korean reader's first paint waits for them (English never does).
// The language is read once the wait is over: a link may have set it. Whichever ends the wait
// first starts the page, once.
let started = false;
const start = () => {
  if (started) return;
  started = true;
  stopWatching();
  showExample();
  const lang = langStore.getState().lang;
  if (lang === 'en') render();
  else void loadLanguage(lang).then(render, render);
};
const stopWatching = lab.store.subscribe(({ ui: { opening } }) => {
  if (opening && opening.spentMs >= LONG_REPLAY_MS) start();
});
void Promise.race([booted, new Promise((done) => setTimeout(done, BOOT_WAIT_MS))]).then(start, start);
