// Shared tokens and controls first: every part's stylesheet builds on them.
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installTestHook } from './sim/testHook.ts';
import { loadDeferred } from './sim/deferred.ts';
import { langStore } from './i18n/index.ts';
import { bootShare } from './share/store.ts';
import { registerServiceWorker } from './offline/register.ts';

// The YAML library is not tree-shaken and the default scenario is JSON: load it after the first paint.
// The test hook comes once it is in, so specs never send YAML the core cannot read yet.
void loadDeferred().finally(installTestHook);
document.documentElement.lang = langStore.getState().lang;
// A share link, the saved work or the example: decided before the first render.
void bootShare();
// Opens without a network after the first visit (classroom Wi-Fi fails).
registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
