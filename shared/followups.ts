/**
 * Key persons and special groups followed up (重点人员、特殊人群 帮教/随访, GB/T 31000-2015 §4.3–4.4), and the
 * alerts of ten-household joint defence (十户联防): the closed lists both sides name.
 */

/** The two tag lists of a person: special groups (§4.3) and key persons (§4.4 重点青少年 and the city's own). */
export const TAG_KINDS = ['special_group', 'key_person'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

/**
 * How often a tagged person is followed up: a named cadence counted on the calendar (每周, 每两周, 每月, 每季度) or
 * every `intervalDays` days.
 */
export const FOLLOW_UP_CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly', 'days'] as const;
export type FollowUpCadence = (typeof FOLLOW_UP_CADENCES)[number];

/** Who of the person's grid team follows up: the grid worker (the default) or the grid leader. */
export const FOLLOWERS = ['grid_worker', 'grid_leader'] as const;
export type Follower = (typeof FOLLOWERS)[number];

/** Where a tagged person stands: followed up in time, due within a few days, or missed (past due or never followed up). */
export const FOLLOW_UP_STATES = ['on_time', 'due_soon', 'missed'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** 十户联防 alerts: a stranger, a fire, a theft, someone in need of help. */
export const ALERT_KINDS = ['stranger', 'fire', 'theft', 'in_need'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
