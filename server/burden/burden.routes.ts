import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { EntryTimeInput } from './burden.schemas.ts';
import * as S from './burden.schemas.ts';
import type { BurdenService } from './burden.service.ts';

export async function burdenRoutes(app: Http, { burden, guard }: { burden: BurdenService; guard: Guard }) {
  const tags = ['burden'];

  app.get(
    '/api/settings/field',
    {
      schema: {
        tags,
        summary: '基层减负设置 A county’s field settings (check-ins, tracks, zero reports…): what is on, every switch off by default',
        querystring: S.SettingsQuery,
        response: { 200: S.Settings, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => burden.getSettings(request.actor, request.query.county),
  );

  app.put(
    '/api/settings/field/:key',
    {
      schema: {
        tags,
        summary: '修改设置 Turn one field setting on or off, or set its days (409 when it changed since `version`); audited',
        params: S.SettingParams,
        body: S.SettingBody,
        response: { 200: S.Settings, ...errorReplies },
      },
      onRequest: guard('settings.manage'),
    },
    async (request) => burden.updateSetting(request.actor, request.params.key, request.body),
  );

  app.post(
    '/api/burden/entries',
    {
      schema: {
        tags,
        summary: '录入用时 Keep how long one of my entries took, from opening its form to submitting it (once per entry)',
        body: S.EntryTimeBody,
        response: { 200: S.EntryTimeReply, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => burden.recordEntryTime(request.actor, request.body as EntryTimeInput),
  );

  app.get(
    '/api/burden/mine',
    {
      schema: {
        tags,
        summary: '本周录入用时 My entries this week and the time they took: a burden figure, not a score',
        response: { 200: S.MyWeek, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => burden.myWeek(request.actor),
  );
}
