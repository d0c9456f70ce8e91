import { describe, expect, it } from 'vitest';
import { loggedParams, renderSms } from './sms.templates.ts';
import { codeHashInput, codeOpen, newCode, resendWait } from './sms-codes.core.ts';

const LIMITS = { ttlMinutes: 5, maxAttempts: 5, resendSeconds: 60 };
const now = new Date('2026-12-04T02:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('one-time codes', () => {
  it('are six digits, leading zeros kept', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^[0-9]{6}$/);
  });

  it('bind the code to the phone and the purpose', () => {
    expect(codeHashInput('h1', 'my_reports', '123456')).not.toBe(codeHashInput('h2', 'my_reports', '123456'));
  });

  it('make a phone wait a minute between codes, counting the seconds left up', () => {
    expect(resendWait(null, now, 60)).toBe(0);
    expect(resendWait(at(-59.5), now, 60)).toBe(1);
    expect(resendWait(at(-1), now, 60)).toBe(59);
    expect(resendWait(at(-60), now, 60)).toBe(0);
  });

  it('hold until their end, not after being spent, nor after the wrong tries are used up', () => {
    const fresh = { expiresAt: at(300), usedAt: null, attempts: 0 };
    expect(codeOpen(fresh, now, LIMITS)).toBe('open');
    expect(codeOpen({ ...fresh, attempts: 4 }, now, LIMITS)).toBe('open');
    expect(codeOpen({ ...fresh, attempts: 5 }, now, LIMITS)).toBe('attempts');
    expect(codeOpen({ ...fresh, expiresAt: now }, now, LIMITS)).toBe('expired');
    expect(codeOpen({ ...fresh, usedAt: at(-10) }, now, LIMITS)).toBe('expired');
    expect(codeOpen(undefined, now, LIMITS)).toBe('expired');
  });
});

describe('the code template', () => {
  it('reads as the phone shows it, in Chinese', () => {
    expect(renderSms('格治', 'verification_code', { code: '042817', minutes: '5' })).toBe(
      '【格治】您的验证码为042817，5分钟内有效，请勿告诉他人。如非本人操作，请忽略本短信。',
    );
  });

  it('is logged with the code starred unless the gateway is the local one, whose log is its delivery', () => {
    expect(loggedParams('verification_code', { code: '042817', minutes: '5' }, false)).toEqual({ code: '******', minutes: '5' });
    expect(loggedParams('verification_code', { code: '042817', minutes: '5' }, true)).toEqual({ code: '042817', minutes: '5' });
    expect(loggedParams('case_overdue', { count: '2', caseNo: '202611020001' }, false)).toEqual({ count: '2', caseNo: '202611020001' });
  });
});
