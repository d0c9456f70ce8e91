import type { Geometry, FeatureCollection } from 'geojson';
import type { AreaLevel, GridTeamRole } from '../../shared/roles.ts';
import type { NetworkKind, RecordType } from '../../shared/enums.ts';

/** Shapes of the API replies the console reads (see the OpenAPI page at /docs). */

export interface AreaRef {
  code: string;
  name: string;
  level: AreaLevel;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  areas: AreaRef[];
  departmentCode: string | null;
}

export interface AreaNode extends AreaRef {
  parentCode: string | null;
  childCount: number;
  gridCount: number;
}

export interface AreaDetail extends AreaRef {
  parentCode: string | null;
  path: AreaRef[];
  gridCount: number;
  bbox: [number, number, number, number] | null;
  geometry: Geometry | null;
}

interface GridProperties {
  code: string;
  name: string;
  villageCode: string;
  areaM2: number;
}

export type GridCollection = FeatureCollection<Geometry, GridProperties>;

export interface TeamMember {
  id: string;
  role: GridTeamRole;
  employment: 'full_time' | 'part_time' | null;
  name: string;
  phone: string | null;
  userId: string | null;
}

interface ProfessionalUnit {
  networkCode: string;
  networkName: string;
  unitCode: string;
  unitName: string;
  overlapM2: number;
}

export interface GridDetail {
  code: string;
  name: string;
  countyCode: string;
  villageCode: string;
  path: AreaRef[];
  areaM2: number;
  households: number | null;
  population: number | null;
  team: TeamMember[];
  professionalUnits: ProfessionalUnit[];
  claimedBy: { code: string; name: string }[];
  geometry: Geometry | null;
}

interface Named {
  code: string;
  name: string;
}

export type LocateResult =
  | { found: true; grid: Named; village: Named; township: Named; county: Named }
  | { found: false };

export { NETWORK_KINDS, type NetworkKind } from '../../shared/enums.ts';

export interface Network {
  code: string;
  name: string;
  kind: NetworkKind;
  unitCount: number;
}

export interface Department {
  code: string;
  name: string;
  areaCode: string;
  areaName: string;
  claimCount: number;
  staffCount: number;
}

export interface DepartmentDetail {
  code: string;
  name: string;
  areaCode: string;
  areaName: string;
  claims: { gridCode: string; gridName: string }[];
  staff: { id: string; username: string; displayName: string }[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  roles: string[];
  areas: AreaRef[];
  departmentCode: string | null;
  locked: boolean;
  disabled: boolean;
}

export interface Items<T> {
  items: T[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

export interface PersonTags {
  specialGroups: string[];
  keyPersonTags: string[];
}

/** A person as lists show them: ID number and phone masked; tags null unless the role may see them. */
export interface Person {
  id: string;
  name: string;
  sex: string;
  birthDate: string;
  /** GB/T 3304; empty for a person from abroad. */
  ethnicity: string;
  /** GA/T 517 document: 111 resident ID card; a passport or permit for people from abroad and Hong Kong, Macao, Taiwan residents. */
  idType: string;
  /** The document's number, masked. */
  idNumber: string;
  phone: string | null;
  residentType: string;
  hukouRegion: string | null;
  hukouAddress: string | null;
  inflowReason: string | null;
  /** Floating population: residence permit (5.12) and its expiry. */
  permitType: string | null;
  permitExpiry: string | null;
  /** Registered residents left behind (5.15). */
  leftBehindType: string | null;
  /** People from abroad: GB/T 2659 nationality, name in Latin letters, purpose of stay (5.16), arrival, expected departure. */
  nationality: string | null;
  foreignName: string | null;
  visitPurpose: string | null;
  arrivalDate: string | null;
  departureDate: string | null;
  gridCode: string;
  tags: PersonTags | null;
  verifiedAt: string | null;
  /** Sent back with an edit or a move: a person changed meanwhile is refused. */
  version: number;
}

export interface Residence {
  houseCode: string;
  address: string | null;
  relation: string | null;
  movedIn: string;
  movedOut: string | null;
}

/** One change of a record: who made it, the masked view before (null when it was created) and after. */
export interface RecordChange {
  at: string;
  actorId: string | null;
  /** Null when the user is not known (or, with no actorId, the system made it). */
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface PersonDetail extends Person {
  residences: Residence[];
  /** Who last verified the record, by name. */
  verifiedBy: string | null;
  history: RecordChange[];
}

export type RegistryTemplate = 'person' | 'house' | 'organisation' | 'building' | 'facility';

/** An import as the server runs it: the counts so far, then the outcome (GET /api/registry/import-jobs/{id}). */
export interface RegistryImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Share of the file read, 0–100. */
  percent: number;
  /** Rows were refused: their report is at /api/registry/import-jobs/{id}/report. */
  reportReady: boolean;
  failure: { code: string; message: string } | null;
}

/** One node of the dispatch catalogue (派单目录): major class → minor class → item. */
export interface CatalogueNode {
  code: string;
  parentCode: string | null;
  kind: 'major' | 'minor' | 'item';
  name: string;
  rule: unknown;
}

/** An event as lists show it, with the actions the caller may take now. */
export interface EventSummary {
  id: string;
  caseNo: string;
  version: number;
  status: string;
  source: string;
  itemCode: string;
  severity: string;
  description: string;
  lng: number;
  lat: number;
  gridCode: string;
  ownerCode: string;
  leadUnit: string | null;
  coUnits: string[];
  photos: string[];
  stage: string | null;
  stageDueAt: string | null;
  dueAt: string | null;
  suspendedAt: string | null;
  rating: string | null;
  reportedAt: string;
  closedAt: string | null;
  /** Hotline caller or citizen; the phone comes masked. */
  reporterName: string | null;
  reporterPhone: string | null;
  /** Work-order number in the source system (12345 hotline, video platform). */
  externalNo: string | null;
  /** The base-data record the case is about: its type and key. */
  subjectType: RecordType | null;
  subjectKey: string | null;
  /** Reports of this matter: 1 plus every "me too" and merged duplicate; 3 or more is a repeat case. */
  reports: number;
  repeat: boolean;
  abilities: string[];
}

/** One step of an event's history. */
export interface EventStep {
  seq: number;
  action: string;
  actorName: string;
  at: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  photos: string[];
  data: unknown;
}

export interface EventDetail extends EventSummary {
  /** The linked record as the base data says now; name and address null when it is gone or out of reach. */
  subject: { type: RecordType; key: string; name: string | null; address: string | null } | null;
  history: EventStep[];
}

/** Base-data record types a case may be about. */
export type { RecordType } from '../../shared/enums.ts';

/** A base-data record as a form links it: where it is, nothing personal. */
export interface RecordPlace {
  type: RecordType;
  key: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  /** A component's class code: the catalogue item of the same code is what a report about it is likely to be. */
  classCode: string | null;
  /** Only from the nearby lookup. */
  distanceMeters?: number;
}

export interface PhotoUploaded {
  key: string;
  contentType: string;
  size: number;
}
