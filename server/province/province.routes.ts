import type { ProvinceDisclosure } from '../../shared/enums.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './province.schemas.ts';
import type { ProvinceService } from './province.service.ts';

/** The province platform's pull (no session, an API key for the province interface) and the receiver's disclosure. */
export function provinceRoutes(app: Http, { province, guard }: { province: ProvinceService; guard: Guard }) {
  const tags = ['province'];

  app.get(
    '/api/province/changes',
    {
      schema: {
        tags,
        summary: '省级平台增量拉取 Base data and cases of a county changed since a watermark, in GB/T 31000 fields',
        headers: S.PullHeaders,
        querystring: S.PullQuery,
        response: { 200: S.PullReply, ...errorReplies },
      },
    },
    async (request) => province.pull(request.headers['x-api-key'], request.query as { county: string; since?: string; limit?: number }),
  );

  app.get(
    '/api/province/receivers',
    {
      schema: {
        tags,
        summary: '接收方 The live province-exchange keys of your counties and what each receiver gets of sensitive fields',
        response: { 200: S.ReceiverList, ...errorReplies },
      },
      onRequest: guard('interfaces.keys'),
    },
    async (request) => ({ items: await province.receivers(request.actor) }),
  );

  app.put(
    '/api/province/receivers/:id/disclosure',
    {
      schema: {
        tags,
        summary: '接收方披露级别 What an exchange key’s receiver gets of ID numbers, phones and tags: masked or sealed for it',
        params: S.ReceiverParams,
        body: S.DisclosureBody,
        response: { 200: S.DisclosureReply, ...errorReplies },
      },
      onRequest: guard('interfaces.keys'),
    },
    async (request) =>
      province.setDisclosure(
        request.actor,
        (request.params as { id: string }).id,
        (request.body as { disclosure: ProvinceDisclosure }).disclosure,
      ),
  );
}
