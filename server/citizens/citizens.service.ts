/**
 * Citizens' "my reports": a phone number, a one-time code sent to it, then for half an hour the reports made with
 * that phone, matched by its keyed hash. No account; the session knows the phone's hash and its masked form only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { maskPhone } from '../../shared/masking.ts';
import { bareMobile } from '../../shared/phones.ts';
import { citizenReports, countyOfReporter } from '../events/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import type { PageAsked } from '../platform/paging.ts';
import type { SmsCodes } from '../sms/index.ts';
import * as store from './citizens.store.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

export function createCitizensService({
  db,
  clock,
  fieldCrypto,
  codes,
  sessionMinutes,
  resendSeconds,
  ttlMinutes,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  codes: Pick<SmsCodes, 'issue' | 'verify'>;
  sessionMinutes: number;
  resendSeconds: number;
  ttlMinutes: number;
}) {
  function mobileOrRefuse(phone: string): string {
    const mobile = bareMobile(phone);
    if (!mobile) throw new AppError('sms.phone_invalid', [{ field: 'phone', reason: 'not_a_mobile_number' }]);
    return mobile;
  }

  /** The session behind a cookie's token, or 401 naming the session. */
  async function sessionOf(token: string | undefined) {
    const row = token ? await store.liveSession(db, sha256(token), clock()) : undefined;
    if (!row) throw new AppError('citizen.session_required', [{ field: 'session', reason: 'required' }]);
    return row;
  }

  return {
    /**
     * Sends a code to the phone when it made reports (in the county of its latest one). A phone that made none
     * is sent nothing (the gateway is no free SMS sender for strangers) and answered alike.
     */
    async issueCode(phone: string) {
      const mobile = mobileOrRefuse(phone);
      const countyCode = await countyOfReporter(db, fieldCrypto.searchHash(mobile));
      const now = clock();
      const issued = countyCode
        ? await codes.issue({ phone: mobile, purpose: 'my_reports', countyCode })
        : { expiresAt: new Date(now.getTime() + ttlMinutes * 60_000), resendAt: new Date(now.getTime() + resendSeconds * 1000) };
      return { phone: maskPhone(mobile) as string, ...issued };
    },

    /** Verifies the code and opens a session for the phone: its token goes in the cookie, its hash in the table. */
    async signIn(phone: string, code: string) {
      const mobile = mobileOrRefuse(phone);
      const { phoneHash } = await codes.verify({ phone: mobile, purpose: 'my_reports', code });
      const token = randomBytes(32).toString('base64url');
      const now = clock();
      const expiresAt = new Date(now.getTime() + sessionMinutes * 60_000);
      const phoneMasked = maskPhone(mobile) as string;
      await db.transaction(async (tx) => {
        await store.pruneSessions(tx, now);
        await store.insertSession(tx, { tokenHash: sha256(token), phoneHash, phoneMasked, createdAt: now, expiresAt });
        await recordAudit(tx, { at: now, actorId: null, action: 'citizen.session_opened', detail: { phone: phoneMasked } });
      });
      return { token, phone: phoneMasked, expiresAt };
    },

    /** The session's phone, masked, and when it ends. */
    async getSession(token: string | undefined) {
      const row = await sessionOf(token);
      return { phone: row.phoneMasked, expiresAt: row.expiresAt };
    },

    /** The reports made with the session's phone, newest first. */
    async findReports(token: string | undefined, page: PageAsked) {
      const row = await sessionOf(token);
      return { phone: row.phoneMasked, ...(await citizenReports(db, row.phoneHash, page)) };
    },

    async removeSession(token: string | undefined) {
      if (token) await store.removeSession(db, sha256(token));
    },
  };
}

export type CitizensService = ReturnType<typeof createCitizensService>;
