import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.ts';
import { applyStep, type DisputeState, ownerAt, ownsTier, sourceKindOf, startingTier, stepsAllowed, typeOfItem } from './disputes.core.ts';

const GRID = '420923100001001';
const worker = { roles: ['grid_worker' as const], areas: [{ code: GRID, name: '网格1', level: 'grid' }] };
const village = { roles: ['village_center' as const], areas: [{ code: '420923100001', name: '村1', level: 'village' }] };
const county = { roles: ['county_center' as const], areas: [{ code: '420923', name: '云梦县', level: 'county' }] };
const at = (over: Partial<DisputeState> = {}): DisputeState => ({
  tier: 'grid',
  ownerCode: GRID,
  gridCode: GRID,
  status: 'mediating',
  parties: 2,
  followedUp: false,
  ...over,
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? `${e.code} ${e.details.map((d) => `${d.field}:${d.reason}`).join(',')}` : 'other';
  }
  return 'ok';
};

describe('dispute tiers', () => {
  it('each tier is owned by the area above the grid at its level, and by its own role', () => {
    expect(['grid', 'village', 'township', 'county'].map((t) => ownerAt(GRID, t as never))).toEqual([
      GRID,
      '420923100001',
      '420923100',
      '420923',
    ]);
    expect(ownsTier(worker, 'grid', GRID)).toBe(true);
    expect(ownsTier(village, 'grid', GRID)).toBe(false); // a village centre does not act at the grid tier
    expect(ownsTier(county, 'village', '420923100001')).toBe(false);
    expect(ownsTier({ ...worker, areas: [{ code: '420923100001002', name: '网格2', level: 'grid' }] }, 'grid', GRID)).toBe(false);
    expect([startingTier(worker), startingTier(village), startingTier(county)]).toEqual(['grid', 'village', 'county']);
  });

  it('escalates to the next tier and its owner, needs a reason, and stops at the county', () => {
    expect(applyStep(at(), { step: 'escalate', reason: '调解未果' }, worker)).toEqual({
      tier: 'village',
      ownerCode: '420923100001',
      status: 'pending',
    });
    expect(codeOf(() => applyStep(at(), { step: 'escalate', reason: '  ' }, worker))).toBe('dispute.reason_required reason:required');
    expect(codeOf(() => applyStep(at({ tier: 'county', ownerCode: '420923' }), { step: 'escalate', reason: 'x' }, county))).toBe(
      'dispute.top_tier step:top_tier',
    );
    expect(stepsAllowed(at({ tier: 'county', ownerCode: '420923' }), county)).toEqual(['session', 'resolve', 'refer']);
  });

  it('refuses a step by someone not owning the tier, or one the status does not allow', () => {
    expect(codeOf(() => applyStep(at(), { step: 'accept' }, village))).toBe('dispute.not_tier_owner tier:not_owner');
    expect(codeOf(() => applyStep(at(), { step: 'accept' }, worker))).toBe('dispute.step_not_allowed step:not_when_mediating');
    expect(
      codeOf(() =>
        applyStep(
          at({ status: 'resolved' }),
          { step: 'session', heldOn: '2026-11-02', mediator: 'x', present: [], result: 'failed' },
          worker,
        ),
      ),
    ).toBe('dispute.step_not_allowed step:not_when_resolved');
    expect(
      codeOf(() => applyStep(at(), { step: 'session', heldOn: '2026-11-02', mediator: 'x', present: [3], result: 'failed' }, worker)),
    ).toBe('dispute.invalid present:not_a_party');
    expect(codeOf(() => applyStep(at(), { step: 'resolve', agreement: ' ' }, worker))).toBe('dispute.invalid agreement:required');
  });

  it('follows an agreement up once, by the tier that resolved it; not performed, mediation reopens or goes up with a reason', () => {
    const resolved = at({ status: 'resolved' });
    expect(stepsAllowed(resolved, worker)).toEqual(['follow_up']);
    expect(stepsAllowed({ ...resolved, followedUp: true }, worker)).toEqual([]);
    expect(codeOf(() => applyStep(resolved, { step: 'follow_up', performance: 'full', outcome: 'close' }, village))).toBe(
      'dispute.follow_up_not_owner step:not_responsible',
    );
    expect(
      codeOf(() => applyStep({ ...resolved, followedUp: true }, { step: 'follow_up', performance: 'full', outcome: 'close' }, worker)),
    ).toBe('dispute.step_not_allowed step:followed_up');
    expect(codeOf(() => applyStep(resolved, { step: 'follow_up', performance: 'full', outcome: 'escalate', note: 'x' }, worker))).toBe(
      'dispute.invalid outcome:performed_in_full',
    );
    expect(codeOf(() => applyStep(resolved, { step: 'follow_up', performance: 'partial', outcome: 'reopen' }, worker))).toBe(
      'dispute.reason_required note:required',
    );
    expect(applyStep(resolved, { step: 'follow_up', performance: 'partial', outcome: 'reopen', note: '只付了一半' }, worker)).toEqual({
      tier: 'grid',
      ownerCode: GRID,
      status: 'mediating',
    });
    expect(applyStep(resolved, { step: 'follow_up', performance: 'none', outcome: 'escalate', note: '拒不履行' }, worker)).toEqual({
      tier: 'village',
      ownerCode: GRID.slice(0, 12),
      status: 'pending',
    });
    const top = at({ status: 'resolved', tier: 'county', ownerCode: '420923' });
    expect(codeOf(() => applyStep(top, { step: 'follow_up', performance: 'none', outcome: 'escalate', note: 'x' }, county))).toBe(
      'dispute.top_tier step:top_tier',
    );
  });

  it('escalates past the next tier only to a tier above, and always with a reason', () => {
    expect(applyStep(at(), { step: 'escalate', reason: '涉及多个村', toTier: 'township' }, worker)).toEqual({
      tier: 'township',
      ownerCode: GRID.slice(0, 9),
      status: 'pending',
    });
    expect(codeOf(() => applyStep(at(), { step: 'escalate', reason: '', toTier: 'county' }, worker))).toBe(
      'dispute.reason_required reason:required',
    );
    expect(
      codeOf(() =>
        applyStep(at({ tier: 'village', ownerCode: GRID.slice(0, 12) }), { step: 'escalate', reason: 'x', toTier: 'grid' }, village),
      ),
    ).toBe('dispute.invalid toTier:not_above_current');
  });

  it('knows which loop cases can become disputes and the type a dispute item names', () => {
    expect(sourceKindOf({ source: 'hotline', itemCode: 'CG06010' })).toBe('hotline');
    expect(sourceKindOf({ source: 'department', itemCode: 'MD0902' })).toBe('event');
    expect(sourceKindOf({ source: 'grid_worker', itemCode: 'CG06010' })).toBe('field');
    expect(sourceKindOf({ source: 'citizen', itemCode: 'CG06010' })).toBeNull();
    expect([typeOfItem('MD0902'), typeOfItem('MD09'), typeOfItem('CG06010')]).toEqual(['0902', null, null]);
  });
});
