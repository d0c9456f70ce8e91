import type { ErrorCode } from '../errors.ts';

export type Lang = 'zh-CN' | 'en';

/** Messages for error codes, keyed by the code itself. `{name}` placeholders are filled from params. */
export const ERROR_MESSAGES: Record<Lang, Record<ErrorCode, string>> = {
  'zh-CN': {
    'request.invalid': '请求内容有误，请检查标出的字段',
    'request.malformed_json': '请求体不是有效的 JSON',
    'request.unsupported_media_type': '不支持的内容类型',
    'request.too_large': '请求内容过大',
    'auth.required': '请先登录',
    'auth.invalid_credentials': '用户名或密码错误',
    'auth.locked': '登录失败次数过多，账号已临时锁定，请稍后再试',
    'auth.wrong_password': '原密码不正确',
    'auth.password_too_weak': '密码至少 8 位，且须同时包含字母和数字',
    'access.forbidden': '您没有执行此操作的权限',
    'access.not_found': '记录不存在或不在您的管辖范围内',
    'user.not_found': '用户不存在',
    'user.username_taken': '用户名已被占用',
    'user.role_unknown': '未知的角色',
    'user.area_unknown': '未知的区域编码',
    'user.department_unknown': '未知的部门',
    'territory.area_not_found': '区域不存在或不在您的管辖范围内',
    'territory.grid_not_found': '网格不存在或不在您的管辖范围内',
    'territory.coordinate_out_of_range': '坐标超出范围（经度 -180～180，纬度 -90～90）',
    'territory.import_invalid': '导入文件有误，未做任何更改',
    'territory.network_not_found': '专业网格不存在',
    'territory.network_exists': '专业网格编码已存在',
    'org.department_not_found': '部门不存在',
    'org.department_exists': '部门编码已存在',
    'file.missing': '请选择要上传的文件',
    'file.too_large': '文件过大，照片不能超过 10 MB',
    'file.not_an_image': '只能上传 JPEG、PNG 或 WebP 照片',
    'file.not_found': '文件不存在',
    'route.not_found': '接口不存在',
    'server.internal': '服务器内部错误，请联系管理员并提供错误编号',
  },
  en: {
    'request.invalid': 'The request is invalid; check the fields listed',
    'request.malformed_json': 'The request body is not valid JSON',
    'request.unsupported_media_type': 'Unsupported content type',
    'request.too_large': 'The request is too large',
    'auth.required': 'Please sign in',
    'auth.invalid_credentials': 'Wrong user name or password',
    'auth.locked': 'Too many failed sign-ins; the account is locked for a while',
    'auth.wrong_password': 'The current password is wrong',
    'auth.password_too_weak': 'A password needs at least 8 characters with letters and digits',
    'access.forbidden': 'You may not do this',
    'access.not_found': 'Not found, or outside your jurisdiction',
    'user.not_found': 'No such user',
    'user.username_taken': 'The user name is taken',
    'user.role_unknown': 'Unknown role',
    'user.area_unknown': 'Unknown area code',
    'user.department_unknown': 'Unknown department',
    'territory.area_not_found': 'Area not found, or outside your jurisdiction',
    'territory.grid_not_found': 'Grid not found, or outside your jurisdiction',
    'territory.coordinate_out_of_range': 'Coordinate out of range (lng -180..180, lat -90..90)',
    'territory.import_invalid': 'The file has problems; nothing was changed',
    'territory.network_not_found': 'Professional network not found',
    'territory.network_exists': 'A professional network with this code exists',
    'org.department_not_found': 'Department not found',
    'org.department_exists': 'A department with this code exists',
    'file.missing': 'Choose a file to upload',
    'file.too_large': 'The file is too large; photos are 10 MB at most',
    'file.not_an_image': 'Only JPEG, PNG or WebP photos are accepted',
    'file.not_found': 'No such file',
    'route.not_found': 'No such endpoint',
    'server.internal': 'Internal error; tell an administrator the error id',
  },
};

/** Request language: `?lang=`, then the `gezhi_lang` cookie, then Accept-Language; Chinese by default. */
export function pickLang(query: string | undefined, cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  const first = query ?? cookie ?? acceptLanguage ?? '';
  return /^\s*en\b/i.test(first) ? 'en' : 'zh-CN';
}

/** Reasons an imported feature is refused, keyed by the reason code. */
export const PROBLEM_MESSAGES: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    'grid.geometry_invalid': '几何图形无效',
    'grid.self_intersection': '边界自相交',
    'grid.code_invalid': '网格编码应为 15 位数字（村社区编码 12 位 + 序号 3 位）',
    'grid.parent_unknown': '所属村（社区）不存在',
    'grid.duplicate_code': '网格编码重复',
    'grid.outside_parent': '网格超出所属村（社区）边界',
    'grid.overlaps_sibling': '与相邻网格重叠',
    'grid.name_invalid': '缺少网格名称',
    'grid.out_of_jurisdiction': '不在您的管辖范围内',
    'unit.code_invalid': '缺少单元编码',
    'unit.name_invalid': '缺少单元名称',
    'unit.duplicate_code': '单元编码重复',
  },
  en: {
    'grid.geometry_invalid': 'Invalid geometry',
    'grid.self_intersection': 'Self-intersecting ring',
    'grid.code_invalid': 'A grid code is 15 digits (12-digit village code + 3-digit serial)',
    'grid.parent_unknown': 'Unknown village',
    'grid.duplicate_code': 'Duplicate grid code',
    'grid.outside_parent': 'The grid lies outside its village',
    'grid.overlaps_sibling': 'Overlaps another grid',
    'grid.name_invalid': 'Missing grid name',
    'grid.out_of_jurisdiction': 'Outside your jurisdiction',
    'unit.code_invalid': 'Missing unit code',
    'unit.name_invalid': 'Missing unit name',
    'unit.duplicate_code': 'Duplicate unit code',
  },
};
