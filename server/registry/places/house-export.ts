import type { Writable } from 'node:stream';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { codeNames, type ListSheet, verifiedDay, writeListSheet, yesNo } from '../io/list-export.ts';
import { type CodeTable, codeName, HOUSE_HAZARD, HOUSE_USE, RENTAL_CATEGORY, RENTAL_LEVEL, RENTAL_USE } from '../records/code-tables.ts';

interface ExportedHouse {
  code: string;
  address: string;
  gridCode: string;
  gridName: string | null;
  villageName: string | null;
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
  residents: number;
  verifiedAt: string | null;
}

const named = (table: CodeTable, code: string | null, lang: Lang) => (code === null ? null : codeName(table, code, lang));

/** The house template's columns, then who lives there now and when the house was verified. */
const SHEET: ListSheet<ExportedHouse> = {
  zh: '实有房屋',
  en: 'Houses',
  columns: [
    { zh: '房屋编号', en: 'Code', width: 22, value: (h) => h.code },
    { zh: '房屋地址', en: 'Address', width: 40, value: (h) => h.address },
    { zh: '所属网格', en: 'Grid', value: (h) => h.gridName ?? h.gridCode },
    { zh: '所属网格编码', en: 'Grid code', value: (h) => h.gridCode },
    { zh: '所属村(社区)', en: 'Village', value: (h) => h.villageName },
    { zh: '楼栋编号', en: 'Building', width: 20, value: (h) => h.buildingCode },
    { zh: '单元', en: 'Unit', width: 8, value: (h) => h.unit },
    { zh: '楼层', en: 'Floor', width: 8, value: (h) => h.floor },
    { zh: '室号', en: 'Room', width: 8, value: (h) => h.room },
    { zh: '房屋用途', en: 'Use', value: (h, lang) => codeName(HOUSE_USE, h.use, lang) },
    { zh: '建筑面积（平方米）', en: 'Floor area (m²)', value: (h) => h.areaM2 },
    { zh: '房主公民身份号码', en: 'Owner ID number', width: 22, value: (h) => h.ownerIdNumber },
    { zh: '房主姓名', en: 'Owner', value: (h) => h.ownerName },
    { zh: '房主联系电话', en: 'Owner phone', value: (h) => h.ownerPhone },
    { zh: '是否出租', en: 'Rented', width: 8, value: (h, lang) => yesNo(h.rented, lang) },
    { zh: '出租用途', en: 'Rental use', value: (h, lang) => named(RENTAL_USE, h.rentalUse, lang) },
    { zh: '出租屋类别', en: 'Rental category', value: (h, lang) => named(RENTAL_CATEGORY, h.rentalCategory, lang) },
    { zh: '出租屋等级', en: 'Rental grade', value: (h, lang) => named(RENTAL_LEVEL, h.rentalLevel, lang) },
    { zh: '隐患类型', en: 'Hazards', value: (h, lang) => codeNames(HOUSE_HAZARD, h.hazards, lang) },
    { zh: '现住人数', en: 'Residents', width: 10, value: (h) => h.residents },
    { zh: '核实时间', en: 'Verified at', value: (h) => verifiedDay(h.verifiedAt) },
  ],
};

/** A house list as the user filtered it. */
export const writeHouseSheet = (rows: ExportedHouse[], stream: Writable, lang: Lang) => writeListSheet(SHEET, rows, stream, lang);
