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
import { importRoutes } from './import.routes.ts';
import { createImportJobs } from './import-jobs.ts';
import type { TerritoryService } from '../territory/index.ts';
import { createOrganisationsService } from './organisations.service.ts';
import { createFacilitiesService } from './facilities.service.ts';
import { organisationRoutes } from './organisations.routes.ts';
import { facilityRoutes } from './facilities.routes.ts';
import { createBuildingsService } from './buildings.service.ts';
import { createAddressesService } from './addresses.service.ts';
import { createHousesService } from './houses.service.ts';
import { createHouseholdGroupsService } from './household-groups.service.ts';
import { buildingRoutes } from './buildings.routes.ts';
import { householdGroupRoutes } from './household-groups.routes.ts';
import { createQualityService } from './quality.service.ts';
import { qualityRoutes } from './quality.routes.ts';
import { createPeopleEdits } from './people-edits.ts';
import { createRecordLookup } from './record-lookup.service.ts';
import { recordLookupRoutes } from './record-lookup.routes.ts';
import { createPersonForm } from './person-form.service.ts';
import { personFormRoutes } from './person-form.routes.ts';

export type { RegistryImport } from './registry-import.service.ts';
export type { HouseInput, HousesService } from './houses.service.ts';
export type { PeopleEdits } from './people-edits.ts';
export type { HouseRow, PersonRow } from './registry.store.ts';
export { phone as parsePhone } from './template-fields.ts';
export { importMessage } from './import-messages.ts';
export { createRecordLookup, RECORD_TYPES, type RecordLookup, type RecordType } from './record-lookup.service.ts';

export async function createRegistry({ app, db, clock, config, guard, files, territory }: { app: Http; db: Db; clock: Clock; config: Config; guard: Guard; files: FileStore; territory: TerritoryService }) {
  const fieldCrypto = createFieldCrypto(resolveFieldKeys(config));
  const service = createRegistryService({ db, clock, fieldCrypto });
  const registryImport = createRegistryImport({ db, clock, fieldCrypto, locate: async (lng, lat) => (await territory.locate(lng, lat))?.grid.code ?? null });
  await registryRoutes(app, { registry: service, guard });
  const jobs = createImportJobs({ clock, onFailure: (err) => app.log.error({ err }, 'import failed') });
  await importRoutes(app, { registryImport, jobs, files, guard });
  await organisationRoutes(app, { organisations: createOrganisationsService({ db, clock, fieldCrypto, territory }), guard });
  await facilityRoutes(app, { facilities: createFacilitiesService({ db, clock, territory }), guard });
  const houses = createHousesService({ db, clock, fieldCrypto });
  await buildingRoutes(app, {
    buildings: createBuildingsService({ db, clock, fieldCrypto, territory }), addresses: createAddressesService({ db, clock, territory }), houses, guard,
  });
  await householdGroupRoutes(app, { groups: createHouseholdGroupsService({ db, clock }), guard });
  recordLookupRoutes(app, { records: createRecordLookup({ db }), guard });
  const quality = createQualityService({ db, clock, fieldCrypto });
  await qualityRoutes(app, { quality, guard });
  const people = createPeopleEdits({ fieldCrypto });
  personFormRoutes(app, { form: createPersonForm({ db, clock, fieldCrypto, people, registry: service }), guard });
  return { service, registryImport, idCheckBacklog: quality.checkIdBacklog, houses, people };
}
