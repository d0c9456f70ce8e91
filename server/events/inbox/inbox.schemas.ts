import { Type } from '@sinclair/typebox';
import { NOTIFICATION_KINDS, TODO_QUEUES } from '../../../shared/enums.ts';
import { PAGE } from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable } from '../../platform/schemas.ts';

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });

export const NotificationParams = Type.Object({ id: Type.String({ format: 'uuid', description: '消息标识 Notification id' }) });

export const Notification = Type.Object({
  id: Type.String({ format: 'uuid', description: '消息标识 Notification id' }),
  kind: Type.String({ description: NOTIFICATION_KINDS.join(' | '), example: 'to_sign' }),
  eventId: Nullable(Type.String({ format: 'uuid', description: 'The case it is about' })),
  orderId: Nullable(Type.String({ format: 'uuid', description: 'The supervision order it is about' })),
  // The values the console words messages with, named for clients; Unsafe keeps the service's record type.
  data: Type.Unsafe<Record<string, unknown>>(
    Type.Object(
      {
        caseNo: Type.Optional(Type.String({ description: '案件编号 Case number' })),
        itemCode: Type.Optional(Type.String({ description: '事项 Catalogue item' })),
        stage: Type.Optional(Nullable(Type.String({ description: '环节 Stage' }))),
        stageDueAt: Type.Optional(Nullable(Type.String({ description: '环节时限 When the stage is due' }))),
        workingDays: Type.Optional(Type.Integer({ description: '工作日 Working days' })),
        returnedFrom: Type.Optional(Nullable(Type.String({ description: '退回单位 The unit that returned it' }))),
        colour: Type.Optional(Nullable(Type.String({ description: '预警颜色 Warning colour' }))),
        callId: Type.Optional(Type.String({ description: '待定位来电 The call to locate (call_overdue)' })),
        address: Type.Optional(Type.String({ description: '来电地址 The call’s address (call_overdue)' })),
        itemName: Type.Optional(Nullable(Type.String({ description: '事项名称 Item name (call_overdue)' }))),
        dueAt: Type.Optional(Type.String({ description: '定位时限 When the call was due to be placed (call_overdue)' })),
        alertId: Type.Optional(Type.String({ description: '联防预警 The alert (household_alert)' })),
        groupId: Type.Optional(Type.String({ description: '联防组 Its ten-household group (household_alert)' })),
        groupName: Type.Optional(Type.String({ description: '联防组名称 The group’s name (household_alert)' })),
        alertKind: Type.Optional(Type.String({ description: '预警类别 stranger | fire | theft | in_need (household_alert)' })),
        houseCode: Type.Optional(Nullable(Type.String({ description: '报警住户 The household that raised it (household_alert)' }))),
        leadHouseCode: Type.Optional(Nullable(Type.String({ description: '联防户长 The lead household, to tell (household_alert)' }))),
        leadAddress: Type.Optional(Nullable(Type.String({ description: '户长地址 The lead household’s address (household_alert)' }))),
      },
      { additionalProperties: true, description: 'Values for the message: caseNo, itemCode, stage, stageDueAt, …' },
    ),
  ),
  createdAt: DateTime('发送时间 When it was sent'),
  readAt: Nullable(DateTime('阅读时间 When it was read')),
});

export const InboxQuery = Type.Object(
  {
    ...pageQuery(PAGE.inbox),
    unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
  },
  { additionalProperties: false },
);

export const InboxPage = pageReply(Notification, '消息 Notifications of this page');

export const InboxCounts = Type.Object({
  todo: Type.Object(
    Object.fromEntries(
      TODO_QUEUES.map((q) => [q, Type.Optional(Type.Integer({ description: `${q}: open it with /api/events?todo=${q}` }))]),
    ),
    { description: '待办 Cases waiting on me or my unit, per queue I work (derived from the cases, not from notifications)' },
  ),
  total: Type.Integer({
    description: '待办合计 All my to-do: the queues, supervision orders to answer, calls to locate and follow-ups owed',
  }),
  supervision: Type.Integer({ description: 'Open supervision and reminder orders to my department or bound areas' }),
  toLocate: Type.Integer({
    description: '待定位来电 Hotline calls with only an address waiting for me to place them: /api/events/calls-to-locate',
  }),
  followUps: Nullable(
    Type.Object(
      {
        missed: Type.Integer({ description: '漏访 People I follow up whose follow-up is past due or never made' }),
        dueSoon: Type.Integer({ description: '即将到期 Those due within 3 days' }),
      },
      { description: '待随访 The follow-ups I owe (/api/fieldwork/follow-ups), gone once recorded; null: I follow up no one' },
    ),
  ),
  agreementFollowUps: Nullable(
    Type.Object(
      {
        owed: Type.Integer({ description: '待回访 Agreements whose follow-up I owe, due within 3 days or past due' }),
        overdue: Type.Integer({ description: '逾期 Of them, past their follow-up date' }),
      },
      { description: '调解协议回访 (/api/disputes?followUp=owed), gone once recorded; null: no mediation tier is mine' },
    ),
  ),
  leader: Nullable(
    Type.Object(
      {
        ordersIssued: Type.Integer({ description: '我发出的督办 Orders I issued, not yet closed' }),
        worstCases: Type.Integer({ description: '紫色、红色预警案件 Purple and red cases of my area: /api/events?warning=purple,red' }),
      },
      { description: 'Only for a leader' },
    ),
  ),
  unread: Type.Integer({ description: '未读消息 Unread notifications (a feed to read, not work)' }),
  byKind: Type.Record(Type.String(), Type.Integer(), { description: 'Unread count of each kind present' }),
});

export const ReadAllReply = Type.Object({ updated: Type.Integer({ description: '标为已读的条数 Notifications marked read' }) });
