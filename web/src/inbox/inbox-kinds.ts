/** Replies of /api/inbox (see the OpenAPI page at /docs). */
export interface Notification {
  id: string;
  kind: string;
  eventId: string | null;
  orderId: string | null;
  data: { caseNo?: string; itemCode?: string; stage?: string | null; stageDueAt?: string | null; workingDays?: number; returnedFrom?: string | null; colour?: string | null };
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage {
  items: Notification[];
  total: number;
}

export interface InboxCounts {
  unread: number;
  byKind: Record<string, number>;
  supervision: number;
}

/** Kinds in the order a user meets them along the loop. */
export const NOTIFICATION_KINDS = ['to_accept', 'to_dispatch', 'to_sign', 'returned', 'extension_request', 'to_check', 'due_soon', 'overdue'];

/** Tells the header bell that the inbox changed here, so it need not wait for its next poll. */
export const INBOX_CHANGED = 'gezhi:inbox-changed';
