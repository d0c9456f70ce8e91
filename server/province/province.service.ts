/**
 * Exchange with the province platform (docs/integrations/province.md): base data and cases changed since a
 * watermark, by county, in GB/T 31000 field names — pulled with an API key issued for the `province` interface, or
 * written to a file by `gezhi province export`. Sensitive fields leave masked, or sealed for a receiver the security
 * administrator allowed; every pull and export is audited.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KeyInterface, ProvinceDisclosure } from '../../shared/enums.ts';
import { maskPhone } from '../../shared/masking.ts';
import { casesChanged, casesForExchange } from '../events/index.ts';
import type { KeyHolder } from '../open311/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { finishedBelow } from '../platform/txid.ts';
import { housesForExchange, organisationsForExchange, peopleForExchange, recordsChanged } from '../registry/index.ts';
import {
  caseRecord,
  type Disclosure,
  deletedRecord,
  type ExchangeRecord,
  formatWatermark,
  houseRecord,
  organisationRecord,
  PARTS,
  type Part,
  type Position,
  parseWatermark,
  personRecord,
  planPage,
  START,
} from './province.core.ts';
import * as store from './province.store.ts';
import { receiverSeal } from './province-seal.ts';

/** Records one pull answers at most, and when the receiver does not say. */
export const PULL_MAX = 1000;
export const PULL_DEFAULT = 500;

/** The keys the security administrator sees: to check a receiver is theirs and issued for the exchange. */
export type KeysInScope = (actor: Actor) => Promise<{ id: string; interfaces: KeyInterface[]; revokedAt: Date | null }[]>;

export interface Batch {
  county: string;
  since: string | null;
  watermark: string;
  more: boolean;
  disclosure: ProvinceDisclosure;
  records: ExchangeRecord[];
}

export function createProvinceService({
  db,
  clock,
  keyHolder,
  keysInScope,
  fieldCrypto,
}: {
  db: Db;
  clock: Clock;
  keyHolder: KeyHolder;
  keysInScope: KeysInScope;
  fieldCrypto: FieldCrypto;
}) {
  function disclosure(mode: ProvinceDisclosure, apiKey: string | null): Disclosure {
    if (mode === 'sealed' && apiKey) {
      const seal = receiverSeal(apiKey);
      return {
        mode,
        value: (sealed) => (sealed ? seal.encrypt(fieldCrypto.decrypt(sealed)) : null),
        tags: (tags) => seal.encrypt(JSON.stringify(tags)),
      };
    }
    return {
      mode: 'masked',
      value: (sealed, masked) => {
        if (!sealed) return null;
        return typeof masked === 'function' ? masked(fieldCrypto.decrypt(sealed)) : masked;
      },
      tags: () => null,
    };
  }

  async function load(county: string, part: Part, keys: string[], d: Disclosure): Promise<ExchangeRecord[]> {
    const found = new Map<string, ExchangeRecord>();
    if (part === 'person') for (const p of await peopleForExchange(db, county, keys)) found.set(p.id, personRecord(p, d));
    if (part === 'house') for (const h of await housesForExchange(db, county, keys)) found.set(h.code, houseRecord(h, d));
    if (part === 'organisation')
      for (const o of await organisationsForExchange(db, county, keys)) found.set(o.creditCode, organisationRecord(o, d));
    if (part === 'case')
      for (const c of await casesForExchange(db, county, keys))
        found.set(c.row.id, caseRecord({ ...c.row, itemName: c.itemName, steps: c.steps }, d, maskPhone));
    return keys.map((k) => found.get(k) ?? deletedRecord(part, k));
  }

  /** Where a watermark says to go on from, up to the transactions finished now; or the error naming it. */
  async function positionOf(since: string | undefined): Promise<Position & { to: number }> {
    const horizon = await finishedBelow(db);
    const at = since === undefined ? START : parseWatermark(since, horizon);
    if (typeof at === 'string')
      throw new AppError('province.watermark_invalid', [{ field: 'querystring.since', reason: at, value: since }]);
    return { ...at, to: at.to ?? Math.max(at.from, horizon) };
  }

  /** One page of the county's changes from a position, as the receiver may have them. */
  async function page(county: string, at: Position & { to: number }, limit: number, d: Disclosure) {
    const range = { countyCode: county, from: at.from, to: at.to };
    const { taken, next } = await planPage(at, limit, (part, offset, n) =>
      part === 'case' ? casesChanged(db, range, { offset, limit: n }) : recordsChanged(db, part, range, { offset, limit: n }),
    );
    const records: ExchangeRecord[] = [];
    for (const t of taken) records.push(...(await load(county, t.part, t.keys, d)));
    return { records, next };
  }

  const counts = (records: ExchangeRecord[]) => Object.fromEntries(PARTS.map((p) => [p, records.filter((r) => r.kind === p).length]));

  return {
    /**
     * A pull by the province platform: the key must be live and issued for the exchange, the county its own. Nothing
     * is written but the audit row (and the key's last use).
     */
    async pull(apiKey: string | undefined, q: { county: string; since?: string; limit?: number }): Promise<Batch> {
      const client = apiKey ? await keyHolder(apiKey, 'province') : null;
      if (!client) throw new AppError('province.key_invalid', [{ field: 'headers.x-api-key', reason: apiKey ? 'invalid' : 'missing' }]);
      if (q.county !== client.countyCode)
        throw new AppError('province.county_refused', [{ field: 'querystring.county', reason: 'not_the_keys_county', value: q.county }]);
      const at = await positionOf(q.since);
      const mode = await store.disclosureOf(db, client.id);
      const { records, next } = await page(client.countyCode, at, q.limit ?? PULL_DEFAULT, disclosure(mode, apiKey!));
      const watermark = formatWatermark(next);
      await recordAudit(db, {
        at: clock(),
        actorId: null,
        action: 'province.pulled',
        target: client.id,
        detail: {
          client: client.name,
          county: client.countyCode,
          since: q.since ?? null,
          watermark,
          disclosure: mode,
          counts: counts(records),
        },
      });
      return { county: client.countyCode, since: q.since ?? null, watermark, more: next.to !== null, disclosure: mode, records };
    },

    /**
     * `gezhi province export`: every change of the county since the watermark, written to a JSON-lines file (one
     * record a line, then a last line with the watermark to go on from). Masked, unless `sealedFor` is a live
     * exchange key of that county whose receiver may have sealed values: then sealed for it.
     */
    async exportFile(opts: { county: string; since?: string; file: string; sealedFor?: string }) {
      let mode: ProvinceDisclosure = 'masked';
      if (opts.sealedFor) {
        const client = await keyHolder(opts.sealedFor, 'province');
        if (!client) throw new AppError('province.key_invalid', [{ field: '--sealed-for', reason: 'invalid' }]);
        if (client.countyCode !== opts.county)
          throw new AppError('province.county_refused', [{ field: '--county', reason: 'not_the_keys_county', value: opts.county }]);
        mode = await store.disclosureOf(db, client.id);
      }
      let at = await positionOf(opts.since);
      const d = disclosure(mode, opts.sealedFor ?? null);
      const all: Record<string, number> = Object.fromEntries(PARTS.map((p) => [p, 0]));
      fs.mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
      const out = fs.openSync(opts.file, 'w');
      let watermark: string;
      try {
        for (;;) {
          const { records, next } = await page(opts.county, at, PULL_MAX, d);
          if (records.length) fs.writeSync(out, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
          for (const r of records) all[r.kind]++;
          if (next.to === null) {
            watermark = formatWatermark(next);
            break;
          }
          at = { ...next, to: next.to };
        }
        fs.writeSync(
          out,
          `${JSON.stringify({ kind: 'watermark', county: opts.county, since: opts.since ?? null, watermark, disclosure: mode, counts: all })}\n`,
        );
      } finally {
        fs.closeSync(out);
      }
      await recordAudit(db, {
        at: clock(),
        actorId: null,
        action: 'province.exported',
        target: opts.county,
        detail: {
          county: opts.county,
          since: opts.since ?? null,
          watermark,
          disclosure: mode,
          counts: all,
          file: path.basename(opts.file),
        },
      });
      return { file: opts.file, watermark, disclosure: mode, counts: all };
    },

    /** The live exchange keys of the administrator's counties and what each receiver gets of sensitive fields. */
    async receivers(actor: Actor) {
      const live = (await keysInScope(actor)).filter((k) => !k.revokedAt && k.interfaces.includes('province'));
      const set = await store.disclosuresOf(
        db,
        live.map((k) => k.id),
      );
      return live.map((k) => ({
        clientId: k.id,
        disclosure: (set.get(k.id)?.disclosure as ProvinceDisclosure | undefined) ?? 'masked',
        updatedAt: set.get(k.id)?.updatedAt ?? null,
      }));
    },

    /** The security administrator's choice for one exchange key: masked (the default) or sealed for it. */
    async setDisclosure(actor: Actor, clientId: string, mode: ProvinceDisclosure) {
      const key = (await keysInScope(actor)).find((k) => k.id === clientId);
      if (!key || key.revokedAt || !key.interfaces.includes('province'))
        throw new AppError('province.receiver_not_found', [{ field: 'params.id', reason: 'not_found', value: clientId }]);
      const now = clock();
      await db.transaction(async (tx) => {
        const before = await store.disclosureOf(tx, clientId);
        await store.setDisclosure(tx, { clientId, disclosure: mode, updatedAt: now, updatedBy: actor.id });
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'province.disclosure_set',
          target: clientId,
          detail: { from: before, to: mode },
        });
      });
      return { clientId, disclosure: mode, updatedAt: now };
    },
  };
}

export type ProvinceService = ReturnType<typeof createProvinceService>;
