import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DISPLAY_NAME_MAX } from '../../../shared/limits.ts';
import {
  WEBHOOK_ALGORITHMS,
  WEBHOOK_EVENT_KINDS,
  WEBHOOK_PURPOSES,
  WEBHOOK_URL_MAX,
  type WebhookEventKind,
  type WebhookPurpose,
} from '../../../shared/webhooks.ts';
import type { WebhookSubscription } from '../api/replies.ts';
import { api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useBusyAction } from '../use-busy-action.ts';

export type Created = WebhookSubscription & { secret: string };

/** The i18n key of a kind's name (a kind's dot would nest the key). */
export const kindKey = (kind: string) => `webhooks.kinds.${kind.replace('.', '_')}`;

interface SubscribeForm {
  name: string;
  url: string;
  area: string;
  kinds: WebhookEventKind[];
  algorithm: (typeof WEBHOOK_ALGORITHMS)[number];
  purpose: WebhookPurpose;
}

export function SubscribeDialog({ onClose, onCreated }: { onClose(): void; onCreated(c: Created): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SubscribeForm>();
  const { busy, run } = useBusyAction();
  const submit = (v: SubscribeForm) =>
    run(async () => {
      onCreated(
        await api.POST('/api/webhooks/subscriptions', {
          body: { name: v.name.trim(), url: v.url.trim(), areaCode: v.area, kinds: v.kinds, algorithm: v.algorithm, purpose: v.purpose },
        }),
      );
      onClose();
    });
  return (
    <Modal
      open
      width={640}
      title={t('webhooks.create')}
      okText={t('webhooks.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ algorithm: 'hmac-sm3', kinds: [], purpose: 'webhook' }}>
        <Form.Item name="name" label={t('webhooks.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={DISPLAY_NAME_MAX} placeholder={t('webhooks.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={t('webhooks.urlHint')}
          rules={[{ required: true, pattern: /^https?:\/\//i, message: t('webhooks.urlRule') }]}
        >
          <Input maxLength={WEBHOOK_URL_MAX} placeholder="https://" className="mono" />
        </Form.Item>
        <Form.Item name="area" label={t('webhooks.area')} extra={t('webhooks.areaHint')} rules={[{ required: true }]}>
          <AreaTreeSelect pick="area" />
        </Form.Item>
        <Form.Item name="kinds" label={t('webhooks.kindsLabel')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 4 }}
            options={WEBHOOK_EVENT_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
          />
        </Form.Item>
        <Form.Item name="algorithm" label={t('webhooks.algorithm')} rules={[{ required: true }]}>
          <Radio.Group options={WEBHOOK_ALGORITHMS.map((a) => ({ value: a, label: t(`webhooks.algorithms.${a}`) }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('webhooks.purpose')} rules={[{ required: true }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={WEBHOOK_PURPOSES.map((p) => ({ value: p, label: t(`webhooks.purposes.${p}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The signing secret of a subscription just made, shown this once. */
export function SecretShownOnce({ created, onClose }: { created: Created; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('webhooks.secretFor', { name: created.name })}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon message={t('webhooks.shownOnce')} style={{ marginBottom: 12 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={created.secret} className="mono" data-testid="webhook-secret" />
        <Button
          icon={<CopyOutlined />}
          onClick={() => navigator.clipboard?.writeText(created.secret).then(() => void message.success(t('apiKeys.copied')))}
        >
          {t('apiKeys.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}

const SPANS = [1, 24, 24 * 7, 24 * 30] as const;

/** Replays what a subscription recorded over the last hours chosen. */
export function ReplayDialog({ sub, onClose, onDone }: { sub: WebhookSubscription; onClose(): void; onDone(requeued: number): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ hours: number }>();
  const { busy, run } = useBusyAction();
  const submit = (v: { hours: number }) =>
    run(async () => {
      const since = new Date(Date.now() - v.hours * 3_600_000).toISOString();
      const res = await api.POST('/api/webhooks/subscriptions/{id}/replay', { params: { path: { id: sub.id } }, body: { since } });
      onDone(res.requeued);
      onClose();
    });
  return (
    <Modal
      open
      title={t('webhooks.replayTitle', { name: sub.name })}
      okText={t('webhooks.replay')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ hours: 24 }}>
        <Form.Item name="hours" label={t('webhooks.replaySince')} extra={t('webhooks.replayHint')} rules={[{ required: true }]}>
          <Select options={SPANS.map((h) => ({ value: h, label: t('webhooks.lastHours', { count: h }) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
