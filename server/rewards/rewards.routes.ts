import { PassThrough } from 'node:stream';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { EntryInput, LedgerService } from './ledger.service.ts';
import { writePayoutSheet } from './payout-sheet.ts';
import * as S from './rewards.schemas.ts';
import type { RuleInput, RulesService } from './rules.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 奖补: a county's reward rules, its monthly ledger (compute, enter, submit, approve) and the payout workbook. */
export function rewardsRoutes(app: Http, { rules, ledger, guard }: { rules: RulesService; ledger: LedgerService; guard: Guard }) {
  const tags = ['rewards'];
  const reply = (schema: object) => ({ 200: schema, ...errorReplies });

  app.get(
    '/api/rewards/rules',
    {
      schema: { tags, summary: '奖补规则 A county’s reward rules', querystring: S.CountyQuery, response: reply(S.RuleList) },
      onRequest: guard('rewards.read'),
    },
    async (request) => rules.rules(request.actor, request.query.county),
  );
  app.post(
    '/api/rewards/rules',
    {
      schema: {
        tags,
        summary: '新增奖补规则 A rule per verified case of an item class, per worker of a task, or per star level',
        body: S.RuleBody,
        response: reply(S.Rule),
      },
      onRequest: guard('rewards.manage'),
    },
    async (request) => {
      const { county, ...input } = request.body;
      return rules.create(request.actor, county, input as RuleInput);
    },
  );
  app.put(
    '/api/rewards/rules/:id',
    {
      schema: { tags, summary: '修改奖补规则 A rule’s amount and note', params: S.RuleId, body: S.RuleUpdateBody, response: reply(S.Rule) },
      onRequest: guard('rewards.manage'),
    },
    async (request) => rules.update(request.actor, request.params.id, request.body),
  );
  app.delete(
    '/api/rewards/rules/:id',
    {
      schema: { tags, summary: '删除奖补规则 Remove a rule', params: S.RuleId, querystring: S.RuleRemoveQuery, response: reply(S.Removed) },
      onRequest: guard('rewards.manage'),
    },
    async (request) => rules.remove(request.actor, request.params.id, request.query.version),
  );

  app.get(
    '/api/rewards/workers',
    {
      schema: {
        tags,
        summary: '网格员 The county’s grid workers a subsidy may be entered for',
        querystring: S.CountyQuery,
        response: reply(S.WorkerList),
      },
      onRequest: guard('rewards.read'),
    },
    async (request) => ledger.workers(request.actor, request.query.county),
  );
  app.get(
    '/api/rewards/sheets',
    {
      schema: { tags, summary: '奖补台账 A county’s monthly ledgers', querystring: S.CountyQuery, response: reply(S.SheetList) },
      onRequest: guard('rewards.read'),
    },
    async (request) => ledger.sheets(request.actor, request.query.county),
  );
  app.post(
    '/api/rewards/sheets',
    {
      schema: {
        tags,
        summary: '计算奖补台账 Compute (again) a county’s month from its rules; a final month is frozen',
        body: S.ComputeBody,
        response: reply(S.Sheet),
      },
      onRequest: guard('rewards.manage'),
    },
    async (request) => ledger.compute(request.actor, request.body),
  );
  app.get(
    '/api/rewards/sheets/:id',
    {
      schema: { tags, summary: '台账明细 A month’s entries and the totals per worker', params: S.SheetId, response: reply(S.Sheet) },
      onRequest: guard('rewards.read'),
    },
    async (request) => ledger.sheet(request.actor, request.params.id),
  );
  app.post(
    '/api/rewards/sheets/:id/entries',
    {
      schema: {
        tags,
        summary: '手工录入 A commissioned task’s subsidy or an adjustment, with a reason',
        params: S.SheetId,
        body: S.EntryBody,
        response: reply(S.Sheet),
      },
      onRequest: guard('rewards.manage'),
    },
    async (request) => ledger.enter(request.actor, request.params.id, request.body as EntryInput),
  );
  app.post(
    '/api/rewards/sheets/:id/submit',
    {
      schema: { tags, summary: '提交审批 Submit a month that has ended', params: S.SheetId, body: S.VersionBody, response: reply(S.Sheet) },
      onRequest: guard('rewards.manage'),
    },
    async (request) => ledger.submit(request.actor, request.params.id, request.body.version),
  );
  app.post(
    '/api/rewards/sheets/:id/approve',
    {
      schema: {
        tags,
        summary: '审批定稿 The county approves a submitted month; then it is final',
        params: S.SheetId,
        body: S.VersionBody,
        response: reply(S.Sheet),
      },
      onRequest: guard('rewards.approve'),
    },
    async (request) => ledger.approve(request.actor, request.params.id, request.body.version),
  );
  app.get(
    '/api/rewards/sheets/:id/export',
    {
      schema: {
        tags,
        summary: '导出发放表 The month’s payout sheet and detail as .xlsx (names, not codes; audited)',
        params: S.SheetId,
        response: { 200: S.PayoutWorkbook, ...errorReplies },
      },
      onRequest: guard('rewards.read'),
    },
    async (request, res) => {
      const sheet = await ledger.exported(request.actor, request.params.id);
      const out = new PassThrough();
      void writePayoutSheet(sheet, out, request.lang).catch((err: unknown) => out.destroy(err as Error));
      return res
        .type(XLSX)
        .header('content-disposition', `attachment; filename="rewards-${sheet.countyCode}-${sheet.period}.xlsx"`)
        .send(out);
    },
  );
}
