import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';

const DateTime = (description: string) => Type.String({ format: 'date-time', description, examples: ['2026-11-02T01:00:00.000Z'] });
const Named = Type.Object({
  code: Type.String({ description: '代码 Code', examples: ['420923100001001'] }),
  name: Type.String({ description: '名称 Name', examples: ['第一网格'] }),
});

export const PatrolId = Type.Object({
  id: Type.String({ format: 'uuid', description: '巡查 The patrol', examples: ['6f1c2a9e-5b1d-4c55-9d6e-2c3c1a7a8b90'] }),
});

export const StartBody = Type.Object({
  key: Type.String({
    minLength: 1,
    maxLength: 100,
    description: '幂等键 The phone’s key for this start: a resend is the same patrol',
    examples: ['b7f0c7e2-1c55-4e8f-9d3a-0c1b2a3d4e5f'],
  }),
});

export const EndBody = Type.Object({
  grids: Type.Array(Type.String({ description: '网格 A grid passed', examples: ['420923100001001'] }), {
    maxItems: 200,
    description: '经过的网格 The grids the worker passed, among those they may patrol (the cases’ grids are added)',
  }),
  note: Type.Optional(Type.String({ maxLength: 500, description: '备注 What the worker wants kept about it', examples: ['河堤一带正常'] })),
});

export const PointsBody = Type.Object({
  points: Type.Array(
    Type.Object({
      at: DateTime('定位时间 When the phone took the point'),
      lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude (WGS 84 / CGCS2000)', examples: [113.02] }),
      lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', examples: [31.1] }),
    }),
    { minItems: 1, maxItems: 500, description: '轨迹点 Points of the track, only where the county keeps tracks' },
  ),
});

export const PointsReply = Type.Object({ kept: Type.Integer({ description: '保存的点数 Points kept', examples: [12] }) });

export const Patrol = Type.Object({
  id: Type.String({ format: 'uuid', description: '巡查 The patrol', examples: ['6f1c2a9e-5b1d-4c55-9d6e-2c3c1a7a8b90'] }),
  userName: Type.String({ description: '巡查人 Who patrolled', examples: ['张网格'] }),
  department: Type.Union([Named, Type.Null()], {
    description: '部门 The department whose claimed grids it covered; null for a grid worker',
  }),
  startedAt: DateTime('开始 When it started'),
  endedAt: Type.Union([DateTime('结束 When it ended'), Type.Null()], { description: '结束 When it ended; null while under way' }),
  minutes: Type.Integer({ description: '时长（分钟） How long, in minutes (so far, while under way)', examples: [95] }),
  grids: Type.Array(Named, { description: '经过的网格 Grids passed' }),
  cases: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid', description: '事件 The case', examples: ['1f1c2a9e-5b1d-4c55-9d6e-2c3c1a7a8b90'] }),
      caseNo: Type.String({ description: '事件编号 Case number', examples: ['YM20261102-0001'] }),
      itemName: Type.String({ description: '事项 What kind of case', examples: ['占道经营'] }),
      gridCode: Type.String({ description: '网格 Its grid', examples: ['420923100001001'] }),
      status: Type.String({ description: '状态 Its state in the loop', examples: ['reported'] }),
      fixedOnSpot: Type.Boolean({ description: '即报即办 The worker fixed it on the spot', examples: [false] }),
    }),
    { description: '巡查中上报的事件 The cases the worker filed between start and end' },
  ),
  reported: Type.Integer({ description: '上报数 Cases filed during it', examples: [2] }),
  fixedOnSpot: Type.Integer({ description: '即报即办数 Of those, fixed on the spot', examples: [1] }),
  note: Type.Union([Type.String(), Type.Null()], { description: '备注 The worker’s note', examples: [null] }),
  tracked: Type.Boolean({ description: '记录轨迹 Its track was kept (the county turned tracks on when it started)', examples: [false] }),
  track: Type.Union(
    [
      Type.Array(
        Type.Object({
          at: DateTime('时间 When'),
          lng: Type.Number({ description: '经度 Longitude', examples: [113.02] }),
          lat: Type.Number({ description: '纬度 Latitude', examples: [31.1] }),
        }),
      ),
      Type.Null(),
    ],
    { description: '轨迹 The kept points, to the worker themself (and to the area only where the county shows it); null otherwise' },
  ),
  mine: Type.Boolean({ description: '本人 The caller walked it', examples: [true] }),
});

export const Current = Type.Object({
  patrol: Type.Union([Patrol, Type.Null()], { description: '进行中的巡查 The caller’s patrol under way, or null' }),
});

export const PatrolsQuery = Type.Object({
  mine: Type.Optional(
    Type.Boolean({ description: '只看本人 Only the caller’s own (an area reader sees the area’s otherwise)', examples: [true] }),
  ),
  ...pageQuery(PAGE.patrols),
});

export const Patrols = pageReply(Patrol, '巡查 Patrols, newest first');

export const PatrolGrids = Type.Object({ items: Type.Array(Named, { description: '可巡查的网格 The grids the caller may patrol' }) });

export const ZeroReport = Type.Object({
  enabled: Type.Boolean({ description: '本县开启零报告 The county turned zero reports on', examples: [true] }),
  day: Type.String({ description: '日期 The China day', examples: ['2026-11-02'] }),
  village: Named,
  report: Type.Union(
    [
      Type.Object({
        at: DateTime('报告时间 When it was made'),
        byName: Type.String({ description: '报告人 Who made it', examples: ['李村'] }),
      }),
      Type.Null(),
    ],
    { description: '今日零报告 Today’s zero report, or null when not made yet' },
  ),
  created: Type.Optional(Type.Boolean({ description: '本次新建 This tap made it (false: it was made earlier today)', examples: [true] })),
});
