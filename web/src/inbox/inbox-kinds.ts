/** Kinds in the order a user meets them along the loop. */
export const NOTIFICATION_KINDS = [
  'to_accept',
  'to_dispatch',
  'to_sign',
  'returned',
  'extension_request',
  'to_check',
  'due_soon',
  'overdue',
];

/** Tells the header bell that the inbox changed here, so it need not wait for its next poll. */
export const INBOX_CHANGED = 'gezhi:inbox-changed';
