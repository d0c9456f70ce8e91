import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseIcsSchedule } from './calendar-ical.core.ts';

/** An iCalendar file from its content lines, CRLF as RFC 5545 writes them. */
const ics = (...lines: string[]) => [...lines].join('\r\n');
const event = (props: string[]) => ['BEGIN:VEVENT', ...props, 'END:VEVENT'];
const calendar = (...events: string[][]) =>
  ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//holidays//CN', ...events.flat(), 'END:VCALENDAR');

/** The details of the 400 a file gets, or a failure when it is accepted. */
function refusal(text: string, year = 2027) {
  try {
    parseIcsSchedule(text, year);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('calendar.ics_invalid');
    return (err as AppError).details;
  }
  throw new Error('the file was accepted');
}

describe('parseIcsSchedule', () => {
  it('reads runs of days off, adjusted working days and folded summaries; other years are left out', () => {
    const file = calendar(
      event(['UID:a', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦']),
      event(['UID:b', 'DTSTART;VALUE=DATE:20270205', 'DURATION:P7D', 'SUMMARY:春节', ' 假期']),
      event(['UID:c', 'DTSTART;VALUE=DATE:20270131', 'SUMMARY:春节补班']),
      event(['UID:d', 'DTSTART;VALUE=DATE:20270220', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY', 'SUMMARY:春节']),
      event(['UID:e', 'DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261008', 'SUMMARY:国庆节']),
    );
    const { days, otherYears } = parseIcsSchedule(file, 2027);
    expect(otherYears).toBe(7);
    expect(days.map((d) => `${d.day} ${d.kind} ${d.name}`)).toEqual([
      '2027-01-01 holiday 元旦',
      '2027-01-02 holiday 元旦',
      '2027-01-03 holiday 元旦',
      '2027-01-31 workday 春节补班',
      ...['05', '06', '07', '08', '09', '10', '11'].map((d) => `2027-02-${d} holiday 春节假期`),
      '2027-02-20 workday 春节',
    ]);
  });

  it('accepts LF line ends and the same day listed twice with the same kind', () => {
    const file = calendar(
      event(['DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦']),
      event(['DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270103', 'SUMMARY:元旦']),
    ).replaceAll('\r\n', '\n');
    expect(parseIcsSchedule(file, 2027).days.map((d) => d.day)).toEqual(['2027-01-01', '2027-01-02']);
  });

  it('refuses a file that is not iCalendar, on line 1', () => {
    expect(refusal('day,kind\n2027-01-01,holiday')).toEqual([{ field: 'body.ics', line: 1, reason: 'not_icalendar' }]);
    expect(refusal('')).toMatchObject([{ line: 1, reason: 'not_icalendar' }]);
  });

  it('names the line ical.js cannot read', () => {
    // Line 6 is the bad date; folding before it must not shift the count.
    const file = ics(
      'BEGIN:VCALENDAR',
      'PRODID:-//test',
      '  folded on',
      'BEGIN:VEVENT',
      'SUMMARY:元旦',
      'DTSTART;VALUE=DATE:2027x0101',
      'END:VEVENT',
      'END:VCALENDAR',
    );
    expect(refusal(file)).toMatchObject([{ field: 'body.ics', line: 6, reason: 'syntax', value: 'DTSTART;VALUE=DATE:2027x0101' }]);
    const noColon = ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'SUMMARY 元旦', 'END:VEVENT', 'END:VCALENDAR');
    expect(refusal(noColon)).toMatchObject([{ line: 3, reason: 'syntax' }]);
  });

  it('names the line of an event that never ends', () => {
    const file = ics('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦', 'END:VCALENDAR');
    expect(refusal(file)).toMatchObject([{ line: 5, reason: 'structure' }]);
  });

  it('names the line and property of each event it cannot use, all at once', () => {
    const file = calendar(
      event(['DTSTART:20270101T090000', 'SUMMARY:元旦']), // line 5: a time, not a day
      event(['DTSTART;VALUE=DATE:20270102']), // line 8: no summary
      event(['DTSTART;VALUE=DATE:20270210', 'DTEND;VALUE=DATE:20270205', 'SUMMARY:春节']), // line 13: ends first
      event(['DTSTART;VALUE=DATE:20270301', 'RRULE:FREQ=WEEKLY', 'SUMMARY:休']), // line 18: recurring
      event(['DTSTART;VALUE=DATE:20270401', 'DTEND;VALUE=DATE:20270601', 'SUMMARY:假']), // line 23: two months
    );
    expect(refusal(file)).toEqual([
      { field: 'body.ics', line: 5, reason: 'not_all_day', property: 'DTSTART' },
      { field: 'body.ics', line: 8, reason: 'required', property: 'SUMMARY' },
      { field: 'body.ics', line: 13, reason: 'end_before_start', property: 'DTEND' },
      { field: 'body.ics', line: 18, reason: 'recurrence', property: 'RRULE' },
      { field: 'body.ics', line: 23, reason: 'too_long', property: 'DTEND', max: 31 },
    ]);
  });

  it('refuses a day listed both as a day off and as a working day, naming both events', () => {
    const file = calendar(event(['DTSTART;VALUE=DATE:20270131', 'SUMMARY:春节']), event(['DTSTART;VALUE=DATE:20270131', 'SUMMARY:补班']));
    expect(refusal(file)).toEqual([{ field: 'body.ics', line: 8, reason: 'conflict', day: '2027-01-31', otherLine: 4 }]);
  });

  it('refuses a file with no day in the year asked for', () => {
    const file = calendar(event(['DTSTART;VALUE=DATE:20261001', 'SUMMARY:国庆节']));
    expect(refusal(file)).toEqual([{ field: 'body.ics', line: 1, reason: 'no_days_in_year', year: 2027 }]);
  });
});
