import { ERROR_MESSAGES, type Lang } from '../../../shared/i18n/errors.ts';
import type { Guard } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Http } from '../../platform/http.ts';
import { filePart } from '../../platform/multipart.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { ImportJob, ImportReport, ImportTemplateParam, JobParam } from './import.schemas.ts';
import type { ImportJobView } from './import-jobs.ts';
import { type ImportDeps, MAX_IMPORT_BYTES, startFileImport } from './import-upload.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const reply = (job: ImportJobView, lang: Lang) => ({
  ...job,
  failure: job.failure && { code: job.failure, message: ERROR_MESSAGES[lang][job.failure] },
});

/** Import as a job: upload (202 with the job), then its progress, then its report of refused rows. */
export async function importRoutes(app: Http, deps: ImportDeps & { guard: Guard }) {
  const { jobs, guard } = deps;
  const tags = ['registry'];
  app.addHook('onClose', () => jobs.settle());

  app.post(
    '/api/registry/imports/:template',
    {
      schema: {
        tags,
        summary:
          '导入 Start importing people, houses, organisations or components from .xlsx or .csv (multipart field "file"); follow the job for progress',
        consumes: ['multipart/form-data'],
        params: ImportTemplateParam,
        response: { 202: ImportJob, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request, res) => {
      const part = await filePart(request, { limits: { fileSize: MAX_IMPORT_BYTES } });
      if (!part) throw new AppError('file.missing', [{ field: 'file', reason: 'required' }]);
      const job = await startFileImport(
        deps,
        request.actor,
        request.params.template,
        { filename: part.filename, stream: part.file },
        request.lang,
      );
      return res.code(202).send(reply(job, request.lang));
    },
  );

  app.get(
    '/api/registry/import-jobs/:id',
    {
      schema: {
        tags,
        summary: '导入进度 Progress of an import: rows read, imported and refused so far',
        params: JobParam,
        response: { 200: ImportJob, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request) => reply(jobs.progress(request.actor.id, request.params.id), request.lang),
  );

  app.get(
    '/api/registry/import-jobs/:id/report',
    {
      schema: {
        tags,
        summary: '导入问题报告 The Excel report of refused rows (row, column, reason), once the import is done',
        params: JobParam,
        response: { 200: ImportReport, ...errorReplies },
      },
      onRequest: guard('registry.write'),
    },
    async (request, res) => {
      const bytes = await deps.files.get(jobs.reportKey(request.actor.id, request.params.id));
      if (!bytes) throw new AppError('file.not_found');
      return res.type(XLSX).header('content-disposition', 'attachment; filename="import-report.xlsx"').send(bytes);
    },
  );
}
