/**
 * Where notifications go. The inbox is the working default and the record: every notice is written there
 * once (its dedupe key makes a repeat a no-op), and only notices new to the inbox travel on to the other
 * channels, so a sweep run twice or on two servers tells a WeCom group nothing twice.
 */
import crypto from 'node:crypto';
import type { NotificationKind } from '../../../shared/enums.ts';
import type { Config } from '../../platform/config.ts';
import type { Db, Tx } from '../../platform/db.ts';
import * as store from './inbox.store.ts';

export type Notice = store.NotificationInsert & { data: Record<string, unknown> };

/** A way to reach people beyond the inbox (SMS, a group robot, …). */
export interface NotificationChannel {
  readonly name: string;
  deliver(notices: readonly store.NotificationRow[]): Promise<void>;
}

export function createNotifier({
  db,
  channels,
  onError,
}: {
  db: Db;
  channels: readonly NotificationChannel[];
  onError(channel: string, error: unknown): void;
}) {
  /** Hands new notices to every other channel; a channel that fails is reported, never thrown: the inbox has them. */
  async function send(fresh: readonly store.NotificationRow[]): Promise<void> {
    if (fresh.length === 0) return;
    for (const channel of channels) {
      try {
        await channel.deliver(fresh);
      } catch (e) {
        onError(channel.name, e);
      }
    }
  }
  return {
    /** Writes to the inbox inside the caller's transaction; returns the notices it had not seen. Send them after the commit. */
    record: (tx: Tx, notices: Notice[]) => store.insertNotifications(tx, notices),
    send,
    async notify(notices: Notice[]): Promise<store.NotificationRow[]> {
      const fresh = await store.insertNotifications(db, notices);
      await send(fresh);
      return fresh;
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** Robot messages go to a Chinese-speaking work group, so they are worded in Chinese here. */
const KIND_WORDS: Record<NotificationKind, string> = {
  to_verify: '待核实',
  to_accept: '待受理',
  to_dispatch: '待派遣',
  to_sign: '待签收',
  returned: '被退单',
  to_arbitrate: '退单待仲裁',
  part_answered: '协办单位已答复',
  extension_request: '延期申请待审批',
  special_close_request: '特殊结案待审批',
  decided: '申请已审批',
  to_check: '待核查',
  to_close: '待结案',
  dissatisfied: '回访不满意',
  due_soon: '即将到期',
  overdue: '已超期',
  call_overdue: '待定位来电已超时',
  household_alert: '十户联防预警',
};

/** One line per case and kind, however many people of the group were told. */
export function robotText(notices: readonly store.NotificationRow[]): string {
  const lines = new Map<string, string>();
  for (const n of notices) {
    const data = n.data as { caseNo?: string; callId?: string; address?: string; alertId?: string; groupName?: string };
    const key = `${n.kind}:${n.eventId ?? n.orderId ?? data.callId ?? data.alertId ?? n.id}`;
    // A call waiting to be placed has no case yet: it is named by the address the caller gave; an alert, by its group.
    const what = data.alertId
      ? `联防组「${data.groupName ?? ''}」`
      : data.address && !data.caseNo
        ? `来电「${data.address}」`
        : `案件 ${data.caseNo ?? n.eventId ?? ''}`;
    if (!lines.has(key)) lines.set(key, `${KIND_WORDS[n.kind as NotificationKind] ?? n.kind}：${what}`.trim());
  }
  return ['【格治】', ...lines.values()].join('\n');
}

/** DingTalk's signed webhook: timestamp and HMAC-SHA256 of "timestamp\nsecret" keyed by the secret. */
function dingTalkSigned(url: string, secret: string, now: number): string {
  const sign = crypto.createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(now));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

/** A WeCom (企业微信) or DingTalk (钉钉) group robot: one text message per batch, POSTed as JSON to its webhook. */
export function robotChannel(robot: NonNullable<Config['robot']>, timeoutMs = 5_000): NotificationChannel {
  return {
    name: `robot:${robot.kind}`,
    async deliver(notices) {
      const url = robot.kind === 'dingtalk' && robot.secret ? dingTalkSigned(robot.url, robot.secret, Date.now()) : robot.url;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ msgtype: 'text', text: { content: robotText(notices) } }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Both robots answer HTTP 200 with { errcode, errmsg }; a refused message is an errcode other than 0.
      const reply = (await res.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
      if (!res.ok || !reply || reply.errcode !== 0)
        throw new Error(`${robot.kind} robot refused the message: HTTP ${res.status} ${JSON.stringify(reply)}`);
    },
  };
}
