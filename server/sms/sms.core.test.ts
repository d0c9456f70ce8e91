import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { draftsOf, limitBroken, mobileOf } from './sms.core.ts';
import { renderSms, SMS_TEMPLATES } from './sms.templates.ts';
import { aliyunSignature } from './sms-gateway.ts';

const notice = (userId: string, kind: string, data: Record<string, unknown>) => ({ countyCode: '420923', userId, kind, data });
const KINDS = ['overdue', 'call_overdue', 'household_alert'];

describe('which notices make which messages', () => {
  it('makes one message per account and kind, naming the first case and the count, for the kinds configured only', () => {
    const drafts = draftsOf(
      [
        notice('u1', 'overdue', { caseNo: '202611020001' }),
        notice('u1', 'overdue', { caseNo: '202611020002' }),
        notice('u2', 'overdue', { caseNo: '202611020001' }),
        notice('u1', 'to_sign', { caseNo: '202611020003' }),
        notice('u1', 'household_alert', { groupName: '槐荫路 8 号十户联防组' }),
      ],
      KINDS,
    );
    expect(drafts).toEqual([
      { countyCode: '420923', userId: 'u1', purpose: 'overdue', template: 'case_overdue', params: { count: '2', caseNo: '202611020001' } },
      { countyCode: '420923', userId: 'u2', purpose: 'overdue', template: 'case_overdue', params: { count: '1', caseNo: '202611020001' } },
      {
        countyCode: '420923',
        userId: 'u1',
        purpose: 'household_alert',
        template: 'household_alert',
        params: { group: '槐荫路 8 号十户联防组' },
      },
    ]);
    expect(draftsOf([notice('u1', 'overdue', { caseNo: '1' })], ['household_alert'])).toEqual([]);
  });

  it('cuts a long address to what a provider accepts in a param', () => {
    const [d] = draftsOf([notice('u1', 'call_overdue', { address: '云梦县城关镇解放路与建设路交叉口东南角菜市场后门第三个摊位' })], KINDS);
    expect(d.params.address).toHaveLength(20);
    expect(d.params.address.endsWith('…')).toBe(true);
  });
});

describe('limits', () => {
  const limits = { perPhone: { max: 3, windowMinutes: 60 }, perAccount: { max: 5, windowMinutes: 1440 } };
  it('lets a message go under both limits, names the one reached otherwise', () => {
    expect(limitBroken(limits, { phone: 2, account: 4 })).toBeNull();
    expect(limitBroken(limits, { phone: 3, account: 0 })).toBe('phone_limit');
    expect(limitBroken(limits, { phone: 0, account: 5 })).toBe('account_limit');
    expect(limitBroken(limits, { phone: 0, account: null })).toBeNull();
  });
  it('defaults to 5 an hour per phone and 20 a day per account, and takes other figures from the environment', () => {
    expect(loadConfig({}).sms.rateLimit).toEqual({
      perPhone: { max: 5, windowMinutes: 60 },
      perAccount: { max: 20, windowMinutes: 1440 },
    });
    expect(loadConfig({ GEZHI_SMS_PHONE_MAX: '2', GEZHI_SMS_ACCOUNT_WINDOW_MIN: '60' }).sms.rateLimit).toEqual({
      perPhone: { max: 2, windowMinutes: 60 },
      perAccount: { max: 20, windowMinutes: 60 },
    });
    expect(() => loadConfig({ GEZHI_SMS_PHONE_MAX: '0' })).toThrow(/GEZHI_SMS_PHONE_MAX/);
  });
});

describe('settings', () => {
  it('is local unless a provider is named, and a provider without its keys or an unknown kind stops the server', () => {
    expect(loadConfig({}).sms).toMatchObject({ provider: 'local', signName: '格治', aliyun: null });
    expect(() => loadConfig({ GEZHI_SMS_PROVIDER: 'aliyun' })).toThrow(/GEZHI_SMS_ALIYUN_KEY_ID/);
    expect(() => loadConfig({ GEZHI_SMS_PROVIDER: 'twilio' })).toThrow(/GEZHI_SMS_PROVIDER/);
    expect(() => loadConfig({ GEZHI_SMS_KINDS: 'overdue,lunch' })).toThrow(/lunch/);
    expect(loadConfig({ GEZHI_SMS_TEMPLATE_CODES: 'case_overdue:SMS_1,call_overdue:SMS_2' }).sms.templateCodes).toEqual({
      case_overdue: 'SMS_1',
      call_overdue: 'SMS_2',
    });
    expect(() => loadConfig({ GEZHI_SMS_TEMPLATE_CODES: 'case_overdue' })).toThrow(/name:code/);
  });
});

describe('templates and numbers', () => {
  it('fills every param a template names into the text a phone shows', () => {
    expect(renderSms('格治', 'case_overdue', { count: '2', caseNo: '202611020001' })).toBe(
      '【格治】您单位有2件案件已超期，含202611020001，请登录格治尽快处理。',
    );
    for (const [name, t] of Object.entries(SMS_TEMPLATES))
      expect([...t.text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]).sort(), name).toEqual([...t.params].sort());
  });
  it('takes mainland mobiles in the ways people write them, and nothing else', () => {
    expect(mobileOf('+86 138 1234 5678')).toBe('13812345678');
    expect(mobileOf('138-1234-5678')).toBe('13812345678');
    expect(mobileOf('010-12345678')).toBeNull();
    expect(mobileOf('12812345678')).toBeNull();
    expect(mobileOf(null)).toBeNull();
  });
  it('signs as Aliyun’s documented example does', () => {
    // The worked example of Aliyun's signature 1.0 (RPC), AccessKeyId "testId", secret "testSecret".
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunSignature(params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });
});
