import { departmentsByCode } from '../../org/index.ts';
import type { Tx } from '../../platform/db.ts';
import { areaNames } from '../../territory/index.ts';

/** Names of units by code, whether area nodes or departments (a case's lead unit, an order's unit). */
export async function unitNames(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const [areas, departments] = await Promise.all([areaNames(tx, codes), departmentsByCode(tx, codes)]);
  return new Map([...areas.map((a) => [a.code, a.name] as const), ...[...departments].map(([code, d]) => [code, d.name] as const)]);
}
