import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import { Settings, SettingsBody, SettingsQuery } from './disputes.schemas.ts';
import type { DisputeSettings, DisputesService } from './disputes.service.ts';

/** A county's mediation time limits per tier (working days) and the days after an agreement its follow-up falls due. */
export function disputeSettingRoutes(app: Http, { disputes, guard }: { disputes: DisputesService; guard: Guard }) {
  const tags = ['disputes'];
  const reply = (schema: object) => ({ 200: schema, ...errorReplies });
  app.get(
    '/api/disputes/settings',
    {
      schema: {
        tags,
        summary: '调解期限与回访 A county’s mediation time limits and follow-up days',
        querystring: SettingsQuery,
        response: reply(Settings),
      },
      onRequest: guard('disputes.read'),
    },
    async (request) => disputes.settings(request.actor, request.query.countyCode),
  );
  app.put(
    '/api/disputes/settings',
    {
      schema: {
        tags,
        summary: '设置调解期限与回访 Set them (open mediations keep their limit)',
        body: SettingsBody,
        response: reply(Settings),
      },
      onRequest: guard('disputes.settings'),
    },
    async (request) => disputes.updateSettings(request.actor, request.body as DisputeSettings & { countyCode?: string }),
  );
}
