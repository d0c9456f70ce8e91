import { Type } from '@sinclair/typebox';
import { DISPLAY_NAME_MAX, REASON, UNIT_CODE_MAX } from '../../shared/limits.ts';
import { ROLES } from '../../shared/roles.ts';
import { AreaRefSchema, Nullable, oneOf } from '../platform/schemas.ts';

const Username = Type.String({
  minLength: 2,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_.@-]+$',
  description: 'Sign-in name',
  example: 'yunmeng_center',
});
const Password = Type.String({ minLength: 1, maxLength: 256, description: 'Password', example: 'Gezhi2026!' });

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64, description: 'Sign-in name', example: 'admin' }), password: Password },
  { additionalProperties: false },
);

export const MeSchema = Type.Object(
  {
    id: Type.String({ description: 'User id', format: 'uuid' }),
    username: Type.String({ description: 'Sign-in name', example: 'admin' }),
    displayName: Type.String({ description: 'Display name', example: '系统管理员' }),
    roles: Type.Array(Type.String(), { description: 'Roles', example: ['system_admin'] }),
    permissions: Type.Array(Type.String(), { description: 'Permissions these roles grant', example: ['territory.read'] }),
    areas: Type.Array(AreaRefSchema, { description: 'Area nodes the user is bound to (their jurisdiction)' }),
    departmentCode: Nullable(Type.String({ description: 'Department the user belongs to', example: 'YM-CG' })),
    pendingStep: Nullable(
      oneOf(
        ['password_change', 'totp_enrolment'] as const,
        'What the account must do first, every other route answering 403 until then: change a password someone else chose (password_change), or enrol TOTP as an administrator (totp_enrolment)',
      ),
    ),
    totpEnabled: Type.Boolean({ description: 'Two-factor sign-in (TOTP) is on', example: false }),
  },
  { description: '当前用户 The signed-in user' },
);

export const MeReply = Type.Object({ user: MeSchema });

export const PasswordBody = Type.Object(
  {
    currentPassword: Password,
    newPassword: Type.String({
      minLength: 1,
      maxLength: 256,
      description: 'New password: ≥ 8 characters, letters and digits',
      example: 'NewPass2026',
    }),
  },
  { additionalProperties: false },
);

const RoleList = Type.Array(Type.String({ description: `One of: ${ROLES.join(', ')}`, example: 'grid_worker' }), {
  description: 'Roles',
  maxItems: 20,
});
const AreaCodes = Type.Array(
  Type.String({ pattern: '^[0-9]{6,15}$', description: '区划或网格编码 Area or grid code', example: '420923100' }),
  { description: 'Area tree nodes the user is bound to', maxItems: 200 },
);

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'User id' }),
    username: Type.String({ description: 'Sign-in name' }),
    displayName: Type.String({ description: 'Display name' }),
    phone: Nullable(
      Type.String({ description: '手机号（脱敏） The phone, masked; the full number through the audited reveal', example: '138****5678' }),
    ),
    roles: Type.Array(Type.String(), { description: 'Roles' }),
    areas: Type.Array(AreaRefSchema, { description: 'Bound area nodes' }),
    departmentCode: Nullable(Type.String({ description: 'Department code' })),
    locked: Type.Boolean({ description: 'Locked after failed sign-ins' }),
    disabled: Type.Boolean({ description: 'Disabled by an administrator' }),
    pendingChange: Nullable(
      Type.String({
        format: 'uuid',
        description: '待审批变更 The change to this administrator account awaiting a second administrator, if any',
      }),
    ),
  },
  { description: '用户 A user account' },
);

export const UserList = Type.Object({ items: Type.Array(UserSchema, { description: '用户 Users' }) });

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX, description: '姓名 Display name', example: '张三' }),
    password: Type.String({
      minLength: 1,
      maxLength: 256,
      description: 'Initial password: ≥ 8 characters, letters and digits',
      example: 'Gezhi2026',
    }),
    roles: RoleList,
    areaCodes: AreaCodes,
    departmentCode: Type.Optional(
      Nullable(Type.String({ maxLength: UNIT_CODE_MAX, description: '部门编码 Department code', example: 'YM-CG' })),
    ),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+-]{5,20}$', description: 'Phone', example: '13800001234' }))),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX, description: '姓名 Display name' })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Reset the password' })),
    roles: Type.Optional(RoleList),
    areaCodes: Type.Optional(AreaCodes),
    departmentCode: Type.Optional(Nullable(Type.String({ maxLength: UNIT_CODE_MAX, description: '部门编码 Department code' }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+-]{5,20}$', description: 'Phone' }))),
    disabled: Type.Optional(Type.Boolean({ description: 'Disable or enable the account' })),
    resetTotp: Type.Optional(
      Type.Literal(true, {
        description:
          'Remove the account’s TOTP and recovery codes (a lost phone): it enrols again; an administrator must at its next sign-in',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'User id' }) });

export const PhoneRevealBody = Type.Object(
  {
    reason: Type.String({
      minLength: REASON.min,
      maxLength: REASON.max,
      description: '查看原因 Why the full number is needed',
      example: '核对短信接收号码',
    }),
  },
  { additionalProperties: false },
);
export const PhoneRevealed = Type.Object({
  value: Nullable(Type.String({ description: '完整手机号 The account’s phone in full; none when it has none', example: '13812345678' })),
});

export const SignedOut = Type.Null({ description: '已退出 Signed out' });
export const PasswordChanged = Type.Null({ description: '已修改 Changed' });
