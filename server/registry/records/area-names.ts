/**
 * The names of a record's grid and village beside its grid code, read from territory on every reply so a
 * renamed grid shows its new name (朝阳社区第1网格 where the row keeps 420923100001001).
 */
import { Type } from '@sinclair/typebox';
import type { Tx } from '../../platform/db.ts';
import { Nullable } from '../../platform/schemas.ts';
import { nodeNames } from '../../territory/index.ts';

export interface AreaNames {
  gridName: string | null;
  villageName: string | null;
}

/** The reply fields, for every record schema that carries a grid code. */
export const AreaNameFields = {
  gridName: Nullable(Type.String({ description: '网格名称 Name of the grid', example: '朝阳社区第1网格' })),
  villageName: Nullable(Type.String({ description: '村(社区)名称 Village or community the grid lies in', example: '朝阳社区居委会' })),
};

/** A grid code's village: its first 12 digits. */
const villageOf = (gridCode: string) => gridCode.slice(0, 12);

/** The rows with the names of their grid and village, in one query for a page or an export. */
export async function withAreaNames<T extends { gridCode: string | null }>(tx: Tx, rows: T[]): Promise<(T & AreaNames)[]> {
  const grids = [...new Set(rows.flatMap((r) => (r.gridCode ? [r.gridCode, villageOf(r.gridCode)] : [])))];
  const names = await nodeNames(tx, grids);
  return rows.map((r) => ({
    ...r,
    gridName: r.gridCode ? (names.get(r.gridCode)?.name ?? null) : null,
    villageName: r.gridCode ? (names.get(villageOf(r.gridCode))?.name ?? null) : null,
  }));
}

export const withAreaName = async <T extends { gridCode: string | null }>(tx: Tx, row: T): Promise<T & AreaNames> =>
  (await withAreaNames(tx, [row]))[0];
