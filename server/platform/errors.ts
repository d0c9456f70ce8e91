import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';

/** The one error class: a code from the closed list, optional field details. */
export class AppError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, readonly details: ErrorDetail[] = []) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (code: ErrorCode = 'access.not_found') => new AppError(code);
export const invalid = (field: string, reason: string, message?: string) =>
  new AppError('request.invalid', [{ field, reason, ...(message ? { message } : {}) }]);
