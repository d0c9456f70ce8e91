import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import type { SmsNotice } from './sms.core.ts';
import { smsRoutes } from './sms.routes.ts';
import { createSmsService } from './sms.service.ts';
import { createSmsCodes } from './sms-codes.service.ts';
import { gatewayOf, type SmsGateway } from './sms-gateway.ts';

export type { SmsNotice } from './sms.core.ts';
export { renderSms, SMS_TEMPLATES, type SmsTemplateName } from './sms.templates.ts';
export { CODE_PATTERN, CODE_PURPOSES, type CodePurpose } from './sms-codes.core.ts';
export type { CodeIssued, SmsCodes } from './sms-codes.service.ts';
export type { SmsGateway, SmsRequest } from './sms-gateway.ts';
export { aliyunSignature } from './sms-gateway.ts';

/**
 * SMS (docs/integrations/sms.md): a gateway in the providers' request shape (local by default, Aliyun by config), the
 * log of every message, limits per phone and per account, an audit row per send. `channel` is a notification
 * channel app.ts hands the loop's inbox: the notices of the kinds configured also reach the recipients' phones.
 */
export function createSms({
  app,
  db,
  clock,
  config,
  guard,
  gateway = gatewayOf(config.sms, clock, app.log),
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  gateway?: SmsGateway;
}) {
  const fieldCrypto = openFieldCrypto(config);
  const sms = createSmsService({ db, clock, config: config.sms, fieldCrypto, gateway });
  smsRoutes(app, { sms, guard });
  return {
    send: sms.send,
    /** One-time codes for a phone and a purpose (sms-codes.service.ts): issue sends one, verify spends it. */
    codes: createSmsCodes({ db, clock, config: config.sms, fieldCrypto, sms }),
    channel: { name: `sms:${gateway.name}`, deliver: (notices: readonly SmsNotice[]) => sms.deliverNotices(notices) },
  };
}
