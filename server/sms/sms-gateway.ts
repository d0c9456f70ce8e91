/**
 * The SMS gateway: the request every provider takes in some spelling — phone numbers, a sign name approved for the
 * sender, a template code approved for the wording, the template's params — and its answer, a message id or a
 * refusal. The local gateway sends nothing: the message's row in sms_message is the record a test or an
 * administrator reads. Aliyun (阿里云短信 SendSms) is chosen by GEZHI_SMS_PROVIDER=aliyun.
 */
import crypto from 'node:crypto';
import { maskPhone } from '../../shared/masking.ts';
import type { SmsConfig } from '../platform/config.ts';

export interface SmsRequest {
  /** Bare mainland mobile numbers. */
  phoneNumbers: string[];
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
}

export interface SmsGateway {
  readonly name: SmsConfig['provider'];
  /** The provider's id of the message; throws when the provider refuses it or does not answer. */
  send(request: SmsRequest): Promise<{ messageId: string }>;
}

/** Where the local gateway writes what it would have sent (the server's log). */
export interface SmsLog {
  info(obj: object, msg: string): void;
}

/**
 * Records only (the default): every message is accepted, under an id of its own, and written to the server's log
 * with its params (a one-time code among them, so a developer reads it there) and the phone masked.
 */
export function localGateway(log?: SmsLog): SmsGateway {
  return {
    name: 'local',
    async send(request) {
      const messageId = `local-${crypto.randomUUID()}`;
      log?.info(
        {
          sms: {
            messageId,
            phones: request.phoneNumbers.map(maskPhone),
            templateCode: request.templateCode,
            params: request.templateParam,
          },
        },
        'sms recorded by the local gateway (nothing sent)',
      );
      return { messageId };
    },
  };
}

/** RFC 3986 percent-encoding as Aliyun's signature version 1.0 asks (encodeURIComponent leaves !'()* alone). */
const percent = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Aliyun's RPC signature 1.0: HMAC-SHA1, keyed by the secret and "&", of "GET&%2F&" and the sorted, encoded query. */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'GET'): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${percent(k)}=${percent(params[k])}`)
    .join('&');
  return crypto
    .createHmac('sha1', `${secret}&`)
    .update(`${method}&${percent('/')}&${percent(query)}`)
    .digest('base64');
}

/** Alibaba Cloud SMS (dysmsapi SendSms, version 2017-05-25). */
export function aliyunGateway(keys: NonNullable<SmsConfig['aliyun']>, now: () => Date, timeoutMs = 10_000): SmsGateway {
  return {
    name: 'aliyun',
    async send(request) {
      const params: Record<string, string> = {
        AccessKeyId: keys.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: request.phoneNumbers.join(','),
        RegionId: 'cn-hangzhou',
        SignName: request.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: crypto.randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: request.templateCode,
        TemplateParam: JSON.stringify(request.templateParam),
        Timestamp: now()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const url = new URL(keys.endpoint);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      url.searchParams.set('Signature', aliyunSignature(params, keys.accessKeySecret));
      const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      const reply = (await res.json().catch(() => null)) as { Code?: string; Message?: string; BizId?: string } | null;
      if (!res.ok || reply?.Code !== 'OK' || !reply.BizId)
        throw new Error(`aliyun refused the message: HTTP ${res.status} ${reply?.Code ?? ''} ${reply?.Message ?? ''}`.trim());
      return { messageId: reply.BizId };
    },
  };
}

export function gatewayOf(config: SmsConfig, now: () => Date, log?: SmsLog): SmsGateway {
  return config.provider === 'aliyun' && config.aliyun ? aliyunGateway(config.aliyun, now) : localGateway(log);
}
