import crypto from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ERROR_STATUS, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../shared/errors.ts';
import { ERROR_MESSAGES, type Lang, pickLang } from '../../shared/i18n/errors.ts';
import { validationMessage } from '../../shared/i18n/validation.ts';
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

/** The HTTP shell: validation, the one error shape, language, cookies and the OpenAPI page. */
export async function createHttp(opts: { logLevel: string }) {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: 50 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    clientErrorHandler: handleClientError,
    // A URL the router cannot decode (`/api/x/%E0`) or a path segment past its length limit.
    frameworkErrors: (error, request, reply) =>
      sendError(reply, 'request.bad_url', request.lang ?? 'zh-CN', [{ field: 'url', reason: error.code }]),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.decorateRequest('lang', 'zh-CN');
  await app.register(cookie);
  app.addHook('onRequest', async (request) => {
    const q = (request.query as Record<string, string | undefined>)?.lang;
    request.lang = pickLang(q, request.cookies[LANG_COOKIE], request.headers['accept-language']);
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
