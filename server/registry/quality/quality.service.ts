import { levelOfCode, subtreePrefix } from '../../../shared/codes.ts';
import { idCheckDigitHolds } from '../../../shared/id-number.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import type { PageAsked } from '../../platform/paging.ts';
import type { Scope } from '../../platform/scope.ts';
import { childNodes, nodeNames } from '../../territory/index.ts';
import { withAreaNames } from '../records/area-names.ts';
import * as store from './quality.store.ts';

/**
 * ID numbers checked per request, and per minute by the server, among those never checked. The number is sealed,
 * so SQL cannot test its check digit; new writes set the flag, and older rows are decrypted here a bounded batch at a
 * time (a few milliseconds per thousand) instead of a million at once. The figures say how many are left.
 */
export const ID_CHECK_BATCH = 5_000;

/** The background pass is the system's, not a user's: every county. */
const EVERYWHERE: Scope = { prefixes: [''], ancestors: [] };

/** How many digits of a grid code name a child of a node: city → county, county → township, … village → grid. */
const CHILD_LENGTH = { city: 6, county: 9, township: 12, village: 15, grid: 15 } as const;

export function createQualityService({ db, clock, fieldCrypto }: { db: Db; clock: Clock; fieldCrypto: FieldCrypto }) {
  /** An area of the caller's, as a code prefix; anything else (above, beside, unknown) answers 404. */
  async function placeOf(actor: Actor, area: string) {
    const level = levelOfCode(area);
    const prefix = subtreePrefix(area);
    const name =
      level && actor.scope.prefixes.some((p) => prefix.startsWith(p)) ? ((await nodeNames(db, [area])).get(area)?.name ?? null) : null;
    if (!level || name === null) throw new AppError('territory.area_not_found');
    return { level, prefix, name };
  }

  /** Decides the flag for a batch of never-checked ID numbers under `prefix`; one that cannot be unsealed fails. */
  async function checkIdBatch(scope: Scope, prefix: string) {
    const rows = await store.uncheckedIds(db, scope, prefix, ID_CHECK_BATCH);
    if (rows.length === 0) return 0;
    const holds = (sealed: string) => {
      try {
        return idCheckDigitHolds(fieldCrypto.decrypt(sealed));
      } catch {
        return false;
      }
    };
    await db.transaction((tx) =>
      store.markIdChecks(
        tx,
        rows.map((r) => ({ countyCode: r.countyCode, id: r.id, ok: holds(r.idNumberEnc) })),
      ),
    );
    return rows.length;
  }

  return {
    /**
     * The server's background pass over the whole database, one batch per call (run every minute by `gezhi start`),
     * so the figures and the anomaly list converge without anyone opening them. Answers how many it checked.
     */
    checkIdBacklog: () => checkIdBatch(EVERYWHERE, ''),

    /** 数据质量: every figure per child node of an area of the caller's, and their sum. */
    async figures(actor: Actor, area: string, verifiedWithinDays: number) {
      const { level, prefix, name } = await placeOf(actor, area);
      await checkIdBatch(actor.scope, prefix);
      const since = new Date(clock().getTime() - verifiedWithinDays * 86_400_000);
      const childLength = CHILD_LENGTH[level];
      const [nodes, rows] = await Promise.all([
        childNodes(db, area, childLength === 15 ? 'grids' : 'areas'),
        store.childFigures(db, actor.scope, prefix, childLength, since),
      ]);
      const zero = () => Object.fromEntries(store.FIGURES.map((f) => [f, 0])) as Record<store.Figure, number>;
      const byChild = new Map<string, Record<store.Figure, number>>();
      const total = zero();
      for (const r of rows) {
        const f = byChild.get(r.child) ?? zero();
        const verified = store.VERIFIED[r.figure];
        for (const sum of [f, total]) {
          sum[r.figure as store.Figure] += r.n;
          if (verified) sum[verified] += r.verified;
        }
        byChild.set(r.child, f);
      }
      const children = nodes.map((n) => ({ ...n, ...(byChild.get(n.code) ?? zero()) }));
      return { area, name, level, verifiedWithinDays, total, children };
    },

    /** One page of one anomaly list under an area of the caller's. */
    async anomalies(actor: Actor, area: string, kind: store.AnomalyKind, page: PageAsked) {
      const { prefix } = await placeOf(actor, area);
      if (kind === 'idCheckDigitFails') await checkIdBatch(actor.scope, prefix);
      const found = await store.anomalies(db, actor.scope, prefix, kind, page.offset, page.limit);
      const grids = found.items.flatMap((i) => [...i.houses, ...i.people]);
      const named = await withAreaNames(db, grids);
      const gridNames = Object.fromEntries(named.flatMap((g) => (g.gridName ? [[g.gridCode, g.gridName]] : [])));
      return { kind, ...found, gridNames };
    },
  };
}

export type QualityService = ReturnType<typeof createQualityService>;
