import type { FileStore } from '../files/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import type { TerritoryService } from '../territory/index.ts';
import { facilityRoutes } from './facilities/facilities.routes.ts';
import { createFacilitiesService } from './facilities/facilities.service.ts';
import { importRoutes } from './io/import.routes.ts';
import { createImportJobs } from './io/import-jobs.ts';
import { createRegistryImport } from './io/registry-import.service.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { createOrganisationsService } from './organisations/organisations.service.ts';
import { createDeclaredPeople } from './people/declared-people.ts';
import { registryRoutes } from './people/people.routes.ts';
import { createRegistryService } from './people/people.service.ts';
import { createPeopleEdits } from './people/people-edits.ts';
import { personFormRoutes } from './people/person-form.routes.ts';
import { createPersonForm } from './people/person-form.service.ts';
import { createAddressesService } from './places/addresses.service.ts';
import { buildingRoutes } from './places/buildings.routes.ts';
import { createBuildingsService } from './places/buildings.service.ts';
import { householdGroupRoutes } from './places/household-groups.routes.ts';
import { createHouseholdGroupsService } from './places/household-groups.service.ts';
import { createHousesService } from './places/houses.service.ts';
import { qualityRoutes } from './quality/quality.routes.ts';
import { createQualityService } from './quality/quality.service.ts';
import { recordLookupRoutes } from './records/record-lookup.routes.ts';
import { createRecordLookup } from './records/record-lookup.service.ts';

export { RECORD_TYPES, type RecordType } from '../../shared/enums.ts';
export { importMessage } from '../../shared/i18n/import.ts';
export type { RegistryImport } from './io/registry-import.service.ts';
export { IMPORT_BATCH_ROWS, IMPORTABLE_TEMPLATES, type ImportableTemplate, type ImportProgress } from './io/registry-import.service.ts';
export { writeErrorReport } from './io/spreadsheet-export.ts';
export { readRows } from './io/spreadsheet-import.ts';
export { phone as parsePhone } from './io/template-fields.ts';
export { type ImportRecord, PERSON_TEMPLATE, TEMPLATES, validateRow } from './io/templates.ts';
export { buildOrgRow, writeOrganisations } from './organisations/org-apply.ts';
export { insertFacility, nextFacilitySerial } from './organisations/organisations.store.ts';
export type { DeclaredPeople, DeclaredPerson } from './people/declared-people.ts';
export type { PeopleEdits } from './people/people-edits.ts';
export { type BuildingRowInput, writeBuildings } from './places/building-apply.ts';
export { type GroupOnRecord, groupOnRecord } from './places/group-on-record.ts';
export { groupView } from './places/household-groups.service.ts';
export type { HouseInput, HousesService } from './places/houses.service.ts';
export {
  analyzeHousesAndPeople,
  insertAddresses,
  insertGroups,
  insertMembers as insertGroupMembers,
  leaderCandidates,
} from './places/places.store.ts';
/** 基础数据核实: people and houses verified in a window, per grid and one by one (what an assessment item counts). */
export { recordsVerified, verifiedPerGrid } from './quality/verified.store.ts';
export type {
  CodeOf,
  ID_TYPE,
  INFLOW_REASON,
  KEY_PERSON,
  LEFT_BEHIND_TYPE,
  PERMIT_TYPE,
  RELATION,
  RESIDENT_TYPE,
  SPECIAL_GROUP,
  VISIT_PURPOSE,
} from './records/code-tables.ts';
/** What the province exchange reads of the base records changed in a range of finished transactions (decision 0028). */
export {
  EXCHANGED_RECORDS,
  type ExchangedHouse,
  type ExchangedOrganisation,
  type ExchangedPerson,
  type ExchangedRecord,
  housesForExchange,
  organisationsForExchange,
  peopleForExchange,
  recordsChanged,
} from './records/exchange-feed.ts';
export { makeCreditCode, makeIdNumber } from './records/identifiers.core.ts';
export { type PartyOnRecord, partiesOnRecord, partyKey } from './records/parties.ts';
export { applyHouses, applyPeople, type Batch, forHistory } from './records/record-apply.ts';
export { RecordHistorySchema, VerifiedBySchema } from './records/record-history.ts';
export type { VersionedRow } from './records/record-lifecycle.core.ts';
/** The one lifecycle of a versioned record (get in scope, version check, history), for record kinds of other areas. */
export { createRecordLifecycle, type RecordKind, type RecordLifecycle } from './records/record-lifecycle.ts';
export { createRecordLookup, type RecordLookup } from './records/record-lookup.service.ts';
/** The base records as other areas' SQL reads them: fragments registry owns, so no other area names its tables. */
export { currentHome, housesOnRecord, peopleOnRecord, recordsInGrid } from './records/record-sources.ts';
export type { HouseRow, PersonRow } from './records/records.store.ts';
/** Writes the demo loader makes, of rows it built itself. */
export { insertChanges } from './records/records.store.ts';

export async function createRegistry({
  app,
  db,
  clock,
  config,
  guard,
  files,
  territory,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  files: FileStore;
  territory: TerritoryService;
}) {
  const fieldCrypto = openFieldCrypto(config);
  const { unmaskedExportMax } = config;
  const service = createRegistryService({ db, clock, fieldCrypto, unmaskedExportMax });
  const registryImport = createRegistryImport({
    db,
    clock,
    fieldCrypto,
    locate: async (lng, lat) => (await territory.locate(lng, lat))?.grid.code ?? null,
  });
  await registryRoutes(app, { registry: service, guard });
  const jobs = createImportJobs({ clock, onFailure: (err) => app.log.error({ err }, 'import failed') });
  await importRoutes(app, { registryImport, jobs, files, guard });
  await organisationRoutes(app, {
    organisations: createOrganisationsService({ db, clock, fieldCrypto, territory, unmaskedExportMax }),
    guard,
  });
  await facilityRoutes(app, { facilities: createFacilitiesService({ db, clock, territory }), guard });
  const houses = createHousesService({ db, clock, fieldCrypto, unmaskedExportMax });
  await buildingRoutes(app, {
    buildings: createBuildingsService({ db, clock, fieldCrypto, territory, unmaskedExportMax }),
    addresses: createAddressesService({ db, clock, territory }),
    houses,
    guard,
  });
  await householdGroupRoutes(app, { groups: createHouseholdGroupsService({ db, clock }), guard });
  recordLookupRoutes(app, { records: createRecordLookup({ db }), guard });
  const quality = createQualityService({ db, clock, fieldCrypto });
  await qualityRoutes(app, { quality, guard });
  const people = createPeopleEdits({ fieldCrypto });
  personFormRoutes(app, { form: createPersonForm({ db, clock, fieldCrypto, people, registry: service }), guard });
  const declaredPeople = createDeclaredPeople({ fieldCrypto, people });
  return { service, registryImport, idCheckBacklog: quality.checkIdBacklog, houses, people, declaredPeople };
}
