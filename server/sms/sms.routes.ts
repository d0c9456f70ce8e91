import { PAGE } from '../../shared/limits.ts';
import type { SmsStatus } from '../../shared/sms.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './sms.schemas.ts';
import type { SmsService } from './sms.service.ts';

/** The SMS log of the system administrator's jurisdiction: what went out, what was refused, masked. */
export function smsRoutes(app: Http, { sms, guard }: { sms: SmsService; guard: Guard }) {
  app.get(
    '/api/sms/messages',
    {
      schema: {
        tags: ['sms'],
        summary: '短信记录 The SMS sent and refused in your jurisdiction, newest first, phones masked',
        querystring: S.SmsQuery,
        response: { 200: S.SmsPage, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request) =>
      sms.find(request.actor, {
        status: request.query.status as SmsStatus | undefined,
        phone: request.query.phone,
        ...pageAsked(request.query, PAGE.smsMessages),
      }),
  );
}
