import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { type Http, sendError } from './http.ts';

/** Vite names every built asset after its content (`assets/index-3f2a1b.js`): a new release is a new URL. */
const HASHED = /^assets\//;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and the service worker must be asked for again each time, or a phone keeps last month's release. */
export const REVALIDATE = 'no-cache';

/** The cache rule of a file of the build, by its path inside it (a `.br` or `.gz` twin counts as its original). */
export function cacheControlOf(relative: string): string {
  const original = relative
    .split(path.sep)
    .join('/')
    .replace(/\.(br|gz)$/, '');
  return HASHED.test(original) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the web build: the brotli or gzip twin the build wrote beside each file when the browser takes it
 * (web/vite-precompress.ts), hashed assets cached for a year, everything else revalidated. Any other page path gets
 * index.html (client-side routes); anything else not found, the one error shape.
 */
export async function serveWeb(app: Http, webDist: string): Promise<void> {
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControlOf(path.relative(webDist, file))),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = hasWeb && request.method === 'GET' && !request.url.startsWith('/api/');
    if (isPage) return reply.type('text/html').sendFile('index.html');
    return sendError(reply, 'route.not_found', request.lang);
  });
}
