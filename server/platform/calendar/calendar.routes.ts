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
    async (request) => days.find(request.query.year),
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

  app.get(
    '/api/calendar/coverage',
    {
      schema: {
        tags,
        summary: '日历覆盖 Which years the calendar knows, and a warning when deadlines can run past them',
        response: { 200: S.Coverage, ...errorReplies },
      },
      // The calendar page's banner: those who keep the calendar are the ones who can act on it (the system
      // administrator keeps it without reading cases).
      onRequest: guard('events.configure'),
    },
    async () => days.coverage(),
  );

  app.get(
    '/api/calendar/explain',
    {
      schema: {
        tags,
        summary: '时限说明 Which days between two instants were skipped or worked, and why',
        querystring: S.ExplainQuery,
        response: { 200: S.Explanation, ...errorReplies },
      },
      onRequest: guard('events.read'),
    },
    async (request) => days.explain(new Date(request.query.from), new Date(request.query.to)),
  );

  app.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '年度节假日安排 A year’s holiday schedule',
        params: S.YearParam,
        response: { 200: S.Year, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => days.getYear(request.params.year),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary:
          '录入年度节假日安排 Enter a year’s official schedule (holidays and adjusted working days); open deadlines across it are recomputed',
        params: S.YearParam,
        body: S.YearBody,
        response: { 200: S.Year, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => days.enterYear(request.actor, request.params.year, request.body),
  );

  app.post(
    '/api/calendar/years/:year/ics',
    {
      schema: {
        tags,
        summary: '导入日历文件 Enter a year’s schedule from an iCalendar (.ics) file, or preview it (dryRun)',
        params: S.YearParam,
        body: S.IcsBody,
        response: { 200: S.Year, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => days.importIcs(request.actor, request.params.year, request.body),
  );

  app.delete(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '删除录入的年度安排 Drop an entered year; its days count by the week again',
        params: S.YearParam,
        response: { 200: S.YearRemoved, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => ({ recomputed: (await days.removeYear(request.actor, request.params.year)).recomputed }),
  );
}
