import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './alerts.schemas.ts';
import type { AlertDisputeInput, AlertInput, AlertsService } from './alerts.service.ts';

export async function alertRoutes(app: Http, { alerts, guard }: { alerts: AlertsService; guard: Guard }) {
  const tags = ['fieldwork'];

  app.post(
    '/api/fieldwork/household-groups/:id/alerts',
    {
      schema: {
        tags,
        summary: '联防预警 A household of the group raises an alert (recorded by the grid team); the grid team is told',
        params: S.GroupId,
        body: S.AlertBody,
        response: { 200: S.Alert, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => alerts.raise(request.actor, request.params.id, request.body as AlertInput),
  );

  app.get(
    '/api/fieldwork/household-groups/:id/alerts',
    {
      schema: {
        tags,
        summary: '联防预警记录 The group’s alerts, newest first (kept after it is disbanded)',
        params: S.GroupId,
        querystring: S.AlertsQuery,
        response: { 200: S.Alerts, ...errorReplies },
      },
      onRequest: guard('registry.read'),
    },
    async (request) => alerts.find(request.actor, request.params.id, pageAsked(request.query, PAGE.alerts)),
  );

  app.post(
    '/api/fieldwork/alerts/:id/event',
    {
      schema: {
        tags,
        summary: '预警转事件 The alert becomes a loop case at its place (once)',
        params: S.AlertId,
        body: S.AlertEventBody,
        response: { 200: S.Alert, ...errorReplies },
      },
      onRequest: guard('events.report'),
    },
    async (request) => alerts.toEvent(request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/fieldwork/alerts/:id/dispute',
    {
      schema: {
        tags,
        summary: '预警转纠纷 The alert becomes a dispute of the group’s grid, filled from the alert (once)',
        params: S.AlertId,
        body: S.AlertDisputeBody,
        response: { 200: S.Alert, ...errorReplies },
      },
      onRequest: guard('disputes.mediate'),
    },
    async (request) => alerts.toDispute(request.actor, request.params.id, request.body as AlertDisputeInput),
  );
}
