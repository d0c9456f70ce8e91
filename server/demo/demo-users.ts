/** The demo password of every demo account; printed on the console at start, never for production. */
export const DEMO_PASSWORD = 'Gezhi2026';

export type DemoPlace = 'city' | 'county' | 'township' | 'village' | 'grid';

/** One demo account per role, bound where that role works (the first grid of 云梦县 and the units above it). */
export const DEMO_ACCOUNTS: { username: string; displayName: string; roles: string[]; at: DemoPlace; departmentCode?: string }[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['system_admin'], at: 'city' },
  { username: 'security', displayName: '安全管理员', roles: ['security_admin'], at: 'city' },
  { username: 'auditor', displayName: '审计管理员', roles: ['audit_admin'], at: 'city' },
  { username: 'city', displayName: '市网格化中心 王敏', roles: ['city_center'], at: 'city' },
  { username: 'leader', displayName: '市领导 刘建国', roles: ['leader'], at: 'city' },
  { username: 'county', displayName: '云梦县网格化中心 陈静', roles: ['county_center'], at: 'county' },
  { username: 'township', displayName: '城关镇网格化中心 赵磊', roles: ['township_center'], at: 'township' },
  { username: 'village', displayName: '村(社区)工作站 孙丽', roles: ['village_center'], at: 'village' },
  { username: 'gridleader', displayName: '网格长 周强', roles: ['grid_leader'], at: 'grid' },
  { username: 'worker', displayName: '网格员 李娜', roles: ['grid_worker'], at: 'grid' },
  { username: 'dept', displayName: '城管执法局 吴刚', roles: ['department_handler'], at: 'county', departmentCode: 'YM-CG' },
];
