import type { Writable } from 'node:stream';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { codeNames, type ExportColumn, writeListSheet } from '../io/list-export.ts';
import {
  COUNTRY,
  type CodeTable,
  codeName,
  ETHNICITY,
  ID_TYPE,
  KEY_PERSON,
  LEFT_BEHIND_TYPE,
  PERMIT_TYPE,
  RESIDENT_TYPE,
  SEX,
  SPECIAL_GROUP,
  VISIT_PURPOSE,
} from '../records/code-tables.ts';

interface ExportedPerson {
  name: string;
  sex: string;
  birthDate: string;
  ethnicity: string;
  idType: string;
  idNumber: string;
  phone: string | null;
  residentType: string;
  gridCode: string;
  gridName: string | null;
  villageName: string | null;
  permitType: string | null;
  permitExpiry: string | null;
  leftBehindType: string | null;
  nationality: string | null;
  foreignName: string | null;
  visitPurpose: string | null;
  arrivalDate: string | null;
  departureDate: string | null;
  tags: { specialGroups: string[]; keyPersonTags: string[] } | null;
}

const coded = (table: CodeTable, code: string | null, lang: Lang) => (code === null ? null : codeName(table, code, lang));

const COLUMNS: ExportColumn<ExportedPerson>[] = [
  { zh: '姓名', en: 'Name', value: (p) => p.name },
  { zh: '性别', en: 'Sex', value: (p, lang) => codeName(SEX, p.sex, lang) },
  { zh: '出生日期', en: 'Birth date', value: (p) => p.birthDate },
  { zh: '民族', en: 'Ethnicity', value: (p, lang) => codeName(ETHNICITY, p.ethnicity, lang) },
  { zh: '证件号码', en: 'Document number', value: (p) => p.idNumber },
  { zh: '证件类型', en: 'Document', value: (p, lang) => codeName(ID_TYPE, p.idType, lang) },
  { zh: '联系电话', en: 'Phone', value: (p) => p.phone },
  { zh: '人员类型', en: 'Resident type', value: (p, lang) => codeName(RESIDENT_TYPE, p.residentType, lang) },
  { zh: '所属网格', en: 'Grid', value: (p) => p.gridName ?? p.gridCode },
  { zh: '网格编码', en: 'Grid code', value: (p) => p.gridCode },
  { zh: '所属村(社区)', en: 'Village', value: (p) => p.villageName },
  // The blocks of GB/T 31000 by kind of person: empty for everyone else.
  { zh: '办证类型', en: 'Residence permit', value: (p, lang) => coded(PERMIT_TYPE, p.permitType, lang) },
  { zh: '证件到期日期', en: 'Permit expiry', value: (p) => p.permitExpiry },
  { zh: '留守人员类型', en: 'Left-behind', value: (p, lang) => coded(LEFT_BEHIND_TYPE, p.leftBehindType, lang) },
  { zh: '国籍', en: 'Nationality', value: (p, lang) => coded(COUNTRY, p.nationality, lang) },
  { zh: '外文姓名', en: 'Foreign name', value: (p) => p.foreignName },
  { zh: '来华目的', en: 'Purpose of stay', value: (p, lang) => coded(VISIT_PURPOSE, p.visitPurpose, lang) },
  { zh: '抵达日期', en: 'Arrived', value: (p) => p.arrivalDate },
  { zh: '预计离开日期', en: 'Expected departure', value: (p) => p.departureDate },
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
