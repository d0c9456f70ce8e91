import createClient from 'openapi-fetch';
import type { ErrorBody } from '../../shared/errors.ts';
import type { CallArgs, InitOf, Method, ParamsOf, PathOf, ReplyOf } from './api/paths.ts';
import type { paths } from './api/schema.ts';
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
  // A citizen's "my reports" session is no console session: its 401 only asks for the phone's code again.
  if (res.status === 401 && !path.startsWith('/api/auth/') && !path.startsWith('/api/public/')) onUnauthorized();
  return new ApiError(res.status, errorBody);
}

const client = createClient<paths>({ credentials: 'same-origin' });
client.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language);
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');
    return request;
  },
  // Thrown here, a failure never reaches the caller as data: every call either gives the reply or throws ApiError.
  async onResponse({ schemaPath, response }) {
    if (!response.ok) throw await failure(schemaPath, response);
  },
});

type Call<M extends Method> = <P extends PathOf<M>, Init extends InitOf<P, M>>(
  path: P,
  ...init: CallArgs<Init>
) => Promise<ReplyOf<P, M, Init>>;

// The typed signatures are Call<M>; inside, one untyped request serves every method.
const request = client.request as unknown as (method: Method, path: string, init?: object) => Promise<{ data?: unknown }>;
const caller = <M extends Method>(method: M) =>
  (async (path: string, init?: object) => (await request(method, path, init)).data) as Call<M>;

/**
 * The one way the console talks to the server, typed by the OpenAPI document: `api.GET('/api/x/{code}',
 * { params: { path: { code } } })` gives the reply, and throws ApiError (with the server's body) on failure.
 */
export const api = {
  GET: caller('get'),
  POST: caller('post'),
  PUT: caller('put'),
  PATCH: caller('patch'),
  DELETE: caller('delete'),
};

/** The filter without its blank fields: an empty box filters nothing, and the server refuses an empty value. */
export function withoutBlanks<T extends object>(filter: T): Partial<T> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as Partial<T>;
}

/**
 * POSTs a multipart form (a file upload; the browser sets the boundary), JSON back. The upload routes declare no
 * body schema (@fastify/multipart reads the stream), so the form goes past the body's type.
 */
export async function apiUpload<P extends PathOf<'post'>>(
  path: P,
  form: FormData,
  params?: ParamsOf<P, 'post'>,
): Promise<ReplyOf<P, 'post'>> {
  return (await request('post', path, { params, body: form, bodySerializer: (body: FormData) => body })).data as ReplyOf<P, 'post'>;
}

/** GETs a file (an Excel template or report) as a blob; errors still come back as JSON. */
export async function apiBlob<P extends PathOf<'get'>>(path: P, params?: ParamsOf<P, 'get'>): Promise<Blob> {
  return (await request('get', path, { params, parseAs: 'blob', headers: { Accept: '*/*' } })).data as Blob;
}
