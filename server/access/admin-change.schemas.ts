import { Type } from '@sinclair/typebox';
import { PAGE, REASON } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const STATUSES = ['pending', 'approved', 'rejected'] as const;

export const AdminChangeSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: '变更 Change id' }),
    kind: oneOf(['create', 'update'] as const, '类型 create: a new administrator account to enable; update: the changes listed'),
    targetUserId: Type.String({ format: 'uuid', description: '账号 The administrator account changed' }),
    targetName: Nullable(Type.String({ description: '账号姓名 Its display name', example: '审计管理员' })),
    changes: Type.Object(
      {
        displayName: Type.Optional(Type.String({ description: '姓名 New display name' })),
        phone: Type.Optional(Nullable(Type.String({ description: '电话 New phone' }))),
        roles: Type.Optional(Type.Array(Type.String(), { description: '角色 New roles', example: ['audit_admin'] })),
        areaCodes: Type.Optional(Type.Array(Type.String(), { description: '辖区 New area bindings' })),
        departmentCode: Type.Optional(Nullable(Type.String({ description: '部门 New department' }))),
        disabled: Type.Optional(Type.Boolean({ description: '停用 true disables the account, false enables it' })),
        passwordReset: Type.Boolean({ description: '重置密码 The password is reset (the new one is never shown)' }),
        resetTotp: Type.Optional(
          Type.Literal(true, { description: '重置动态口令 The TOTP and recovery codes are removed: it enrols again' }),
        ),
      },
      { description: '变更内容 What the change sets' },
    ),
    requestedBy: Type.String({ format: 'uuid', description: '申请人 Who asked' }),
    requestedByName: Nullable(Type.String({ description: '申请人姓名 Their name', example: '安全管理员' })),
    requestedAt: Type.String({ format: 'date-time', description: '申请时间 When', example: '2026-11-02T09:00:00.000Z' }),
    status: oneOf(STATUSES, '状态 pending, approved or rejected'),
    decidedBy: Nullable(Type.String({ format: 'uuid', description: '审批人 Who decided' })),
    decidedByName: Nullable(Type.String({ description: '审批人姓名 Their name', example: '系统管理员' })),
    decidedAt: Nullable(Type.String({ format: 'date-time', description: '审批时间 When decided' })),
    reason: Nullable(Type.String({ description: '审批意见 The approver’s note' })),
    abilities: Type.Object(
      { decide: Type.Boolean({ description: 'The caller may approve or reject it (another person, another administrator role)' }) },
      { description: '可执行的操作 What the caller may do' },
    ),
  },
  { description: '管理员账号变更 A change to an administrator account awaiting, or after, a second approval' },
);

export const AdminChangeList = pageReply(AdminChangeSchema, '变更，最新在前 Changes of this page, newest first');

export const AdminChangeQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        STATUSES.map((x) => Type.Literal(x)),
        { description: '状态 Only changes in this state: pending, approved or rejected' },
      ),
    ),
    ...pageQuery(PAGE.adminChanges),
  },
  { additionalProperties: false },
);

export const AdminChangeParams = Type.Object({ id: Type.String({ format: 'uuid', description: '变更 Change id' }) });

export const DecisionBody = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ minLength: REASON.min, maxLength: REASON.max, description: '审批意见 Why', example: '经核实，同意重置' }),
    ),
  },
  { additionalProperties: false },
);
