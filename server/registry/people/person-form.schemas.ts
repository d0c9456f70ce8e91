import { type TSchema, Type } from '@sinclair/typebox';
import { CODE_VALUE_MAX, RECORD_CODE_MAX } from '../../../shared/limits.ts';
import { Nullable } from '../../platform/schemas.ts';
import type { TemplateField } from '../io/template-fields.ts';
import { NATURAL_KEY, PERSON_FACTS, PERSON_REGISTRATION } from './person-form.core.ts';

export { PersonDetail } from './people.schemas.ts';

const DERIVED = 'left out: read from the ID number (collect once); given, it must agree with it';
const NOTES: Record<string, string> = {
  sex: DERIVED,
  birthDate: DERIVED,
  phone: 'on an edit, left out: the phone on record stays (the form sees it masked); null clears it',
  specialGroups: 'only roles allowed to see tags (registry.tags) may send it',
  keyPersonTags: 'only roles allowed to see tags (registry.tags) may send it',
  houseCode: 'a house of your jurisdiction',
  movedIn: 'YYYY-MM-DD; left out: today',
};

/**
 * The request fields are the person template's own, so a field the template gains is a field of the form; lengths,
 * codes and cross-field rules are the template's to check, so a refusal names the field as an import's would.
 */
const bodyOf = (fields: readonly TemplateField[]): Record<string, TSchema> =>
  Object.fromEntries(
    fields.map((f) => {
      const description = [f.header, f.required ? 'required' : '', f.codeTable ? `${f.codeTable.id} code or name` : '', NOTES[f.key] ?? '']
        .filter(Boolean)
        .join('; ');
      const value = f.multiple
        ? Type.Array(Type.String({ maxLength: 40, description: `${f.header}: one code or name` }), { maxItems: 20, description })
        : Type.String({ maxLength: 200, description, ...(f.sample ? { example: f.sample } : {}) });
      return [f.key, Type.Optional(Nullable(value))];
    }),
  );

export const PersonIdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Person id' }) });
const Version = {
  version: Type.Integer({
    minimum: 1,
    description: 'The version the form was read at; a person changed since answers 409 registry.record_changed',
  }),
};
const Day = (description: string) => Type.Optional(Nullable(Type.String({ maxLength: 20, description, example: '2026-05-01' })));

export const RegisterPersonBody = Type.Object(bodyOf(PERSON_REGISTRATION.fields), { additionalProperties: false });
export const EditPersonBody = Type.Object(
  { ...bodyOf(PERSON_FACTS.fields.filter((f) => f.key !== NATURAL_KEY)), ...Version },
  { additionalProperties: false },
);
export const MoveBody = Type.Object(
  {
    houseCode: Type.String({ minLength: 1, maxLength: RECORD_CODE_MAX, description: '房屋编号 of a house of your jurisdiction' }),
    relation: Type.Optional(Nullable(Type.String({ maxLength: CODE_VALUE_MAX, description: '与户主关系: relation code or name' }))),
    movedIn: Day('迁入日期 YYYY-MM-DD; left out: today'),
    ...Version,
  },
  { additionalProperties: false },
);
export const MoveOutBody = Type.Object(
  { movedOut: Day('迁出日期 YYYY-MM-DD; left out: today'), ...Version },
  { additionalProperties: false },
);
