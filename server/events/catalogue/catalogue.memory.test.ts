import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { createCatalogueMemory } from './catalogue.memory.ts';

describe('the catalogue intake keeps in memory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sees a change made by another server within five seconds, and one of its own at once', async () => {
    let now = 0;
    const memory = createCatalogueMemory(t.db, () => now);
    expect((await memory.itemForReport('CG06010')).code).toBe('CG06010');

    // Another server retires the item: this one still offers it until its copy is five seconds old.
    await t.db.execute(sql`update catalogue_item set retired = true where code = 'CG06010'`);
    now = 4_999;
    expect((await memory.itemForReport('CG06010')).code).toBe('CG06010');
    now = 5_000;
    await expect(memory.itemForReport('CG06010')).rejects.toMatchObject({ code: 'event.item_retired' });

    // Restored here, this server forgets its copy: offered again on the next report.
    await t.db.execute(sql`update catalogue_item set retired = false where code = 'CG06010'`);
    memory.forget();
    expect((await memory.itemForReport('CG06010')).code).toBe('CG06010');
    await expect(memory.itemForReport('NOPE')).rejects.toMatchObject({ code: 'event.item_unknown' });
    expect((await memory.items(['CG06010', 'NOPE'])).has('NOPE')).toBe(false);
  });

  it('is read through a transaction that asks for it, even while a read outside is in flight (PGlite has one connection)', async () => {
    let now = 0;
    const memory = createCatalogueMemory(t.db, () => now);
    await memory.items(['CG06010']);
    now = 10_000; // stale: the next ask reads again
    // The sweep asks from inside its transaction; a read on the database handle would wait for that transaction.
    const inside = await t.db.transaction(async (tx) => {
      const outside = memory.items(['CG06010']); // another request meanwhile: it waits for the transaction, not the other way
      const names = await memory.items(['CG06010'], tx);
      return { names, outside };
    });
    expect(inside.names.get('CG06010')?.name).toBeTruthy();
    expect((await inside.outside).get('CG06010')?.name).toBe(inside.names.get('CG06010')?.name);
  }, 20_000);
});
