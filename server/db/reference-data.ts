import type { Database } from '../platform/db.ts';
import { DEFAULT_CATALOGUE } from '../events/catalogue/catalogue.seed.ts';
import { seedCatalogue } from '../events/loop/events.store.ts';

/** Migrates and loads the reference data every database starts with (the default event catalogue). */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedCatalogue(database.db, DEFAULT_CATALOGUE);
}
