import { Type } from '@sinclair/typebox';
import { ANOMALY_KINDS } from '../../../shared/enums.ts';
import { PAGE, VERIFIED_WITHIN_DAYS } from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { FIGURES } from './quality.store.ts';

const FIGURE_NOTES: Record<(typeof FIGURES)[number], string> = {
  people: 'People on record',
  peopleVerified: 'People verified within the window',
  houses: 'Houses',
  housesVerified: 'Houses verified within the window',
  buildings: 'Buildings (楼栋)',
  buildingsVerified: 'Buildings verified within the window',
  organisations: 'Organisations (实有单位)',
  organisationsVerified: 'Organisations verified within the window',
  facilities: 'Facilities (部件)',
  facilitiesVerified: 'Facilities verified within the window',
  groups: 'Ten-household groups (十户联防)',
  groupsVerified: 'Groups verified within the window',
  homeless: 'People with no current house',
  emptyHouses: 'Houses marked lived in (dwelling, or let as home or dormitory) with nobody living there',
  housesWithoutBuilding: 'Houses linked to no building',
  housesInGroups: 'Houses in a ten-household group',
  idCheckFailed: 'ID numbers whose check digit fails',
  idUnchecked: 'ID numbers not yet checked (older rows; the server checks a batch a minute, and one per request)',
};
const Figures = Object.fromEntries(FIGURES.map((f) => [f, Type.Integer({ description: FIGURE_NOTES[f] })])) as Record<
  (typeof FIGURES)[number],
  ReturnType<typeof Type.Integer>
>;
const Area = Type.String({
  pattern: '^[0-9]{6,15}$',
  description: 'Area or grid code, in the caller’s jurisdiction',
  example: '420923100',
});

export const Quality = Type.Object({
  area: Type.String({ description: '区域编码 The area asked for', example: '420923100' }),
  name: Type.String({ description: '区域名称 Its name', example: '城关镇' }),
  level: Type.String({ description: '层级 Its level', example: 'township' }),
  verifiedWithinDays: Type.Integer({ description: '核实期限 The window, in days', example: 90 }),
  total: Type.Object(Figures, { description: '合计 Figures of the whole area' }),
  children: Type.Array(
    Type.Object({
      code: Type.String({ description: '编码 Code of the node' }),
      name: Type.String({ description: '名称 Name of the node' }),
      level: Type.String({ description: '层级 Level of the node' }),
      ...Figures,
    }),
    { description: 'The nodes right below the area (a grid: itself)' },
  ),
});

export const Anomalies = pageReply(
  Type.Object({
    key: Type.String({ description: 'Stable key of the row' }),
    houses: Type.Array(
      Type.Object({
        code: Type.String({ description: '房屋编号 House code' }),
        address: Type.String({ description: '房屋地址 Address' }),
        gridCode: Type.String({ description: '网格编码 Grid' }),
      }),
      { description: '涉及房屋 Houses of the group' },
    ),
    people: Type.Array(
      Type.Object({
        id: Type.String({ description: '人员标识 Person id' }),
        name: Type.String({ description: '姓名 Name' }),
        idNumber: Type.String({ description: 'Masked' }),
        gridCode: Type.String({ description: '网格编码 Grid' }),
      }),
      { description: '涉及人员 People of the group' },
    ),
    elsewhere: Type.Integer({ description: 'Records of the same group outside the caller’s jurisdiction: counted, never listed' }),
  }),
  '问题组 Groups of this page (total: groups of this kind under the area)',
  {
    kind: Type.String({ description: `问题类型 ${ANOMALY_KINDS.join(' | ')}` }),
    gridNames: Type.Record(Type.String(), Type.String({ description: 'Name' }), {
      description: '网格名称 Grid code → name of every grid this page mentions',
      example: { '420923100001001': '朝阳社区第1网格' },
    }),
  },
);

export const QualityQuery = Type.Object(
  {
    area: Area,
    days: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: VERIFIED_WITHIN_DAYS.max,
        default: VERIFIED_WITHIN_DAYS.default,
        description: 'Verified within this many days counts as verified',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AnomaliesQuery = Type.Object(
  {
    area: Area,
    kind: Type.Union(
      ANOMALY_KINDS.map((k) => Type.Literal(k)),
      { description: '问题类型 Which list' },
    ),
    ...pageQuery(PAGE.anomalies),
  },
  { additionalProperties: false },
);
