import { describe, expect, it } from 'vitest';
import type { EventDetail } from '../../web/src/api/replies.ts';
import { deadlineSpan } from '../../web/src/events/deadline-span.ts';

type Step = EventDetail['history'][number];
const step = (seq: number, action: string, at: string): Step =>
  ({ seq, action, at, actorName: '测试', fromStatus: null, toStatus: 'x', note: null, photos: [], data: null }) as Step;
const event = (over: Partial<EventDetail>): EventDetail =>
  ({ reportedAt: '2026-12-14T01:00:00.000Z', dueAt: null, stageDueAt: null, history: [], ...over }) as EventDetail;

describe('deadlineSpan: what the drawer asks the calendar to explain', () => {
  const history = [
    step(1, 'report', '2026-12-14T01:00:00.000Z'),
    step(2, 'accept', '2026-12-14T02:00:00.000Z'),
    step(3, 'dispatch', '2026-12-15T01:00:00.000Z'),
    step(4, 'sign', '2026-12-16T01:00:00.000Z'),
    step(5, 'deadline_recomputed', '2026-12-20T01:00:00.000Z'),
  ];

  it('counts the case deadline from the dispatch that set it, not from a later sign or a recompute', () => {
    expect(deadlineSpan(event({ history, dueAt: '2027-01-13T09:30:00.000Z' }))).toEqual({
      from: '2026-12-15T01:00:00.000Z',
      to: '2027-01-13T09:30:00.000Z',
    });
  });

  it('counts a stage deadline from the step that entered the stage, and shows nothing without a deadline', () => {
    expect(deadlineSpan(event({ history: history.slice(0, 2), stageDueAt: '2026-12-14T06:00:00.000Z' }))).toEqual({
      from: '2026-12-14T02:00:00.000Z',
      to: '2026-12-14T06:00:00.000Z',
    });
    expect(deadlineSpan(event({ history }))).toBeNull();
  });
});
