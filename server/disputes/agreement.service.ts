import type { DisputeTier } from '../../shared/disputes.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PdfRenderer } from '../platform/pdf.ts';
import { agreementDocument } from './agreement-pdf.ts';
import type { DisputesService } from './disputes.service.ts';

type Detail = Awaited<ReturnType<DisputesService['get']>>;

/** The facts an agreement prints, from the dispute as its reader may see it (parties masked). */
function agreementFacts(d: Detail): Parameters<typeof agreementDocument>[0] {
  if (d.status !== 'resolved' || !d.agreement)
    throw new AppError('dispute.no_agreement', [{ field: 'id', reason: `status_${d.status}`, value: d.id }]);
  const resolved = [...d.history].reverse().find((h) => (h.after as { status?: string } | null)?.status === 'resolved');
  const sessions = d.sessions.filter((s) => s.tier === d.tier);
  return {
    id: d.id,
    title: d.title,
    place: d.place,
    occurredOn: d.occurredOn,
    summary: d.summary,
    tier: d.tier as DisputeTier,
    ownerName: d.ownerName,
    agreement: d.agreement,
    followUpOn: d.followUpOn,
    resolvedAt: new Date(resolved?.at ?? d.reportedAt),
    mediator: sessions.at(-1)?.mediator ?? null,
    parties: d.parties.map((p) => ({ ...p, kind: p.kind as 'person' | 'organisation' })),
  };
}

/** 人民调解协议书 of a resolved dispute as a PDF, read as its reader may see the dispute; each print audited. */
export function createAgreementPrinter({
  disputes,
  pdf,
  db,
  clock,
}: {
  disputes: DisputesService;
  pdf: PdfRenderer;
  db: Db;
  clock: Clock;
}) {
  return {
    async print(actor: Actor, id: string) {
      const facts = agreementFacts(await disputes.get(actor, id));
      const file = await pdf.render(agreementDocument(facts));
      await recordAudit(db, {
        at: clock(),
        actorId: actor.id,
        action: 'dispute.agreement_printed',
        target: `dispute:${id}`,
        detail: { bytes: file.length },
      });
      return file;
    },
  };
}

export type AgreementPrinter = ReturnType<typeof createAgreementPrinter>;
