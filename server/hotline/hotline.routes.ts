import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './hotline.schemas.ts';
import type { HotlineService, OrderInput } from './hotline.service.ts';

/** The hotline platform's endpoint (docs/integrations/hotline.md): no session, an API key for the hotline interface. */
export function hotlineRoutes(app: Http, { hotline }: { hotline: HotlineService }) {
  app.post(
    '/api/hotline/orders',
    {
      schema: {
        tags: ['hotline'],
        summary:
          '12345 工单推送 The hotline pushes a work order: it becomes a hotline case, once per order number; one with an address and no point waits to be placed (待定位)',
        headers: S.OrderHeaders,
        body: S.OrderBody,
        response: { 200: S.OrderReceipt, 202: S.OrderReceipt, ...errorReplies },
      },
    },
    async (request, reply) => {
      const receipt = await hotline.receive(request.headers['x-api-key'], request.body as OrderInput);
      // Waiting to be placed is accepted, not yet a case.
      return reply.status(receipt.eventId ? 200 : 202).send(receipt);
    },
  );
}
