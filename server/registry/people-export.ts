import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../shared/i18n/errors.ts';
import { ETHNICITY, KEY_PERSON, RESIDENT_TYPE, SEX, SPECIAL_GROUP, codeName, type CodeTable } from './code-tables.ts';

interface ExportedPerson {
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string;
  idNumber: string;
  phone: string | null;
  residentType: string;
  gridCode: string;
  tags: { specialGroups: string[]; keyPersonTags: string[] } | null;
}

const HEADERS: Record<Lang, string[]> = {
  'zh-CN': ['姓名', '性别', '出生日期', '民族', '公民身份号码', '联系电话', '人员类型', '所属网格', '特殊人群', '重点人员'],
  en: ['Name', 'Sex', 'Birth date', 'Ethnicity', 'ID number', 'Phone', 'Resident type', 'Grid', 'Special group', 'Key person'],
};



/** A people list as the user filtered it; the tag columns exist only when the list carries tags. */
export async function writePeopleSheet(people: ExportedPerson[], stream: Writable, lang: Lang): Promise<void> {
  const withTags = people.some((p) => p.tags !== null);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(lang === 'en' ? 'People' : '实有人口');
  sheet.columns = HEADERS[lang].slice(0, withTags ? 10 : 8).map((header) => ({ header, width: 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const name = (table: CodeTable, code: string) => codeName(table, code, lang);
  const names = (table: CodeTable, codes: string[]) => codes.map((c) => name(table, c)).join(lang === 'en' ? ', ' : '、');
  for (const p of people) {
    sheet.addRow([
      p.name, name(SEX, p.sex), p.birthDate, name(ETHNICITY, p.ethnicity), p.idNumber, p.phone ?? '',
      name(RESIDENT_TYPE, p.residentType), p.gridCode,
      ...(withTags && p.tags ? [names(SPECIAL_GROUP, p.tags.specialGroups), names(KEY_PERSON, p.tags.keyPersonTags)] : []),
    ]).commit();
  }
  await workbook.commit();
}
