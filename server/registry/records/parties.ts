import type { Tx } from '../../platform/db.ts';
import type { Scope } from '../../platform/scope.ts';
import { organisationsInScope } from '../organisations/organisations.store.ts';
import { peopleInScope } from './records.store.ts';

/** What another record (a dispute's party) shows of a person or an organisation on record: names, identifiers masked. */
export interface PartyOnRecord {
  kind: 'person' | 'organisation';
  key: string;
  name: string;
  /** The ID number (or passport) masked, or the credit code (not sensitive). */
  identifier: string;
  phone: string | null;
  gridCode: string;
}

const personKey = (id: string) => `person:${id}`;
const orgKey = (code: string) => `organisation:${code}`;

/**
 * Collect once: the people and organisations a form names, read from their records within the caller's
 * jurisdiction (filtered in SQL), keyed `person:<id>` / `organisation:<credit code>`. A key not on record or
 * outside the scope is absent from the map: the caller refuses it.
 */
export async function partiesOnRecord(
  tx: Tx,
  scope: Scope,
  refs: { personIds: string[]; creditCodes: string[] },
): Promise<Map<string, PartyOnRecord>> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [people, orgs] = await Promise.all([
    peopleInScope(
      tx,
      scope,
      refs.personIds.filter((id) => uuid.test(id)),
    ),
    organisationsInScope(tx, scope, refs.creditCodes),
  ]);
  return new Map<string, PartyOnRecord>([
    ...people.map(
      (p) =>
        [
          personKey(p.id),
          { kind: 'person', key: p.id, name: p.name, identifier: p.idNumberMasked, phone: p.phoneMasked, gridCode: p.gridCode },
        ] as const,
    ),
    ...orgs.map(
      (o) =>
        [
          orgKey(o.creditCode),
          {
            kind: 'organisation',
            key: o.creditCode,
            name: o.name,
            identifier: o.creditCode,
            phone: o.safetyPhoneMasked,
            gridCode: o.gridCode,
          },
        ] as const,
    ),
  ]);
}

export const partyKey = (kind: 'person' | 'organisation', key: string) => (kind === 'person' ? personKey(key) : orgKey(key));
