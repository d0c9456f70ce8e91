import { index, pgTable, primaryKey, text, timestamptz } from '../platform/columns.ts';

/** Functional departments (职能部门), at the city or a county. Reference table. */
export const department = pgTable('department', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  areaCode: text('area_code').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Grids a department has claimed (认领网格) to patrol and serve. */
export const departmentGridClaim = pgTable(
  'department_grid_claim',
  {
    countyCode: text('county_code').notNull(),
    gridCode: text('grid_code').notNull(),
    departmentCode: text('department_code').notNull(),
    claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'department_grid_claim_pkey', columns: [t.countyCode, t.gridCode, t.departmentCode] }),
    index('department_grid_claim_department_code_idx').on(t.departmentCode),
  ],
);
