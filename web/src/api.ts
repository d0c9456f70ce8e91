import type { ErrorBody } from '../../shared/errors.ts';
import { i18n } from './i18n/index.ts';

/** An error reply of the API, carrying its body (already translated by the server). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

let onUnauthorized: () => void = () => {};

/** Called when a signed-in call answers 401 (the session ended elsewhere or expired). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function isErrorBody(data: unknown): data is ErrorBody {
  return typeof data === 'object' && data !== null && 'code' in data && 'message' in data;
}

/** The one way the console talks to the server: JSON in, JSON out, errors thrown as ApiError. */
export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(path, { method: options.method ?? 'GET', headers, body, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const errorBody: ErrorBody = isErrorBody(data)
      ? { ...data, details: data.details ?? [] }
      : { code: 'server.internal', message: i18n.t('error.http', { status: res.status }), details: [] };
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
    throw new ApiError(res.status, errorBody);
  }
  return data as T;
}
