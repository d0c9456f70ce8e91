/**
 * A small 12345 hotline platform for a demo and for trying the interface without one (`gezhi hotline simulate`): it
 * receives what Gezhi sends back about its orders, checks each signature as the guide says, answers 200, and prints
 * a line per change; `pushOrder` sends it a work order as the platform would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookAlgorithm } from '../../shared/webhooks.ts';
import { checkSignature, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER } from '../webhooks/index.ts';

export async function startHotlineSimulator(opts: { port: number; secret: string; algorithm: WebhookAlgorithm; log(line: string): void }) {
  const seen = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const deliveryId = String(req.headers[DELIVERY_HEADER] ?? '');
      const check = checkSignature({
        header: req.headers[SIGNATURE_HEADER] as string | undefined,
        algorithm: opts.algorithm,
        secret: opts.secret,
        deliveryId,
        body,
        now: new Date(),
      });
      if (!check.ok) {
        opts.log(`refused delivery ${deliveryId}: signature ${check.reason}`);
        res.writeHead(401).end(`signature ${check.reason}`);
        return;
      }
      if (!seen.has(deliveryId)) {
        seen.add(deliveryId);
        const fact = JSON.parse(body) as { case?: { externalNo?: string; caseNo?: string; status?: string }; note?: string | null };
        opts.log(
          `${req.headers[EVENT_HEADER]} order ${fact.case?.externalNo ?? '—'} (case ${fact.case?.caseNo ?? '—'}, ${fact.case?.status ?? ''})${fact.note ? `: ${fact.note}` : ''}`,
        );
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ack":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/12345`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Pushes one work order to a Gezhi server as the hotline platform does; answers the server's status and reply. */
export async function pushOrder(server: string, apiKey: string, order: Record<string, unknown>) {
  const res = await fetch(new URL('/api/hotline/orders', server), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify(order),
  });
  return { status: res.status, body: await res.text() };
}
