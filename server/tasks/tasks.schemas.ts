import { Type } from '@sinclair/typebox';
import { TASK_FIELD_TYPES, TASK_KINDS, TASK_STATUSES, TASK_SUBJECTS } from '../../shared/enums.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { TASK_LIMITS } from './tasks.core.ts';

export const TaskId = Type.Object({ id: Type.String({ format: 'uuid', description: 'Task id' }) });

export const Field = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 32, description: 'Field key (a–z, 0–9, _), unique in the form', example: 'gas_alarm' }),
    label: Type.String({ minLength: 1, maxLength: TASK_LIMITS.label, description: 'What the worker reads', example: '是否安装燃气报警器' }),
    type: oneOf(
      TASK_FIELD_TYPES,
      'text | choice | number | date | photo | person | house | organisation (the last three picked from the base data)',
    ),
    required: Type.Boolean({ description: 'Must be answered' }),
    options: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: TASK_LIMITS.label, description: 'An option', example: '已安装' }), {
        maxItems: TASK_LIMITS.options,
        description: 'A choice’s options (two or more)',
      }),
    ),
  },
  { description: 'A field of the form' },
);

export const TaskBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: TASK_LIMITS.title, description: 'Title', example: '城镇燃气安全隐患排查' }),
  kind: oneOf(TASK_KINDS, 'survey (调查) | census (普查) | hazard (隐患排查) | epidemic (疫情排查)'),
  subject: oneOf(TASK_SUBJECTS, 'Filled once per house or per person of the grids'),
  description: Type.Optional(
    Nullable(Type.String({ maxLength: 500, description: 'What the workers are asked to do', example: '逐户检查燃气管道与报警器' })),
  ),
  fields: Type.Array(Field, { maxItems: TASK_LIMITS.fields, description: 'The form: at least one field' }),
  gridCodes: Type.Array(Type.String({ minLength: 1, maxLength: 40, description: 'A grid code', example: '420923100001001' }), {
    maxItems: 2000,
    description: 'The grids it covers (of one county, in your jurisdiction)',
  }),
  deadline: Type.String({ description: 'Last day to fill (YYYY-MM-DD, China time)', example: '2026-11-30' }),
  subsidy: Type.Integer({ description: 'Whole yuan paid to each worker who filled it, when it is closed; 0: none', example: 50 }),
});

export const Version = Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version you saw (409 when it changed)' }) });
export const Refusal = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The version you saw' }),
  reason: Type.String({ maxLength: 500, description: 'Why it is refused (the drafter reads it)', example: '与全县经济普查重复，请合并' }),
});

export const TaskQuery = Type.Object({ status: Type.Optional(oneOf(TASK_STATUSES, 'Only tasks of this status')) });

const GridName = Type.Object({
  code: Type.String({ description: 'Grid code', example: '420923100001001' }),
  name: Type.String({ description: 'Grid name', example: '网格1' }),
});

export const Task = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Task id' }),
  no: Type.String({ description: 'Number per county', example: 'RW-2026-0001' }),
  countyCode: Type.String({ description: 'Its county', example: '420923' }),
  title: Type.String({ description: 'Title' }),
  kind: oneOf(TASK_KINDS, 'Kind'),
  subject: oneOf(TASK_SUBJECTS, 'Filled per house or per person'),
  description: Nullable(Type.String({ description: 'What the workers are asked to do' })),
  fields: Type.Array(Field, { description: 'The form' }),
  grids: Type.Array(GridName, { description: 'The grids it covers (a worker: theirs)' }),
  deadline: Type.String({ description: 'Last day to fill', example: '2026-11-30' }),
  subsidy: Type.Integer({ description: 'Yuan per worker who filled it' }),
  status: oneOf(TASK_STATUSES, 'pending (待准入) | admitted (已准入) | refused (已退回) | closed (已结束)'),
  unitName: Type.String({ description: 'Who asked for it', example: '县应急管理局' }),
  draftedBy: Type.String({ description: 'Drafted by' }),
  draftedAt: Type.String({ description: 'Drafted at' }),
  decidedBy: Nullable(Type.String({ description: 'Admitted or refused by' })),
  decidedAt: Nullable(Type.String({ description: 'Admitted or refused at' })),
  refusal: Nullable(Type.String({ description: 'Why it was refused' })),
  closedBy: Nullable(Type.String({ description: 'Closed by' })),
  closedAt: Nullable(Type.String({ description: 'Closed at' })),
  version: Type.Integer({ description: 'Send it back with a change' }),
  abilities: Type.Object(
    {
      admit: Type.Boolean({ description: 'May admit or refuse it' }),
      fill: Type.Boolean({ description: 'May fill it' }),
      close: Type.Boolean({ description: 'May close it (and pay its subsidy)' }),
    },
    { description: 'What you may do' },
  ),
});
export const Tasks = Type.Object({ items: Type.Array(Task, { description: 'Newest first' }) });

export const Value = Type.Union(
  [
    Type.String({ description: 'Text, a choice, a date (YYYY-MM-DD) or a photo key' }),
    Type.Number({ description: 'A number' }),
    Type.Object(
      {
        key: Type.String({ description: 'House code, person id or credit code' }),
        name: Type.Optional(Type.String({ description: 'Its name (sent back: the name on record is kept)' })),
      },
      { description: 'A picked record' },
    ),
    Type.Null({ description: 'Left empty' }),
  ],
  { description: 'An answer' },
);

export const EntryBody = Type.Object({
  subject: Type.String({ minLength: 1, maxLength: 64, description: 'The house code or person id filled for', example: 'V-1' }),
  values: Type.Record(Type.String(), Value, { description: 'Answers by field key', example: { gas_alarm: '已安装' } }),
});

export const Entry = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Entry id' }),
  gridCode: Type.String({ description: 'The subject’s grid' }),
  subject: Type.String({ description: 'House code or person id' }),
  subjectName: Type.String({ description: 'Address or name as on record' }),
  values: Type.Record(Type.String(), Value, { description: 'Answers by field key (picked records with their names; people masked)' }),
  workerName: Type.String({ description: 'Filled by' }),
  filledAt: Type.String({ description: 'Filled at' }),
});
export const Entries = Type.Object({ items: Type.Array(Entry, { description: 'By grid and subject' }) });

export const Progress = Type.Object({
  items: Type.Array(
    Type.Object({
      gridCode: Type.String({ description: 'Grid code' }),
      gridName: Type.String({ description: 'Grid name' }),
      total: Type.Integer({ description: 'Houses or people on record in the grid' }),
      filled: Type.Integer({ description: 'Filled' }),
      open: Type.Integer({ description: 'Not filled yet' }),
      share: Type.Number({ description: 'Share filled, 0–1' }),
    }),
    { description: 'Per grid of your jurisdiction' },
  ),
});

export const LoadQuery = Type.Object({
  grids: Type.String({
    minLength: 1,
    maxLength: 20_000,
    description: 'Grid codes, comma-separated',
    example: '420923100001001,420923100001002',
  }),
});
export const Load = Type.Object({
  items: Type.Array(
    Type.Object({
      workerId: Type.String({ format: 'uuid', description: 'Worker account id' }),
      workerName: Type.String({ description: 'Worker’s name' }),
      grids: Type.Array(GridName, { description: 'The grids they work' }),
      openItems: Type.Integer({ description: 'Houses or people left to fill over the admitted tasks of their grids' }),
      openTasks: Type.Integer({ description: 'Admitted tasks open in their grids (counted per grid)' }),
    }),
    { description: 'The workers of the chosen grids, busiest first' },
  ),
});

export const Workbook = Type.Unknown({ description: '.xlsx' });
