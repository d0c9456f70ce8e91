/**
 * 人民调解协议书: the agreement of a resolved dispute printed as a PDF in an embedded Chinese font, read back with
 * pdftotext and rendered with pdftoppm (poppler-utils) — the parties masked, the terms, the mediator, the committee.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { createPdfRenderer } from '../platform/pdf.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Detail {
  id: string;
  version: number;
}

let t: TestApp;
let county: Request;
let village: Request;
let worker: Request;
let farWorker: Request;
const GRID = FIXTURE.grids[0];
const wang = makeIdNumber('420923', '1960-03-14', 301, 'male');
const li = makeIdNumber('420923', '1966-07-02', 302, 'female');
const person: Record<string, string> = {};
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-agreement-'));

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  village = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
  worker = (await t.as(['grid_worker'], [GRID])).request;
  farWorker = (await t.as(['grid_worker'], [FIXTURE.grids[4]])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['A-1', '朝阳路 1 号', GRID, '住宅', '否'],
      ['A-2', '朝阳路 2 号', GRID, '住宅', '否'],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      [wang, '王德顺', '汉族', '户籍人口', 'A-1', '13872001234', '户主'],
      [li, '李桂英', '汉族', '户籍人口', 'A-2', '', '户主'],
    ]),
  );
  for (const r of await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`)) person[r.name] = r.id;
}, 60_000);
afterAll(() => t.close());

const step = async (request: Request, id: string, payload: object) => {
  const res = await request({ method: 'POST', url: `/api/disputes/${id}/steps`, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
};
const agreement = (request: Request, id: string) => request({ method: 'GET', url: `/api/disputes/${id}/agreement.pdf` });

async function recorded() {
  const res = await worker({
    method: 'POST',
    url: '/api/disputes',
    payload: {
      title: '王某与李某宅基地界址纠纷',
      typeCode: '0902',
      occurredOn: '2026-11-01',
      place: '朝阳路 1 号与 2 号之间',
      gridCode: GRID,
      peopleInvolved: 2,
      riskLevel: 'medium',
      summary: '因宅基地界址发生争执',
      parties: [
        { kind: 'person', key: person.王德顺, claim: '要求恢复原界址' },
        { kind: 'person', key: person.李桂英, claim: '要求对方拆除围墙' },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}

describe('the mediation agreement as a PDF', () => {
  it('prints the parties masked, the claims, the terms, the mediator and the committee, in Chinese; each print audited', async () => {
    let d = await recorded();
    d = await step(worker, d.id, { version: d.version, step: 'escalate', reason: '网格调解未果' });
    d = await step(village, d.id, { version: d.version, step: 'accept' });
    d = await step(village, d.id, {
      version: d.version,
      step: 'session',
      heldOn: '2026-11-03',
      mediator: '陈调解',
      present: [1, 2],
      result: 'agreed',
    });
    d = await step(village, d.id, {
      version: d.version,
      step: 'resolve',
      agreement: '双方以原界桩为界，围墙后移 0.5 米，费用各半',
      followUpOn: '2026-11-20',
    });

    const res = await agreement(village, d.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(out, 'agreement.pdf');
    fs.writeFileSync(file, res.rawPayload);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const words of [
      '人民调解协议书',
      '王德顺',
      '李桂英',
      '要求恢复原界址',
      '双方以原界桩为界',
      '陈调解',
      '村1人民调解委员会',
      '2026-11-20',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain(wang);
    expect(text).not.toContain('13872001234');
    expect(text).toContain('138****1234');
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/NotoSansCJK.*yes\s+yes/); // embedded, subset

    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(out, 'page')]);
    const png = fs.readFileSync(path.join(out, 'page-1.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    fs.mkdirSync('artifacts', { recursive: true });
    fs.copyFileSync(path.join(out, 'page-1.png'), 'artifacts/agreement-page-1.png');

    const audited = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'dispute.agreement_printed' and target = ${`dispute:${d.id}`}`,
    );
    expect(audited[0].n).toBe(1);
  });

  it('refuses a dispute with no agreement yet, and is not there outside the jurisdiction', async () => {
    const d = await recorded();
    const early = await agreement(worker, d.id);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'dispute.no_agreement', details: [{ field: 'id', reason: 'status_mediating' }] });
    expect((await agreement(farWorker, d.id)).statusCode).toBe(404);
  });

  it('without its font the server says which file it lacks, instead of a broken PDF', async () => {
    const missing = createPdfRenderer({ regular: '/nonexistent/font.ttc', bold: '/nonexistent/font.ttc' });
    const error = await missing.render({ content: ['x'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'pdf.font_missing', details: [{ field: 'GEZHI_PDF_FONT', value: '/nonexistent/font.ttc' }] });
  });
});
