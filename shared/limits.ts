/**
 * Limits both sides hold to: the server's schemas refuse past them and the web's inputs stop at them, so a form
 * never lets a user type what the server then refuses. One number per kind of field; a field with a limit of its
 * own (a code of fixed length, a pattern) keeps it beside its schema.
 */

// ── free text ─────────────────────────────────────────────────────────────────────────────────────────

/** A step's note or reason, a supervision order's note and its reply, a component's note. */
export const NOTE_MAX = 1000;
/** An event's one-line description; a citizen's rating note; a visit's note. */
export const DESCRIPTION_MAX = 500;
/** Why a masked value is revealed or a list exported unmasked (audited). */
export const REASON = { min: 2, max: 200 } as const;
/** The note on a calendar override. */
export const CALENDAR_NOTE_MAX = 200;
/** A holiday's name in an entered year's schedule (元旦, 春节调休上班). */
export const CALENDAR_HOLIDAY_NAME_MAX = 40;
/** Days one entered year may list: every day of a leap year, though a notice names some thirty. */
export const CALENDAR_YEAR_DAYS_MAX = 366;
/** An iCalendar file of holidays, in characters: a subscription calendar of twenty years is under 200 000. */
export const CALENDAR_ICS_MAX = 2_000_000;

// ── names and codes ───────────────────────────────────────────────────────────────────────────────────

/** A user's display name, a department's name. */
export const DISPLAY_NAME_MAX = 64;
/** A person's name typed into a record: a building leader, a legal representative, a safety contact, a caller. */
export const PERSON_NAME_MAX = 50;
/** A phone typed into a record (mobile, or landline with area code). */
export const PHONE_MAX = 20;
/** A name of a place: a building, an estate, a road, a ten-household group. */
export const PLACE_NAME_MAX = 60;
/** A whole address as one line. */
export const ADDRESS_MAX = 120;
/** A short part of an address: door number, building, unit, room. */
export const ADDRESS_PART_MAX = 20;
/** An organisation's name. */
export const ORG_NAME_MAX = 100;
/** A house or building code, a record's natural key. */
export const RECORD_CODE_MAX = 40;
/** A grid code (15 digits). */
export const GRID_CODE_LENGTH = 15;
/** A standard address code: village (12) + serial (6). */
export const ADDRESS_CODE_LENGTH = 18;
/** A unified social credit code (GB 32100). */
export const CREDIT_CODE_LENGTH = 18;
/** A code or name from a code table (house use, rental use, org type, hazards). */
export const CODE_VALUE_MAX = 20;
/** A department or area code naming a unit. */
export const UNIT_CODE_MAX = 32;
/** A catalogue item code. */
export const ITEM_CODE_MAX = 20;
/** A catalogue node's name. */
export const CATALOGUE_NAME_MAX = 60;

// ── search and pages ──────────────────────────────────────────────────────────────────────────────────

/** Search text of the people search (a name part or a whole ID, mobile or passport number). */
export const PEOPLE_SEARCH_MAX = 40;
/** Search text of places, organisations and the record lookup (part of an address or name, or a code). */
export const SEARCH_TEXT_MAX = 60;
/** Search text of components (part of the name). */
export const FACILITY_SEARCH_MAX = 30;

/** Rows a list answers when the caller names no `limit`, and the most it answers at once. */
/** Cases a centre may pick as typical (典型案例) for one briefing, besides those chosen by rule. */
export const BRIEFING_PICKED_MAX = 10;

export const PAGE = {
  events: { default: 50, max: 500 },
  audit: { default: 100, max: 500 },
  adminChanges: { default: 100, max: 500 },
  inbox: { default: 20, max: 100 },
  people: { default: 50, max: 200 },
  /** Standard addresses and buildings. */
  places: { default: 200, max: 500 },
  houses: { default: 500, max: 2000 },
  householdGroups: { default: 500, max: 1000 },
  organisations: { default: 100, max: 500 },
  facilities: { default: 200, max: 500 },
  anomalies: { default: 20, max: 200 },
  /** The cases a figure counts (its drill-down). */
  figureCases: { default: 100, max: 1000 },
  /** The briefings (通报) of an area. */
  briefings: { default: 20, max: 200 },
  /** The cases, records or visits behind one item of an assessment result. */
  assessmentEvidence: { default: 50, max: 500 },
  /** Tagged people on a follow-up list (a worker's due list, a village's or township's missed ones). */
  followUps: { default: 100, max: 500 },
  /** Houses due a visit this round (待走访), never visited first. */
  visitsDue: { default: 20, max: 100 },
  /** A ten-household group's alerts (its history). */
  alerts: { default: 50, max: 200 },
  /** Disputes on record (矛盾纠纷), newest first. */
  disputes: { default: 50, max: 200 },
  /** A webhook subscription's delivery log. */
  webhookDeliveries: { default: 20, max: 200 },
  smsMessages: { default: 20, max: 200 },
  /** Patrols (巡查) as summaries: a worker's own, or those of an area. */
  patrols: { default: 20, max: 200 },
  /** Residents' declarations waiting at a task's points (扫码申报). */
  declarations: { default: 50, max: 200 },
  /** Training sessions (培训), newest first. */
  trainingSessions: { default: 20, max: 200 },
  /** Host super-app users mapped to accounts. */
  hostAccounts: { default: 50, max: 500 },
  /** A citizen's own reports ("my reports" on the public pages), newest first. */
  citizenReports: { default: 20, max: 100 },
} as const;

/** Cases the command centre's map draws at once (the newest matching ones; the reply says how many match). */
export const MAP_POINTS_MAX = 5000;

// ── counts and ranges ─────────────────────────────────────────────────────────────────────────────────

/** Photos on one report or one step. */
export const PHOTOS_MAX = 9;
/** Days between follow-ups of a tagged person, when a plan counts in days. */
export const FOLLOW_UP_DAYS = { min: 1, max: 366 } as const;
/** Days before a follow-up is due that it shows as due soon. */
export const FOLLOW_UP_SOON_DAYS = 3;
/** Working days an extension may ask for. */
export const EXTENSION_WORKING_DAYS = { min: 1, max: 10 } as const;
/** Working days a supervision order gives the unit to answer. */
export const ORDER_WORKING_DAYS = { min: 1, max: 60 } as const;
/** Years the calendar overrides may be listed for. */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;
/** "Verified within N days" on the data-quality page. */
export const VERIFIED_WITHIN_DAYS = { default: 90, max: 3650 } as const;

/** An assessment scheme: its items, its bands, an item's key and name, its days of "verified within". */
export const ASSESSMENT = {
  itemsMax: 20,
  bandsMax: 5,
  keyMax: 32,
  nameMax: 60,
  days: { min: 1, max: 3650 },
  /** Points an assessor may add or take away from one result. */
  adjustMax: 100,
} as const;

/**
 * 扫码申报: declarations one device, or one network address, may send per hour (counted from the declarations
 * themselves, so every server counts the same); a point's name; where the resident came from.
 */
export const DECLARE = { perDeviceHour: 5, perAddressHour: 60, pointNameMax: 40, cameFromMax: 60 } as const;

/** 培训: a session's topic and trainer, its hours (in tenths: 0.5 to 24), and the people one session may list. */
export const TRAINING = { topicMax: 80, trainerMax: 40, hoursMin: 0.5, hoursMax: 24, attendeesMax: 500 } as const;

/** Reward rules and ledger entries, in whole yuan. */
export const REWARDS = {
  /** The most one rule pays (a case, a task's worker, a star level). */
  amountMax: 100_000,
  /** The most one adjustment adds or takes away. */
  adjustMax: 100_000,
  labelMax: 60,
  referenceMax: 80,
} as const;

/** One CSV export of the audit log holds at most this many entries; a longer span is exported part by part. */
export const AUDIT_EXPORT_MAX = 200_000;

/**
 * Alarms from video and sensor platforms (server/alarms): a second alarm of the same device and item within the window
 * after the first joins the first's case; a snapshot is a small image; a device's id and name.
 */
export const ALARMS = {
  /** Minutes, per county: a county missing here uses the default. */
  dedupMinutes: { default: 30, byCounty: {} as Readonly<Record<string, number>> },
  snapshotMaxBytes: 512 * 1024,
  deviceIdMax: 64,
  deviceNameMax: 60,
  /** How far past the server's clock an alarm's time may be (clocks of outside platforms drift). */
  futureSkewMinutes: 5,
} as const;
