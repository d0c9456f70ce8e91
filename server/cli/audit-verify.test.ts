/** `gezhi audit verify` on a database of its own: OK with the count, then the first broken link once a row is rewritten. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../platform/audit.ts';
import { queryRows } from '../platform/db.ts';
import { cliTestFolder } from './cli-test-folder.ts';

const { gezhi, withDatabase, ...folder } = cliTestFolder('audit-verify');

beforeAll(() =>
  folder.open(async (database) => {
    for (let i = 0; i < 25; i++) await recordAudit(database.db, { at: new Date(), actorId: null, action: 'test.entry', detail: { i } });
  }),
);
afterAll(() => folder.close());

describe('gezhi audit verify', () => {
  it('reports OK with the number of rows, and prints an anchor that a later run checks', async () => {
    const [{ n }] = await withDatabase((d) => queryRows<{ n: number }>(d.db, sql`select count(*)::int as n from audit_log`));
    const first = await gezhi('audit', 'verify', '--anchor');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`OK: ${n} rows chained and intact`);
    const anchor = /anchor: ([0-9]+:[0-9a-f]{64})/.exec(first.out)![1];
    const again = await gezhi('audit', 'verify', '--anchor', anchor);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`anchor ${anchor} holds`);
    const malformed = await gezhi('audit', 'verify', '--anchor', 'nope');
    expect(malformed.code).toBe(1);
    expect(malformed.out).toContain('anchor');
  });

  it('a row rewritten with the trigger disabled: exit 1, naming that row, the hash expected and the one found', async () => {
    const victim = await withDatabase(async (d) => {
      const [row] = await queryRows<{ id: string; hash: string }>(
        d.db,
        sql`select id, hash from audit_log where action = 'test.entry' and detail->>'i' = '12'`,
      );
      await d.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await d.db.execute(sql`update audit_log set detail = '{"i":13}'::jsonb where id = ${row.id}`);
      await d.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
      return row;
    });
    const res = await gezhi('audit', 'verify');
    expect(res.code).toBe(1);
    expect(res.out).toMatch(new RegExp(`BROKEN at row ${victim.id} \\(hash\\): expected [0-9a-f]{64}, found ${victim.hash}`));
  });
});
