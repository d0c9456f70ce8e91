import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import { Nullable } from '../platform/schemas.ts';

export const AuditEntry = Type.Object(
  {
    id: Type.Integer({ description: '序号 Entry number', example: 1024 }),
    at: Type.String({ format: 'date-time', description: '时间 When', example: '2026-11-02T09:00:00.000Z' }),
    actorId: Nullable(Type.String({ description: '操作人 Who (user id)' })),
    actorName: Nullable(Type.String({ description: '操作人姓名 Who (name)', example: '系统管理员' })),
    action: Type.String({ description: '操作 What, e.g. auth.login, user.created, grid.imported', example: 'auth.login' }),
    target: Nullable(Type.String({ description: '对象 On what', example: 'user:admin' })),
    detail: Type.Unknown({ description: '详情 Details' }),
    targetName: Nullable(
      Type.String({
        description: '对象名称 Name of the target: the user, department, area, grid or catalogue node',
        example: '云梦县城市管理执法局',
      }),
    ),
    names: Type.Record(Type.String(), Type.String({ description: 'Name' }), {
      description: '名称 Code or id → name of every user, department, area and grid the target and the details mention',
      example: { 'YM-CG': '云梦县城市管理执法局', '420923100001001': '朝阳社区第1网格' },
    }),
  },
  { description: '审计记录 One audit entry' },
);

const FILTER = {
  action: Type.Optional(Type.String({ maxLength: 64, description: '操作 Only this action', example: 'auth.login' })),
  actorId: Type.Optional(Type.String({ format: 'uuid', description: '操作人 Only this user' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: '起 From (inclusive)' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: '止 To (exclusive)' })),
};

export const AuditExportQuery = Type.Object(FILTER, { additionalProperties: false });

export const AuditQuery = Type.Object(
  {
    ...FILTER,
    before: Type.Optional(Type.Integer({ minimum: 1, description: '翻页 Page back: entries with a smaller number' })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: PAGE.audit.max, default: PAGE.audit.default, description: '每页条数 Page size' }),
    ),
  },
  { additionalProperties: false },
);

export const AuditEntries = Type.Object({ items: Type.Array(AuditEntry, { description: '审计记录，最新在前 Entries, newest first' }) });
