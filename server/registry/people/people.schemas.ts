import { Type } from '@sinclair/typebox';
import { PAGE, PEOPLE_SEARCH_MAX, REASON } from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable } from '../../platform/schemas.ts';
import { AreaNameFields } from '../records/area-names.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

export { ImportTemplateParam } from '../io/import.schemas.ts';

export const Person = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Person id' }),
  name: Type.String({ description: 'Name', example: '张建华' }),
  sex: Type.String({ description: 'GB/T 2261.1 code: 1 male, 2 female' }),
  birthDate: Type.String({ description: 'From the ID number (given, for other documents)', example: '1985-03-14' }),
  ethnicity: Type.String({ description: 'GB/T 3304 code; empty for a person from abroad', example: '01' }),
  idType: Type.String({
    description: 'GA/T 517 document code: 111 resident ID card, 414 passport, 516/511 Hong Kong and Macao / Taiwan residents’ permits, …',
    example: '111',
  }),
  idNumber: Type.String({
    description: 'Masked document number: an ID number keeps its first and last 4, any other its first 1 and last 3',
    example: '4209**********2016',
  }),
  phone: Nullable(Type.String({ description: 'Masked phone', example: '138****1234' })),
  residentType: Type.String({ description: 'Resident type code' }),
  hukouRegion: Nullable(Type.String({ description: 'Household registration region code' })),
  hukouRegionName: Nullable(Type.String({ description: '户籍地区划名称 Name of the registered region', example: '湖北省孝感市云梦县' })),
  hukouAddress: Nullable(Type.String({ description: 'Household registration address' })),
  inflowReason: Nullable(Type.String({ description: 'Reason for moving in (floating population)' })),
  permitType: Nullable(Type.String({ description: 'GB/T 31000 5.12 residence permit (floating population)', example: '01' })),
  permitExpiry: Nullable(Type.String({ description: 'When the residence permit runs out', example: '2027-06-30' })),
  leftBehindType: Nullable(Type.String({ description: 'GB/T 31000 5.15 left-behind type (registered residents)', example: '03' })),
  nationality: Nullable(Type.String({ description: 'GB/T 2659 alpha-3 (people from abroad)', example: 'KOR' })),
  foreignName: Nullable(Type.String({ description: 'Name in Latin letters (people from abroad)', example: 'KIM MINJUN' })),
  visitPurpose: Nullable(Type.String({ description: 'GB/T 31000 5.16 purpose of stay (people from abroad)', example: '02' })),
  arrivalDate: Nullable(Type.String({ description: 'Arrival (people from abroad)', example: '2025-03-01' })),
  departureDate: Nullable(Type.String({ description: 'Expected departure (people from abroad)', example: '2027-02-28' })),
  gridCode: Type.String({ description: 'Grid of the current home' }),
  ...AreaNameFields,
  tags: Nullable(
    Type.Object(
      {
        specialGroups: Type.Array(Type.String(), { description: '特殊人群 Special-group codes' }),
        keyPersonTags: Type.Array(Type.String(), { description: '重点人员 Key-person tag codes' }),
      },
      { description: 'Only for roles allowed to see them' },
    ),
  ),
  verifiedAt: Nullable(Type.String({ description: 'Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit or a move' }),
});

/** A person, where they live and lived, and every change: what a person's detail and the person form answer. */
export const PersonDetail = Type.Intersect([
  Person,
  Type.Object({
    residences: Type.Array(
      Type.Object({
        houseCode: Type.String({ description: '房屋编号 House code', example: '420923100001-01-0101' }),
        address: Nullable(Type.String({ description: '房屋地址 Address of the house' })),
        relation: Nullable(Type.String({ description: '与户主关系 Relation to the householder (code)', example: '02' })),
        movedIn: Type.String({ description: '迁入日期 Moved in', example: '2020-05-01' }),
        movedOut: Nullable(Type.String({ description: '迁出日期 Moved out; none while living there' })),
      }),
      { description: '居住记录 Where the person lives and lived' },
    ),
    verifiedBy: VerifiedBySchema,
    history: RecordHistorySchema,
  }),
]);

export const PersonParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Person id' }) });

const SearchText = (example?: string) =>
  Type.String({
    minLength: 1,
    maxLength: PEOPLE_SEARCH_MAX,
    description: 'Name (part), or a whole ID number, mobile or passport/permit number',
    ...(example ? { example } : {}),
  });

export const PeopleQuery = Type.Object(
  {
    q: SearchText('张'),
    ...pageQuery(PAGE.people),
  },
  { additionalProperties: false },
);
export const People = pageReply(Person, '人员 People found');

export const PeopleExportFilter = {
  q: Type.Optional(SearchText()),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only people living under this area or grid' })),
};

export const RevealBody = Type.Object(
  {
    field: Type.Union([Type.Literal('idNumber'), Type.Literal('phone')], { description: '查看字段 idNumber | phone' }),
    reason: Type.String({ minLength: REASON.min, maxLength: REASON.max, description: 'Why', example: '核实走访对象身份' }),
  },
  { additionalProperties: false },
);
export const Revealed = Type.Object({
  field: Type.String({ description: '字段 The field revealed' }),
  value: Nullable(Type.String({ description: '完整值 Its full value; none when empty' })),
});

export const TemplateFile = Type.Unknown({ description: '.xlsx' });
