import path from 'node:path';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/enums.ts';
import { type HostConfig, hostConfig } from './host-config.ts';

/** All configuration, read once from the environment. Nothing else reads process.env. */
export interface Config {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  /** Folder for the embedded database and other local data. */
  dataDir: string;
  host: string;
  port: number;
  /** Failed sign-ins in a row that lock an account, and for how long. */
  lockout: { attempts: number; minutes: number };
  /**
   * Sign-in attempts that may fail in a window, per account name and per client address, before further attempts
   * are refused unchecked (429); successful ones do not count.
   */
  signInLimit: { perAccount: { max: number; windowMinutes: number }; perAddress: { max: number; windowMinutes: number } };
  /**
   * A session ends after this many minutes without a request (idle; last seen is written at most once a minute)
   * and this many hours after sign-in, whatever happens (absolute).
   */
  session: { idleMinutes: number; maxHours: number };
  /**
   * The cost of hashing a password (argon2id): memory in KiB, passes, lanes. Production uses the library's
   * recommended 19 MiB, t=2, p=1 (PRODUCTION_PASSWORD_COST); only the tests lower it, to sign in by the hundred.
   * A stored hash carries its own cost, so a change applies to passwords set from then on.
   */
  passwordCost: PasswordCost;
  /**
   * Set the Secure flag on the session cookie on every reply. Requests that came over HTTPS get it regardless;
   * on by default when NODE_ENV is production (GEZHI_SECURE_COOKIES=0 turns it off, =1 on).
   */
  secureCookies: boolean;
  /**
   * Which reverse proxies to believe about the client's address and scheme (X-Forwarded-For, -Proto, -Host):
   * false (none, the default), true (any), a number of hops, or addresses and CIDR ranges. Fastify's trustProxy.
   */
  trustProxy: boolean | number | string[];
  /** Origins besides the server's own from which state-changing requests are accepted, e.g. https://gezhi.example.gov.cn. */
  allowedOrigins: string[];
  logLevel: string;
  /**
   * Hex keys sealing sensitive fields (SM4) and keying their search hashes; see platform/field-keys.ts. `enc` is
   * one key (version 1) or the key ring by version, the first sealing and all of them opening.
   */
  fieldKeys: { enc: string | VersionedKey[]; hash: string } | null;
  /** Working days after closing within which a case should have its return visit; later, it enters the supervision queue. */
  unvisitedWorkingDays: number;
  /** Working hours a call with only an address may wait to be placed on the map (shortened for urgent calls). */
  locateWorkingHours: number;
  /** Working days before a stage is due when the sweep reminds the responsible unit, e.g. 3 and 1. */
  reminderWorkingDays: number[];
  /** A WeCom or DingTalk group robot that also receives notifications; off unless a webhook URL is set. */
  robot: { kind: 'wecom' | 'dingtalk'; url: string; secret: string | null } | null;
  /**
   * SMS (docs/integrations/sms.md): the gateway (`local` records messages only; `aliyun` sends through Alibaba Cloud
   * SMS), the sign name, the provider's template codes by Gezhi's template name, the notification kinds that also
   * go by SMS, and the limits per phone and per account in a window.
   */
  sms: SmsConfig;
  /**
   * Webhook receivers allowed on private, loopback and link-local addresses (GEZHI_WEBHOOK_ALLOW_PRIVATE=1): local
   * simulators and the tests; off by default, so a subscription cannot make the server call its own network.
   */
  webhookAllowPrivate: boolean;
  /** Repeats: an open case of the same item within this distance and this many days is offered as "me too". */
  repeats: { radiusMeters: number; windowDays: number };
  /** Citizens' public routes: requests allowed per client (IP) in each window, so a flood is refused. */
  publicRateLimit: { max: number; windowSeconds: number };
  /** Open311 routes (GeoReport v2): requests allowed per client address in each window; a civic client polls. */
  open311RateLimit: { max: number; windowSeconds: number };
  /** Rows one export with full ID numbers or phones may hold; a larger one is refused (a reason alone is not enough). */
  unmaskedExportMax: number;
  /**
   * The command centre's base map: Tianditu (天地图) WMTS tiles under this browser key when one is set (its hosts
   * are then allowed in the Content-Security-Policy); without one, the outlines of the areas the platform holds.
   */
  tiandituKey: string | null;
  /** The Chinese font PDFs are set in (embedded, subset): Debian's Noto Sans CJK unless GEZHI_PDF_FONT names a file. */
  pdfFont: PdfFont;
  /** Host mode: sign-on by a provincial super-app (platform/host-config.ts); null: the field routes sign in by password. */
  hostSignOn: HostConfig | null;
}

export interface SmsConfig {
  provider: 'local' | 'aliyun';
  signName: string;
  /** Gezhi's template name → the code the provider approved it under (SMS_123456789); unmapped ones send their own name. */
  templateCodes: Record<string, string>;
  /** Notification kinds sent by SMS as well as to the inbox. */
  kinds: NotificationKind[];
  rateLimit: { perPhone: { max: number; windowMinutes: number }; perAccount: { max: number; windowMinutes: number } };
  /** One-time codes: how long one holds, how many wrong tries it takes, how long before the same phone gets another. */
  codes: { ttlMinutes: number; maxAttempts: number; resendSeconds: number };
  /** How long a citizen's "my reports" session lasts after their code was verified. */
  citizenSessionMinutes: number;
  aliyun: { accessKeyId: string; accessKeySecret: string; endpoint: string } | null;
}

/** The font files a PDF is set in; a .ttc (a collection) is opened at its Simplified Chinese face. */
export interface PdfFont {
  regular: string;
  bold: string;
}

/** Noto Sans CJK from Debian's fonts-noto-cjk. */
export const DEBIAN_NOTO_CJK: PdfFont = {
  regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
};

/** A field encryption key (32 hex digits) and the version its values name. */
export interface VersionedKey {
  version: number;
  key: string;
}

export interface PasswordCost {
  memoryKiB: number;
  passes: number;
  lanes: number;
}

export const PRODUCTION_PASSWORD_COST: PasswordCost = { memoryKiB: 19_456, passes: 2, lanes: 1 };

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.GEZHI_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    lockout: {
      attempts: Number(env.GEZHI_LOCKOUT_ATTEMPTS ?? 5),
      minutes: Number(env.GEZHI_LOCKOUT_MINUTES ?? 15),
    },
    signInLimit: {
      perAccount: { max: Number(env.GEZHI_SIGNIN_ACCOUNT_MAX ?? 10), windowMinutes: Number(env.GEZHI_SIGNIN_ACCOUNT_WINDOW_MIN ?? 60) },
      perAddress: { max: Number(env.GEZHI_SIGNIN_ADDRESS_MAX ?? 30), windowMinutes: Number(env.GEZHI_SIGNIN_ADDRESS_WINDOW_MIN ?? 10) },
    },
    session: {
      idleMinutes: wholeCount('GEZHI_SESSION_IDLE_MINUTES', env.GEZHI_SESSION_IDLE_MINUTES ?? '30'),
      maxHours: wholeCount('GEZHI_SESSION_MAX_HOURS', env.GEZHI_SESSION_MAX_HOURS ?? '12'),
    },
    passwordCost: PRODUCTION_PASSWORD_COST,
    secureCookies: env.GEZHI_SECURE_COOKIES ? env.GEZHI_SECURE_COOKIES === '1' : env.NODE_ENV === 'production',
    trustProxy: trustProxy(env.GEZHI_TRUST_PROXY ?? ''),
    allowedOrigins: (env.GEZHI_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => origin('GEZHI_ALLOWED_ORIGINS', o)),
    logLevel: env.LOG_LEVEL ?? 'warn',
    fieldKeys: fieldKeys(env),
    unvisitedWorkingDays: wholeDays('GEZHI_UNVISITED_WORKING_DAYS', env.GEZHI_UNVISITED_WORKING_DAYS ?? '2'),
    locateWorkingHours: positiveHours('GEZHI_LOCATE_WORKING_HOURS', env.GEZHI_LOCATE_WORKING_HOURS ?? '4'),
    reminderWorkingDays: reminderDays(env.GEZHI_REMINDER_DAYS ?? '3,1'),
    robot: env.GEZHI_ROBOT_WEBHOOK
      ? {
          kind: env.GEZHI_ROBOT_KIND === 'dingtalk' ? 'dingtalk' : 'wecom',
          url: env.GEZHI_ROBOT_WEBHOOK,
          secret: env.GEZHI_ROBOT_SECRET || null,
        }
      : null,
    sms: smsConfig(env),
    webhookAllowPrivate: env.GEZHI_WEBHOOK_ALLOW_PRIVATE === '1',
    repeats: { radiusMeters: Number(env.GEZHI_REPEAT_RADIUS_M ?? 50), windowDays: Number(env.GEZHI_REPEAT_WINDOW_DAYS ?? 7) },
    publicRateLimit: { max: Number(env.GEZHI_PUBLIC_RATE_MAX ?? 30), windowSeconds: Number(env.GEZHI_PUBLIC_RATE_WINDOW_S ?? 60) },
    open311RateLimit: { max: Number(env.GEZHI_OPEN311_RATE_MAX ?? 120), windowSeconds: Number(env.GEZHI_OPEN311_RATE_WINDOW_S ?? 60) },
    unmaskedExportMax: wholeCount('GEZHI_UNMASKED_EXPORT_MAX', env.GEZHI_UNMASKED_EXPORT_MAX ?? '200'),
    tiandituKey: tiandituKey(env.GEZHI_TIANDITU_KEY ?? ''),
    pdfFont: env.GEZHI_PDF_FONT
      ? { regular: path.resolve(env.GEZHI_PDF_FONT), bold: path.resolve(env.GEZHI_PDF_FONT_BOLD || env.GEZHI_PDF_FONT) }
      : DEBIAN_NOTO_CJK,
    hostSignOn: hostConfig(env),
    ...overrides,
  };
}

/** The notices that matter enough to reach a phone: a stage overdue, a call left unplaced, a household's alert. */
export const DEFAULT_SMS_KINDS: NotificationKind[] = ['overdue', 'call_overdue', 'household_alert'];

/** SMS settings; a provider without its keys, or a kind that is not one, stops the server rather than send nothing. */
function smsConfig(env: NodeJS.ProcessEnv): SmsConfig {
  const provider = env.GEZHI_SMS_PROVIDER ?? 'local';
  if (provider !== 'local' && provider !== 'aliyun') throw new Error(`GEZHI_SMS_PROVIDER: '${provider}' is not local or aliyun`);
  const kinds =
    env.GEZHI_SMS_KINDS === undefined
      ? DEFAULT_SMS_KINDS
      : env.GEZHI_SMS_KINDS.split(',')
          .map((k) => k.trim())
          .filter(Boolean);
  const unknown = kinds.filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k));
  if (unknown.length)
    throw new Error(`GEZHI_SMS_KINDS: '${unknown.join(',')}' is not a notification kind (${NOTIFICATION_KINDS.join(', ')})`);
  const templateCodes: Record<string, string> = {};
  for (const pair of (env.GEZHI_SMS_TEMPLATE_CODES ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const m = /^([a-z_]+):([A-Za-z0-9_-]+)$/.exec(pair);
    if (!m) throw new Error(`GEZHI_SMS_TEMPLATE_CODES: '${pair}' is not name:code (case_overdue:SMS_123456789)`);
    templateCodes[m[1]] = m[2];
  }
  let aliyun: SmsConfig['aliyun'] = null;
  if (provider === 'aliyun') {
    if (!env.GEZHI_SMS_ALIYUN_KEY_ID || !env.GEZHI_SMS_ALIYUN_KEY_SECRET)
      throw new Error('GEZHI_SMS_PROVIDER=aliyun needs GEZHI_SMS_ALIYUN_KEY_ID and GEZHI_SMS_ALIYUN_KEY_SECRET');
    aliyun = {
      accessKeyId: env.GEZHI_SMS_ALIYUN_KEY_ID,
      accessKeySecret: env.GEZHI_SMS_ALIYUN_KEY_SECRET,
      endpoint: env.GEZHI_SMS_ALIYUN_ENDPOINT || 'https://dysmsapi.aliyuncs.com/',
    };
  }
  return {
    provider,
    signName: env.GEZHI_SMS_SIGN_NAME || '格治',
    templateCodes,
    kinds: kinds as NotificationKind[],
    rateLimit: {
      perPhone: {
        max: wholeCount('GEZHI_SMS_PHONE_MAX', env.GEZHI_SMS_PHONE_MAX ?? '5'),
        windowMinutes: wholeCount('GEZHI_SMS_PHONE_WINDOW_MIN', env.GEZHI_SMS_PHONE_WINDOW_MIN ?? '60'),
      },
      perAccount: {
        max: wholeCount('GEZHI_SMS_ACCOUNT_MAX', env.GEZHI_SMS_ACCOUNT_MAX ?? '20'),
        windowMinutes: wholeCount('GEZHI_SMS_ACCOUNT_WINDOW_MIN', env.GEZHI_SMS_ACCOUNT_WINDOW_MIN ?? '1440'),
      },
    },
    codes: {
      ttlMinutes: wholeCount('GEZHI_SMS_CODE_TTL_MIN', env.GEZHI_SMS_CODE_TTL_MIN ?? '5'),
      maxAttempts: wholeCount('GEZHI_SMS_CODE_ATTEMPTS', env.GEZHI_SMS_CODE_ATTEMPTS ?? '5'),
      resendSeconds: wholeCount('GEZHI_SMS_CODE_RESEND_SEC', env.GEZHI_SMS_CODE_RESEND_SEC ?? '60'),
    },
    citizenSessionMinutes: wholeCount('GEZHI_CITIZEN_SESSION_MIN', env.GEZHI_CITIZEN_SESSION_MIN ?? '30'),
    aliyun,
  };
}

/** A Tianditu browser key is 32 hex digits; anything else would end up in every tile address, so it stops the server. */
function tiandituKey(text: string): string | null {
  const key = text.trim();
  if (key === '') return null;
  if (!/^[0-9a-f]{32}$/i.test(key)) throw new Error('GEZHI_TIANDITU_KEY must be the 32 hex digits of a Tianditu browser key');
  return key;
}

/**
 * GEZHI_FIELD_ENC_KEY is one key, version 1; GEZHI_FIELD_ENC_KEYS ("2:<32 hex>,1:<32 hex>") the ring after a
 * rotation, the first sealing. Both at once, or a ring that is not version:key pairs, stops the server: which key
 * seals must never be a guess.
 */
function fieldKeys(env: NodeJS.ProcessEnv): Config['fieldKeys'] {
  const one = env.GEZHI_FIELD_ENC_KEY;
  const ring = env.GEZHI_FIELD_ENC_KEYS;
  if (one && ring) throw new Error('GEZHI_FIELD_ENC_KEY and GEZHI_FIELD_ENC_KEYS are both set: keep the ring only (GEZHI_FIELD_ENC_KEYS)');
  if (!env.GEZHI_FIELD_HASH_KEY || !(one || ring)) return null;
  if (one) return { enc: one, hash: env.GEZHI_FIELD_HASH_KEY };
  const keys = (ring as string)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((pair) => {
      const m = /^([1-9][0-9]{0,5}):([0-9a-fA-F]{32})$/.exec(pair);
      if (!m)
        throw new Error(`GEZHI_FIELD_ENC_KEYS: '${pair.slice(0, 8)}…' is not version:key (a version 1 to 999999, a key of 32 hex digits)`);
      return { version: Number(m[1]), key: m[2] };
    });
  if (keys.length === 0) throw new Error('GEZHI_FIELD_ENC_KEYS: no key');
  if (new Set(keys.map((k) => k.version)).size !== keys.length) throw new Error('GEZHI_FIELD_ENC_KEYS: a key version appears twice');
  return { enc: keys, hash: env.GEZHI_FIELD_HASH_KEY };
}

/** "" → false, "true" → any proxy, "2" → two hops, "10.0.0.1,10.1.0.0/16" → those addresses. */
function trustProxy(text: string): boolean | number | string[] {
  const t = text.trim();
  if (t === '' || t === 'false' || t === '0') return false;
  if (t === 'true') return true;
  if (/^[0-9]+$/.test(t)) return Number(t);
  return t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** An origin as browsers send it (scheme, host, port); anything else stops the server rather than refuse every write. */
function origin(name: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name}: '${text}' is not an origin such as https://gezhi.example.gov.cn`);
  }
  if (url.origin === 'null' || url.pathname !== '/' || url.search || url.hash)
    throw new Error(`${name}: '${text}' is not an origin such as https://gezhi.example.gov.cn`);
  return url.origin;
}

/** "3,1" → [3, 1]; a setting that is not a list of whole numbers stops the server rather than remind nobody. */
function reminderDays(text: string): number[] {
  const days = text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1))
    throw new Error(`GEZHI_REMINDER_DAYS: '${text}' is not a comma-separated list of whole working days ≥ 1`);
  return [...new Set(days)].sort((a, b) => b - a);
}

/** A count of working days ≥ 1; anything else stops the server rather than silently supervise too early or never. */
function positiveHours(name: string, text: string): number {
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`${name}: '${text}' is not a number of working hours > 0`);
  return hours;
}

function wholeDays(name: string, text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1) throw new Error(`${name}: '${text}' is not a whole number of working days ≥ 1`);
  return days;
}

/** A count (of rows, minutes, hours) ≥ 1; anything else stops the server rather than refuse every export or allow any. */
function wholeCount(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: '${text}' is not a whole number ≥ 1`);
  return n;
}

/** Test databases: PGlite in memory by default, PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.TEST_DATABASE_URL || null;
}
