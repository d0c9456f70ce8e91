/**
 * Change → delivery: 1,000 changes at a steady rate, each told to a subscribed receiver (a real HTTP server on
 * 127.0.0.1 checking every signature) by the sender as the server runs it (a pass every second,
 * webhooks/webhook-sender.ts). Two paths: a worker's case report told to a webhook subscriber, and a 12345 work order
 * pushed by the hotline (its key) told back to the hotline's simulator (a subscription for the hotline). Latency runs
 * from the change's reply to the receiver's first look at its delivery. The anchor: the change's request itself, and
 * a bare signed POST to the same receiver.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/db/index.ts';
import { startSweeper } from '../server/events/index.ts';
import { createDiskFileStore } from '../server/files/file-store.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { type Database, openDatabase } from '../server/platform/db.ts';
import { FIXTURE, seedTerritory } from '../server/testing/fixtures.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD } from '../server/testing/test-secrets.ts';
import { startWebhookReceiver } from '../server/testing/webhook-receiver.ts';
import { signatureHeader } from '../server/webhooks/webhooks.core.ts';

/** What makes the change and who is told: a report to a webhook subscriber, or a hotline order back to the hotline. */
export type DeliveryPath = 'webhook' | 'hotline';

export interface DeliveryLatency {
  database: 'PGlite' | 'PostgreSQL';
  path: DeliveryPath;
  changes: number;
  delivered: number;
  p50Ms: number;
  p99Ms: number;
  reportP50Ms: number;
  reportP99Ms: number;
  barePostP50Ms: number;
}

const quantile = (xs: number[], q: number) => {
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};

async function measure(database: Database, kind: DeliveryLatency['database'], via: DeliveryPath, changes: number, perSecond: number) {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-files-'));
  // The receiver is on 127.0.0.1: private receivers allowed, as GEZHI_WEBHOOK_ALLOW_PRIVATE=1 does.
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS, webhookAllowPrivate: true });
  const { app, services } = await buildApp({ config, database, clock: systemClock, files: createDiskFileStore(filesDir) });
  const rx = await startWebhookReceiver({ now: () => new Date() });
  try {
    await seedTerritory(database.db);
    const signIn = async (username: string, roles: string[], areaCodes: string[]) => {
      await services.access.createUser(
        null,
        { username, displayName: username, password: TEST_PASSWORD, roles, areaCodes },
        { secondFactorExempt: true },
      );
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      return { gezhi_sid: String(res.cookies.find((c) => c.name === 'gezhi_sid')!.value) };
    };
    const admin = await signIn('bench-admin', ['system_admin'], [FIXTURE.city]);
    const worker = await signIn('bench-worker', ['grid_worker'], [FIXTURE.grids[0]]);
    // The hotline's key is the security admin's to issue; its subscription is the system admin's, for the hotline.
    const security = await signIn('bench-security', ['security_admin'], [FIXTURE.city]);
    const hotlineKey =
      via === 'hotline'
        ? (
            await app.inject({
              method: 'POST',
              url: '/api/open311/clients',
              cookies: security,
              payload: { name: '压测 12345 热线', countyCode: FIXTURE.county, interfaces: ['hotline'] },
            })
          ).json<{ apiKey: string }>().apiKey
        : null;
    const sub = (
      await app.inject({
        method: 'POST',
        url: '/api/webhooks/subscriptions',
        cookies: admin,
        payload: {
          name: 'bench',
          url: rx.url,
          areaCode: FIXTURE.county,
          kinds: ['case.reported'],
          algorithm: 'hmac-sm3',
          ...(via === 'hotline' ? { purpose: 'hotline' } : {}),
        },
      })
    ).json<{ secret: string }>();
    rx.trust(sub.secret, 'hmac-sm3');

    // The anchor: one signed POST to the receiver, no database.
    const bare: number[] = [];
    for (let i = 0; i < 200; i++) {
      const body = JSON.stringify({ i });
      const t0 = performance.now();
      await fetch(rx.url, {
        method: 'POST',
        headers: {
          'gezhi-delivery': `bare-${i}`,
          'gezhi-signature': signatureHeader('hmac-sm3', sub.secret, new Date(), `bare-${i}`, body),
        },
        body,
      });
      bare.push(performance.now() - t0);
    }
    rx.processed.length = 0;

    // The pass in flight is awaited before the database closes under it.
    let pass: Promise<unknown> = Promise.resolve();
    const sender = startSweeper(
      () => {
        pass = services.deliverWebhooks();
        return pass;
      },
      { intervalMs: 1000, onError: (err) => console.error(err) },
    );
    const started = new Map<string, number>();
    const reports: number[] = [];
    const gap = 1000 / perSecond;
    const begin = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < changes; i++) {
      const due = begin + i * gap;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(
        (async () => {
          const t0 = performance.now();
          const lng = 113.01 + (i % 50) / 10_000;
          const res = hotlineKey
            ? await app.inject({
                method: 'POST',
                url: '/api/hotline/orders',
                headers: { 'x-api-key': hotlineKey },
                payload: {
                  orderNo: `RX-BENCH-${i}`,
                  callerName: '压测来电',
                  nature: 'complaint',
                  urgency: 'normal',
                  itemCode: 'CG06010',
                  description: `压测工单 ${i}`,
                  address: '城关镇解放路 12 号',
                  lng,
                  lat: 31.01,
                },
              })
            : await app.inject({
                method: 'POST',
                url: '/api/events',
                cookies: worker,
                payload: { itemCode: 'CG06010', lng, lat: 31.01, description: `压测上报 ${i}`, photos: [] },
              });
          const committed = performance.now();
          reports.push(committed - t0);
          const reply = res.json<{ id?: string; eventId?: string }>();
          started.set(String(reply.eventId ?? reply.id), committed);
        })(),
      );
    }
    await Promise.all(inFlight);
    await rx.processedCount(changes);
    sender.stop();
    await pass;
    const latencies = rx.processed.map((r) => r.at - started.get((r.body.case as { id: string }).id)!);
    return {
      database: kind,
      path: via,
      changes,
      delivered: rx.processed.length,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      reportP50Ms: quantile(reports, 0.5),
      reportP99Ms: quantile(reports, 0.99),
      barePostP50Ms: quantile(bare, 0.5),
    } satisfies DeliveryLatency;
  } finally {
    await rx.close();
    await app.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

const PATHS: readonly DeliveryPath[] = ['webhook', 'hotline'];

/** Each path on a database of its own, so one path's accounts, subscription and deliveries never meet the other's. */
export async function benchWebhooks(pgUrl: string | null, { changes = 1000, perSecond = 10 } = {}): Promise<DeliveryLatency[]> {
  const results: DeliveryLatency[] = [];
  for (const via of PATHS) {
    const lite = await openDatabase({ url: null, dataDir: null });
    await prepareDatabase(lite);
    try {
      results.push(await measure(lite, 'PGlite', via, changes, perSecond));
    } finally {
      await lite.close();
    }
  }
  if (!pgUrl) return results;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    for (const via of PATHS) {
      const name = `gezhi_bench_webhooks_${via}_${process.pid}`;
      await admin.query(`create database ${name}`);
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ url: url.toString(), dataDir: null });
      try {
        await prepareDatabase(database);
        results.push(await measure(database, 'PostgreSQL', via, changes, perSecond));
      } finally {
        await database.close();
        await new Promise((r) => setTimeout(r, 500));
        await admin.query(`drop database if exists ${name} with (force)`);
      }
    }
  } finally {
    await admin.end();
  }
  return results;
}
