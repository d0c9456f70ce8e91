import crypto from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_MESSAGES } from '../../shared/i18n/errors.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import type { Http } from '../platform/http.ts';
import { validationDetails } from '../platform/validation.ts';
import { type Fields, fieldsOf, parseForm } from './open311.core.ts';
import { describeProblems, Open311Error, problem } from './open311.errors.ts';
import { CONTENT_TYPE, type Format, isFormat, type Resource, render } from './open311.format.ts';
import type { Open311Service } from './open311.service.ts';

/** A POST's form body at most: the specification's longest description is 4 000 characters, 12 000 bytes in UTF-8. */
const BODY_LIMIT = 64 * 1024;

const FormatParam = Type.String({ description: 'xml or json (the resource name\u2019s suffix)', example: 'xml' });
const Jurisdiction = Type.Optional(
  Type.String({
    description: 'The county\u2019s 6-digit division code (required: this endpoint serves several counties)',
    example: '420923',
  }),
);
const text = (description: string, example?: string) => Type.String({ description, ...(example ? { example } : {}) });
/** A list argument: comma-delimited, or given several times. */
const many = (description: string, example?: string) =>
  Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description, ...(example ? { example } : {}) }));
const RequestsQuery = Type.Object(
  {
    jurisdiction_id: Jurisdiction,
    service_request_id: many('Comma-delimited ids; overrides every other argument', '420923-202611020001'),
    service_code: many('Comma-delimited service codes', 'CG06010'),
    start_date: Type.Optional(text('W3C date-time, e.g. 2026-11-01T00:00:00+08:00')),
    end_date: Type.Optional(text('W3C date-time; at most 90 days after start_date')),
    status: many('open, closed, or both comma-delimited', 'open'),
  },
  { additionalProperties: true },
);
const JurisdictionQuery = Type.Object({ jurisdiction_id: Jurisdiction }, { additionalProperties: true });
const Scalar = (description: string, example?: string) =>
  Type.Optional(Type.Union([Type.String(), Type.Number()], { description, ...(example ? { example } : {}) }));
const PostBody = Type.Object(
  {
    api_key: Scalar('The client\u2019s API key', 'gz311_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    jurisdiction_id: Scalar('The county\u2019s 6-digit division code', '420923'),
    service_code: Scalar('From GET services', 'CG06010'),
    lat: Scalar('WGS84 latitude; with long, or else address_string / address_id', '31.01'),
    long: Scalar('WGS84 longitude', '113.01'),
    address_string: Scalar('Address, most specific first'),
    address_id: Scalar('An address id of the jurisdiction'),
    email: Scalar('E-mail of the person reporting (checked, not kept)'),
    device_id: Scalar('The reporting device (kept only as a keyed hash)'),
    account_id: Scalar('The reporter\u2019s account at the client (echoed, not kept)'),
    first_name: Scalar('Given name'),
    last_name: Scalar('Family name'),
    phone: Scalar('Mobile, or landline with area code; stored sealed'),
    description: Scalar('Up to 4 000 characters'),
    media_url: Scalar('http(s) URL of an image'),
  },
  {
    additionalProperties: true,
    patternProperties: { '^attribute\\[[^\\]]+\\](\\[\\])?$': Type.Union([Type.String(), Type.Array(Type.String())]) },
  },
);

/** The format a reply is in: the suffix the client asked for, else the URL's ending, else XML (the required one). */
function formatOf(request: FastifyRequest): Format {
  const asked = (request.params as { format?: string } | undefined)?.format;
  if (asked && isFormat(asked)) return asked;
  return /\.json(?:$|\?)/.test(request.url) ? 'json' : 'xml';
}

function send(reply: FastifyReply, status: number, resource: Resource, format: Format) {
  return reply.status(status).type(CONTENT_TYPE[format]).send(render(resource, format));
}

/** Every failure on these routes as the Open311 error reply, never our one error shape and never a bare 500. */
function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = request.lang ?? 'zh-CN';
  const format = formatOf(request);
  const errors = (e: Open311Error) => send(reply, e.status, { kind: 'errors', body: describeProblems(e.problems, lang) }, format);
  if (error instanceof Open311Error) return errors(error);
  if (error instanceof AppError) {
    const e = new Open311Error(problem('refused', { field: error.details[0]?.field ?? '', message: ERROR_MESSAGES[lang][error.code] }));
    const status = error.code === 'request.foreign_origin' ? 403 : 400;
    return send(reply, status, { kind: 'errors', body: describeProblems(e.problems, lang) }, format);
  }
  if (error.validation) {
    const details = validationDetails(error.validation as never, error.validationContext ?? 'body', lang);
    return errors(
      new Open311Error(
        details.map((d) =>
          problem('refused', { field: d.field.replace(/^(body|querystring|params)\./, ''), message: d.message ?? d.reason }),
        ),
      ),
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors(new Open311Error(problem('body_invalid')));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors(new Open311Error(problem('body_too_large')));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return errors(new Open311Error(problem('refused', { field: '', message: error.message })));
  const errorId = crypto.randomUUID();
  request.log.error({ err: error, errorId }, 'unhandled error (Open311)');
  return errors(new Open311Error(problem('server_error', { errorId })));
}

/**
 * GeoReport v2 at /open311/v2 and its service discovery at /open311/discovery.{xml,json}, in a scope of their own:
 * the form-encoded POST body, the Open311 error reply for every failure (unknown paths under /open311 too), and a
 * per-client rate limit. No session: POST takes the client's api_key, the reads are open as the specification has them.
 */
export function open311Routes(app: Http, { open311, config }: { open311: Open311Service; config: Config }) {
  const tags = ['open311'];
  void app.register(
    async (scope) => {
      // The specification's body is a form; JSON is taken too. Plain text is not a request: 400, not a body of type string.
      scope.removeContentTypeParser('text/plain');
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
        done(null, parseForm(body as string));
      });
      scope.setErrorHandler(handleError);
      scope.setNotFoundHandler((request, reply) =>
        send(reply, 404, { kind: 'errors', body: describeProblems([problem('route_not_found')], request.lang) }, formatOf(request)),
      );
      await scope.register(rateLimit, {
        max: config.open311RateLimit.max,
        timeWindow: config.open311RateLimit.windowSeconds * 1000,
        errorResponseBuilder: (_request, context) => new Open311Error(problem('rate_limited', { seconds: Math.ceil(context.ttl / 1000) })),
      });

      /** The suffix checked: a resource in a format the specification does not name does not exist. */
      const formatFrom = (request: FastifyRequest): Format => {
        const f = (request.params as { format: string }).format;
        if (!isFormat(f)) throw new Open311Error(problem('format_unknown', { value: f }));
        return f;
      };
      const query = (request: FastifyRequest): Fields => fieldsOf(request.query);

      scope.get(
        '/discovery.:format',
        {
          schema: {
            tags,
            summary: 'Open311 服务发现 Service discovery (GeoReport v2 endpoints, formats, how to get a key)',
            params: Type.Object({ format: FormatParam }),
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          return send(
            reply,
            200,
            { kind: 'discovery', body: open311.discovery(`${request.protocol}://${request.host}`, request.lang) },
            format,
          );
        },
      );

      scope.get(
        '/v2/services.:format',
        {
          schema: {
            tags,
            summary: 'Open311 GET Service List: the catalogue items open to citizens',
            params: Type.Object({ format: FormatParam }),
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          return send(reply, 200, { kind: 'services', body: await open311.services(query(request), request.lang) }, format);
        },
      );

      scope.get(
        '/v2/services/:service_code.:format',
        {
          schema: {
            tags,
            summary: 'Open311 GET Service Definition: the attributes of one service',
            params: Type.Object({ service_code: text('From GET services', 'CG01037'), format: FormatParam }),
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          const { service_code } = request.params as { service_code: string };
          return send(
            reply,
            200,
            { kind: 'service_definition', body: await open311.definition(query(request), service_code, request.lang) },
            format,
          );
        },
      );

      scope.post(
        '/v2/requests.:format',
        {
          bodyLimit: BODY_LIMIT,
          schema: {
            tags,
            summary: 'Open311 POST Service Request (application/x-www-form-urlencoded, api_key required): a citizen report of the loop',
            description:
              'Answers service_request_id at once for a request with lat/long; a token for one located only by address_string or address_id (the county centre places it on the map). A retry of the same request, or one with the same Idempotency-Key header, gets the first answer.',
            consumes: ['application/x-www-form-urlencoded', 'application/json'],
            params: Type.Object({ format: FormatParam }),
            headers: Type.Object(
              { 'idempotency-key': Type.Optional(text('Optional: a retry with the same key gets the first answer')) },
              { additionalProperties: true },
            ),
            body: PostBody,
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          const problems: ReturnType<typeof problem>[] = [];
          const header = request.headers['idempotency-key'];
          const key = typeof header === 'string' ? header.trim() : undefined;
          if (key !== undefined && !/^[\x21-\x7e]{8,64}$/.test(key))
            problems.push(
              problem('refused', {
                field: 'Idempotency-Key',
                message:
                  request.lang === 'en' ? 'must be 8 to 64 printable characters without spaces' : '应为 8 到 64 个可打印字符，不含空格',
              }),
            );
          if (problems.length) throw new Open311Error(problems);
          const receipt = await open311.post(fieldsOf(request.body), query(request), key || undefined, request.lang);
          return send(reply, 200, { kind: 'receipt', body: [receipt] }, format);
        },
      );

      scope.get(
        '/v2/tokens/:token.:format',
        {
          schema: {
            tags,
            summary: 'Open311 GET service_request_id from a token',
            params: Type.Object({ token: text('The token POST requests answered', '420923K7QM3XHP9TRW'), format: FormatParam }),
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          const { token } = request.params as { token: string };
          return send(reply, 200, { kind: 'token', body: [await open311.token(query(request), token)] }, format);
        },
      );

      scope.get(
        '/v2/requests.:format',
        {
          schema: {
            tags,
            summary: 'Open311 GET Service Requests: the requests made through Open311 in a county, newest first, at most 1000',
            params: Type.Object({ format: FormatParam }),
            querystring: RequestsQuery,
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          return send(reply, 200, { kind: 'requests', body: await open311.requests(query(request), request.lang) }, format);
        },
      );

      scope.get(
        '/v2/requests/:service_request_id.:format',
        {
          schema: {
            tags,
            summary: 'Open311 GET Service Request: one request with its state in the loop',
            params: Type.Object({ service_request_id: text('County and case number', '420923-202611020001'), format: FormatParam }),
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const format = formatFrom(request);
          const { service_request_id } = request.params as { service_request_id: string };
          return send(
            reply,
            200,
            { kind: 'requests', body: await open311.request(query(request), service_request_id, request.lang) },
            format,
          );
        },
      );
    },
    { prefix: '/open311' },
  );
}
