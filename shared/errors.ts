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
  'registry.import_header': 422,
  'registry.import_format': 415,
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
