import { PAGE, VERIFIED_WITHIN_DAYS } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './quality.schemas.ts';
import type { QualityService } from './quality.service.ts';

export async function qualityRoutes(app: Http, { quality, guard }: { quality: QualityService; guard: Guard }) {
  const tags = ['registry'];

  app.get(
    '/api/registry/quality',
    {
      schema: {
        tags,
        summary: '数据质量 Figures per child node of an area: counts, verified within N days, anomalies counted',
        querystring: S.QualityQuery,
        response: { 200: S.Quality, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => quality.figures(request.actor, request.query.area, request.query.days ?? VERIFIED_WITHIN_DAYS.default),
  );

  app.get(
    '/api/registry/quality/anomalies',
    {
      schema: {
        tags,
        summary: '数据质量问题 One page of one anomaly list under an area, naming the records to fix',
        querystring: S.AnomaliesQuery,
        response: { 200: S.Anomalies, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => quality.anomalies(request.actor, request.query.area, request.query.kind, pageAsked(request.query, PAGE.anomalies)),
  );
}
