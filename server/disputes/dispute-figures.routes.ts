import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import { Counted, DrillQuery, FigureQuery, Figures } from './dispute-figures.schemas.ts';
import type { DisputeFiguresService } from './dispute-figures.service.ts';
import type { DisputesService } from './disputes.service.ts';

export function disputeFigureRoutes(
  app: Http,
  { figures, disputes, guard }: { figures: DisputeFiguresService; disputes: DisputesService; guard: Guard },
) {
  const tags = ['disputes'];
  const reply = (schema: object) => ({ 200: schema, ...errorReplies });
  app.get(
    '/api/disputes/figures',
    {
      schema: {
        tags,
        summary: '纠纷统计 Disputes by type, tier, outcome, area or month; 小事不出村, 大事不出镇, working days to resolution',
        querystring: FigureQuery,
        response: reply(Figures),
      },
      onRequest: guard('figures.read'),
    },
    async (request) => figures.figures(request.actor, request.query as never),
  );
  app.get(
    '/api/disputes/figures/disputes',
    {
      schema: { tags, summary: '统计明细 The disputes one number counts', querystring: DrillQuery, response: reply(Counted) },
      onRequest: guard('figures.read'),
    },
    async (request) => disputes.counted(request.actor, request.query as never),
  );
}
