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
import { bootShare } from './share/store.ts';
import { registerServiceWorker } from './offline/register.ts';

const lab = createLab(defaultScenario(), { freeze: import.meta.env.DEV });
lab.seek(START_AT);
// YAML, the rest of kubectl and the lessons load after the first paint. The test hook comes once
// they are in (and loads with them), so specs never send YAML the core cannot read yet.
void Promise.all([loadExtensions(), loadLessons()])
  .catch(() => undefined)
  .then(() => import('./lab/testHook.ts'))
  .then((m) => m.installTestHook(lab));
document.documentElement.lang = langStore.getState().lang;
// A share link, the saved work or the example: decided before the first render.
void bootShare(lab);
// Opens without a network after the first visit (classroom Wi-Fi fails).
registerServiceWorker();
// Korean strings load on demand: a Korean reader's first paint waits for them (English never does).
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LabProvider lab={lab}>
        <App />
      </LabProvider>
    </StrictMode>,
  );
const lang = langStore.getState().lang;
if (lang === 'en') render();
else void loadLanguage(lang).then(render, render);
