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

/** Turns a failed reply into an ApiError (and signs out on 401). */
async function failure(path: string, res: Response): Promise<ApiError> {
  const data: unknown = await res.json().catch(() => null);
  const errorBody: ErrorBody = isErrorBody(data)
    ? { ...data, details: data.details ?? [] }
    : { code: 'server.internal', message: i18n.t('error.http', { status: res.status }), details: [] };
  if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  return new ApiError(res.status, errorBody);
}

async function send(path: string, init: { method: string; accept: string; contentType?: string; body?: BodyInit }): Promise<Response> {
  const headers: Record<string, string> = { Accept: init.accept, 'Accept-Language': i18n.language };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  const res = await fetch(path, { method: init.method, headers, body: init.body, credentials: 'same-origin' });
  if (!res.ok) throw await failure(path, res);
  return res;
}

/** The one way the console talks to the server: JSON in, JSON out, errors thrown as ApiError. */
export async function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const json = options.body !== undefined;
  const res = await send(path, {
    method: options.method ?? 'GET',
    accept: 'application/json',
    ...(json ? { contentType: 'application/json', body: JSON.stringify(options.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => null)) as T;
}

/** POSTs a multipart form (a file upload; the browser sets the boundary), JSON back. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const res = await send(path, { method: 'POST', accept: 'application/json', body: form });
  return (await res.json()) as T;
}

/** GETs a file (an Excel template or report) as a blob; errors still come back as JSON. */
export async function apiBlob(path: string): Promise<Blob> {
  const res = await send(path, { method: 'GET', accept: '*/*' });
  return res.blob();
}
