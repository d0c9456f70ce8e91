/**
 * Installs the field app's service worker (web/field-sw.js, written into the build by web/vite-service-worker.ts):
 * it keeps the shell and the catalogue so /m opens without signal. The dev server has none: nothing to register.
 * (The mode, not `DEV`: a build made under NODE_ENV=test, as the browser tests make it, counts as DEV yet has a worker.)
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.MODE === 'development') return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => console.warn('service worker', err));
}
