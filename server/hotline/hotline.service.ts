/**
 * The 12345 hotline's push: a work order becomes a hotline case of the loop, once per order number. The key is an
 * Open311-style API key issued for the hotline interface; every call is audited.
 */
import type { HotlineNature, Urgency } from '../../shared/enums.ts';
import type { ChannelIntake } from '../events/index.ts';
import type { KeyHolder } from '../open311/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { orderDescription, orderKey } from './hotline.core.ts';

export interface OrderInput {
  orderNo: string;
  callerName?: string;
  phone?: string;
  nature: HotlineNature;
  urgency?: Urgency;
  itemCode: string;
  description: string;
  address?: string;
  lng: number;
  lat: number;
  deadlineAsked?: string;
}

export function createHotlineService({
  db,
  clock,
  channels,
  keyHolder,
}: {
  db: Db;
  clock: Clock;
  channels: ChannelIntake;
  keyHolder: KeyHolder;
}) {
  return {
    /** Files the order as a case in the key's county; the same order number again (or at once) answers that case. */
    async receive(apiKey: string | undefined, input: OrderInput) {
      const client = apiKey ? await keyHolder(apiKey, 'hotline') : null;
      if (!client) throw new AppError('hotline.key_invalid', [{ field: 'headers.x-api-key', reason: apiKey ? 'invalid' : 'missing' }]);
      const filed = await channels.report({
        channel: 'hotline',
        countyCode: client.countyCode,
        itemCode: input.itemCode,
        lng: input.lng,
        lat: input.lat,
        description: orderDescription({
          ...input,
          deadlineAsked: input.deadlineAsked ? new Date(input.deadlineAsked) : undefined,
        }),
        phone: input.phone,
        reporterName: input.callerName,
        idempotencyKey: orderKey(input.orderNo),
        hotline: { orderNo: input.orderNo, urgency: input.urgency ?? 'normal' },
      });
      await recordAudit(db, {
        at: clock(),
        actorId: null,
        action: 'hotline.order_received',
        target: filed.id,
        detail: { orderNo: input.orderNo, caseNo: filed.caseNo, client: client.name, county: client.countyCode },
      });
      return { orderNo: input.orderNo, eventId: filed.id, caseNo: filed.caseNo, status: filed.status };
    },
  };
}

export type HotlineService = ReturnType<typeof createHotlineService>;
