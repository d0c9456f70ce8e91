import type { AnomalyKind } from '../../../shared/enums.ts';

/** The figures of one node, as GET /api/registry/quality gives them. */
export interface Figures {
  people: number;
  peopleVerified: number;
  houses: number;
  housesVerified: number;
  buildings: number;
  buildingsVerified: number;
  organisations: number;
  organisationsVerified: number;
  facilities: number;
  facilitiesVerified: number;
  groups: number;
  groupsVerified: number;
  homeless: number;
  emptyHouses: number;
  housesWithoutBuilding: number;
  housesInGroups: number;
  idCheckFailed: number;
  idUnchecked: number;
}

export interface QualityReport {
  area: string;
  name: string;
  level: string;
  verifiedWithinDays: number;
  total: Figures;
  children: (Figures & { code: string; name: string; level: string })[];
}

export type { AnomalyKind } from '../../../shared/enums.ts';

export interface AnomalyItem {
  key: string;
  houses: { code: string; address: string; gridCode: string }[];
  people: { id: string; name: string; idNumber: string; gridCode: string }[];
  /** Records of the same group outside the caller's jurisdiction: counted, never shown. */
  elsewhere: number;
}

export interface AnomalyPage {
  kind: AnomalyKind;
  page: number;
  pageSize: number;
  total: number;
  items: AnomalyItem[];
}
