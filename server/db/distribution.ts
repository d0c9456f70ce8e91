/**
 * How each table distributes on Citus (docs/scale-out.md). Every table not listed here as a reference
 * table is distributed by county: it has a `county_code` column that leads its primary key.
 */
export const REFERENCE_TABLES = [
  'area', // the division tree of a city or province: thousands of rows, joined from everywhere
  'professional_network',
  'professional_unit', // police beats and road sections may cross county lines
  'department',
  'catalogue_item', // the dispatch catalogue: a few hundred rows read by every report
  'catalogue_change',
  'warning_rule',
  'assessment_scheme', // a city's or county's schemes: a few rows per area, read by every run
  'briefing', // 通报: a few frozen versions per area a month; a city's has no county
  'calendar_day',
  'calendar_year',
  'calendar_year_day',
  'open311_client', // the Open311 clients and their hashed keys: a handful of rows, read on every POST
  'webhook_subscription', // a handful of subscribers, read by every transaction that records a fact
  'province_receiver', // one row per province-exchange key: what it may receive of the sensitive fields
  'app_user',
  'sms_code', // one-time codes: a few rows per phone for minutes; a citizen's phone belongs to no county
  'citizen_session', // a citizen's "my reports" session, bound to a phone's hash, for half an hour
  'user_area',
  'user_session',
  'sign_in_pending', // passwords that were right, waiting a few minutes for the second factor
  'host_account', // host super-app users mapped to accounts: one row per field user
  'host_token_use', // host token ids already used, kept until they expire
  'host_sign_on_pending', // OpenID Connect sign-ons begun, for ten minutes
  'admin_change', // pending changes to administrator accounts: a handful of rows
  'audit_log', // appended by every node; partitioned by time rather than county
  'audit_chain_head', // one row: the end of the audit log's hash chain
] as const;

export const DISTRIBUTION_COLUMN = 'county_code';
