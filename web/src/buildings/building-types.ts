import type { RecordChange } from '../types.ts';

type History = RecordChange[];

/** A house as the building and ten-household screens list it. */
export interface HouseRow {
  code: string;
  address: string;
  gridCode: string;
  buildingCode: string | null;
  use: string;
  rented: boolean;
  residents: number;
  groupId: string | null;
}

/** A building as the API lists it: the leader's phone masked. */
export interface Building {
  code: string;
  name: string;
  estate: string | null;
  addressCode: string | null;
  address: string;
  gridCode: string;
  lng: number | null;
  lat: number | null;
  floors: number | null;
  units: number | null;
  households: number | null;
  houses: number;
  leaderName: string | null;
  leaderPhone: string | null;
  leaderPersonId: string | null;
  verifiedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface BuildingDetail extends Building {
  houseList: HouseRow[];
  verifiedBy: string | null;
  history: History;
}

export interface StandardAddress {
  code: string;
  fullText: string;
  road: string | null;
  doorNumber: string | null;
  estate: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  gridCode: string;
  lng: number | null;
  lat: number | null;
  verifiedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface AddressDetail extends StandardAddress {
  buildings: { code: string; name: string }[];
  verifiedBy: string | null;
  history: History;
}

/** A house with its owner's ID and phone masked, its building, group, residents and history. */
export interface HouseDetail {
  code: string;
  address: string;
  gridCode: string;
  buildingCode: string | null;
  unit: string | null;
  floor: number | null;
  room: string | null;
  use: string;
  areaM2: number | null;
  ownerName: string | null;
  ownerIdNumber: string | null;
  ownerPhone: string | null;
  rented: boolean;
  rentalUse: string | null;
  rentalCategory: string | null;
  rentalLevel: string | null;
  hazards: string[];
  building: { code: string; name: string; address: string } | null;
  group: { id: string; name: string; lead: boolean } | null;
  residents: { id: string; name: string; relation: string | null; movedIn: string }[];
  verifiedAt: string | null;
  verifiedBy: string | null;
  version: number;
  updatedAt: string;
  history: History;
}

export interface HouseholdGroup {
  id: string;
  name: string;
  gridCode: string;
  leadHouseCode: string | null;
  members: number;
  verifiedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface HouseholdGroupDetail extends HouseholdGroup {
  houses: { houseCode: string; address: string | null; buildingCode: string | null; gridCode: string | null; residents: number; lead: boolean }[];
  residents: number;
  verifiedBy: string | null;
  history: History;
}
