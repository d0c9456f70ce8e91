import type { Tx } from '../../platform/db.ts';
import { codeInScope, type Scope } from '../../platform/scope.ts';
import { changesOf } from '../records/records.store.ts';
import * as store from './places.store.ts';

export type GroupOnRecord =
  | {
      state: 'active';
      id: string;
      countyCode: string;
      name: string;
      gridCode: string;
      leadHouseCode: string | null;
      houses: { houseCode: string; address: string | null }[];
    }
  | { state: 'disbanded'; id: string; name: string; gridCode: string };

/**
 * A ten-household group as another area acts on it (fieldwork's alerts): the group in scope with its member houses,
 * or — once disbanded, when only its history is left — its name and grid from the history's last entry, so the caller
 * can say it was disbanded rather than never there. Undefined: unknown, or outside the caller's jurisdiction.
 */
export async function groupOnRecord(tx: Tx, scope: Scope, id: string): Promise<GroupOnRecord | undefined> {
  const g = await store.getGroup(tx, scope, id);
  if (g) {
    const members = await store.groupMembers(tx, g);
    return {
      state: 'active',
      id: g.id,
      countyCode: g.countyCode,
      name: g.name,
      gridCode: g.gridCode,
      leadHouseCode: g.leadHouseCode,
      houses: members.map((m) => ({ houseCode: m.houseCode, address: m.address })),
    };
  }
  const last = (await changesOf(tx, 'household_group', id)).at(-1);
  const was = last?.before as { name?: string; gridCode?: string } | null | undefined;
  if (!last || last.after !== null || !was?.gridCode || !codeInScope(was.gridCode, scope)) return undefined;
  return { state: 'disbanded', id, name: was.name ?? '', gridCode: was.gridCode };
}
