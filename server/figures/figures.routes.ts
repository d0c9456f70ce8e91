import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { CommandCentre } from './command.service.ts';
import type { Fact } from './figures.core.ts';
import * as S from './figures.schemas.ts';
import type { FiguresService } from './figures.service.ts';

/** 指标: indicators with their definitions, the cases each counts, and the command centre's charts. */
export function figuresRoutes(app: Http, { figures, command, guard }: { figures: FiguresService; command: CommandCentre; guard: Guard }) {
  const tags = ['figures'];

  app.get(
    '/api/figures/indicators',
    {
      schema: {
        tags,
        summary: '指标 Indicators of an area (and unit, item class) over a day, month, quarter or year, each with its definition',
        description:
          'A period counts the cases reported in it, as they stand now. Sums of the roll-up kept as cases move (decision 0016); every figure opens its cases at /api/figures/cases.',
        querystring: S.FiguresQuery,
        response: { 200: S.Indicators, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request) => figures.indicators(request.actor, request.query),
  );

  app.get(
    '/api/figures/cases',
    {
      schema: {
        tags,
        summary: '指标明细 The cases a figure counts: `total` is the figure, the items a page of them',
        querystring: S.FigureCasesQuery,
        response: { 200: S.FigureCases, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request) => {
      const { offset, limit, fact, source, ...q } = request.query;
      return figures.cases(
        request.actor,
        { ...q, fact: fact as Fact, source: source as string | undefined },
        pageAsked({ offset, limit }, PAGE.figureCases),
      );
    },
  );

  app.get(
    '/api/figures/dashboard',
    {
      schema: {
        tags,
        summary:
          '指挥中心 The command centre’s charts: intake by source, open by status, warnings by colour, the 30-day trend, top items and grids, units ranked, satisfaction',
        querystring: S.DashboardQuery,
        response: { 200: S.Dashboard, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request) => command.dashboard(request.actor, request.query),
  );

  app.get(
    '/api/figures/map',
    {
      schema: {
        tags,
        summary: '网格专题图 One indicator for every grid of an area, to colour the command centre’s map, and the base layer to draw',
        querystring: S.MapQuery,
        response: { 200: S.GridFigures, ...errorReplies },
      },
      onRequest: guard('figures.read'),
    },
    async (request) => command.map(request.actor, { ...request.query, indicator: request.query.indicator as string }),
  );
}
