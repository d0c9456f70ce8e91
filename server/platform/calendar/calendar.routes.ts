import { Type } from '@sinclair/typebox';
import type { Http } from '../http.ts';
import { errorReplies, Nullable } from '../schemas.ts';
import type { Guard } from '../actor.ts';
import type { CalendarDays } from './calendar.service.ts';

const Kind = Type.Union([Type.Literal('workday'), Type.Literal('holiday')], { description: 'workday | holiday' });
/** The real-date check (no 2026-02-30) is the service's; the pattern only keeps other shapes out. */
const DayParam = Type.Object({ day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'China date YYYY-MM-DD', example: '2026-10-10' }) });
const Day = Type.Object({
  day: Type.String(), kind: Type.String({ description: 'workday | holiday' }), note: Nullable(Type.String()),
  official: Type.String({ description: 'What the official table (chinese-days) says of that day' }),
  updatedBy: Type.String(), updatedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
});

export function calendarRoutes(app: Http, { days, guard }: { days: CalendarDays; guard: Guard }) {
  const tags = ['calendar'];

  app.get('/api/calendar/days', {
    schema: {
      tags, summary: '工作日调整 Days the administrator made working days or days off',
      querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Day) }), ...errorReplies },
    },
    onRequest: guard('events.configure'),
  }, async (request) => days.list(request.query.year));

  app.put('/api/calendar/days/:day', {
    schema: {
      tags, summary: '设置工作日或休息日 Make one day a working day or a day off',
      params: DayParam,
      body: Type.Object({ kind: Kind, note: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
      response: { 200: Day, ...errorReplies },
    },
    onRequest: guard('events.configure'),
  }, async (request) => days.setDay(request.actor, request.params.day, request.body));

  app.delete('/api/calendar/days/:day', {
    schema: { tags, summary: '恢复法定安排 Drop an override', params: DayParam, response: { 204: Type.Null({ description: 'Dropped' }), ...errorReplies } },
    onRequest: guard('events.configure'),
  }, async (request, reply) => {
    await days.removeDay(request.actor, request.params.day);
    return reply.status(204).send(null);
  });
}
