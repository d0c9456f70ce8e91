import { seedDefaultCatalogue } from '../events/index.ts';
import type { Database } from '../platform/db.ts';

/** Migrates and loads the reference data every database starts with (the default event catalogue). */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await seedDefaultCatalogue(database.db);
}
