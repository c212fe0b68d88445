/*
 * Rollout Lab's service worker: the app opens without a network after one visit (classroom
 * Wi-Fi fails). The build (web/offline/plugin.ts) replaces the two placeholders with the list of
 * every file it wrote and a hash of that list, so each build gets a cache of its own.
 *
 * Built files have hashed names and never change: served from the cache. Pages (index.html, for
 * any ?lesson=…, ?embed=1 or #link) are fetched first and fall back to the cached copy, so an
 * online reader always gets the newest build. Old builds' caches go once this one is active.
 */
const VERSION = '__ROLLOUT_LAB_VERSION__';
/* global __ROLLOUT_LAB_FILES__ */
const FILES = __ROLLOUT_LAB_FILES__;
const CACHE = `rollout-lab-${VERSION}`;
const scope = new URL(self.registration.scope);
const url = (path) => new URL(path, scope).href;
const PAGE = url('./');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([PAGE, ...FILES.map(url)]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('rollout-lab-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(PAGE, copy));
          }
          return response;
        })
        .catch(() => caches.match(PAGE).then((cached) => cached ?? Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true, ignoreVary: true }).then(
      (cached) =>
        cached ??
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
