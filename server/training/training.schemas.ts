import { Type } from '@sinclair/typebox';
import { PAGE, TRAINING } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable } from '../platform/schemas.ts';

export const UserId = Type.Object({ userId: Type.String({ format: 'uuid', description: 'Account id' }) });

export const SessionBody = Type.Object({
  topic: Type.String({ maxLength: TRAINING.topicMax, description: 'Topic', example: '网格员入户走访与信息采集规范' }),
  heldOn: Type.String({ description: 'Day held (YYYY-MM-DD, China time; not in the future)', example: '2026-11-20' }),
  hours: Type.Number({
    minimum: 0,
    maximum: 100,
    description: `Hours, in tenths (${TRAINING.hoursMin}–${TRAINING.hoursMax})`,
    example: 1.5,
  }),
  trainer: Type.String({ maxLength: TRAINING.trainerMax, description: 'Trainer', example: '县综治中心 王老师' }),
  areaCode: Type.Optional(
    Nullable(Type.String({ maxLength: 15, description: 'The area it was held for (default: your own)', example: '420923100' })),
  ),
  attendeeIds: Type.Array(Type.String({ format: 'uuid', description: 'An account of the area’s team' }), {
    maxItems: TRAINING.attendeesMax,
    description: 'Who attended (at least one), picked from the team',
  }),
});

const Named = Type.Object({ id: Type.String({ description: 'Account id' }), name: Type.String({ description: 'Name' }) });
export const Session = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Session id' }),
  areaCode: Type.String({ description: 'Held for this area' }),
  areaName: Type.String({ description: 'The area’s name' }),
  topic: Type.String({ description: 'Topic' }),
  heldOn: Type.String({ description: 'Day held' }),
  hours: Type.Number({ description: 'Hours' }),
  trainer: Type.String({ description: 'Trainer' }),
  recordedBy: Type.String({ description: 'Recorded by' }),
  attendees: Type.Array(Named, { description: 'Who attended, by name' }),
});
export const SessionQuery = Type.Object({
  ...pageQuery(PAGE.trainingSessions),
  from: Type.Optional(Type.String({ description: 'Held on or after (YYYY-MM-DD)' })),
  to: Type.Optional(Type.String({ description: 'Held on or before (YYYY-MM-DD)' })),
});
export const Sessions = pageReply(Session, 'Newest first');

export const Team = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid', description: 'Account id' }),
      name: Type.String({ description: 'Name' }),
      roles: Type.Array(Type.String({ description: 'A role' }), { description: 'Roles' }),
      areas: Type.Array(Type.Object({ code: Type.String({ description: 'Node code' }), name: Type.String({ description: 'Node name' }) }), {
        description: 'Where they are bound',
      }),
    }),
    { description: 'The accounts a session may list, by name' },
  ),
});
export const TeamQuery = Type.Object({ area: Type.Optional(Type.String({ maxLength: 15, description: 'Only the team of this area' })) });

export const History = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid', description: 'Session id' }),
      topic: Type.String({ description: 'Topic' }),
      heldOn: Type.String({ description: 'Day held' }),
      hours: Type.Number({ description: 'Hours' }),
      trainer: Type.String({ description: 'Trainer' }),
      areaName: Type.String({ description: 'Held for' }),
    }),
    { description: 'Newest first' },
  ),
  sessions: Type.Integer({ description: 'Sessions attended' }),
  hours: Type.Number({ description: 'Hours in all' }),
});

export const FiguresQuery = Type.Object({
  area: Type.Optional(Type.String({ maxLength: 15, description: 'An area of yours (default: your own)', example: '420923' })),
  from: Type.String({ description: 'First day (YYYY-MM-DD)', example: '2026-01-01' }),
  to: Type.String({ description: 'Last day (YYYY-MM-DD)', example: '2026-12-31' }),
});
export const Figures = Type.Object({
  area: Type.Object(
    { code: Type.String({ description: 'Area code' }), name: Type.String({ description: 'Area name' }) },
    { description: 'The area asked for' },
  ),
  personTimes: Type.Integer({ description: '人次 Person-times in the period' }),
  hours: Type.Number({ description: 'Hours of training, summed over attendees' }),
  rows: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Child area code (the area itself for accounts bound to it)' }),
      name: Type.String({ description: 'Its name' }),
      personTimes: Type.Integer({ description: 'Person-times' }),
      people: Type.Integer({ description: 'Distinct people trained' }),
      hours: Type.Number({ description: 'Hours, summed over attendees' }),
    }),
    { description: 'Per child area with any training, by code' },
  ),
});
