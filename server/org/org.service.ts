import { countyOf } from '../../shared/codes.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { gridsInScope, nodeNames } from '../territory/index.ts';
import * as store from './org.store.ts';

/** A department's staff accounts (access/ keeps them; app.ts passes them in, so org needs no access). */
export type StaffOf = (departmentCode: string) => Promise<{ id: string; username: string; displayName: string }[]>;
/** How many staff accounts each department has (access/ counts them, handed in by app.ts likewise). */
export type StaffCounts = (departmentCodes: string[]) => Promise<Map<string, number>>;

export function createOrgService({
  db,
  clock,
  staffOf,
  staffCounts,
}: {
  db: Db;
  clock: Clock;
  staffOf: StaffOf;
  staffCounts: StaffCounts;
}) {
  async function gridExists(actor: Actor, gridCode: string) {
    return (await gridsInScope(db, actor.scope, [gridCode])).has(gridCode);
  }

  async function mustGet(actor: Actor, code: string) {
    const dept = await store.getDepartment(db, actor.scope, code);
    if (!dept) throw new AppError('org.department_not_found');
    return dept;
  }

  return {
    async find(actor: Actor) {
      const departments = await store.listDepartments(db, actor.scope);
      const staff = await staffCounts(departments.map((d) => d.code));
      return departments.map((d) => ({ ...d, staffCount: staff.get(d.code) ?? 0 }));
    },

    async get(actor: Actor, code: string) {
      const dept = await mustGet(actor, code);
      const [gridCodes, staff] = await Promise.all([store.claimedGrids(db, actor.scope, code), staffOf(code)]);
      const names = await nodeNames(db, gridCodes);
      const claims = gridCodes.filter((g) => names.has(g)).map((gridCode) => ({ gridCode, gridName: names.get(gridCode)!.name }));
      return { ...dept, claims, staff };
    },

    async create(actor: Actor, input: { code: string; name: string; areaCode: string }) {
      if (!codeInScope(input.areaCode, actor.scope)) {
        throw new AppError('request.invalid', [{ field: 'body.areaCode', reason: 'out_of_jurisdiction' }]);
      }
      if (await store.departmentExists(db, input.code))
        throw new AppError('org.department_exists', [{ field: 'body.code', reason: 'taken' }]);
      await db.transaction(async (tx) => {
        await store.insertDepartment(tx, input);
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'department.created', target: input.code, detail: input });
      });
      return this.get(actor, input.code);
    },

    /** 认领网格: the grid must be in the caller's jurisdiction. */
    async claim(actor: Actor, code: string, gridCode: string) {
      await mustGet(actor, code);
      if (!(await gridExists(actor, gridCode)))
        throw new AppError('territory.grid_not_found', [{ field: 'body.gridCode', reason: 'not_found' }]);
      await db.transaction(async (tx) => {
        await store.insertClaim(tx, { countyCode: countyOf(gridCode), gridCode, departmentCode: code, claimedAt: clock() });
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'department.grid_claimed', target: code, detail: { gridCode } });
      });
      return this.get(actor, code);
    },

    async release(actor: Actor, code: string, gridCode: string) {
      await mustGet(actor, code);
      if (!(await gridExists(actor, gridCode))) throw new AppError('territory.grid_not_found');
      await db.transaction(async (tx) => {
        await store.removeClaim(tx, code, gridCode);
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'department.grid_released', target: code, detail: { gridCode } });
      });
      return this.get(actor, code);
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
