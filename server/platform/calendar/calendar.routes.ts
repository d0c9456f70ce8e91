import type { Guard } from '../actor.ts';
import type { Http } from '../http.ts';
import { errorReplies } from '../schemas.ts';
import * as S from './calendar.schemas.ts';
import type { CalendarDays } from './calendar.service.ts';

export function calendarRoutes(app: Http, { days, guard }: { days: CalendarDays; guard: Guard }) {
  const tags = ['calendar'];

  app.get(
    '/api/calendar/days',
    {
      schema: {
        tags,
        summary: '工作日调整 Days the administrator made working days or days off',
        querystring: S.DaysQuery,
        response: { 200: S.Days, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => days.list(request.query.year),
  );

  app.put(
    '/api/calendar/days/:day',
    {
      schema: {
        tags,
        summary: '设置工作日或休息日 Make one day a working day or a day off',
        params: S.DayParam,
        body: S.SetDayBody,
        response: { 200: S.Day, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => days.setDay(request.actor, request.params.day, request.body),
  );

  app.delete(
    '/api/calendar/days/:day',
    {
      schema: { tags, summary: '恢复法定安排 Drop an override', params: S.DayParam, response: { 204: S.DayDropped, ...errorReplies } },
      onRequest: guard('events.configure'),
    },
    async (request, reply) => {
      await days.removeDay(request.actor, request.params.day);
      return reply.status(204).send(null);
    },
  );
}
