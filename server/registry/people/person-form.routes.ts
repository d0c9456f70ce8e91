import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './person-form.schemas.ts';
import type { PersonForm } from './person-form.service.ts';

export function personFormRoutes(app: Http, { form, guard }: { form: PersonForm; guard: Guard }) {
  const tags = ['registry'];
  const write = guard('registry.write');
  const reply = { 200: S.PersonDetail, ...errorReplies };

  app.post(
    '/api/registry/people',
    {
      schema: {
        tags,
        summary:
          '登记人员 Register a person into a house (checked like a row of the person template; an ID number on record answers 409 registry.person_exists with its id when in your jurisdiction)',
        body: S.RegisterPersonBody,
        response: reply,
      },
      onRequest: write,
    },
    async (request) => form.create(request.actor, request.body, request.lang),
  );

  app.patch(
    '/api/registry/people/:id',
    {
      schema: {
        tags,
        summary:
          '修改人员 Edit a person’s own facts (a field left out keeps its value, null clears it; 409 when changed since `version`). ' +
          'The ID number is the natural key and is not edited: for a wrong number, register the person anew and move the old record out',
        params: S.PersonIdParams,
        body: S.EditPersonBody,
        response: reply,
      },
      onRequest: write,
    },
    async (request) => form.update(request.actor, request.params.id, request.body, request.lang),
  );

  app.post(
    '/api/registry/people/:id/move',
    {
      schema: {
        tags,
        summary:
          '迁入 Move a person into another house of your jurisdiction and their county: the residence lived in ends the day the new one begins',
        params: S.PersonIdParams,
        body: S.MoveBody,
        response: reply,
      },
      onRequest: write,
    },
    async (request) => form.move(request.actor, request.params.id, request.body, request.lang),
  );

  app.post(
    '/api/registry/people/:id/move-out',
    {
      schema: {
        tags,
        summary: '迁出 End where a person lives: they stay on record, in their grid, without a house',
        params: S.PersonIdParams,
        body: S.MoveOutBody,
        response: reply,
      },
      onRequest: write,
    },
    async (request) => form.moveOut(request.actor, request.params.id, request.body, request.lang),
  );
}
