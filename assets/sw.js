// jiexi's service worker: the app works offline once it has been opened.
// This file is a template: scripts/build/precache.mjs (a trunk post_build hook) writes it to
// dist/sw.js with the build's file list and a version hash of their contents.
// - Every file of the build is cached when a new version installs (one cache per version;
//   older ones are deleted when it activates). A file whose content hash an older cache
//   already holds is copied from it: an update downloads only what changed, never the
//   dictionary again for a change of code.
// - The page (index.html) comes from the network when it answers within 3 s, else from
//   the cache.
// - Everything else comes from this version's cache first: the page, its wasm and the
//   worker always belong to the same build.
// - A new version waits until the page asks it to take over (the user chose "Reload"),
//   so an update never interrupts work.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `jiexi-${VERSION}`;
const INDEX = new URL('index.html', self.registration.scope).href;
// Each cache keeps the path -> content hash list it was filled from.
const MANIFEST = new URL('__jiexi-precache.json', self.registration.scope).href;

async function install() {
  const cache = await caches.open(CACHE);
  const older = [];
  for (const key of await caches.keys()) {
    if (!key.startsWith('jiexi-') || key === CACHE) continue;
    const old = await caches.open(key);
    const manifest = await old.match(MANIFEST);
    if (manifest) older.push([old, await manifest.json()]);
  }
  await Promise.all(
    Object.entries(PRECACHE).map(async ([path, hash]) => {
      const url = new URL(path, self.registration.scope).href;
      for (const [old, manifest] of older) {
        const hit = manifest[path] === hash && (await old.match(url));
        if (hit) return cache.put(url, hit);
      }
      // 'no-cache': the HTTP cache may answer once the server confirms it is current (on a
      // first visit the page has just downloaded these files), never with a stale file.
      const response = await fetch(new Request(url, { cache: 'no-cache' }));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return cache.put(url, response);
    }),
  );
  await cache.put(MANIFEST, new Response(JSON.stringify(PRECACHE)));
}

self.addEventListener('install', (event) => event.waitUntil(install()));

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

// How long opening the app waits for the network before the cached page is shown: a
// request on a train or a captive network can hang for minutes rather than fail.
const NETWORK_WAIT_MS = 3000;

/** The page from the network if it answers in time, else this version's cached copy. */
async function navigate(request) {
  const network = fetch(request);
  // Answered after the wait, or failed: nobody is listening any more.
  network.catch(() => {});
  const waited = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, null));
  try {
    const response = await Promise.race([network, waited]);
    if (response) return response;
  } catch {
    // Offline: the cached copy.
  }
  const cached = await caches.open(CACHE).then((cache) => cache.match(INDEX));
  // Nothing cached yet (the first visit): the network is the only way, however slow.
  return cached ?? network;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
