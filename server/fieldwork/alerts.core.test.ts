import { describe, expect, it } from 'vitest';
import { type AlertFacts, alertNoticeData, alertRecipients, alertText, converted, disputeDraft } from './alerts.core.ts';

const alert = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  id: 'a1',
  countyCode: '420923',
  groupId: 'g1',
  groupName: '槐荫路 8 号十户联防组',
  gridCode: '420923100001001',
  houseCode: 'H-2',
  kind: 'stranger',
  note: '两名陌生男子在楼道徘徊',
  lng: null,
  lat: null,
  at: new Date('2026-11-02T23:30:00+08:00'),
  eventId: null,
  disputeId: null,
  ...over,
});

describe('ten-household alerts', () => {
  it('the grid team hears of it, each once, and not the one who recorded it', () => {
    expect(alertRecipients([{ id: 'w' }, { id: 'l' }, { id: 'l' }], 'w')).toEqual(['l']);
    expect(alertRecipients([{ id: 'w' }, { id: 'l' }], 'village')).toEqual(['w', 'l']);
  });

  it('the notice names the group, the kind, the household and the lead household to tell', () => {
    expect(alertNoticeData(alert(), { houseCode: 'H-1', address: '槐荫路 8 号 101' })).toEqual({
      alertId: 'a1',
      groupId: 'g1',
      groupName: '槐荫路 8 号十户联防组',
      alertKind: 'stranger',
      houseCode: 'H-2',
      leadHouseCode: 'H-1',
      leadAddress: '槐荫路 8 号 101',
    });
    expect(alertNoticeData(alert(), null).leadHouseCode).toBeNull();
  });

  it('becomes one thing, once', () => {
    expect(converted(alert())).toBe(false);
    expect(converted(alert({ eventId: 'e' }))).toBe(true);
    expect(converted(alert({ disputeId: 'd' }))).toBe(true);
  });

  it('the case and dispute text comes from the alert: group, household, kind, note; the day is the China date', () => {
    expect(alertText(alert(), '槐荫路 8 号 102')).toBe(
      '十户联防预警：槐荫路 8 号十户联防组（槐荫路 8 号 102）报告陌生人员。两名陌生男子在楼道徘徊',
    );
    expect(alertText(alert({ houseCode: null, note: null, kind: 'fire' }), null)).toBe('十户联防预警：槐荫路 8 号十户联防组报告火情');
    expect(disputeDraft(alert(), null)).toMatchObject({
      occurredOn: '2026-11-02',
      place: '槐荫路 8 号十户联防组',
      gridCode: '420923100001001',
    });
  });
});
