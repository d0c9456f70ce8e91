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
  /** The village or township the platform routed an address-only order to (its 待定位 queue). */
  areaCode?: string;
  lng?: number;
  lat?: number;
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
      if ((input.lng === undefined) !== (input.lat === undefined))
        throw new AppError('request.invalid', [{ field: input.lng === undefined ? 'body.lng' : 'body.lat', reason: 'point_incomplete' }]);
      const description = orderDescription({ ...input, deadlineAsked: input.deadlineAsked ? new Date(input.deadlineAsked) : undefined });
      const urgency = input.urgency ?? 'normal';
      if (input.lng === undefined || input.lat === undefined) {
        // An address and no point: the order waits to be placed (待定位) instead of being refused.
        if (!input.address) throw new AppError('request.invalid', [{ field: 'body.address', reason: 'point_or_address_required' }]);
        const call = await channels.toLocate({
          channel: 'hotline',
          countyCode: client.countyCode,
          areaCode: input.areaCode,
          address: input.address,
          itemCode: input.itemCode,
          description,
          source: 'hotline',
          urgency,
          reporterName: input.callerName,
          phone: input.phone,
          externalNo: input.orderNo,
          idempotencyKey: orderKey(input.orderNo),
        });
        await recordAudit(db, {
          at: clock(),
          actorId: null,
          action: 'hotline.order_received',
          target: call.eventId ?? call.id,
          detail: { orderNo: input.orderNo, caseNo: call.caseNo, toLocate: call.id, client: client.name, county: client.countyCode },
        });
        return {
          orderNo: input.orderNo,
          eventId: call.eventId,
          caseNo: call.caseNo,
          status: call.status === 'waiting' ? ('to_locate' as const) : ('located' as const),
          callId: call.id,
        };
      }
      const filed = await channels.report({
        channel: 'hotline',
        countyCode: client.countyCode,
        itemCode: input.itemCode,
        lng: input.lng,
        lat: input.lat,
        description,
        phone: input.phone,
        reporterName: input.callerName,
        idempotencyKey: orderKey(input.orderNo),
        hotline: { orderNo: input.orderNo, urgency },
      });
      await recordAudit(db, {
        at: clock(),
        actorId: null,
        action: 'hotline.order_received',
        target: filed.id,
        detail: { orderNo: input.orderNo, caseNo: filed.caseNo, client: client.name, county: client.countyCode },
      });
      return { orderNo: input.orderNo, eventId: filed.id, caseNo: filed.caseNo, status: filed.status, callId: null };
    },
  };
}

export type HotlineService = ReturnType<typeof createHotlineService>;
