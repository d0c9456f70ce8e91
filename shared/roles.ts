/** Roles a user can hold. System, security and audit administrators are three separate roles (三员分立). */
export const ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'city_center',
  'county_center',
  'township_center',
  'village_center',
  'grid_worker',
  'grid_leader',
  'department_handler',
  'leader',
] as const;
export type Role = (typeof ROLES)[number];

/** The three administrators (三员分立): each excludes the other two and every data role. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export const isAdminRole = (role: string): role is AdminRole => (ADMIN_ROLES as readonly string[]).includes(role);

/** The roles of a set that may not be held together (an administrator role beside any other role); empty when allowed. */
export function conflictingRoles(roles: readonly string[]): string[] {
  const unique = [...new Set(roles)];
  return unique.length > 1 && unique.some(isAdminRole) ? unique : [];
}

/** Permissions named by routes. Which roles hold each one lives here and nowhere else. */
export const PERMISSIONS = {
  'territory.read': [
    'system_admin',
    'security_admin',
    'city_center',
    'county_center',
    'township_center',
    'village_center',
    'grid_worker',
    'grid_leader',
    'department_handler',
    'leader',
  ],
  'territory.manage': ['system_admin', 'city_center', 'county_center'],
  'org.read': [
    'system_admin',
    'security_admin',
    'city_center',
    'county_center',
    'township_center',
    'village_center',
    'department_handler',
    'leader',
  ],
  'org.manage': ['system_admin', 'city_center', 'county_center'],
  'users.manage': ['security_admin'],
  /** See the pending changes to administrator accounts and approve or reject those another administrator asked for. */
  'users.approve': ['system_admin', 'security_admin', 'audit_admin'],
  'events.read': [
    'city_center',
    'county_center',
    'township_center',
    'village_center',
    'grid_worker',
    'grid_leader',
    'department_handler',
    'leader',
  ],
  'events.report': [
    'city_center',
    'county_center',
    'township_center',
    'village_center',
    'grid_worker',
    'grid_leader',
    'department_handler',
  ],
  /** Issue and close 督办/催办 orders and read the supervision queue: leaders and the centres that supervise below them. */
  'events.supervise': ['city_center', 'county_center', 'township_center', 'leader'],
  /** Open the supervision page and answer orders addressed to one's own unit (the service checks the unit). */
  'supervision.read': ['city_center', 'county_center', 'township_center', 'village_center', 'department_handler', 'leader'],
  /** Edit the dispatch catalogue (派单目录): one per city, so only the centres that set its rules. */
  'catalogue.manage': ['system_admin', 'city_center', 'county_center'],
  /** Edit the five-colour warning rules and the working calendar's overrides: they bind the whole city. */
  'events.configure': ['system_admin', 'city_center'],
  /** Read the warning rules and the monthly tally of warnings per unit, within one's jurisdiction. */
  'events.warnings': ['system_admin', 'city_center', 'county_center', 'township_center', 'leader'],
  /** 指标: the figures of one's jurisdiction, their definitions and the cases they count; the command centre. */
  'figures.read': ['city_center', 'county_center', 'township_center', 'village_center', 'leader'],
  /** 考核方案: define the schemes a city or county assesses grid workers, workstations, centres and departments by. */
  'assessment.manage': ['city_center', 'county_center'],
  /** Compute a month's results, enter spot checks and surveys, adjust with a reason, review and publish: the centre that set the scheme. */
  'assessment.assess': ['city_center', 'county_center'],
  /** Read schemes, results with their explanations, and the rankings (通报, 排名, 总评比) within one's jurisdiction. */
  'assessment.read': ['city_center', 'county_center', 'township_center', 'leader'],
  /** 奖补台账: read a county's reward rules and monthly ledgers, and download the payout sheet. */
  'rewards.read': ['city_center', 'county_center', 'leader'],
  /** Set a county's reward rules, compute its monthly ledger, enter task subsidies and adjustments with a reason, submit it. */
  'rewards.manage': ['county_center'],
  /** Approve a submitted monthly ledger, which makes it final (another county centre account than the one that submitted it). */
  'rewards.approve': ['county_center'],
  /** 委托任务: read the tasks that cover one's jurisdiction (a worker: the admitted ones of their grids), their progress and export. */
  'tasks.read': [
    'city_center',
    'county_center',
    'township_center',
    'village_center',
    'grid_worker',
    'grid_leader',
    'department_handler',
    'leader',
  ],
  /** Draft a task over grids of one's jurisdiction and close it: a department or a centre. */
  'tasks.draft': ['county_center', 'township_center', 'department_handler'],
  /** Admit a drafted task to the workers or refuse it with a reason (准入制): the county centre. */
  'tasks.admit': ['county_center'],
  /** Fill an admitted task's form for a house or person of one's grid. */
  'tasks.fill': ['grid_worker', 'grid_leader'],
  /** 巡查: start and end one's own patrol (a grid worker over their grids, department staff over their department's claimed grids). */
  'patrols.patrol': ['grid_worker', 'grid_leader', 'department_handler'],
  /** The patrols of one's area as summaries (when, how long, which grids, the cases filed); a track only where the county shows it. */
  'patrols.read': ['city_center', 'county_center', 'township_center', 'village_center', 'grid_leader', 'leader'],
  /** 零报告: a village workstation's daily "patrolled, nothing found", where the county turned it on. */
  'patrols.zero_report': ['village_center'],
  /** Change a county's field settings (check-ins, tracks, zero reports, photo quotas, points: all off by default); audited. */
  'settings.manage': ['county_center'],
  /** 培训: read the training sessions and figures of one's jurisdiction. */
  'training.read': ['city_center', 'county_center', 'township_center', 'village_center', 'grid_leader', 'leader'],
  /** Record a training session (topic, date, hours, trainer) and its attendees, picked from the accounts of one's jurisdiction. */
  'training.manage': ['county_center', 'township_center', 'village_center'],
  'registry.read': ['city_center', 'county_center', 'township_center', 'village_center', 'grid_worker', 'grid_leader'],
  'registry.write': ['city_center', 'county_center', 'township_center', 'village_center', 'grid_worker'],
  /** Reveal one sensitive value of one record, with a reason; every reveal is audited. */
  'registry.unmask': ['county_center', 'township_center'],
  /** See special-group and key-person tags (the most sensitive data in the system). */
  'registry.tags': ['city_center', 'county_center', 'township_center'],
  /** Read disputes and screening rounds within one's jurisdiction. */
  'disputes.read': ['city_center', 'county_center', 'township_center', 'village_center', 'grid_worker', 'grid_leader', 'leader'],
  /** Record a dispute, declare a grid clear, and act at a mediation tier one owns (the service checks the tier). */
  'disputes.mediate': ['county_center', 'township_center', 'village_center', 'grid_worker', 'grid_leader'],
  /** Open a screening round (排查) over the grids and villages of one's township or county. */
  'disputes.screen': ['county_center', 'township_center'],
  /** Set a county's mediation time limits per tier and the days after an agreement its follow-up (回访) falls due. */
  'disputes.settings': ['county_center'],
  /**
   * The follow-ups of tagged people (重点人员、特殊人群) within one's jurisdiction: their tags, schedules and missed visits.
   * Beyond registry.tags, the grid team and the village see the tags of the people they follow up, and only those
   * (decision 0021); every read is audited.
   */
  'followups.read': ['city_center', 'county_center', 'township_center', 'village_center', 'grid_worker', 'grid_leader'],
  /** Record a follow-up visit; the service checks the caller is the person's responsible follower. */
  'followups.visit': ['grid_worker', 'grid_leader'],
  /**
   * Name the follower of one tagged person of one's village or township (指定随访人), with a reason, over the plan's
   * grid role; or give the person back to their grid team.
   */
  'followups.assign': ['township_center', 'village_center'],
  /** Set a county's follow-up plan per tag (who follows up, how often). */
  'followups.plan': ['county_center'],
  /** 矛盾纠纷预警: read the dispute warnings addressed within one's jurisdiction, their evidence and the figures by rule. */
  'disputes.warnings': ['city_center', 'county_center', 'township_center', 'village_center', 'leader'],
  /** Handle or dismiss a dispute warning addressed to one's own level and unit (the service checks the addressee). */
  'disputes.warnings_handle': ['county_center', 'township_center', 'village_center'],
  /** Edit a county's dispute warning rules and run them over all its disputes on demand. */
  'disputes.warning_rules': ['county_center'],
  'audit.read': ['audit_admin'],
  /**
   * Issue, rotate and revoke the API keys of the open interfaces (Open311 clients, the hotline, …), per county: they
   * are credentials, so the security admin's, like accounts.
   */
  'interfaces.keys': ['security_admin'],
  /** Subscribe outside systems' URLs to the loop's events (signed webhooks), pause and replay them. */
  'interfaces.manage': ['system_admin'],
  /** Place on the map the Open311 requests a client located only by an address, or refuse them: a county's own centre. */
  'open311.place': ['city_center', 'county_center'],
  /** Register and edit the cameras and sensors whose platforms post alarms in one's county (server/alarms). */
  'alarms.devices': ['city_center', 'county_center'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** The "1+1+1+N" team roles of a grid. */
export const GRID_TEAM_ROLES = ['grid_leader', 'grid_worker', 'instructor', 'assistant', 'party_helper'] as const;
export type GridTeamRole = (typeof GRID_TEAM_ROLES)[number];

/** Who works in the street on a phone: the grid team, and department staff who patrol the grids they claimed. */
export const FIELD_ROLES: readonly string[] = [...GRID_TEAM_ROLES, 'department_handler'];
export const isFieldUser = (roles: readonly string[]) => roles.some((r) => FIELD_ROLES.includes(r));

export const AREA_LEVELS = ['city', 'county', 'township', 'village', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
