import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './schema.ts';

/*
 * The call types of the generated schema, apart from the client so that types alone (tests, helpers) need not
 * load it.
 */

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
/** The API's paths (with {placeholders}) that answer `method`. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, object> ? P : never }[keyof paths];
/** What a call of `path` takes: `params.path`, `params.query` (both encoded by the client) and `body`. */
export type InitOf<P extends PathOf<M>, M extends Method> = MaybeOptionalInit<paths[P], M>;
/** The second argument is required only when the route has a required parameter or body. */
export type CallArgs<Init> = undefined extends Init ? [init?: Init] : [init: Init];
/** The `params` of a call: its path and query parameters. */
export type ParamsOf<P extends PathOf<M>, M extends Method> = NonNullable<InitOf<P, M>> extends { params?: infer X } ? X : never;

type Data<P extends PathOf<M>, M extends Method, Init> = paths[P][M] extends infer O extends Record<string | number, unknown>
  ? Exclude<FetchResponse<O, Init, `${string}/${string}`>['data'], undefined>
  : never;
/** The success reply of a call, as the route's response schema says; void for a 204. */
export type ReplyOf<P extends PathOf<M>, M extends Method, Init = object> = [Data<P, M, Init>] extends [never]
  ? undefined
  : Data<P, M, Init>;
