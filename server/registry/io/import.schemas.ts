import { Type } from '@sinclair/typebox';
import { Nullable } from '../../platform/schemas.ts';
import { IMPORTABLE_TEMPLATES } from './registry-import.service.ts';

export const ImportTemplateParam = Type.Object({
  template: Type.Union(
    IMPORTABLE_TEMPLATES.map((t) => Type.Literal(t)),
    { description: IMPORTABLE_TEMPLATES.join(' | ') },
  ),
});
export const JobParam = Type.Object({ id: Type.String({ format: 'uuid', description: 'Import job id' }) });

const Count = (description: string) => Type.Integer({ description });
export const ImportJob = Type.Object({
  id: Type.String({ description: 'Import job id; only the user who started the import can read it' }),
  template: Type.String({ description: `导入模板 ${IMPORTABLE_TEMPLATES.join(' | ')}`, example: 'person' }),
  state: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')], {
    description: '状态 running | done | failed',
  }),
  read: Count('Rows read so far'),
  created: Count('Records created'),
  updated: Count('Records changed'),
  unchanged: Count('Rows equal to the record already there'),
  rejected: Count('Rows refused (in the report)'),
  percent: Type.Integer({ minimum: 0, maximum: 100, description: 'Share of the file read; 100 once finished' }),
  startedAt: Type.String({ description: '开始时间 When the import started' }),
  finishedAt: Nullable(Type.String({ description: '完成时间 When it finished' })),
  reportReady: Type.Boolean({ description: 'Done with refused rows: their report is at /api/registry/import-jobs/{id}/report' }),
  failure: Nullable(
    Type.Object(
      {
        code: Type.String({ description: '错误码 Error code', example: 'registry.import_unreadable' }),
        message: Type.String({ description: '说明 Message in the request language' }),
      },
      { description: 'Why a failed import stopped' },
    ),
  ),
});

export const ImportReport = Type.Unknown({ description: '.xlsx' });
