/** SMS (server/sms): a message's states and the limits that refuse one, named alike by the server and the console. */
export const SMS_STATUSES = ['sending', 'sent', 'failed', 'refused'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];
export const SMS_REFUSALS = ['phone_limit', 'account_limit'] as const;
export type SmsRefusal = (typeof SMS_REFUSALS)[number];
