import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';

/** The one error class: a code from the closed list, optional field details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}
