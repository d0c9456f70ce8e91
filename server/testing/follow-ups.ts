import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../platform/db.ts';
import type { TestApp } from './harness.ts';
import { importFile } from './import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));

/** One account per key, of the role and at the node given: how each signs in, its id and its username. */
export async function followUpAccounts<K extends string>(t: TestApp, roles: Record<K, readonly [string, string]>) {
  const who = {} as Record<K, Request>;
  const ids = {} as Record<K, string>;
  const usernames = {} as Record<K, string>;
  for (const [key, [role, area]] of Object.entries(roles) as [K, readonly [string, string]][]) {
    const u = await t.as([role], [area]);
    who[key] = u.request;
    ids[key] = u.user.id;
    usernames[key] = u.user.username;
  }
  return { who, ids, usernames };
}

/**
 * The houses and people a follow-up test is about, imported by the county as its files arrive: houses as
 * [code, address, grid]; people as [ID number, name, house, special group, key-person tag] (tags by their Chinese
 * names, '' for none). Every row must be taken; answers each person's id by name.
 */
export async function importFollowedPeople(
  t: TestApp,
  county: Request,
  houses: [string, string, string][],
  people: [string, string, string, string, string][],
): Promise<Map<string, string>> {
  const h = await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ...houses.map(([code, address, grid]) => [code, address, grid, '住宅', '否']),
    ]),
  );
  expect([h.created, h.rejected]).toEqual([houses.length, 0]);
  const p = await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '特殊人群', '重点人员'],
      ...people.map(([id, name, house, group, tag]) => [id, name, '汉族', '户籍人口', house, group, tag]),
    ]),
  );
  expect([p.created, p.rejected]).toEqual([people.length, 0]);
  const rows = await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`);
  return new Map(rows.map((r) => [r.name, r.id]));
}
