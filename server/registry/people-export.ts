import type { Writable } from 'node:stream';
import type { Lang } from '../../shared/i18n/errors.ts';
import { ETHNICITY, KEY_PERSON, RESIDENT_TYPE, SEX, SPECIAL_GROUP, codeName } from './code-tables.ts';
import { codeNames, writeListSheet, type ExportColumn } from './list-export.ts';

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

const COLUMNS: ExportColumn<ExportedPerson>[] = [
  { zh: '姓名', en: 'Name', value: (p) => p.name },
  { zh: '性别', en: 'Sex', value: (p, lang) => codeName(SEX, p.sex, lang) },
  { zh: '出生日期', en: 'Birth date', value: (p) => p.birthDate },
  { zh: '民族', en: 'Ethnicity', value: (p, lang) => codeName(ETHNICITY, p.ethnicity, lang) },
  { zh: '公民身份号码', en: 'ID number', value: (p) => p.idNumber },
  { zh: '联系电话', en: 'Phone', value: (p) => p.phone },
  { zh: '人员类型', en: 'Resident type', value: (p, lang) => codeName(RESIDENT_TYPE, p.residentType, lang) },
  { zh: '所属网格', en: 'Grid', value: (p) => p.gridCode },
];
const TAG_COLUMNS: ExportColumn<ExportedPerson>[] = [
  { zh: '特殊人群', en: 'Special group', value: (p, lang) => codeNames(SPECIAL_GROUP, p.tags?.specialGroups ?? [], lang) },
  { zh: '重点人员', en: 'Key person', value: (p, lang) => codeNames(KEY_PERSON, p.tags?.keyPersonTags ?? [], lang) },
];

/** A people list as the user filtered it; the tag columns exist only when the list carries tags. */
export function writePeopleSheet(people: ExportedPerson[], stream: Writable, lang: Lang): Promise<void> {
  const columns = people.some((p) => p.tags !== null) ? [...COLUMNS, ...TAG_COLUMNS] : COLUMNS;
  return writeListSheet({ zh: '实有人口', en: 'People', columns }, people, stream, lang);
}
