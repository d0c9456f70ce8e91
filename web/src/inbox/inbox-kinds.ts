export { NOTIFICATION_KINDS } from '../../../shared/enums.ts';

/** Tells the header bell that the inbox changed here, so it need not wait for its next poll. */
export const INBOX_CHANGED = 'gezhi:inbox-changed';
