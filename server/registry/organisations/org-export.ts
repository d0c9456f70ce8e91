import type { Writable } from 'node:stream';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { codeNames, type ListSheet, verifiedDay, writeListSheet } from '../io/list-export.ts';
import { codeName, ORG_HAZARD, ORG_TYPE } from '../records/code-tables.ts';

interface ExportedOrganisation {
  creditCode: string;
  name: string;
  orgType: string;
  address: string;
  gridCode: string;
  gridName: string | null;
  villageName: string | null;
  legalRep: string | null;
  safetyContact: string | null;
  safetyContactPhone: string | null;
  hazards: string[];
  verifiedAt: string | null;
}

const SHEET: ListSheet<ExportedOrganisation> = {
  zh: '实有单位',
  en: 'Organisations',
  columns: [
    { zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (o) => o.creditCode },
    { zh: '单位名称', en: 'Name', width: 28, value: (o) => o.name },
    { zh: '单位类型', en: 'Type', value: (o, lang) => codeName(ORG_TYPE, o.orgType, lang) },
    { zh: '单位地址', en: 'Address', width: 36, value: (o) => o.address },
    { zh: '所属网格', en: 'Grid', value: (o) => o.gridName ?? o.gridCode },
    { zh: '网格编码', en: 'Grid code', value: (o) => o.gridCode },
    { zh: '所属村(社区)', en: 'Village', value: (o) => o.villageName },
    { zh: '法定代表人', en: 'Legal representative', value: (o) => o.legalRep },
    { zh: '安全负责人', en: 'Safety contact', value: (o) => o.safetyContact },
    { zh: '安全负责人联系电话', en: 'Safety contact phone', value: (o) => o.safetyContactPhone },
    { zh: '安全隐患类型', en: 'Hazards', value: (o, lang) => codeNames(ORG_HAZARD, o.hazards, lang) },
    { zh: '核实时间', en: 'Verified at', value: (o) => verifiedDay(o.verifiedAt) },
  ],
};

/** An organisation list as the user filtered it. */
export const writeOrganisationSheet = (rows: ExportedOrganisation[], stream: Writable, lang: Lang) =>
  writeListSheet(SHEET, rows, stream, lang);
