/**
 * The closed list of error codes, area first, each with its HTTP status.
 * The code is also the i18n key of its message (shared/i18n/errors.ts).
 */
export const ERROR_STATUS = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.unsupported_media_type': 415,
  'request.too_large': 413,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.wrong_password': 400,
  'auth.password_too_weak': 400,
  'access.forbidden': 403,
  'access.not_found': 404,
  'user.not_found': 404,
  'user.username_taken': 409,
  'user.role_unknown': 400,
  'user.area_unknown': 400,
  'user.department_unknown': 400,
  'territory.area_not_found': 404,
  'territory.grid_not_found': 404,
  'territory.coordinate_out_of_range': 400,
  'territory.import_invalid': 422,
  'territory.network_not_found': 404,
  'territory.network_exists': 409,
  'org.department_not_found': 404,
  'org.department_exists': 409,
  'file.missing': 400,
  'file.too_large': 413,
  'file.not_an_image': 415,
  'file.not_found': 404,
  'registry.person_not_found': 404,
  'registry.person_exists': 409,
  'registry.import_header': 422,
  'registry.import_format': 415,
  'registry.import_unreadable': 422,
  'registry.import_not_found': 404,
  'registry.import_running': 409,
  'registry.import_failed': 500,
  'registry.org_not_found': 404,
  'registry.org_exists': 409,
  'registry.facility_not_found': 404,
  'registry.address_not_found': 404,
  'registry.building_not_found': 404,
  'registry.building_exists': 409,
  'registry.house_not_found': 404,
  'registry.house_exists': 409,
  'registry.group_not_found': 404,
  'registry.record_invalid': 422,
  'registry.record_changed': 409,
  'event.not_found': 404,
  'event.changed': 409,
  'event.outside_grids': 422,
  'event.item_unknown': 400,
  'event.transition_not_allowed': 409,
  'event.role_not_allowed': 403,
  'event.suspended': 409,
  'event.extension_pending': 409,
  'event.extension_too_late': 409,
  'event.reason_required': 400,
  'event.attachments_required': 400,
  'event.target_required': 400,
  'event.target_invalid': 400,
  'event.rating_required': 400,
  'event.working_days_invalid': 400,
  'event.master_required': 400,
  'event.master_invalid': 400,
  'event.intake_not_allowed': 403,
  'event.same_as_closed': 409,
  'event.already_reported': 409,
  'event.subject_not_found': 422,
  'event.subject_no_point': 422,
  'public.not_found': 404,
  'public.rate_limited': 429,
  'event.item_retired': 400,
  'event.date_range_invalid': 400,
  'event.filter_too_broad': 422,
  'catalogue.not_found': 404,
  'catalogue.changed': 409,
  'catalogue.unchanged': 400,
  'catalogue.rule_invalid': 400,
  'catalogue.parent_invalid': 400,
  'catalogue.local_full': 409,
  'notification.not_found': 404,
  'warning.rules_invalid': 400,
  'calendar.day_invalid': 400,
  'calendar.day_not_found': 404,
  'supervision.not_found': 404,
  'supervision.subject_required': 400,
  'supervision.note_required': 400,
  'supervision.reply_required': 400,
  'supervision.unit_unknown': 400,
  'supervision.unit_outside': 403,
  'supervision.event_finished': 409,
  'supervision.not_unit': 403,
  'supervision.not_issuer': 403,
  'supervision.already_replied': 409,
  'supervision.already_closed': 409,
  'supervision.not_replied': 409,
  'route.not_found': 404,
  'server.internal': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem inside a request: which field (or row/feature) and why. */
export interface ErrorDetail {
  field: string;
  reason: string;
  message?: string;
  [extra: string]: unknown;
}

/** The one error shape every 4xx/5xx reply carries. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  errorId?: string;
}
