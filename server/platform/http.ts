import crypto from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';
import { ERROR_MESSAGES, type Lang, pickLang } from '../../shared/i18n/errors.ts';
import { validationMessage } from '../../shared/i18n/validation.ts';
import type { GuardHook } from './actor.ts';
import { AppError } from './errors.ts';
import { nulFields, validationDetails, validatorCompiler } from './validation.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

export const LANG_COOKIE = 'gezhi_lang';

/** Details whose reason is itself an error code get that code's message, with the offending value when given. */
function describe(detail: ErrorDetail, lang: Lang): ErrorDetail {
  if (detail.message || !(detail.reason in ERROR_MESSAGES[lang])) return detail;
  const text = ERROR_MESSAGES[lang][detail.reason as ErrorCode];
  return { ...detail, message: detail.value === undefined ? text : `${text}: ${String(detail.value)}` };
}

export function errorBody(code: ErrorCode, lang: Lang, details: ErrorDetail[] = []): ErrorBody {
  return { code, message: ERROR_MESSAGES[lang][code], details: details.map((d) => describe(d, lang)) };
}

export function sendError(reply: FastifyReply, code: ErrorCode, lang: Lang, details: ErrorDetail[] = []) {
  return reply.status(ERROR_STATUS[code]).send(errorBody(code, lang, details));
}

function handleError(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.lang ?? 'zh-CN';
  if (error instanceof AppError) return sendError(reply, error.code, lang, error.details);
  if (error.validation) {
    const part = error.validationContext ?? 'body';
    return sendError(reply, 'request.invalid', lang, validationDetails(error.validation as never, part, lang));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return sendError(reply, 'request.malformed_json', lang, [{ field: 'body', reason: 'json', message: error.message }]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return sendError(reply, 'request.unsupported_media_type', lang);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return sendError(reply, 'request.too_large', lang);
  }
  if (error.statusCode && error.statusCode < 500 && error instanceof SyntaxError) {
    return sendError(reply, 'request.malformed_json', lang, [{ field: 'body', reason: 'json', message: error.message }]);
  }
  // Any other refusal a plugin or Fastify itself raises (a bad Content-Length, a multipart limit): still a 4xx in
  // the one shape, never a 500 because its code is not listed above.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 413 ? 'request.too_large' : status === 406 || status === 415 ? 'request.unsupported_media_type' : 'request.invalid';
    return sendError(reply, code, lang, [{ field: 'request', reason: error.code ?? 'invalid', message: error.message }]);
  }
  const errorId = crypto.randomUUID();
  request.log.error({ err: error, errorId }, 'unhandled error');
  return reply.status(500).send({ ...errorBody('server.internal', lang), errorId });
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers past the size limit, broken request
 * lines): answered in the one error shape too, in Chinese since no header could be read.
 */
function handleClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy(error);
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'request.headers_too_large' : 'request.invalid';
  const status = ERROR_STATUS[code];
  const body = JSON.stringify(errorBody(code, 'zh-CN'));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * What pages may load: the console and the /m field routes (one Vite build), the OpenLayers maps (vector layers
 * drawn on canvas from our own API; outside tiles only from the hosts `contentSecurityPolicy` adds when configured) and the Swagger UI at /docs, all from this server. Styles
 * may be inline because Ant Design and OpenLayers write style attributes and elements at run time; images may be
 * data: and blob: URLs (Swagger UI's icons, photo previews before upload). Nothing may frame a page.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** An origin as browsers serialise it (default ports left out), or null for one that is not (`null`, garbage). */
function normalOrigin(text: string): string | null {
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origin this request was addressed to: its scheme and host, as the trusted proxy tells them when there is one. */
const ownOrigin = (request: FastifyRequest) => normalOrigin(`${request.protocol}://${request.host}`);

const hops = (n: number) => (_address: string, hop: number) => hop < n;

export interface HttpOptions {
  logLevel: string;
  /** Fastify's trustProxy: whose X-Forwarded-For/-Proto/-Host to believe (config.trustProxy). */
  trustProxy?: boolean | number | string[];
  /** Origins besides the server's own allowed to send state-changing requests. */
  allowedOrigins?: string[];
  /** Hosts map tiles come from (Tianditu's, when a key is configured): added to img-src and connect-src. */
  tileHosts?: string[];
}

/** Where Tianditu's WMTS tiles come from: t0…t7.tianditu.gov.cn. */
export const TIANDITU_TILE_HOSTS = ['https://*.tianditu.gov.cn'];

/** The policy with the map's tile hosts allowed to be loaded as images and fetched. */
export function contentSecurityPolicy(tileHosts: readonly string[] = []) {
  return {
    ...CONTENT_SECURITY_POLICY,
    'img-src': [...CONTENT_SECURITY_POLICY['img-src'], ...tileHosts],
    'connect-src': [...CONTENT_SECURITY_POLICY['connect-src'], ...tileHosts],
  };
}

/** The HTTP shell: validation, the one error shape, language, cookies, security headers and the OpenAPI page. */
export async function createHttp(opts: HttpOptions) {
  const allowedOrigins = new Set(opts.allowedOrigins ?? []);
  const options: FastifyServerOptions = {
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    // A number of hops is what proxy-addr does with one: believe the nearest n addresses.
    trustProxy: typeof opts.trustProxy === 'number' ? hops(opts.trustProxy) : (opts.trustProxy ?? false),
    bodyLimit: 50 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    clientErrorHandler: handleClientError,
    // A URL the router cannot decode (`/api/x/%E0`) or a path segment past its length limit.
    frameworkErrors: (error, request, reply) =>
      sendError(reply, 'request.bad_url', request.lang ?? 'zh-CN', [{ field: 'url', reason: error.code }]),
  };
  const app = Fastify(options).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.decorateRequest('lang', 'zh-CN');
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(opts.tileHosts) },
    // Browsers heed it only over HTTPS; subdomains are left alone, they may be other government sites.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (request) => {
    const q = (request.query as Record<string, string | undefined>)?.lang;
    request.lang = pickLang(q, request.cookies[LANG_COOKIE], request.headers['accept-language']);
  });
  // A page on another site may make the browser send a form or fetch with the user's cookie: a state-changing
  // request whose Origin is present and is neither this server nor a configured one is refused before any route
  // runs (SameSite=Lax covers most of it; this covers the rest, e.g. a sibling subdomain, which counts as same-site).
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    const normal = normalOrigin(origin);
    if (normal && (normal === ownOrigin(request) || allowedOrigins.has(normal))) return;
    throw new AppError('request.foreign_origin', [{ field: 'headers.origin', reason: 'foreign_origin', value: origin }]);
  });
  // PostgreSQL text cannot hold U+0000: a NUL anywhere in the path, query or JSON body is refused here, for every
  // route, before any handler or query sees it (after the route's guard, so an anonymous caller still gets 401).
  app.addHook('preValidation', async (request) => {
    const fields = [...nulFields(request.params, 'params'), ...nulFields(request.query, 'querystring'), ...nulFields(request.body, 'body')];
    if (fields.length) {
      const message = validationMessage('nul', {}, request.lang);
      throw new AppError(
        'request.invalid',
        fields.map((field) => ({ field, reason: 'nul', message })),
      );
    }
  });
  app.setErrorHandler(handleError);
  // A guarded route says in the document what it requires: the session cookie, and the permission its guard checks
  // (`x-permission`; `signed-in` when any user may). A route without a guard is public there; the route matrix test
  // holds the list of those, so a new route that forgets its guard fails.
  app.addHook('onRoute', (route) => {
    const guard = [route.onRequest ?? []].flat().find((hook): hook is GuardHook => hook !== null && 'permission' in hook);
    if (!guard) return;
    const documented: Record<string, unknown> = { security: [{ session: [] }], 'x-permission': guard.permission ?? 'signed-in' };
    route.schema = { ...route.schema, ...documented };
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gezhi 格治 API', version: '0.1.0', description: '网格化社会治理平台接口 / grid-governance platform API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gezhi_sid' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  // For balancers' health checks, and the empty route `npm run bench` measures the API against.
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: '健康检查 The server answers',
        response: {
          200: { type: 'object', properties: { ok: { type: 'boolean', description: '正常 Always true when the server answers' } } },
        },
      },
    },
    async () => ({ ok: true }),
  );
  return app;
}

export type Http = Awaited<ReturnType<typeof createHttp>>;
