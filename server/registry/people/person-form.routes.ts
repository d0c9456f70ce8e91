import { Type, type TSchema } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { TemplateField } from '../io/template-fields.ts';
import type { PersonForm } from './person-form.service.ts';
import { NATURAL_KEY, PERSON_FACTS, PERSON_REGISTRATION } from './person-form.core.ts';
import { PersonDetail } from './people.routes.ts';

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
const bodyOf = (fields: readonly TemplateField[]): Record<string, TSchema> => Object.fromEntries(fields.map((f) => {
  const description = [f.header, f.required ? 'required' : '', f.codeTable ? `${f.codeTable.id} code or name` : '', NOTES[f.key] ?? ''].filter(Boolean).join('; ');
  const value = f.multiple
    ? Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, description })
    : Type.String({ maxLength: 200, description, ...(f.sample ? { example: f.sample } : {}) });
  return [f.key, Type.Optional(Nullable(value))];
}));

const Id = Type.Object({ id: Type.String({ format: 'uuid', description: 'Person id' }) });
const Version = { version: Type.Integer({ minimum: 1, description: 'The version the form was read at; a person changed since answers 409 registry.record_changed' }) };
const Day = (description: string) => Type.Optional(Nullable(Type.String({ maxLength: 20, description, example: '2026-05-01' })));

export function personFormRoutes(app: Http, { form, guard }: { form: PersonForm; guard: Guard }) {
  const tags = ['registry'];
  const write = guard('registry.write');
  const reply = { 200: PersonDetail, ...errorReplies };

  app.post('/api/registry/people', {
    schema: {
      tags, summary: '登记人员 Register a person into a house (checked like a row of the person template; an ID number on record answers 409 registry.person_exists with its id when in your jurisdiction)',
      body: Type.Object(bodyOf(PERSON_REGISTRATION.fields), { additionalProperties: false }), response: reply,
    },
    onRequest: write,
  }, async (request) => form.create(request.actor, request.body, request.lang));

  app.patch('/api/registry/people/:id', {
    schema: {
      tags,
      summary: '修改人员 Edit a person’s own facts (a field left out keeps its value, null clears it; 409 when changed since `version`). '
        + 'The ID number is the natural key and is not edited: for a wrong number, register the person anew and move the old record out',
      params: Id, body: Type.Object({ ...bodyOf(PERSON_FACTS.fields.filter((f) => f.key !== NATURAL_KEY)), ...Version }, { additionalProperties: false }), response: reply,
    },
    onRequest: write,
  }, async (request) => form.edit(request.actor, request.params.id, request.body, request.lang));

  app.post('/api/registry/people/:id/move', {
    schema: {
      tags, summary: '迁入 Move a person into another house of your jurisdiction and their county: the residence lived in ends the day the new one begins',
      params: Id,
      body: Type.Object({
        houseCode: Type.String({ minLength: 1, maxLength: 40, description: '房屋编号 of a house of your jurisdiction' }),
        relation: Type.Optional(Nullable(Type.String({ maxLength: 20, description: '与户主关系: relation code or name' }))),
        movedIn: Day('迁入日期 YYYY-MM-DD; left out: today'), ...Version,
      }, { additionalProperties: false }),
      response: reply,
    },
    onRequest: write,
  }, async (request) => form.move(request.actor, request.params.id, request.body, request.lang));

  app.post('/api/registry/people/:id/move-out', {
    schema: {
      tags, summary: '迁出 End where a person lives: they stay on record, in their grid, without a house',
      params: Id, body: Type.Object({ movedOut: Day('迁出日期 YYYY-MM-DD; left out: today'), ...Version }, { additionalProperties: false }), response: reply,
    },
    onRequest: write,
  }, async (request) => form.moveOut(request.actor, request.params.id, request.body, request.lang));
}
