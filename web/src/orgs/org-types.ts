import type { RecordChange } from '../types.ts';

/** An organisation as the API lists it: the safety contact's phone masked. */
export interface Organisation {
  creditCode: string;
  name: string;
  orgType: string;
  address: string;
  gridCode: string;
  lng: number | null;
  lat: number | null;
  legalRep: string | null;
  safetyContact: string | null;
  safetyContactPhone: string | null;
  hazards: string[];
  verifiedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface OrganisationDetail extends Organisation {
  verifiedBy: string | null;
  history: RecordChange[];
}

export interface Facility {
  code: string;
  classCode: string;
  name: string;
  gridCode: string;
  lng: number;
  lat: number;
  ownerDept: string;
  ownerDeptName: string | null;
  maintainerDept: string | null;
  maintainerDeptName: string | null;
  state: string;
  note: string | null;
  verifiedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface FacilityDetail extends Facility {
  verifiedBy: string | null;
  history: RecordChange[];
}

export type CodeTableId = 'org_type' | 'org_hazard' | 'facility_major' | 'facility_class' | 'facility_state'
  | 'house_use' | 'rental_use' | 'rental_category' | 'rental_level' | 'house_hazard';

export interface CodeTable {
  id: CodeTableId;
  zh: string;
  en: string;
  entries: { code: string; zh: string; en?: string }[];
}

export interface OrgFacilityCodes {
  tables: CodeTable[];
  departments: { code: string; name: string }[];
}
