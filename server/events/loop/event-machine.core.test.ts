import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.core.ts';
import {
  type ActionInput,
  type Actor,
  type ActorLevel,
  type ActorRole,
  EVENT_ACTION_NAMES,
  EVENT_STATUSES,
  type EventActionName,
  type EventRule,
  EventRuleError,
  type EventState,
} from './event-actions.core.ts';
import { allowedActions } from './event-guards.core.ts';
import { applyAction, reportEvent } from './event-machine.core.ts';

const cn = (local: string): Date => new Date(`${local}:00+08:00`);
const HOUR = 3_600_000;
const calendar = createCalendar();

// Yunmeng county (孝感市云梦县) and nodes below it.
const CITY = '420900';
const COUNTY = '420923';
const TOWNSHIP = '420923100';
const VILLAGE = '420923100201';
const GRID = '420923100201001';
const DEPT = 'YM-CG';

const RULE: EventRule = {
  limits: {
    accept: { hours: 0.5 },
    dispatch: { hours: 0.5 },
    sign: { workingDays: 1 },
    handle: { workingDays: 3 },
    check: { hours: 2 },
    visit: { workingDays: 1 },
  },
  severity: 'general',
  closing: { afterPhoto: true, onSiteCheck: true },
  fixOnSpot: true,
};

function buildEvent(overrides: Partial<EventState> = {}): EventState {
  const init = { ownerCode: TOWNSHIP, gridCode: GRID, rule: RULE, source: 'grid_worker', photos: 1 };
  return { ...reportEvent(init, { now: cn('2025-09-26T15:00'), calendar }).next, ...overrides };
}
const buildActor = (roles: ActorRole[], level: ActorLevel | null, flags: Partial<Actor> = {}): Actor => ({
  roles,
  level,
  isOwner: false,
  isLead: false,
  coUnit: null,
  isSuperior: false,
  isReporter: false,
  ...flags,
});
const owner = buildActor(['township_center'], 'township', { isOwner: true });
const lead = buildActor(['department_handler'], 'department', { isLead: true });
const worker = buildActor(['grid_worker'], 'grid');
const reportingWorker = buildActor(['grid_worker'], 'grid', { isReporter: true });
const citizen = buildActor(['citizen'], null, { isReporter: true });
const county = buildActor(['county_center'], 'county');
const village = buildActor(['village_center'], 'village');
const leader = buildActor(['leader'], 'county');
const coHandler = buildActor(['department_handler'], 'department', { coUnit: 'YM-GA' });
const superior = buildActor(['county_center'], 'county', { isSuperior: true });
/** The abilities at a moment; by default the one `act` uses. */
const can = (event: EventState, actor: Actor, now = cn('2025-09-26T16:00')) => allowedActions(event, actor, now);

/** Every refusal a state, role or relation can give before the input is looked at. */
const REFUSALS = [
  'event.transition_not_allowed',
  'event.role_not_allowed',
  'event.suspended',
  'event.extension_pending',
  'event.extension_cap_reached',
  'event.special_close_pending',
  'event.not_your_part',
  'event.return_window_closed',
  'event.return_barred',
  'event.parts_pending',
  'event.on_site_check_first',
];

const full: ActionInput = {
  note: '情况属实',
  attachments: ['photo-1'],
  targetUnit: VILLAGE,
  rating: 'satisfied',
  workingDays: 2,
  masterId: 'case-1',
};
const act = (event: EventState, action: EventActionName, input: ActionInput, actor: Actor, now = cn('2025-09-26T16:00')) =>
  applyAction(event, action, input, { now, actor, calendar });
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EventRuleError) return e.code;
    throw e;
  }
  return undefined;
};

describe('the closed loop across the 2025 golden week', () => {
  it('runs report → accept → dispatch → sign → co-handler part → handle → check → close → visit with the stage clocks', () => {
    const reported = buildEvent();
    expect(reported).toMatchObject({ status: 'reported', stage: 'accept', stageDueAt: cn('2025-09-26T15:30') });

    const accepted = act(reported, 'accept', {}, owner, cn('2025-09-26T15:10')).next;
    expect(accepted).toMatchObject({ status: 'accepted', stage: 'dispatch', stageDueAt: cn('2025-09-26T15:40') });

    const dispatched = act(accepted, 'dispatch', { targetUnit: DEPT, coUnits: ['YM-GA'] }, owner, cn('2025-09-26T15:20'));
    // Handle: 3 working days after Friday → Sun 28 (worked), Mon 29, Tue 30. Sign: 1 working day → Sunday.
    expect(dispatched.next).toMatchObject({
      status: 'dispatched',
      leadUnit: DEPT,
      coUnits: ['YM-GA'],
      stage: 'sign',
      dueAt: cn('2025-09-30T17:30'),
      stageDueAt: cn('2025-09-28T17:30'),
    });
    expect(dispatched.effects).toEqual([
      { type: 'notify', unit: DEPT },
      { type: 'notify', unit: 'YM-GA' },
    ]);
    expect(dispatched.record).toMatchObject({
      action: 'dispatch',
      fromStatus: 'accepted',
      toStatus: 'dispatched',
      data: { leadUnit: DEPT, coUnits: ['YM-GA'] },
    });

    // The co-handler's part is due with the lead's handling (the item sets no `assist` limit), owed by the co-handler.
    expect(dispatched.next.coParts).toEqual([{ unit: 'YM-GA', signedAt: null, dueAt: cn('2025-09-30T17:30'), repliedAt: null }]);
    expect(dispatched.next.stageUnit).toBe(DEPT);

    const signed = act(dispatched.next, 'sign', {}, lead).next;
    expect(signed).toMatchObject({ status: 'signed', stage: 'handle', stageDueAt: cn('2025-09-30T17:30') });
    // The lead replies for the whole only once every part is answered.
    expect(codeOf(() => act(signed, 'handle', { note: '已修复', attachments: ['after.jpg'] }, lead))).toBe('event.parts_pending');
    const partSigned = act(signed, 'co_sign', {}, coHandler, cn('2025-09-29T09:00')).next;
    const partAnswered = act(partSigned, 'co_reply', { note: '已配合封控' }, coHandler, cn('2025-09-29T10:00'));
    expect(partAnswered.next.coParts[0]).toMatchObject({ signedAt: cn('2025-09-29T09:00'), repliedAt: cn('2025-09-29T10:00') });
    expect(partAnswered.effects).toEqual([{ type: 'notify', unit: DEPT }]);

    const handled = act(partAnswered.next, 'handle', { note: '已修复', attachments: ['after.jpg'] }, lead, cn('2025-09-30T16:30'));
    // Check: 2 working hours → 1 h on Sep 30, 1 h after the holidays; the grid's team owes it.
    expect(handled.next).toMatchObject({ status: 'handled', stage: 'check', stageDueAt: cn('2025-10-09T09:30'), stageUnit: GRID });
    expect(handled.record).toMatchObject({ note: '已修复', attachments: ['after.jpg'] });
    expect(handled.effects).toEqual([{ type: 'notify', unit: GRID }]);

    const checked = act(handled.next, 'check', { attachments: ['check.jpg'] }, worker, cn('2025-10-09T09:00')).next;
    expect(checked).toMatchObject({ status: 'checked', stage: 'close', stageUnit: TOWNSHIP, stageDueAt: cn('2025-10-10T17:30') });

    const closed = act(checked, 'close', {}, owner, cn('2025-10-09T10:00')).next;
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: cn('2025-10-09T10:00'),
      closingType: 'normal',
      stage: 'visit',
      stageDueAt: cn('2025-10-10T17:30'),
    });

    const visited = act(closed, 'visit', { rating: 'satisfied' }, citizen, cn('2025-10-09T11:00')).next;
    expect(visited).toMatchObject({ status: 'visited', rating: 'satisfied', stage: null, stageDueAt: null });
    expect(can(visited, owner)).toEqual([]);
  });

  it('never mutates the event it is given', () => {
    const event = Object.freeze(buildEvent());
    expect(() => act(event, 'accept', {}, owner)).not.toThrow();
    expect(event.status).toBe('reported');
  });
});

describe('allowedActions (the abilities)', () => {
  const dispatched = buildEvent({
    status: 'dispatched',
    leadUnit: DEPT,
    stage: 'sign',
    stageDueAt: cn('2025-09-28T17:30'),
    dueAt: cn('2025-09-30T17:30'),
  });

  it('depends on the state, the role and the relation to the case', () => {
    expect(can(buildEvent(), owner)).toEqual(['accept', 'void', 'merge', 'escalate', 'assign_down']);
    expect(can(buildEvent(), reportingWorker)).toEqual(['fix_on_spot']);
    expect(can(buildEvent(), worker)).toEqual([]);
    expect(can(buildEvent(), buildActor(['township_center'], 'township'))).toEqual([]); // a centre, but not the owner
    expect(can(buildEvent(), leader)).toEqual([]);
    expect(can(dispatched, lead)).toEqual(['sign', 'return', 'extension_request']);
    expect(can(dispatched, owner)).toEqual(['redispatch', 'suspend', 'special_close_request']);
  });

  it('lets the grid team check on site, not a grid worker bound to a higher node', () => {
    const handled = buildEvent({ status: 'handled', leadUnit: DEPT, stage: 'check' });
    expect(can(handled, worker)).toEqual(['check', 'rework']);
    expect(can(handled, buildActor(['grid_worker'], 'village'))).toEqual([]);
    expect(can(handled, lead)).toEqual([]); // the handler does not check its own work
  });

  it('follows the catalogue and the level of the owner', () => {
    expect(can(buildEvent({ rule: { ...RULE, fixOnSpot: false } }), reportingWorker)).toEqual([]);
    const cityOwner = buildActor(['city_center'], 'city', { isOwner: true });
    expect(can(buildEvent({ ownerCode: CITY }), cityOwner)).not.toContain('escalate');
    const villageOwner = buildActor(['village_center'], 'village', { isOwner: true });
    expect(can(buildEvent({ ownerCode: VILLAGE }), villageOwner)).not.toContain('assign_down');
  });

  it('offers a return visit to the reporter and to centres at or above the case level', () => {
    const closed = buildEvent({ status: 'closed', stage: 'visit' });
    expect(can(closed, citizen)).toEqual(['visit']);
    expect(can(closed, county)).toEqual(['visit']);
    expect(can(closed, owner)).toEqual(['visit', 'reopen']);
    expect(can(closed, village)).toEqual([]);
    expect(can(closed, buildActor(['citizen'], null))).toEqual([]); // someone else's case
  });

  it('reopens a visited case only when the citizen was dissatisfied', () => {
    expect(can(buildEvent({ status: 'visited', rating: 'basic' }), owner)).toEqual([]);
    expect(can(buildEvent({ status: 'visited', rating: 'dissatisfied' }), owner)).toEqual(['reopen']);
  });

  it('offers only resume while suspended, and decisions while an extension is pending', () => {
    const suspended = { ...dispatched, suspendedAt: cn('2025-09-27T09:00') };
    expect(can(suspended, owner)).toEqual(['resume']);
    expect(can(suspended, lead)).toEqual([]);
    const pending = { ...dispatched, extension: { workingDays: 2, reason: '等待配件', requestedAt: cn('2025-09-27T09:00') } };
    expect(can(pending, owner)).toEqual(['redispatch', 'extension_approve', 'extension_refuse', 'suspend', 'special_close_request']);
    expect(can(pending, lead)).toEqual(['sign', 'return']);
  });

  it('agrees with applyAction for every action, state and actor', () => {
    const events: EventState[] = [
      ...EVENT_STATUSES.map((status) =>
        buildEvent({ status, leadUnit: DEPT, dueAt: cn('2025-09-30T17:30'), rating: status === 'visited' ? 'dissatisfied' : null }),
      ),
      { ...dispatched, coUnits: ['YM-GA'], coParts: [{ unit: 'YM-GA', signedAt: null, dueAt: cn('2025-09-30T17:30'), repliedAt: null }] },
      { ...dispatched, specialClose: { reason: '历史遗留', requestedAt: cn('2025-09-27T09:00'), approver: COUNTY } },
      { ...dispatched, suspendedAt: cn('2025-09-27T09:00') },
      { ...dispatched, extension: { workingDays: 2, reason: '等待配件', requestedAt: cn('2025-09-27T09:00') } },
      buildEvent({ ownerCode: CITY, status: 'accepted' }),
      buildEvent({ ownerCode: VILLAGE }),
    ];
    const actors = [
      owner,
      lead,
      worker,
      reportingWorker,
      citizen,
      county,
      village,
      leader,
      buildActor(['city_center'], 'city', { isOwner: true }),
      coHandler,
      superior,
    ];
    let allowedCount = 0;
    for (const event of events) {
      for (const actor of actors) {
        const allowed = can(event, actor);
        for (const action of EVENT_ACTION_NAMES) {
          const code = codeOf(() => act(event, action, full, actor));
          if (allowed.includes(action)) {
            allowedCount++;
            expect(code, `${action} by ${actor.roles} on ${event.status}`).toBeUndefined();
          } else {
            expect(REFUSALS, `${action} by ${actor.roles} on ${event.status}`).toContain(code);
          }
        }
      }
    }
    expect(allowedCount).toBeGreaterThan(30);
  });
});

describe('refusals carry a code, checked state first, then actor, then input', () => {
  it('refuses by state and by role', () => {
    expect(codeOf(() => act(buildEvent(), 'sign', {}, lead))).toBe('event.transition_not_allowed');
    expect(codeOf(() => act(buildEvent(), 'accept', {}, lead))).toBe('event.role_not_allowed');
    expect(codeOf(() => act(buildEvent(), 'void', {}, lead))).toBe('event.role_not_allowed'); // actor before input
  });

  it('asks for reasons, evidence, targets and ratings', () => {
    expect(codeOf(() => act(buildEvent(), 'void', { note: '   ' }, owner))).toBe('event.reason_required');
    expect(codeOf(() => act(buildEvent(), 'fix_on_spot', { note: '已清理' }, reportingWorker))).toBe('event.attachments_required');
    expect(codeOf(() => act(buildEvent({ status: 'accepted' }), 'dispatch', {}, owner))).toBe('event.target_required');
    expect(codeOf(() => act(buildEvent(), 'merge', {}, owner))).toBe('event.master_required');
    const closed = buildEvent({ status: 'closed' });
    expect(codeOf(() => act(closed, 'visit', {}, citizen))).toBe('event.rating_required');
    expect(codeOf(() => act(closed, 'visit', { rating: 'dissatisfied' }, citizen))).toBe('event.reason_required');
    expect(act(closed, 'visit', { rating: 'dissatisfied', note: '还在漏水' }, citizen).effects).toEqual([
      { type: 'notify', unit: TOWNSHIP },
    ]);
  });

  it('asks for photos only where the catalogue item needs them', () => {
    const signed = buildEvent({ status: 'signed', leadUnit: DEPT });
    expect(codeOf(() => act(signed, 'handle', { note: '已处理' }, lead))).toBe('event.attachments_required');
    const noPhotos = { ...RULE, closing: { afterPhoto: false, onSiteCheck: false } };
    expect(act({ ...signed, rule: noPhotos }, 'handle', { note: '已电话答复' }, lead).next.status).toBe('handled');
    const handled = buildEvent({ status: 'handled', stage: 'check' });
    expect(codeOf(() => act(handled, 'check', {}, worker))).toBe('event.attachments_required');
    expect(codeOf(() => act(handled, 'close', {}, owner))).toBe('event.on_site_check_first');
    expect(act({ ...handled, rule: noPhotos }, 'close', {}, owner).next.status).toBe('closed');
  });

  it('rejects a co-handler that is also the lead unit', () => {
    const accepted = buildEvent({ status: 'accepted' });
    expect(codeOf(() => act(accepted, 'dispatch', { targetUnit: DEPT, coUnits: [DEPT] }, owner))).toBe('event.target_invalid');
  });
});

describe('side paths', () => {
  it('return (退单) goes to the dispatcher to review; accepting it clears the units, the next dispatch the flag', () => {
    const dispatched = buildEvent({
      status: 'dispatched',
      leadUnit: DEPT,
      coUnits: ['YM-GA'],
      stage: 'sign',
      stageDueAt: cn('2025-09-28T17:30'),
      dueAt: cn('2025-09-30T17:30'),
    });
    const returned = act(dispatched, 'return', { note: '不属于本部门职责' }, lead);
    expect(returned.next).toMatchObject({ status: 'returned', returnedFrom: DEPT, returns: 1, stage: 'dispatch', stageUnit: TOWNSHIP });
    expect(returned.effects).toEqual([{ type: 'notify', unit: TOWNSHIP }]);
    const accepted = act(returned.next, 'return_accept', {}, owner).next;
    expect(accepted).toMatchObject({ status: 'accepted', leadUnit: null, coUnits: [], dueAt: null, returnedFrom: DEPT });
    expect(act(accepted, 'dispatch', { targetUnit: 'YM-SJ' }, owner).next.returnedFrom).toBeNull();
  });

  it('escalate moves the case to the parent node, one level at a time, up to the city', () => {
    const atCounty = act(buildEvent(), 'escalate', { note: '涉及多个乡镇' }, owner);
    expect(atCounty.next).toMatchObject({ status: 'accepted', ownerCode: COUNTY, escalations: 1, stage: 'dispatch' });
    expect(atCounty.effects).toEqual([{ type: 'notify', unit: COUNTY }]);
    const countyOwner = buildActor(['county_center'], 'county', { isOwner: true });
    const atCity = act(atCounty.next, 'escalate', { note: '需市直部门' }, countyOwner).next;
    expect(atCity).toMatchObject({ ownerCode: CITY, escalations: 2 });
    expect(codeOf(() => act(atCity, 'escalate', { note: 'x' }, buildActor(['city_center'], 'city', { isOwner: true })))).toBe(
      'event.transition_not_allowed',
    );
  });

  it('assign_down goes to a node below the owner, never to a grid', () => {
    const countyCase = buildEvent({ ownerCode: COUNTY });
    const countyOwner = buildActor(['county_center'], 'county', { isOwner: true });
    expect(act(countyCase, 'assign_down', { targetUnit: VILLAGE }, countyOwner).next).toMatchObject({
      status: 'accepted',
      ownerCode: VILLAGE,
      escalations: 0,
    });
    for (const target of [GRID, COUNTY, '420902001', CITY]) {
      expect(
        codeOf(() => act(countyCase, 'assign_down', { targetUnit: target }, countyOwner)),
        target,
      ).toBe('event.target_invalid');
    }
  });

  it('extension: asked before due, at most 10 working days, approved in working days across the holidays', () => {
    const signed = buildEvent({
      status: 'signed',
      leadUnit: DEPT,
      stage: 'handle',
      dueAt: cn('2025-09-30T17:30'),
      stageDueAt: cn('2025-09-30T17:30'),
    });
    for (const workingDays of [0, 1.5]) {
      expect(codeOf(() => act(signed, 'extension_request', { note: '等待配件', workingDays }, lead))).toBe('event.working_days_invalid');
    }
    expect(codeOf(() => act(signed, 'extension_request', { note: '等待配件', workingDays: 11 }, lead))).toBe('event.extension_over_cap');
    expect(codeOf(() => act(signed, 'extension_request', { note: '等待配件', workingDays: 2 }, lead, cn('2025-10-09T09:00')))).toBe(
      'event.extension_too_late',
    );
    const requested = act(signed, 'extension_request', { note: '等待配件', workingDays: 2 }, lead, cn('2025-09-29T10:00'));
    expect(requested.next.extension).toEqual({ workingDays: 2, reason: '等待配件', requestedAt: cn('2025-09-29T10:00') });
    expect(requested.next.status).toBe('signed');
    expect(codeOf(() => act(requested.next, 'extension_request', { note: 'again', workingDays: 1 }, lead))).toBe('event.extension_pending');

    const approved = act(requested.next, 'extension_approve', {}, owner).next;
    expect(approved).toMatchObject({
      dueAt: cn('2025-10-10T17:30'),
      stageDueAt: cn('2025-10-10T17:30'),
      extension: null,
      extensions: 1,
      extensionDays: 2,
    });
    const refused = act(requested.next, 'extension_refuse', { note: '可按期完成' }, owner).next;
    expect(refused).toMatchObject({ dueAt: cn('2025-09-30T17:30'), extension: null, extensions: 0 });
  });

  it('a pending extension is dropped when the case moves on', () => {
    const pending = buildEvent({
      status: 'signed',
      leadUnit: DEPT,
      extension: { workingDays: 2, reason: 'x', requestedAt: cn('2025-09-29T10:00') },
    });
    expect(act(pending, 'handle', { note: '已处理', attachments: ['a.jpg'] }, lead).next.extension).toBeNull();
  });

  it('suspend stops the clock: resume moves working-time deadlines by the working time suspended', () => {
    const signed = buildEvent({
      status: 'signed',
      leadUnit: DEPT,
      stage: 'handle',
      dueAt: cn('2025-09-30T17:30'),
      stageDueAt: cn('2025-09-30T17:30'),
    });
    const suspended = act(signed, 'suspend', { note: '等待法院判决' }, owner, cn('2025-09-29T09:00')).next;
    expect(suspended.suspendedAt).toEqual(cn('2025-09-29T09:00'));
    expect(codeOf(() => act(suspended, 'handle', { note: 'x', attachments: ['a'] }, lead))).toBe('event.suspended');
    const resumed = act(suspended, 'resume', {}, owner, cn('2025-10-09T10:00'));
    // Suspended 6.5 h on Sep 29 + 7 h on Sep 30 + 1.5 h on Oct 9 = 15 working hours; the holidays cost nothing.
    expect(resumed.record.data).toEqual({ suspendedWorkingMillis: 15 * HOUR });
    expect(resumed.next).toMatchObject({ suspendedAt: null, dueAt: cn('2025-10-11T09:30'), stageDueAt: cn('2025-10-11T09:30') });
    // A "now" before the suspension (another server's clock) moves nothing rather than pulling the due time in.
    expect(act(suspended, 'resume', {}, owner, cn('2025-09-29T08:00')).next.dueAt).toEqual(cn('2025-09-30T17:30'));
  });

  it('resume moves a round-the-clock stage deadline by clock time', () => {
    const urgent = { ...RULE, limits: { ...RULE.limits, dispatch: { clockHours: 1 / 6 } } };
    const accepted = buildEvent({
      status: 'accepted',
      rule: urgent,
      stage: 'dispatch',
      stageDueAt: cn('2025-09-27T22:10'),
      suspendedAt: cn('2025-09-27T22:05'),
    });
    expect(act(accepted, 'resume', {}, owner, cn('2025-09-28T00:05')).next.stageDueAt).toEqual(cn('2025-09-28T00:10'));
  });

  it('merge, fix on the spot, rework and reopen', () => {
    const merged = act(buildEvent(), 'merge', { masterId: 'case-1' }, owner);
    expect(merged.next).toMatchObject({ status: 'merged', mergedInto: 'case-1', stage: null });
    expect(merged.effects).toEqual([{ type: 'duplicate_merged', masterId: 'case-1' }]);

    const fixed = act(
      buildEvent(),
      'fix_on_spot',
      { note: '已清理', attachments: ['after.jpg'] },
      reportingWorker,
      cn('2025-09-26T15:05'),
    ).next;
    expect(fixed).toMatchObject({ status: 'closed', closedAt: cn('2025-09-26T15:05'), stage: 'visit' });

    const handled = buildEvent({ status: 'handled', leadUnit: DEPT, stage: 'check', dueAt: cn('2025-09-30T17:30') });
    const rework = act(handled, 'rework', { note: '井盖仍松动' }, worker, cn('2025-10-09T09:00'));
    expect(rework.next).toMatchObject({ status: 'signed', reworks: 1, stage: 'handle', stageDueAt: cn('2025-09-30T17:30') });
    expect(rework.effects).toEqual([{ type: 'notify', unit: DEPT }]);

    const dissatisfied = buildEvent({ status: 'visited', rating: 'dissatisfied', leadUnit: DEPT, closedAt: cn('2025-10-09T09:00') });
    expect(act(dissatisfied, 'reopen', { note: '群众反映仍未解决' }, owner).next).toMatchObject({
      status: 'accepted',
      rating: 'dissatisfied',
      reopens: 1,
      closedAt: null,
      leadUnit: null,
      stage: 'dispatch',
    });
  });

  it('reportEvent refuses an owner that is not a centre node', () => {
    const init = { ownerCode: GRID, gridCode: GRID, rule: RULE, source: 'grid_worker', photos: 0 };
    expect(() => reportEvent(init, { now: cn('2025-09-26T15:00'), calendar })).toThrow(/not a city, county/);
  });
});
