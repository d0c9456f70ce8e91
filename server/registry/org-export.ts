import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../shared/i18n/errors.ts';
import { ORG_HAZARD, ORG_TYPE, codeName } from './code-tables.ts';

interface ExportedOrganisation {
  creditCode: string;
  name: string;
  orgType: string;
  address: string;
  gridCode: string;
  legalRep: string | null;
  safetyContact: string | null;
  safetyContactPhone: string | null;
  hazards: string[];
  verifiedAt: string | null;
}

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['统一社会信用代码', '单位名称', '单位类型', '单位地址', '所属网格', '法定代表人', '安全负责人', '安全负责人联系电话', '安全隐患类型', '核实时间'],
  en: ['Credit code', 'Name', 'Type', 'Address', 'Grid', 'Legal representative', 'Safety contact', 'Safety contact phone', 'Hazards', 'Verified at'],
};

/** An organisation list as the user filtered it, streamed so a county's worth never sits in memory twice. */
export async function writeOrganisationSheet(rows: ExportedOrganisation[], stream: Writable, lang: Lang): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Organisations' : '实有单位');
  sheet.columns = HEADERS[lang].map((header, i) => ({ header, width: i === 3 ? 36 : 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const o of rows) {
    sheet.addRow([
      o.creditCode, o.name, codeName(ORG_TYPE, o.orgType, lang), o.address, o.gridCode, o.legalRep ?? '', o.safetyContact ?? '',
      o.safetyContactPhone ?? '', o.hazards.map((h) => codeName(ORG_HAZARD, h, lang)).join(lang === 'en' ? ', ' : '、'), o.verifiedAt ?? '',
    ]).commit();
  }
  await workbook.commit();
}
