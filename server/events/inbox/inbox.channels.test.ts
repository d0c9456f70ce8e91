import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { createNotifier, type Notice, robotChannel } from './inbox.channels.ts';

/** A stand-in for the WeCom / DingTalk webhook: records each request and answers with `reply`. */
let server: http.Server;
let url: string;
let received: { url: string; body: unknown }[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
let database: Database;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: JSON.parse(body) });
      res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=test-key`;
  database = await openTestDatabase();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.close();
});
beforeEach(() => {
  received = [];
  reply = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
});

const notice = (userId: string, kind: string, caseNo: string, dedupeKey: string) =>
  ({
    countyCode: '420923',
    userId,
    kind,
    eventId: crypto.randomUUID(),
    orderId: null,
    data: { caseNo },
    dedupeKey,
    createdAt: new Date('2026-11-02T09:00:00+08:00'),
  }) satisfies Notice;

describe('group robot channel', () => {
  it('posts one WeCom text message with a line per case', async () => {
    const a = notice(crypto.randomUUID(), 'to_sign', '202611020001', 'k1');
    await robotChannel({ kind: 'wecom', url, secret: null }).deliver([
      { ...a, id: crypto.randomUUID(), readAt: null },
      { ...a, userId: crypto.randomUUID(), id: crypto.randomUUID(), readAt: null },
    ]);
    expect(received).toHaveLength(1);
    expect(received[0].body).toEqual({ msgtype: 'text', text: { content: '【格治】\n待签收：案件 202611020001' } });
  });

  it('signs a DingTalk webhook with its secret', async () => {
    const before = Date.now();
    const a = notice(crypto.randomUUID(), 'overdue', '202611020002', 'k2');
    await robotChannel({ kind: 'dingtalk', url, secret: 'SECxyz' }).deliver([{ ...a, id: crypto.randomUUID(), readAt: null }]);
    const query = new URL(received[0].url, 'http://x').searchParams;
    const timestamp = query.get('timestamp')!;
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(query.get('sign')).toBe(crypto.createHmac('sha256', 'SECxyz').update(`${timestamp}\nSECxyz`).digest('base64'));
    expect(query.get('key')).toBe('test-key');
  });

  it('a refused message (errcode ≠ 0 or HTTP error) is an error', async () => {
    const a = { ...notice(crypto.randomUUID(), 'overdue', '1', 'k3'), id: crypto.randomUUID(), readAt: null };
    reply = { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } };
    await expect(robotChannel({ kind: 'wecom', url, secret: null }).deliver([a])).rejects.toThrow(/93000/);
    reply = { status: 500, body: {} };
    await expect(robotChannel({ kind: 'wecom', url, secret: null }).deliver([a])).rejects.toThrow(/HTTP 500/);
  });
});

describe('notifier', () => {
  it('writes each notice to the inbox once and sends only new ones on; a failing channel is reported, the inbox keeps them', async () => {
    const errors: string[] = [];
    const notifier = createNotifier({
      db: database.db,
      channels: [robotChannel({ kind: 'wecom', url, secret: null })],
      onError: (channel) => errors.push(channel),
    });
    const user = crypto.randomUUID();
    const first = await notifier.notify([notice(user, 'to_accept', '202611020003', 'to_accept:x:v1')]);
    expect(first).toHaveLength(1);
    const again = await notifier.notify([
      notice(user, 'to_accept', '202611020003', 'to_accept:x:v1'),
      notice(user, 'to_check', '202611020003', 'to_check:x:v5'),
    ]);
    expect(again.map((n) => n.kind)).toEqual(['to_check']);
    expect(received.map((r) => (r.body as { text: { content: string } }).text.content)).toEqual([
      '【格治】\n待受理：案件 202611020003',
      '【格治】\n待核查：案件 202611020003',
    ]);

    reply = { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } };
    const stored = await notifier.notify([notice(user, 'overdue', '202611020003', 'overdue:x')]);
    expect(stored).toHaveLength(1);
    expect(errors).toEqual(['robot:wecom']);
  });
});
