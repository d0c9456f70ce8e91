import type { Writable } from 'node:stream';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { type ListSheet, verifiedDay, writeListSheet } from '../io/list-export.ts';

interface ExportedBuilding {
  code: string;
  name: string;
  estate: string | null;
  address: string;
  addressCode: string | null;
  gridCode: string;
  gridName: string | null;
  villageName: string | null;
  floors: number | null;
  units: number | null;
  households: number | null;
  houses: number;
  leaderName: string | null;
  leaderPhone: string | null;
  lng: number | null;
  lat: number | null;
  verifiedAt: string | null;
}

/** The building template's columns, then what the record adds (its standard address, houses on record). */
const SHEET: ListSheet<ExportedBuilding> = {
  zh: '楼栋',
  en: 'Buildings',
  columns: [
    { zh: '楼栋编号', en: 'Code', width: 20, value: (b) => b.code },
    { zh: '楼栋名称', en: 'Name', value: (b) => b.name },
    { zh: '小区名称', en: 'Estate', value: (b) => b.estate },
    { zh: '楼栋地址', en: 'Address', width: 36, value: (b) => b.address },
    { zh: '所属网格', en: 'Grid', value: (b) => b.gridName ?? b.gridCode },
    { zh: '所属网格编码', en: 'Grid code', value: (b) => b.gridCode },
    { zh: '所属村(社区)', en: 'Village', value: (b) => b.villageName },
    { zh: '层数', en: 'Floors', width: 8, value: (b) => b.floors },
    { zh: '单元数', en: 'Units', width: 8, value: (b) => b.units },
    { zh: '户数', en: 'Households', width: 8, value: (b) => b.households },
    { zh: '楼栋长姓名', en: 'Leader', value: (b) => b.leaderName },
    { zh: '楼栋长联系电话', en: 'Leader phone', value: (b) => b.leaderPhone },
    { zh: '经度', en: 'Longitude', value: (b) => b.lng },
    { zh: '纬度', en: 'Latitude', value: (b) => b.lat },
    { zh: '标准地址编码', en: 'Address code', width: 22, value: (b) => b.addressCode },
    { zh: '在册房屋', en: 'Houses on record', width: 10, value: (b) => b.houses },
    { zh: '核实时间', en: 'Verified at', value: (b) => verifiedDay(b.verifiedAt) },
  ],
};

/** A building list as the user filtered it. */
export const writeBuildingSheet = (rows: ExportedBuilding[], stream: Writable, lang: Lang) => writeListSheet(SHEET, rows, stream, lang);
