import { Type } from '@sinclair/typebox';
import { REWARD_ENTRY_KINDS, REWARD_RULE_KINDS, REWARD_SHEET_STATUSES } from '../../shared/enums.ts';
import { NOTE_MAX, REWARDS } from '../../shared/limits.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
const County = (description: string) => Type.String({ pattern: '^[0-9]{6}$', description, example: '420923' });
const At = (description: string) => Type.String({ format: 'date-time', description });
const Version = Type.Integer({ minimum: 1, description: 'The version the editor saw', example: 1 });
const Yuan = (description: string) => Type.Integer({ minimum: 0, maximum: REWARDS.amountMax, description, example: 300 });
const RuleKind = oneOf(
  REWARD_RULE_KINDS,
  '规则类别 case (per verified case of an item class) | task (per worker of a commissioned task) | star (per star level)',
);

// ── rules ────────────────────────────────────────────────────────────────────────────────────────────

export const CountyQuery = Type.Object({ county: County('County whose rules or ledgers to read') });
export const RuleId = Type.Object({ id: Uuid('Rule id') });
export const RuleRemoveQuery = Type.Object({ version: Version });

export const RuleBody = Type.Object(
  {
    county: County('County the rule is for (your own)'),
    kind: RuleKind,
    key: Type.String({
      minLength: 1,
      maxLength: REWARDS.labelMax,
      description: 'case: a catalogue code of any level (CG, CG06, CG06010) · task: the task’s name · star: 1–5',
      example: 'CG06',
    }),
    amount: Yuan('金额 Whole yuan a case, a worker of the task, or the star level earns; 0 or more'),
    note: Type.Optional(
      Nullable(
        Type.String({ maxLength: NOTE_MAX, description: 'What the rule is based on (a county notice)', example: '县综治委〔2026〕3 号' }),
      ),
    ),
  },
  { additionalProperties: false },
);
export const RuleUpdateBody = Type.Object(
  {
    amount: Yuan('金额 Whole yuan; 0 or more'),
    note: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX, description: 'What the rule is based on' }))),
    version: Version,
  },
  { additionalProperties: false },
);

export const Rule = Type.Object({
  id: Uuid('Rule id'),
  countyCode: Type.String({ description: 'County' }),
  kind: RuleKind,
  key: Type.String({ description: 'Item class code, task name or star level' }),
  label: Nullable(Type.String({ description: 'The item class’s name (case), the task (task); null for stars' })),
  amount: Type.Integer({ description: 'Whole yuan' }),
  note: Nullable(Type.String({ description: 'What the rule is based on' })),
  version: Type.Integer({ description: 'Version' }),
  updatedBy: Type.String({ description: 'Last set by' }),
  updatedAt: At('Last set at'),
  abilities: Type.Object(
    { edit: Type.Boolean({ description: 'The caller may edit or remove it' }) },
    { description: 'What the caller may do' },
  ),
});
export const RuleList = Type.Object({
  countyCode: Type.String({ description: 'County' }),
  items: Type.Array(Rule, { description: 'The county’s rules by kind and key' }),
});
export const Removed = Type.Object({ id: Uuid('The rule removed') });

// ── ledgers ──────────────────────────────────────────────────────────────────────────────────────────

export const SheetId = Type.Object({ id: Uuid('Ledger id') });
export const ComputeBody = Type.Object(
  {
    county: County('County (your own)'),
    period: Type.String({
      pattern: '^\\d{4}-\\d{2}$',
      description: 'Month YYYY-MM (China time); not one that has not begun',
      example: '2026-11',
    }),
  },
  { additionalProperties: false },
);
export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export const EntryBody = Type.Object(
  {
    kind: oneOf(['task', 'adjustment'] as const, 'task (a commissioned task’s subsidy by its rule) | adjustment (plus or minus)'),
    workerId: Uuid('The grid worker of the county'),
    ruleId: Type.Optional(Uuid('The county’s task rule (kind task)')),
    amount: Type.Optional(
      Type.Integer({
        minimum: -REWARDS.adjustMax,
        maximum: REWARDS.adjustMax,
        description: 'Whole yuan added or taken away (kind adjustment), not 0',
        example: -100,
      }),
    ),
    reference: Type.Optional(
      Type.String({
        maxLength: REWARDS.referenceMax,
        description: 'The task’s reference (its number, the department’s letter)',
        example: '县总工会〔2026〕12 号',
      }),
    ),
    reason: Type.String({ maxLength: NOTE_MAX, description: '理由 Why (required)', example: '协助开展工会组织情况调查' }),
    version: Version,
  },
  { additionalProperties: false },
);

const Snapshot = Type.Object(
  {
    kind: RuleKind,
    key: Type.String({ description: 'Item class code, task name or star level' }),
    amount: Type.Integer({ description: 'Whole yuan' }),
    label: Nullable(Type.String({ description: 'Item class or task name' })),
  },
  { description: 'The rule as it stood when the entry was made' },
);
export const Entry = Type.Object({
  id: Uuid('Entry id'),
  workerId: Uuid('Grid worker'),
  workerName: Type.String({ description: 'Grid worker’s name' }),
  gridCode: Nullable(Type.String({ description: 'The worker’s first grid' })),
  kind: oneOf(REWARD_ENTRY_KINDS, 'case | task | star | adjustment'),
  amount: Type.Integer({ description: 'Whole yuan (an adjustment may be negative)' }),
  origin: Type.String({ description: 'computed (from the rules) | manual (an assessor) | posted (the tasks feature)' }),
  rule: Nullable(Snapshot),
  caseId: Nullable(Type.String({ description: 'The case paid for' })),
  caseNo: Nullable(Type.String({ description: 'Its case number' })),
  itemCode: Nullable(Type.String({ description: 'Its catalogue item' })),
  itemName: Nullable(Type.String({ description: 'Its item’s name' })),
  stars: Nullable(Type.Integer({ description: 'Stars of the published assessment (kind star)' })),
  resultId: Nullable(Type.String({ description: 'The assessment result that explains the stars' })),
  reference: Nullable(Type.String({ description: 'A task’s reference' })),
  reason: Nullable(Type.String({ description: 'Why (entered by hand)' })),
  enteredBy: Type.String({ description: 'Computed or entered by' }),
  enteredAt: At('When'),
});
const Abilities = Type.Object(
  {
    compute: Type.Boolean({ description: 'May compute it again' }),
    enter: Type.Boolean({ description: 'May enter a subsidy or adjustment' }),
    submit: Type.Boolean({ description: 'May submit it' }),
    approve: Type.Boolean({ description: 'May approve it (the county, not the submitter)' }),
  },
  { description: 'What the caller may do' },
);
const SheetFields = {
  id: Uuid('Ledger id'),
  countyCode: Type.String({ description: 'County' }),
  period: Type.String({ description: 'Month YYYY-MM' }),
  status: oneOf(REWARD_SHEET_STATUSES, 'computed | submitted | final (approved, frozen)'),
  computedBy: Nullable(Type.String({ description: 'Last computed by' })),
  computedAt: Nullable(At('Last computed at')),
  submittedBy: Nullable(Type.String({ description: 'Submitted by' })),
  submittedAt: Nullable(At('Submitted at')),
  approvedBy: Nullable(Type.String({ description: 'Approved by' })),
  approvedAt: Nullable(At('Approved at')),
  version: Type.Integer({ description: 'Version' }),
  abilities: Abilities,
};
export const SheetHead = Type.Object(SheetFields);
export const SheetList = Type.Object({
  countyCode: Type.String({ description: 'County' }),
  items: Type.Array(SheetHead, { description: 'Months, newest first' }),
});
const WorkerTotal = Type.Object({
  workerId: Uuid('Grid worker'),
  workerName: Type.String({ description: 'Name' }),
  gridCode: Nullable(Type.String({ description: 'First grid' })),
  gridName: Nullable(Type.String({ description: 'First grid’s name' })),
  cases: Type.Integer({ description: 'Verified cases paid' }),
  case: Type.Integer({ description: 'Case rewards, yuan' }),
  task: Type.Integer({ description: 'Task subsidies, yuan' }),
  star: Type.Integer({ description: 'Star pay, yuan' }),
  adjustment: Type.Integer({ description: 'Adjustments, yuan' }),
  total: Type.Integer({ description: 'Total, yuan' }),
});
export const Sheet = Type.Object({
  ...SheetFields,
  countyName: Type.String({ description: 'County name' }),
  total: Type.Integer({ description: 'The month’s total, yuan' }),
  workers: Type.Array(WorkerTotal, { description: 'One row per worker, by name' }),
  entries: Type.Array(Entry, { description: 'Every entry, by worker' }),
});
export const WorkerList = Type.Object({
  countyCode: Type.String({ description: 'County' }),
  items: Type.Array(
    Type.Object({
      id: Uuid('Grid worker'),
      name: Type.String({ description: 'Name' }),
      gridCode: Nullable(Type.String({ description: 'First grid' })),
      gridName: Nullable(Type.String({ description: 'First grid’s name' })),
    }),
    { description: 'The county’s grid workers by name' },
  ),
});
export const PayoutWorkbook = Type.Unknown({ description: '.xlsx' });
