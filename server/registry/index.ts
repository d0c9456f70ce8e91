import type { Config } from '../platform/config.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { resolveFieldKeys } from '../platform/field-keys.ts';
import type { Guard } from '../access/guard.ts';
import type { FileStore } from '../files/file-store.ts';
import { createFieldCrypto } from './field-crypto.ts';
import { createRegistryService } from './registry.service.ts';
import { createRegistryImport } from './registry-import.service.ts';
import { registryRoutes } from './registry.routes.ts';

export type { RegistryImport } from './registry-import.service.ts';

export async function createRegistry({ app, db, clock, config, guard, files }: { app: Http; db: Db; clock: Clock; config: Config; guard: Guard; files: FileStore }) {
  const fieldCrypto = createFieldCrypto(resolveFieldKeys(config));
  const service = createRegistryService({ db, clock, fieldCrypto });
  const registryImport = createRegistryImport({ db, clock, fieldCrypto });
  await registryRoutes(app, { registry: service, registryImport, files, guard });
  return { service, registryImport };
}
