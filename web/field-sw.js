/**
 * The field app's service worker. The build writes the shell's files into PRECACHE (web/vite-service-worker.ts).
 * - pages under /m: the network first, else the cached page, so /m opens without signal;
 * - hashed assets: from the cache once fetched (their names change with their content);
 * - the few API reads the phone needs offline (the catalogue, my counts, my area's outline): the network first, else
 *   the last answer; the catalogue is fetched at install, so the first page's reads, made before the worker took
 *   over, are not missed. Signing out empties that cache. Everything else goes to the network untouched.
 */
const RELEASE = '__RELEASE__';
const PRECACHE = ['__PRECACHE__'];
const SHELL = `gezhi-shell-${RELEASE}`;
const API = 'gezhi-api';
const OFFLINE_READS = [/^\/api\/events\/catalogue$/, /^\/api\/inbox\/counts$/, /^\/api\/territory\/(grids|areas)\/[0-9]+$/];
/** The catalogue as the report page and the case lists ask for it. */
const CATALOGUE = ['/api/events/catalogue?retired=false', '/api/events/catalogue?retired=true'];

/** Fetched with the user's session; a refusal (signed out) simply leaves it uncached. */
async function warmApi() {
  const cache = await caches.open(API);
  await Promise.all(
    CATALOGUE.map((url) =>
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then((res) => (res.ok ? cache.put(url, res) : undefined))
        .catch(() => undefined),
    ),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(warmApi)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gezhi-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallback) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallback ?? request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(fallback ?? request, { ignoreVary: true });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(SHELL)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    event.respondWith(caches.delete(API).then(() => fetch(request)));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate' && (url.pathname === '/m' || url.pathname.startsWith('/m/'))) {
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_READS.some((r) => r.test(url.pathname))) {
    event.respondWith(networkFirst(request, API));
  }
});
