/**
 * A receiver of signed webhooks for the tests and the bench: a real HTTP server on 127.0.0.1 that checks each
 * delivery as the guide tells a receiver to (docs/integrations/webhooks.md), processes each delivery id once, and
 * answers with an error on purpose for the first `failFirst` requests, or for as long as `failing` is set.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookAlgorithm } from '../../shared/webhooks.ts';
import { checkSignature, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER } from '../webhooks/index.ts';

export interface Received {
  deliveryId: string;
  kind: string;
  body: Record<string, unknown>;
  /** What the receiver answered. */
  status: number;
  at: number;
}

export async function startWebhookReceiver(opts: { now: () => Date; failFirst?: number }) {
  let secret = '';
  let algorithm: WebhookAlgorithm = 'hmac-sha256';
  let left = opts.failFirst ?? 0;
  const state = { failing: false };
  /** Every request, as it came, with the answer it got. */
  const requests: Received[] = [];
  /** The deliveries processed, each id once, in the order they were first accepted. */
  const processed: Received[] = [];
  const seen = new Set<string>();
  const waiters: { n: number; resolve(): void }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const deliveryId = String(req.headers[DELIVERY_HEADER] ?? '');
      const check = checkSignature({
        header: req.headers[SIGNATURE_HEADER] as string | undefined,
        algorithm,
        secret,
        deliveryId,
        body: raw,
        now: opts.now(),
      });
      const entry = { deliveryId, kind: String(req.headers[EVENT_HEADER] ?? ''), body: JSON.parse(raw), at: performance.now() };
      const answer = (status: number, text: string) => {
        requests.push({ ...entry, status });
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
      };
      if (!check.ok) return answer(401, `signature ${check.reason}`);
      if (left > 0 || state.failing) {
        left = Math.max(0, left - 1);
        return answer(503, 'busy, try later');
      }
      // A copy of a delivery already processed changes nothing, and is acknowledged.
      if (!seen.has(deliveryId)) {
        seen.add(deliveryId);
        processed.push({ ...entry, status: 200 });
        for (const w of waiters.filter((w) => processed.length >= w.n)) w.resolve();
      }
      answer(200, 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    processed,
    state,
    /** The secret and algorithm the subscription was created with. */
    trust(s: string, a: WebhookAlgorithm) {
      secret = s;
      algorithm = a;
    },
    failNext(n: number) {
      left = n;
    },
    /** Resolves once `n` deliveries have been processed. */
    processedCount(n: number) {
      return processed.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
