import { doublePrecision, integer, pgTable, primaryKey, text } from '../platform/columns.ts';

/**
 * The disputes' figures rolled up in the transaction that changes a dispute (as figures/ does for the loop:
 * decision 0016): how many disputes recorded in a village in a China month, of one type, are now at one tier with
 * one outcome (open, resolved, referred), and the working days they took to close.
 */
export const disputeFigure = pgTable(
  'dispute_figure',
  {
    countyCode: text('county_code').notNull(),
    villageCode: text('village_code').notNull(),
    /** 'YYYY-MM', the China month the dispute was recorded in. */
    month: text('month').notNull(),
    typeCode: text('type_code').notNull(),
    tier: text('tier').notNull(),
    outcome: text('outcome').notNull(),
    n: integer('n').notNull(),
    /** Closed disputes of the row whose working days are known, and the sum of them. */
    timed: integer('timed').notNull().default(0),
    workingDays: doublePrecision('working_days').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'dispute_figure_pkey',
      columns: [t.countyCode, t.villageCode, t.month, t.typeCode, t.tier, t.outcome],
    }),
  ],
);
