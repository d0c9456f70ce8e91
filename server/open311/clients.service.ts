/**
 * The console's side of Open311: the system administrator issues, rotates and revokes the clients' API keys (each
 * bound to one county, stored as a keyed hash, the key shown once), and the county centre places on the map the
 * requests a client located only by an address, or refuses them. Every change is audited in its transaction.
 */

import type { KeyInterface } from '../../shared/enums.ts';
import { userNames } from '../access/index.ts';
import type { ChannelIntake } from '../events/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { codeInScope } from '../platform/scope.ts';
import { areaNames } from '../territory/index.ts';
import { caseDescription, keyHint, looksLikeKey, newApiKey, requestIdOf } from './open311.core.ts';
import * as store from './open311.store.ts';

export interface IssueInput {
  name: string;
  countyCode: string;
  /** open311 when left out. */
  interfaces?: KeyInterface[];
}

/** Pending requests one list shows at most. */
const PENDING_MAX = 200;

export function createClientsService({
  db,
  clock,
  channels,
  fieldCrypto,
}: {
  db: Db;
  clock: Clock;
  channels: ChannelIntake;
  fieldCrypto: FieldCrypto;
}) {
  async function view(rows: store.ClientRow[]) {
    const [users, counties] = await Promise.all([
      userNames(
        db,
        rows.flatMap((r) => [r.createdBy, ...(r.revokedBy ? [r.revokedBy] : [])]),
      ),
      areaNames(db, [...new Set(rows.map((r) => r.countyCode))]),
    ]);
    const countyName = new Map(counties.map((c) => [c.code, c.name]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      jurisdiction: { code: r.countyCode, name: countyName.get(r.countyCode) ?? r.countyCode },
      keyHint: r.keyHint,
      createdAt: r.createdAt,
      createdBy: users.get(r.createdBy) ?? null,
      revokedAt: r.revokedAt,
      revokedBy: r.revokedBy ? (users.get(r.revokedBy) ?? null) : null,
      rotatedFrom: r.rotatedFrom,
      lastUsedAt: r.lastUsedAt,
      interfaces: r.interfaces as KeyInterface[],
    }));
  }

  async function mustGet(actor: Actor, id: string, lock = false, tx: Tx = db) {
    const row = await store.getClient(tx, actor.scope, id, lock);
    if (!row) throw new AppError('open311.client_not_found', [{ field: 'params.id', reason: 'not_found', value: id }]);
    return row;
  }

  /** A new key in one transaction with its audit row; the key itself only in the reply. */
  async function issue(
    tx: Tx,
    actor: Actor,
    input: { name: string; countyCode: string; interfaces: KeyInterface[]; rotatedFrom?: string },
  ) {
    const key = newApiKey();
    const row = await store.insertClient(tx, {
      countyCode: input.countyCode,
      name: input.name,
      keyHash: fieldCrypto.searchHash(key),
      keyHint: keyHint(key),
      createdAt: clock(),
      createdBy: actor.id,
      rotatedFrom: input.rotatedFrom ?? null,
      interfaces: [...new Set(input.interfaces)],
    });
    await recordAudit(tx, {
      at: clock(),
      actorId: actor.id,
      action: input.rotatedFrom ? 'open311.key_rotated' : 'open311.key_issued',
      target: row.id,
      detail: {
        name: row.name,
        county: row.countyCode,
        keyHint: row.keyHint,
        interfaces: row.interfaces,
        ...(input.rotatedFrom ? { replaces: input.rotatedFrom } : {}),
      },
    });
    return { row, key };
  }

  return {
    /**
     * Who holds this key, if it is live and may be used on `on` (another interface reuses Open311's keys: the hotline's
     * push); its last use is noted. Null for a key never issued, revoked, or not for that interface.
     */
    async holder(key: string, on: KeyInterface) {
      const row = looksLikeKey(key) ? await store.clientByKeyHash(db, fieldCrypto.searchHash(key)) : undefined;
      if (!row || row.revokedAt || !row.interfaces.includes(on)) return null;
      await store.touchClient(db, row.id, clock());
      return { id: row.id, name: row.name, countyCode: row.countyCode };
    },

    async find(actor: Actor) {
      return view(await store.listClients(db, actor.scope));
    },

    /** A key for a client and a county of the administrator's jurisdiction. */
    async issue(actor: Actor, input: IssueInput) {
      const county = (await areaNames(db, [input.countyCode])).find((a) => a.level === 'county');
      if (!county || !codeInScope(county.code, actor.scope))
        throw new AppError('open311.jurisdiction_invalid', [
          { field: 'body.countyCode', reason: 'not_a_county_in_scope', value: input.countyCode },
        ]);
      const { row, key } = await db.transaction((tx) =>
        issue(tx, actor, { name: input.name.trim(), countyCode: county.code, interfaces: input.interfaces ?? ['open311'] }),
      );
      return { ...(await view([row]))[0], apiKey: key };
    },

    /** A new key for the same client and county; the old one stops working in the same transaction. */
    async rotate(actor: Actor, id: string) {
      const { row, key } = await db.transaction(async (tx) => {
        const old = await mustGet(actor, id, true, tx);
        if (old.revokedAt) throw new AppError('open311.client_revoked', [{ field: 'params.id', reason: 'revoked', value: id }]);
        await store.revokeClient(tx, old.id, actor.id, clock());
        return issue(tx, actor, {
          name: old.name,
          countyCode: old.countyCode,
          interfaces: old.interfaces as KeyInterface[],
          rotatedFrom: old.id,
        });
      });
      return { ...(await view([row]))[0], apiKey: key };
    },

    async revoke(actor: Actor, id: string) {
      const row = await db.transaction(async (tx) => {
        const current = await mustGet(actor, id, true, tx);
        const revoked = await store.revokeClient(tx, current.id, actor.id, clock());
        if (!revoked) throw new AppError('open311.client_revoked', [{ field: 'params.id', reason: 'revoked', value: id }]);
        await recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: 'open311.key_revoked',
          target: revoked.id,
          detail: { name: revoked.name, county: revoked.countyCode, keyHint: revoked.keyHint },
        });
        return revoked;
      });
      return (await view([row]))[0];
    },

    // ── requests located by an address only: placed on the map by the county centre ──

    async pending(actor: Actor) {
      const rows = await store.pendingRequests(db, actor.scope, PENDING_MAX);
      const services = new Map((await channels.services()).map((s) => [s.code, s.name]));
      const clients = new Map((await store.listClients(db, actor.scope)).map((c) => [c.id, c.name]));
      return rows.map((r) => ({
        token: r.token,
        countyCode: r.countyCode,
        client: clients.get(r.clientId) ?? null,
        serviceCode: r.serviceCode,
        serviceName: services.get(r.serviceCode) ?? null,
        description: r.description,
        addressString: r.addressString,
        addressId: r.addressId,
        mediaUrl: r.mediaUrl,
        requestedAt: r.requestedAt,
      }));
    },

    /** Files a waiting request at the point the centre picked (the item may be corrected): the token resolves. */
    async place(actor: Actor, token: string, input: { lng: number; lat: number; itemCode?: string }) {
      const row = await store.requestByToken(db, token.slice(0, 6), token);
      if (!row || !codeInScope(row.countyCode, actor.scope))
        throw new AppError('open311.submission_not_found', [{ field: 'params.token', reason: 'not_found', value: token }]);
      if (row.status !== 'pending') throw new AppError('open311.submission_done', [{ field: 'params.token', reason: row.status }]);
      const client = await store.getClient(db, actor.scope, row.clientId);
      const itemCode = input.itemCode ?? row.serviceCode;
      // The same key as the request's: a second placement, or a retried one, finds the case the first filed.
      const filed = await channels.report({
        channel: 'open311',
        countyCode: row.countyCode,
        itemCode,
        lng: input.lng,
        lat: input.lat,
        description: caseDescription({
          description: row.description,
          addressString: row.addressString,
          addressId: row.addressId,
          mediaUrl: row.mediaUrl,
          clientName: client?.name ?? '',
          placedBy: actor.displayName,
        }),
        phone: row.phoneSealed ? fieldCrypto.decrypt(row.phoneSealed) : undefined,
        reporterName: row.reporterName ?? undefined,
        deviceId: row.deviceIdSealed ? fieldCrypto.decrypt(row.deviceIdSealed) : undefined,
        facilityCode: row.facilityCode ?? undefined,
        idempotencyKey: row.idempotencyKey,
      });
      const now = clock();
      await db.transaction(async (tx) => {
        const decided = await store.decideRequest(tx, row, {
          status: 'filed',
          decidedAt: now,
          decidedBy: actor.id,
          eventId: filed.id,
          caseNo: filed.caseNo,
          lng: input.lng,
          lat: input.lat,
          serviceCode: itemCode,
        });
        if (decided)
          await recordAudit(tx, {
            at: now,
            actorId: actor.id,
            action: 'open311.request_placed',
            target: filed.id,
            detail: { token, caseNo: filed.caseNo, county: row.countyCode },
          });
      });
      return { token, eventId: filed.id, caseNo: filed.caseNo, serviceRequestId: requestIdOf(filed.countyCode, filed.caseNo) };
    },

    /** Refuses a waiting request with the reason its client will read on the token. */
    async refuse(actor: Actor, token: string, reason: string) {
      const row = await store.requestByToken(db, token.slice(0, 6), token);
      if (!row || !codeInScope(row.countyCode, actor.scope))
        throw new AppError('open311.submission_not_found', [{ field: 'params.token', reason: 'not_found', value: token }]);
      const now = clock();
      await db.transaction(async (tx) => {
        const decided = await store.decideRequest(tx, row, {
          status: 'refused',
          decidedAt: now,
          decidedBy: actor.id,
          refusedReason: reason.trim(),
        });
        if (!decided) throw new AppError('open311.submission_done', [{ field: 'params.token', reason: row.status }]);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'open311.request_refused',
          target: token,
          detail: { reason: reason.trim(), county: row.countyCode },
        });
      });
      return { token, status: 'refused' as const };
    },
  };
}

export type ClientsService = ReturnType<typeof createClientsService>;
