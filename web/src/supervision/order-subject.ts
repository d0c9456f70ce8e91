/** 督办 (supervise) or 催办 (urge); how it was given. The server's lists (server/events/supervision.service.ts). */
export const ORDER_KINDS = ['supervise', 'urge'] as const;
export const ORDER_METHODS = ['phone', 'written', 'on_site', 'meeting'] as const;

/** What an order is about: one case, or one unit as a whole. */
export type OrderSubject = { eventId: string; caseNo: string } | { unitCode: string; unitName: string };
