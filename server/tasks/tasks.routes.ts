import { PassThrough } from 'node:stream';
import type { TaskStatus } from '../../shared/enums.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { TaskDraft } from './tasks.core.ts';
import * as S from './tasks.schemas.ts';
import type { TasksService } from './tasks.service.ts';
import { writeTaskResults } from './tasks-workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function taskRoutes(app: Http, { tasks, guard }: { tasks: TasksService; guard: Guard }) {
  const tags = ['tasks'];

  app.get(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: '委托任务 Tasks covering my jurisdiction (a worker: the admitted ones of my grids)',
        querystring: S.TaskQuery,
        response: { 200: S.Tasks, ...errorReplies },
      },
      onRequest: guard('tasks.read'),
    },
    async (request) => tasks.find(request.actor, request.query as { status?: TaskStatus }),
  );

  app.post(
    '/api/tasks',
    {
      schema: {
        tags,
        summary: '拟定任务 Draft a task over grids of my jurisdiction; it waits for the county’s admission',
        body: S.TaskBody,
        response: { 200: S.Task, ...errorReplies },
      },
      onRequest: guard('tasks.draft'),
    },
    async (request) => tasks.draft(request.actor, request.body as TaskDraft),
  );

  app.get(
    '/api/tasks/load',
    {
      schema: {
        tags,
        summary: '工作量 The workers of the chosen grids and their open task items, before assigning more',
        querystring: S.LoadQuery,
        response: { 200: S.Load, ...errorReplies },
      },
      onRequest: guard('tasks.draft'),
    },
    async (request) =>
      tasks.workload(
        request.actor,
        request.query.grids
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      ),
  );

  app.get(
    '/api/tasks/:id',
    {
      schema: { tags, summary: '任务 One task', params: S.TaskId, response: { 200: S.Task, ...errorReplies } },
      onRequest: guard('tasks.read'),
    },
    async (request) => tasks.get(request.actor, request.params.id),
  );

  app.post(
    '/api/tasks/:id/admit',
    {
      schema: {
        tags,
        summary: '准入 Admit the task to the workers of its grids',
        params: S.TaskId,
        body: S.Version,
        response: { 200: S.Task, ...errorReplies },
      },
      onRequest: guard('tasks.admit'),
    },
    async (request) => tasks.admit(request.actor, request.params.id, request.body.version),
  );

  app.post(
    '/api/tasks/:id/refuse',
    {
      schema: {
        tags,
        summary: '退回 Refuse the task with a reason',
        params: S.TaskId,
        body: S.Refusal,
        response: { 200: S.Task, ...errorReplies },
      },
      onRequest: guard('tasks.admit'),
    },
    async (request) => tasks.refuse(request.actor, request.params.id, request.body.version, request.body.reason),
  );

  app.post(
    '/api/tasks/:id/close',
    {
      schema: {
        tags,
        summary: '结束任务 Close it: each worker who filled it gets its subsidy in this month’s ledger',
        params: S.TaskId,
        body: S.Version,
        response: { 200: S.Task, ...errorReplies },
      },
      onRequest: guard('tasks.draft'),
    },
    async (request) => tasks.close(request.actor, request.params.id, request.body.version),
  );

  app.get(
    '/api/tasks/:id/entries',
    {
      schema: { tags, summary: '填报记录 Entries of my grids', params: S.TaskId, response: { 200: S.Entries, ...errorReplies } },
      onRequest: guard('tasks.read'),
    },
    async (request) => tasks.entries(request.actor, request.params.id),
  );

  app.post(
    '/api/tasks/:id/entries',
    {
      schema: {
        tags,
        summary: '填报 Fill the form for a house or person of my grid (filled again: replaced)',
        params: S.TaskId,
        body: S.EntryBody,
        response: { 200: S.Entry, ...errorReplies },
      },
      onRequest: guard('tasks.fill'),
    },
    async (request) => tasks.fill(request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/tasks/:id/progress',
    {
      schema: {
        tags,
        summary: '进度 Per grid of my jurisdiction: to fill, filled, open',
        params: S.TaskId,
        response: { 200: S.Progress, ...errorReplies },
      },
      onRequest: guard('tasks.read'),
    },
    async (request) => tasks.progress(request.actor, request.params.id),
  );

  app.get(
    '/api/tasks/:id/export',
    {
      schema: {
        tags,
        summary: '导出结果 The entries of my grids as .xlsx, a column per field (names, people masked; audited)',
        params: S.TaskId,
        response: { 200: S.Workbook, ...errorReplies },
      },
      onRequest: guard('tasks.read'),
    },
    async (request, res) => {
      const out = await tasks.exported(request.actor, request.params.id);
      const stream = new PassThrough();
      void writeTaskResults(out, stream, request.lang).catch((err: unknown) => stream.destroy(err as Error));
      return res.type(XLSX).header('content-disposition', `attachment; filename="task-${out.task.no}.xlsx"`).send(stream);
    },
  );
}
