/** 督办 (supervise) or 催办 (urge); how it was given. The server's lists (server/events/supervision.service.ts). */
export const ORDER_KINDS = ['supervise', 'urge'] as const;
export const ORDER_METHODS = ['phone', 'written', 'on_site', 'meeting'] as const;

export interface SupervisionOrder {
  id: string;
  kind: string;
  method: string;
  eventId: string | null;
  caseNo: string | null;
  unitCode: string;
  unitName: string | null;
  note: string;
  dueAt: string | null;
  status: 'open' | 'replied' | 'closed';
  overdue: boolean;
  issuedByName: string;
  issuedAt: string;
  reply: string | null;
  repliedByName: string | null;
  repliedAt: string | null;
  closedByName: string | null;
  closedAt: string | null;
  /** reply | close: what the signed-in user may do now. */
  abilities: string[];
}

export interface QueueItem {
  reason: 'unvisited' | 'dissatisfied' | 'order_overdue';
  since: string;
  eventId: string | null;
  caseNo: string | null;
  itemCode: string | null;
  description: string | null;
  unitCode: string;
  unitName: string | null;
  liveOrders: number | null;
  order: SupervisionOrder | null;
}

/** What an order is about: one case, or one unit as a whole. */
export type OrderSubject = { eventId: string; caseNo: string } | { unitCode: string; unitName: string };
