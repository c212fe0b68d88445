/// <reference types="vite/client" />
/**
 * Registers the service worker (web/offline/sw.js) once the page has loaded, in built apps only.
 * A sandboxed embed (opaque origin) or a browser without service workers simply goes without.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  try {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const register = () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  } catch {
    // An opaque origin (sandboxed iframe) may refuse to even look: nothing to do.
  }
}
