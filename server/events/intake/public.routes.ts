import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Http } from '../../platform/http.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { ErrorReply, errorReplies, Nullable } from '../../platform/schemas.ts';
import type { FileStore } from '../../files/index.ts';
import { PHOTO_UPLOAD, PhotoReply, receivePhoto } from '../../files/index.ts';
import { RATINGS } from '../loop/event-actions.core.ts';
import { MOBILE } from './intake.core.ts';
import type { IntakeService } from './intake.service.ts';
import { IdempotencyKey } from '../../platform/idempotency.ts';

const DateTime = () => Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Code = Type.String({ minLength: 18, maxLength: 30, description: 'Tracking code as given on reporting; dashes and spaces are ignored', example: '420923-K7QM-3XHP-9TRW' });
const PublicReport = Type.Object({
  trackingCode: Type.String({ description: 'Keep it: it is the only way back to this report', example: '420923-K7QM-3XHP-9TRW' }),
  caseNo: Type.String(), itemName: Type.String(), status: Type.String(), description: Type.String(),
  reportedAt: DateTime(), closedAt: Nullable(DateTime()), rating: Nullable(Type.String()),
  reply: Nullable(Type.String({ description: "The handling unit's reply" })),
  timeline: Type.Array(Type.Object({ status: Type.String(), at: DateTime() }), { description: 'Status changes, oldest first; no names' }),
  canRate: Type.Boolean({ description: 'Closed and not yet rated: the reporter may rate it now' }),
  mergedInto: Nullable(Type.Object({ caseNo: Type.String(), status: Type.String() }, { description: 'The case this report was merged into' })),
});
const replies = { ...errorReplies, 413: ErrorReply, 415: ErrorReply, 429: ErrorReply };

/**
 * 市民随手拍: reporting, following and rating without an account. Registered in a scope of its own so the
 * per-client rate limit and the multipart parser apply to these routes and no others.
 */
export function publicRoutes(app: Http, { intake, files, config }: { intake: IntakeService; files: FileStore; config: Config }) {
  const tags = ['public'];
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, PHOTO_UPLOAD);
    await scope.register(rateLimit, {
      max: config.publicRateLimit.max,
      timeWindow: config.publicRateLimit.windowSeconds * 1000,
      errorResponseBuilder: (_request, context) => new AppError('public.rate_limited', [{ field: 'request', reason: 'rate_limited', retryAfterSeconds: Math.ceil(context.ttl / 1000) }]),
    });

    scope.get('/api/public/catalogue', {
      schema: { tags, summary: '市民上报可选事项 Items a citizen may report', response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), group: Nullable(Type.String()) })) }), ...replies } },
    }, async () => ({ items: await intake.publicCatalogue() }));

    scope.post('/api/public/photos', {
      schema: { tags, summary: '市民上传照片 Upload one photo (multipart field "file"; JPEG, PNG or WebP, ≤ 10 MB)', consumes: ['multipart/form-data'], response: { 201: PhotoReply, ...replies } },
    }, async (request, reply) => reply.status(201).send(await receivePhoto(request, files)));

    scope.post('/api/public/reports', {
      schema: {
        tags, summary: '市民上报 Report without an account; the reply carries the tracking code',
        body: Type.Object({
          itemCode: Type.String({ minLength: 1, maxLength: 20, description: 'From /api/public/catalogue' }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          description: Type.String({ minLength: 1, maxLength: 500 }),
          photos: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$' }), { maxItems: 9, default: [], description: 'Keys from /api/public/photos' }),
          phone: Type.Optional(Type.String({ pattern: MOBILE, description: 'Mobile number for a call back (11 digits); stored sealed, shown to staff masked' })),
          idempotencyKey: Type.Optional(IdempotencyKey),
        }, { additionalProperties: false }),
        response: { 201: PublicReport, ...replies },
      },
    }, async (request, reply) => reply.status(201).send(await intake.publicReport({ ...request.body, photos: request.body.photos ?? [] })));

    scope.get('/api/public/reports/:code', {
      schema: { tags, summary: '进度查询 Follow a report by its tracking code', params: Type.Object({ code: Code }), response: { 200: PublicReport, ...replies } },
    }, async (request) => intake.track(request.params.code));

    scope.post('/api/public/reports/:code/rating', {
      schema: {
        tags, summary: '市民评价 Rate the result of a closed report (satisfied / basic / dissatisfied, with a reason)',
        params: Type.Object({ code: Code }),
        body: Type.Object({
          rating: Type.Union(RATINGS.map((r) => Type.Literal(r))),
          note: Type.Optional(Type.String({ maxLength: 500, description: 'Required when dissatisfied' })),
        }, { additionalProperties: false }),
        response: { 200: PublicReport, ...replies },
      },
    }, async (request) => intake.rate(request.params.code, request.body));
  });
}
