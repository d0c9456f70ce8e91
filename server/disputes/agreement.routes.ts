import { Type } from '@sinclair/typebox';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { AgreementPrinter } from './agreement.service.ts';
import { DisputeId } from './disputes.schemas.ts';

/** 人民调解协议书 as a PDF: printed for the parties to sign, each print audited. */
export function agreementRoutes(app: Http, { agreements, guard }: { agreements: AgreementPrinter; guard: Guard }) {
  app.get(
    '/api/disputes/:id/agreement.pdf',
    {
      schema: {
        tags: ['disputes'],
        summary: '人民调解协议书 The written agreement of a resolved dispute, as a PDF for the parties to sign (parties masked; audited)',
        params: DisputeId,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errorReplies },
      },
      onRequest: guard('disputes.read'),
    },
    async (request, reply) => {
      const file = await agreements.print(request.actor, request.params.id);
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="agreement.pdf"').send(file);
    },
  );
}
