import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { installTestHook } from './sim/testHook.ts';
import './styles.css';

// The YAML library is not tree-shaken and the default scenario is JSON: load it after the first paint.
void import('../src/k8s/yaml-impl.ts');
installTestHook();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
