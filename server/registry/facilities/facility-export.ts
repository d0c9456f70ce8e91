import type { Writable } from 'node:stream';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { type ListSheet, verifiedDay, writeListSheet } from '../io/list-export.ts';
import { codeName, FACILITY_CLASS, FACILITY_STATE } from '../records/code-tables.ts';

interface ExportedFacility {
  code: string;
  classCode: string;
  name: string;
  ownerDept: string;
  ownerDeptName: string | null;
  maintainerDept: string | null;
  maintainerDeptName: string | null;
  state: string;
  lng: number;
  lat: number;
  gridCode: string;
  gridName: string | null;
  villageName: string | null;
  note: string | null;
  verifiedAt: string | null;
}

/** The facility template's columns (an export edited and imported again updates the same components), then names. */
const SHEET: ListSheet<ExportedFacility> = {
  zh: '部件',
  en: 'Components',
  columns: [
    { zh: '部件标识码', en: 'Code', width: 20, value: (f) => f.code },
    { zh: '部件类别', en: 'Class', value: (f, lang) => codeName(FACILITY_CLASS, f.classCode, lang) },
    { zh: '部件名称', en: 'Name', width: 24, value: (f) => f.name },
    { zh: '权属部门编码', en: 'Owner code', value: (f) => f.ownerDept },
    { zh: '养护部门编码', en: 'Maintainer code', value: (f) => f.maintainerDept },
    { zh: '部件状态', en: 'State', value: (f, lang) => codeName(FACILITY_STATE, f.state, lang) },
    { zh: '经度', en: 'Longitude', value: (f) => f.lng },
    { zh: '纬度', en: 'Latitude', value: (f) => f.lat },
    { zh: '所在单元网格', en: 'Grid', value: (f) => f.gridName ?? f.gridCode },
    { zh: '单元网格编码', en: 'Grid code', value: (f) => f.gridCode },
    { zh: '所属村(社区)', en: 'Village', value: (f) => f.villageName },
    { zh: '备注', en: 'Note', width: 30, value: (f) => f.note },
    { zh: '权属部门', en: 'Owner', width: 24, value: (f) => f.ownerDeptName },
    { zh: '养护部门', en: 'Maintainer', width: 24, value: (f) => f.maintainerDeptName },
    { zh: '核实时间', en: 'Verified at', value: (f) => verifiedDay(f.verifiedAt) },
  ],
};

/** A component list as the user filtered it. */
export const writeFacilitySheet = (rows: ExportedFacility[], stream: Writable, lang: Lang) => writeListSheet(SHEET, rows, stream, lang);
