/**
 * Sending an SMS: limited per phone and per account in a window, recorded in sms_message with the provider's request,
 * audited in the same transaction, then handed to the gateway and its answer kept. A message over a limit is
 * recorded and audited as refused and never reaches the gateway.
 */
import { maskPhone } from '../../shared/masking.ts';
import { sealedPhonesOf, userNames } from '../access/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { SmsConfig } from '../platform/config.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { checkParams, draftsOf, limitBroken, mobileOf, type SmsNotice } from './sms.core.ts';
import * as store from './sms.store.ts';
import { loggedParams, renderSms, type SmsTemplateName } from './sms.templates.ts';
import type { SmsGateway } from './sms-gateway.ts';

export interface SmsInput {
  countyCode: string;
  /** The account it is for, counted against the per-account limit; null for a phone of no account. */
  userId: string | null;
  phone: string;
  template: SmsTemplateName;
  params: Record<string, string>;
  purpose: string;
}

const MINUTE = 60_000;

export function createSmsService({
  db,
  clock,
  config,
  fieldCrypto,
  gateway,
}: {
  db: Db;
  clock: Clock;
  config: SmsConfig;
  fieldCrypto: FieldCrypto;
  gateway: SmsGateway;
}) {
  /** A mainland mobile, bare, or a refusal naming the field. */
  function mobileOrRefuse(phone: string): string {
    const mobile = mobileOf(phone);
    if (!mobile) throw new AppError('sms.phone_invalid', [{ field: 'phone', reason: 'not_a_mobile_number' }]);
    return mobile;
  }

  /**
   * The part of a send inside the caller's transaction: the limits counted under a lock on the phone's hash, the
   * message recorded (refused over a limit) and audited. `dispatch` hands it to the gateway once committed.
   */
  async function record(tx: Tx, input: SmsInput, now: Date): Promise<store.SmsRow> {
    checkParams(input.template, input.params);
    const mobile = mobileOrRefuse(input.phone);
    const phoneHash = fieldCrypto.searchHash(mobile);
    const { perPhone, perAccount } = config.rateLimit;
    const templateCode = config.templateCodes[input.template] ?? input.template;
    await store.lockPhone(tx, phoneHash);
    const phone = await store.sentToPhoneSince(tx, phoneHash, new Date(now.getTime() - perPhone.windowMinutes * MINUTE));
    const account = input.userId
      ? await store.sentToUserSince(tx, input.userId, new Date(now.getTime() - perAccount.windowMinutes * MINUTE))
      : null;
    const refusedBy = limitBroken(config.rateLimit, { phone, account });
    const created = await store.insertMessage(tx, {
      countyCode: input.countyCode,
      userId: input.userId,
      phoneEnc: fieldCrypto.encrypt(mobile),
      phoneHash,
      phoneMasked: maskPhone(mobile) as string,
      template: input.template,
      templateCode,
      signName: config.signName,
      params: loggedParams(input.template, input.params, gateway.name === 'local'),
      purpose: input.purpose,
      provider: gateway.name,
      status: refusedBy ? 'refused' : 'sending',
      refusedBy,
      createdAt: now,
    });
    await recordAudit(tx, {
      at: now,
      actorId: null,
      action: refusedBy ? 'sms.refused' : 'sms.sent',
      target: created.id,
      detail: {
        template: input.template,
        templateCode,
        phone: created.phoneMasked,
        purpose: input.purpose,
        provider: gateway.name,
        ...(input.userId && { user: input.userId }),
        ...(refusedBy && { rule: refusedBy }),
      },
    });
    return created;
  }

  /**
   * Hands a recorded message to the gateway with its params (the log may keep a secret one starred) and keeps the
   * answer; a refused one stays as it is.
   */
  async function dispatch(row: store.SmsRow, params: Record<string, string>): Promise<store.SmsRow> {
    if (row.status === 'refused') return row;
    let outcome: Pick<store.SmsRow, 'status' | 'providerMessageId' | 'error' | 'sentAt'>;
    try {
      const { messageId } = await gateway.send({
        phoneNumbers: [fieldCrypto.decrypt(row.phoneEnc)],
        signName: row.signName,
        templateCode: row.templateCode,
        templateParam: params,
      });
      outcome = { status: 'sent', providerMessageId: messageId, error: null, sentAt: clock() };
    } catch (e) {
      outcome = { status: 'failed', providerMessageId: null, error: String((e as Error).message ?? e).slice(0, 500), sentAt: null };
    }
    await store.settle(db, row, outcome);
    return { ...row, ...outcome };
  }

  /** Sends one message, or refuses it over a limit; the row as it ended. Throws only for a phone that is no mobile. */
  async function send(input: SmsInput): Promise<store.SmsRow> {
    const now = clock();
    return dispatch(await db.transaction((tx) => record(tx, input, now)), input.params);
  }

  return {
    send,
    record,
    dispatch,
    mobileOrRefuse,

    /**
     * The notification channel (events' inbox hands it the notices new to the inbox): one message per account and
     * kind for the kinds configured, to the account's mobile; accounts without one are skipped.
     */
    async deliverNotices(notices: readonly SmsNotice[]): Promise<void> {
      const drafts = draftsOf(notices, config.kinds);
      if (drafts.length === 0) return;
      const phones = await sealedPhonesOf(
        db,
        drafts.map((d) => d.userId),
      );
      for (const d of drafts) {
        // Opened here, where it is sent: the account's phone is sealed like every phone.
        const sealed = phones.get(d.userId);
        const phone = mobileOf(sealed ? fieldCrypto.decrypt(sealed) : null);
        if (phone) await send({ ...d, phone });
      }
    },

    /** The log an administrator reads: masked phones, the text as the phone shows it, the provider's answer. */
    async find(actor: Actor, q: { status?: string; phone?: string; offset: number; limit: number }) {
      const mobile = q.phone === undefined ? undefined : mobileOf(q.phone);
      if (mobile === null) throw new AppError('request.invalid', [{ field: 'querystring.phone', reason: 'not_a_mobile_number' }]);
      const page = await store.messagePage(db, actor.scope, {
        status: q.status,
        phoneHash: mobile ? fieldCrypto.searchHash(mobile) : undefined,
        offset: q.offset,
        limit: q.limit,
      });
      const names = await userNames(
        db,
        page.items.flatMap((m) => (m.userId ? [m.userId] : [])),
      );
      return {
        total: page.total,
        items: page.items.map((m) => ({
          id: m.id,
          countyCode: m.countyCode,
          user: m.userId ? { id: m.userId, name: names.get(m.userId) ?? null } : null,
          phone: m.phoneMasked,
          template: m.template as SmsTemplateName,
          templateCode: m.templateCode,
          signName: m.signName,
          params: m.params,
          text: renderSms(m.signName, m.template as SmsTemplateName, m.params),
          purpose: m.purpose,
          provider: m.provider,
          status: m.status as 'sending' | 'sent' | 'failed' | 'refused',
          refusedBy: m.refusedBy as 'phone_limit' | 'account_limit' | null,
          providerMessageId: m.providerMessageId,
          error: m.error,
          createdAt: m.createdAt,
          sentAt: m.sentAt,
        })),
      };
    },
  };
}

export type SmsService = ReturnType<typeof createSmsService>;
