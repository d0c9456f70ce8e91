/**
 * The person form's rules (collect once): each use case is a cut of the person template, so every rule the import
 * applies to a row applies to the form too, and a residence's day must fit the person's life. Pure.
 */

import { pastDate, type TemplateField } from '../io/template-fields.ts';
import { type ImportTemplate, PERSON_TEMPLATE } from '../io/templates.ts';

const day = (key: string, header: string): TemplateField => ({ key, header, required: false, parse: pastDate, sample: '' });

/** Template fields that place a person in a house rather than describe them. */
export const RESIDENCE_KEYS: readonly string[] = ['houseCode', 'relation'];
/** Tags only roles allowed to see them may set (registry.tags). */
export const TAG_KEYS: readonly string[] = ['specialGroups', 'keyPersonTags'];
/** The natural key: never edited (a wrong number is a new record, the old one moved out). */
export const NATURAL_KEY = 'idNumber';

const residenceFields = PERSON_TEMPLATE.fields.filter((f) => RESIDENCE_KEYS.includes(f.key));

/** Registering a person: the whole person template, and the day they moved in (today when left out). */
export const PERSON_REGISTRATION: ImportTemplate = { ...PERSON_TEMPLATE, fields: [...PERSON_TEMPLATE.fields, day('movedIn', '迁入日期')] };

/** Editing a person: their own facts, checked with the ID number on record. */
export const PERSON_FACTS: ImportTemplate = {
  ...PERSON_TEMPLATE,
  fields: PERSON_TEMPLATE.fields.filter((f) => !RESIDENCE_KEYS.includes(f.key)),
};

/** Moving a person into a house. */
export const PERSON_MOVE: ImportTemplate = { id: 'person', name: '迁入', fields: [...residenceFields, day('movedIn', '迁入日期')] };

/** Ending where a person lives. */
export const PERSON_MOVE_OUT: ImportTemplate = { id: 'person', name: '迁出', fields: [day('movedOut', '迁出日期')] };

/** A residence begins or ends neither before the person was born nor before the residence they live in began. */
export function residenceDayIssue(on: string, person: { birthDate: string; livingSince?: string | null }): string | null {
  if (on < person.birthDate) return 'residence.before_birth';
  if (person.livingSince && on < person.livingSince) return 'residence.before_current';
  return null;
}
