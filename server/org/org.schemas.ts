import { Type } from '@sinclair/typebox';
import { DISPLAY_NAME_MAX } from '../../shared/limits.ts';

export const DepartmentCode = Type.String({
  minLength: 1,
  maxLength: 32,
  pattern: '^[A-Za-z0-9_-]+$',
  description: '部门编码 Department code',
  example: 'YM-CG',
});
export const GridCode = Type.String({ pattern: '^[0-9]{15}$', description: '网格编码 15-digit grid code', example: '420923100001001' });

export const DepartmentSummary = Type.Object(
  {
    code: DepartmentCode,
    name: Type.String({ description: '部门名称 Name', example: '云梦县城市管理局' }),
    areaCode: Type.String({ description: '所属区域 Area the department belongs to (city or county)', example: '420923' }),
    areaName: Type.String({ description: '区域名称 Name of that area', example: '云梦县' }),
    claimCount: Type.Integer({ description: '认领网格数 Grids claimed', example: 12 }),
    staffCount: Type.Integer({ description: '人员账号数 Staff accounts', example: 4 }),
  },
  { description: '职能部门 A department' },
);
export const Departments = Type.Object({ items: Type.Array(DepartmentSummary, { description: '职能部门 Departments' }) });

export const DepartmentDetail = Type.Object({
  code: DepartmentCode,
  name: Type.String({ description: '部门名称 Name', example: '云梦县城市管理局' }),
  areaCode: Type.String({ description: '区域编码 Area code', example: '420923' }),
  areaName: Type.String({ description: '区域名称 Area name', example: '云梦县' }),
  claims: Type.Array(
    Type.Object({
      gridCode: Type.String({ description: '网格编码 Grid code', example: '420923100001001' }),
      gridName: Type.String({ description: '网格名称 Grid name', example: '城关镇东街社区第1网格' }),
    }),
    { description: '认领的网格 Grids the department claimed' },
  ),
  staff: Type.Array(
    Type.Object({
      id: Type.String({ description: '用户标识 User id' }),
      username: Type.String({ description: '登录名 Sign-in name', example: 'ym_cg' }),
      displayName: Type.String({ description: '姓名 Name', example: '王城管' }),
    }),
    { description: '部门人员 Staff accounts' },
  ),
});

export const DepartmentParams = Type.Object({ code: DepartmentCode });
export const ClaimParams = Type.Object({ code: DepartmentCode, gridCode: GridCode });

export const CreateDepartmentBody = Type.Object(
  {
    code: DepartmentCode,
    name: Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX, description: '部门名称 Name', example: '云梦县城市管理局' }),
    areaCode: Type.String({ pattern: '^[0-9]{6}$', description: '所属市县 City or county code', example: '420923' }),
  },
  { additionalProperties: false },
);

export const ClaimBody = Type.Object({ gridCode: GridCode }, { additionalProperties: false });
