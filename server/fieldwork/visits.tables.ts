import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * 走访: a grid worker's visit to a house. The form is filled from the base data (the house and its residents); the
 * worker confirms or corrects, and the record keeps what was confirmed and changed. The corrections themselves go to
 * the records they belong to (with their history), so a visit only says that and when they were checked.
 */
export const houseVisit = pgTable(
  'house_visit',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    houseCode: text('house_code').notNull(),
    at: timestamptz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** Residents confirmed as living there, moved out and added, and the house fields corrected. */
    confirmed: integer('confirmed').notNull(),
    movedOut: integer('moved_out').notNull(),
    changes: jsonb('changes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    note: text('note'),
    /**
     * A follow-up of a tagged person (随访, followups.*) made with this visit of their house: the person, and the tags
     * followed up as they stood then. Null: an ordinary house visit.
     */
    personId: uuid('person_id'),
    followedTags: text('followed_tags').array(),
  },
  (t) => [
    primaryKey({ name: 'house_visit_pkey', columns: [t.countyCode, t.id] }),
    index('house_visit_house_code_at_idx').on(t.houseCode, t.at),
    index('house_visit_person_id_at_idx').on(t.personId, t.at),
  ],
);
