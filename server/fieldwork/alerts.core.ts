/**
 * 十户联防 alert rules without I/O: who hears of an alert, what the notice carries, what an alert becomes when it
 * turns into a loop event or a dispute (filled from the alert, nothing typed twice).
 */

import { chinaDate } from '../../shared/china-time.ts';
import type { AlertKind } from '../../shared/followups.ts';

export interface AlertFacts {
  id: string;
  countyCode: string;
  groupId: string;
  groupName: string;
  gridCode: string;
  houseCode: string | null;
  kind: AlertKind;
  note: string | null;
  lng: number | null;
  lat: number | null;
  at: Date;
  eventId: string | null;
  disputeId: string | null;
}

/** The words of each kind in Chinese, for the text of the case or dispute it becomes (the record is in Chinese). */
const KIND_ZH: Record<AlertKind, string> = { stranger: '陌生人员', fire: '火情', theft: '盗窃', in_need: '有人需要帮助' };

/** An alert becomes one event or one dispute, once. */
export const converted = (a: Pick<AlertFacts, 'eventId' | 'disputeId'>) => a.eventId !== null || a.disputeId !== null;

/**
 * The accounts told of an alert: the grid team of the group's grid (its worker and leader), without the one who
 * recorded it. The lead household has no account (citizens have none): the worker's notice names it.
 */
export const alertRecipients = (team: readonly { id: string }[], actorId: string) =>
  [...new Set(team.map((m) => m.id))].filter((id) => id !== actorId);

/** What an alert's notice carries, so the inbox shows it without reading the alert. */
export function alertNoticeData(a: AlertFacts, lead: { houseCode: string; address: string | null } | null) {
  return {
    alertId: a.id,
    groupId: a.groupId,
    groupName: a.groupName,
    alertKind: a.kind,
    houseCode: a.houseCode,
    leadHouseCode: lead?.houseCode ?? null,
    leadAddress: lead?.address ?? null,
  };
}

/** The case text an alert starts from: the group, the kind, the household, the note. */
export function alertText(a: AlertFacts, address: string | null): string {
  const where = a.houseCode ? `（${address ?? a.houseCode}）` : '';
  return [`十户联防预警：${a.groupName}${where}报告${KIND_ZH[a.kind]}`, a.note].filter(Boolean).join('。');
}

/** The dispute fields an alert fills: the place, the grid, the day, the point, the summary. */
export function disputeDraft(a: AlertFacts, address: string | null) {
  return {
    occurredOn: chinaDate(a.at),
    place: address ?? a.groupName,
    gridCode: a.gridCode,
    lng: a.lng,
    lat: a.lat,
    summary: alertText(a, address),
  };
}
