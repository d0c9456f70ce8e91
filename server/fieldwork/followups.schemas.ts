import { Type } from '@sinclair/typebox';
import { FOLLOW_UP_CADENCES, FOLLOW_UP_STATES, FOLLOWERS, TAG_KINDS } from '../../shared/followups.ts';
import { FOLLOW_UP_DAYS, PAGE, REASON } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { Visit, VisitBody, VisitForm } from './visits.schemas.ts';

const County = Type.String({
  pattern: '^[0-9]{6}$',
  description: '县（区）编码 The county; left out, the one county of my jurisdiction',
  example: '420923',
});

const PlanFields = {
  tagKind: oneOf(TAG_KINDS, '标签类别 special_group (特殊人群, GB/T 31000 §4.3) or key_person (重点人员, §4.4)'),
  tagCode: Type.String({ pattern: '^[0-9A-Za-z]{1,8}$', description: '标签代码 The tag’s code in its table', example: '03' }),
  cadence: oneOf(
    FOLLOW_UP_CADENCES,
    '随访频次 weekly, fortnightly, monthly, quarterly (on the calendar), or days (every intervalDays days)',
  ),
  intervalDays: Nullable(
    Type.Integer({
      minimum: FOLLOW_UP_DAYS.min,
      maximum: FOLLOW_UP_DAYS.max,
      description: '间隔天数 Days between follow-ups (cadence days only)',
      example: 10,
    }),
  ),
  follower: oneOf(FOLLOWERS, '随访责任人 Who of the person’s grid team follows up: the grid worker (default) or the grid leader'),
};

export const PlansQuery = Type.Object({ county: Type.Optional(County) }, { additionalProperties: false });
export const Plans = Type.Object({
  countyCode: Type.String({ description: '县（区）编码 The county the plans are of', example: '420923' }),
  items: Type.Array(
    Type.Object({
      ...PlanFields,
      own: Type.Boolean({ description: 'true: the county set this plan; false: the default (GB/T 31000 tags)' }),
      version: Type.Integer({ description: '版本 Send it back with a change; 0 while the default applies' }),
      updatedAt: Nullable(Type.String({ description: '修改时间 When the county last set it' })),
    }),
    { description: '随访计划 One plan per tag' },
  ),
});
export const PlanParams = Type.Object({ tagKind: PlanFields.tagKind, tagCode: PlanFields.tagCode });
export const PlanBody = Type.Object(
  {
    county: Type.Optional(County),
    cadence: PlanFields.cadence,
    intervalDays: Type.Optional(PlanFields.intervalDays),
    follower: PlanFields.follower,
    version: Type.Integer({ minimum: 0, description: '版本 The version read (0: the default)' }),
  },
  { additionalProperties: false },
);

export const FollowUpsQuery = Type.Object(
  {
    missed: Type.Optional(Type.Boolean({ description: '只看漏访 Only the missed follow-ups (past due or never followed up)' })),
    area: Type.Optional(
      Type.String({ pattern: '^[0-9]{6,15}$', description: '区域编码 The people under this area (township, village or grid)' }),
    ),
    ...pageQuery(PAGE.followUps),
  },
  { additionalProperties: false },
);

const Masked = (description: string, example: string) => Nullable(Type.String({ description, example }));

export const FollowUp = Type.Object({
  personId: Type.String({ format: 'uuid', description: '人员标识 Person id' }),
  name: Type.String({ description: '姓名 Name', example: '王建国' }),
  idNumber: Type.String({ description: '公民身份号码 ID number, masked', example: '4209**********2016' }),
  phone: Masked('联系方式 Phone, masked', '138****1234'),
  gridCode: Type.String({ description: '网格编码 Their grid', example: '420923100001001' }),
  gridName: Nullable(Type.String({ description: '网格名称 Grid name' })),
  villageName: Nullable(Type.String({ description: '村（社区） Village name' })),
  houseCode: Nullable(Type.String({ description: '现住房屋 The house they live in now; null: none on record' })),
  address: Nullable(Type.String({ description: '现住址 Its address' })),
  specialGroups: Type.Array(Type.String(), { description: '特殊人群 Special-group codes', example: ['03'] }),
  keyPersonTags: Type.Array(Type.String(), { description: '重点人员 Key-person tag codes', example: [] }),
  plan: Type.Object(
    {
      tagKind: PlanFields.tagKind,
      tagCode: PlanFields.tagCode,
      cadence: PlanFields.cadence,
      intervalDays: PlanFields.intervalDays,
      follower: PlanFields.follower,
    },
    { description: '适用计划 The plan that binds (the tag whose follow-up falls due first)' },
  ),
  lastOn: Nullable(Type.String({ description: '上次随访 Date of the last follow-up; null: never', example: '2026-10-28' })),
  dueOn: Nullable(
    Type.String({ description: '下次随访 Date the next follow-up is due; null: never followed up, due now', example: '2026-11-04' }),
  ),
  state: oneOf(FOLLOW_UP_STATES, '状态 on_time, due_soon (within 3 days) or missed (past due, or never followed up)'),
  daysOverdue: Nullable(Type.Integer({ description: '逾期天数 Days past due; null: never followed up' })),
  responsible: Type.Array(
    Type.Object({ id: Type.String({ description: '账号标识 Account id' }), name: Type.String({ description: '姓名 Name' }) }),
    { description: '随访责任人 The accounts of the grid team responsible (none: the grid has no such account)' },
  ),
  mine: Type.Boolean({ description: '由我随访 I am responsible' }),
  assignment: Nullable(
    Type.Object(
      {
        followerId: Type.String({ format: 'uuid', description: '指定随访人 The account named' }),
        followerName: Type.String({ description: '姓名 Their name', example: '李网格' }),
        gridCode: Type.String({ description: '随访网格 The grid of theirs the follow-up is made from', example: '420923100001002' }),
        gridName: Nullable(Type.String({ description: '网格名称 Its name' })),
        reason: Type.String({ description: '指定理由 Why they were named', example: '原网格员休产假，由相邻网格代为随访' }),
        assignedByName: Type.String({ description: '指定人 Who named them', example: '城关镇综治中心' }),
        assignedAt: Type.String({ format: 'date-time', description: '指定时间 When' }),
      },
      { description: '指定随访人 A follower a village or township named over the plan’s grid role; null: the grid team' },
    ),
  ),
  assignmentVersion: Type.Integer({ description: '指定版本 Send it back when naming or taking back (0: never named)' }),
  abilities: Type.Object(
    { assign: Type.Boolean({ description: '可指定随访人 I may name this person’s follower (followups.assign, my village or township)' }) },
    { description: '可做的操作 What I may do' },
  ),
});
export const FollowUps = pageReply(FollowUp, '随访清单 This page: missed first, then by due date', {
  people: Type.Integer({ description: '需随访人数 Tagged people on my list, whether missed or not' }),
  missed: Type.Integer({ description: '漏访人数 Of them, missed' }),
});

export const PersonParams = Type.Object({ personId: Type.String({ format: 'uuid', description: '人员标识 Person id' }) });
export const FollowUpForm = Type.Object({
  followUp: FollowUp,
  visit: Nullable(VisitForm),
});
export const FollowUpBody = VisitBody;
export const FollowUpRecorded = Type.Object({
  visit: Visit,
  followUp: FollowUp,
});

const Reason = Type.String({
  minLength: REASON.min,
  maxLength: REASON.max,
  description: '理由 Why (kept in the audit log and shown with the assignment)',
  example: '原网格员休产假，由相邻网格代为随访',
});

export const AssignBody = Type.Object(
  {
    followerId: Type.String({
      format: 'uuid',
      description: '随访人 The account to name: a grid worker or leader bound to a grid of my jurisdiction',
    }),
    reason: Reason,
    version: Type.Integer({ minimum: 0, description: '版本 assignmentVersion as read (0: never named)' }),
  },
  { additionalProperties: false },
);
export const UnassignBody = Type.Object(
  { reason: Reason, version: Type.Integer({ minimum: 1, description: '版本 assignmentVersion as read' }) },
  { additionalProperties: false },
);
export const Followers = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid', description: '账号标识 Account id' }),
      name: Type.String({ description: '姓名 Name', example: '李网格' }),
      roles: Type.Array(oneOf(FOLLOWERS, '角色 grid_worker or grid_leader'), { description: '随访角色 Their follower roles' }),
      areas: Type.Array(
        Type.Object({
          code: Type.String({ description: '网格编码 A grid they are bound to, in my jurisdiction' }),
          name: Nullable(Type.String({ description: '网格名称 Its name' })),
        }),
        { description: '所在网格 Their grids in my jurisdiction' },
      ),
      ofPersonGrid: Type.Boolean({ description: '本网格 Bound to the person’s own grid' }),
    }),
    { description: '可指定的随访人 Grid workers and leaders of my jurisdiction, by name' },
  ),
});
