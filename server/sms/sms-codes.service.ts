/**
 * One-time codes through the SMS gateway: a six-digit code for a phone and a purpose, kept only as a keyed hash,
 * holding GEZHI_SMS_CODE_TTL_MIN minutes and GEZHI_SMS_CODE_ATTEMPTS wrong tries; one a phone per
 * GEZHI_SMS_CODE_RESEND_SEC, and the gateway's own limits besides. Every send and every try is audited with the
 * phone masked (the code's row keeps it sealed).
 */
import { timingSafeEqual } from 'node:crypto';
import { maskPhone } from '../../shared/masking.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { SmsConfig } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import type { SmsService } from './sms.service.ts';
import { lockPhone } from './sms.store.ts';
import { type CodePurpose, codeHashInput, codeOpen, newCode, resendWait } from './sms-codes.core.ts';
import * as store from './sms-codes.store.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface CodeIssued {
  expiresAt: Date;
  /** When the same phone may ask for another. */
  resendAt: Date;
}

type TryOutcome =
  | { ok: true; phoneHash: string }
  | { ok: false; code: 'sms.code_expired' | 'sms.code_attempts' | 'sms.code_wrong'; attemptsLeft: number };

export function createSmsCodes({
  db,
  clock,
  config,
  fieldCrypto,
  sms,
}: {
  db: Db;
  clock: Clock;
  config: SmsConfig;
  fieldCrypto: FieldCrypto;
  sms: Pick<SmsService, 'record' | 'dispatch' | 'mobileOrRefuse'>;
}) {
  const hashOf = (phoneHash: string, purpose: CodePurpose, code: string) =>
    Buffer.from(fieldCrypto.searchHash(codeHashInput(phoneHash, purpose, code)));

  return {
    /**
     * Sends a new code to the phone for the purpose (the message counted in `countyCode`'s log). Refused, with
     * nothing sent, when the phone had a code less than a minute ago or the gateway's limits are reached.
     */
    async issue(input: { phone: string; purpose: CodePurpose; countyCode: string }): Promise<CodeIssued> {
      const mobile = sms.mobileOrRefuse(input.phone);
      const phoneHash = fieldCrypto.searchHash(mobile);
      const now = clock();
      const code = newCode();
      const expiresAt = new Date(now.getTime() + config.codes.ttlMinutes * MINUTE);
      const params = { code, minutes: String(config.codes.ttlMinutes) };
      const message = await db.transaction(async (tx) => {
        // record() takes the same lock again; held from here, two servers cannot both pass the minute's wait.
        await lockPhone(tx, phoneHash);
        const wait = resendWait(await store.lastCodeAt(tx, phoneHash), now, config.codes.resendSeconds);
        if (wait > 0) throw new AppError('sms.code_too_soon', [{ field: 'phone', reason: 'resend_wait', retryAfterSeconds: wait }]);
        const row = await sms.record(
          tx,
          {
            countyCode: input.countyCode,
            userId: null,
            phone: mobile,
            template: 'verification_code',
            params,
            purpose: `code:${input.purpose}`,
          },
          now,
        );
        if (row.status === 'refused') return row;
        await store.pruneCodes(tx, new Date(now.getTime() - DAY));
        await store.supersede(tx, phoneHash, input.purpose, now);
        const created = await store.insertCode(tx, {
          phoneEnc: fieldCrypto.encrypt(mobile),
          phoneHash,
          phoneMasked: maskPhone(mobile) as string,
          purpose: input.purpose,
          codeHash: hashOf(phoneHash, input.purpose, code).toString(),
          messageId: row.id,
          createdAt: now,
          expiresAt,
        });
        await recordAudit(tx, {
          at: now,
          actorId: null,
          action: 'sms.code_issued',
          target: created.id,
          detail: { purpose: input.purpose, phone: created.phoneMasked, message: row.id, expiresAt: expiresAt.toISOString() },
        });
        return row;
      });
      if (message.status === 'refused')
        throw new AppError('sms.phone_limit', [{ field: 'phone', reason: message.refusedBy ?? 'phone_limit' }]);
      const sent = await sms.dispatch(message, params);
      if (sent.status === 'failed') throw new AppError('sms.gateway_failed', [{ field: 'phone', reason: 'gateway_failed' }]);
      return { expiresAt, resendAt: new Date(now.getTime() + config.codes.resendSeconds * 1000) };
    },

    /**
     * Checks a code: right, it is spent and the phone's hash returned; wrong, the try is counted and refused naming
     * the code; expired, spent, used up or never sent, refused without a count. Every try is audited.
     */
    async verify(input: { phone: string; purpose: CodePurpose; code: string }): Promise<{ phoneHash: string }> {
      const mobile = sms.mobileOrRefuse(input.phone);
      const phoneHash = fieldCrypto.searchHash(mobile);
      const now = clock();
      const outcome = await db.transaction(async (tx): Promise<TryOutcome> => {
        // Two tries of one code wait on each other, so neither is left uncounted.
        await lockPhone(tx, phoneHash);
        const row = await store.latestCode(tx, phoneHash, input.purpose);
        const state = codeOpen(row, now, config.codes);
        let result: TryOutcome;
        if (!row || state !== 'open') {
          result = { ok: false, code: state === 'attempts' ? 'sms.code_attempts' : 'sms.code_expired', attemptsLeft: 0 };
        } else if (timingSafeEqual(Buffer.from(row.codeHash), hashOf(phoneHash, input.purpose, input.code))) {
          await store.spend(tx, row.id, now);
          result = { ok: true, phoneHash };
        } else {
          const attempts = await store.countAttempt(tx, row.id);
          const attemptsLeft = Math.max(0, config.codes.maxAttempts - attempts);
          result = { ok: false, code: attemptsLeft === 0 ? 'sms.code_attempts' : 'sms.code_wrong', attemptsLeft };
        }
        await recordAudit(tx, {
          at: now,
          actorId: null,
          action: result.ok ? 'sms.code_verified' : 'sms.code_refused',
          target: row?.id ?? null,
          detail: {
            purpose: input.purpose,
            phone: maskPhone(mobile),
            ...(!result.ok && { reason: result.code.slice('sms.code_'.length), attemptsLeft: result.attemptsLeft }),
          },
        });
        return result;
      });
      if (!outcome.ok)
        throw new AppError(outcome.code, [
          { field: 'code', reason: outcome.code.slice('sms.code_'.length), attemptsLeft: outcome.attemptsLeft },
        ]);
      return { phoneHash: outcome.phoneHash };
    },
  };
}

export type SmsCodes = ReturnType<typeof createSmsCodes>;
