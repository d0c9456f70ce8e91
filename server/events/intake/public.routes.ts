import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FileStore } from '../../files/index.ts';
import { PHOTO_UPLOAD, PhotoReply, receivePhoto } from '../../files/index.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import type { Http } from '../../platform/http.ts';
import * as S from './intake.schemas.ts';
import type { IntakeService } from './intake.service.ts';

/**
 * 市民随手拍: reporting, following and rating without an account. Registered in a scope of its own so the
 * per-client rate limit and the multipart parser apply to these routes and no others.
 */
export function publicRoutes(app: Http, { intake, files, config }: { intake: IntakeService; files: FileStore; config: Config }) {
  const tags = ['public'];
  const replies = S.publicReplies;
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(multipart, PHOTO_UPLOAD);
    await scope.register(rateLimit, {
      max: config.publicRateLimit.max,
      timeWindow: config.publicRateLimit.windowSeconds * 1000,
      errorResponseBuilder: (_request, context) =>
        new AppError('public.rate_limited', [
          { field: 'request', reason: 'rate_limited', retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        ]),
    });

    scope.get(
      '/api/public/catalogue',
      {
        schema: { tags, summary: '市民上报可选事项 Items a citizen may report', response: { 200: S.PublicCatalogue, ...replies } },
      },
      async () => ({ items: await intake.publicCatalogue() }),
    );

    scope.post(
      '/api/public/photos',
      {
        schema: {
          tags,
          summary: '市民上传照片 Upload one photo (multipart field "file"; JPEG, PNG or WebP, ≤ 10 MB)',
          consumes: ['multipart/form-data'],
          response: { 201: PhotoReply, ...replies },
        },
      },
      async (request, reply) => reply.status(201).send(await receivePhoto(request, files)),
    );

    scope.post(
      '/api/public/reports',
      {
        schema: {
          tags,
          summary: '市民上报 Report without an account; the reply carries the tracking code',
          body: S.PublicReportBody,
          response: { 201: S.PublicReport, ...replies },
        },
      },
      async (request, reply) => reply.status(201).send(await intake.publicReport({ ...request.body, photos: request.body.photos ?? [] })),
    );

    scope.get(
      '/api/public/reports/:code',
      {
        schema: {
          tags,
          summary: '进度查询 Follow a report by its tracking code',
          params: S.TrackingParams,
          response: { 200: S.PublicReport, ...replies },
        },
      },
      async (request) => intake.track(request.params.code),
    );

    scope.post(
      '/api/public/reports/:code/rating',
      {
        schema: {
          tags,
          summary: '市民评价 Rate the result of a closed report (satisfied / basic / dissatisfied, with a reason)',
          params: S.TrackingParams,
          body: S.RatingBody,
          response: { 200: S.PublicReport, ...replies },
        },
      },
      async (request) => intake.rate(request.params.code, request.body),
    );
  });
}
