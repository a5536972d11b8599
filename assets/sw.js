// jiexi's service worker: the app works offline once it has been opened.
// This file is a template: scripts/precache.mjs (a trunk post_build hook) writes it to
// dist/sw.js with the build's file list and a version hash of their contents.
// - Every file of the build is cached when a new version installs (one cache per version;
//   older ones are deleted when it activates).
// - The page (index.html) comes from the network when there is one, else from the cache.
// - Everything else comes from this version's cache first: the page, its wasm and the
//   worker always belong to the same build.
// - A new version waits until the page asks it to take over (the user chose "Reload"),
//   so an update never interrupts work.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `jiexi-${VERSION}`;
const INDEX = new URL('index.html', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, self.registration.scope), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('jiexi-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(INDEX))));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
