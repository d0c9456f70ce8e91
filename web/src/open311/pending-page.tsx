import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import { REASON } from '../../../shared/limits.ts';
import type { Open311Pending } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { PointMap } from '../events/point-map.tsx';
import { useHomeOutline } from '../report/use-home-outline.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** Places one waiting request on the map (the item may be corrected) and files it. */
function PlaceDialog({ request, onClose, onDone }: { request: Open311Pending; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const outline = useHomeOutline(me?.areas[0]);
  const items = useApi('/api/public/catalogue').data?.items ?? [];
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [itemCode, setItemCode] = useState(request.serviceCode);
  const { busy, run } = useBusyAction();
  const submit = () =>
    run(async () => {
      if (!point) {
        void message.warning(t('pending.pickPoint'));
        return;
      }
      const placed = await api.POST('/api/open311/pending/{token}/place', {
        params: { path: { token: request.token } },
        body: { lng: point[0], lat: point[1], ...(itemCode !== request.serviceCode ? { itemCode } : {}) },
      });
      void message.success(t('pending.placed', { caseNo: placed.caseNo }));
      onDone();
      onClose();
    });
  return (
    <Modal
      open
      width={640}
      title={t('pending.placeTitle', { service: request.serviceName ?? request.serviceCode })}
      okText={t('pending.place')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Typography.Paragraph>
        <strong>{t('pending.address')}：</strong>
        {request.addressString ?? request.addressId}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{request.description}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('pending.item')}>
          <Select
            showSearch
            optionFilterProp="label"
            value={itemCode}
            onChange={setItemCode}
            options={items.map((i) => ({ value: i.code, label: `${i.group ?? ''} / ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item label={t('pending.placeHint')}>
          <div style={{ height: 320 }} data-testid="place-map">
            <PointMap outline={outline} point={point} onPick={setPoint} />
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RefuseDialog({ request, onClose, onDone }: { request: Open311Pending; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, run } = useBusyAction();
  const submit = (v: { reason: string }) =>
    run(async () => {
      await api.POST('/api/open311/pending/{token}/refuse', {
        params: { path: { token: request.token } },
        body: { reason: v.reason.trim() },
      });
      void message.success(t('pending.refused'));
      onDone();
      onClose();
    });
  return (
    <Modal
      open
      title={t('pending.refuseTitle')}
      okText={t('pending.refuse')}
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('pending.reason')} rules={[{ required: true, whitespace: true, min: REASON.min }]}>
          <Input.TextArea maxLength={REASON.max} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 外部上报定位: Open311 requests with an address only, placed on the map by the county centre or refused. */
export function PendingPage() {
  const { t } = useTranslation();
  const { data, loading, reload } = useApi('/api/open311/pending');
  const [placing, setPlacing] = useState<Open311Pending | null>(null);
  const [refusing, setRefusing] = useState<Open311Pending | null>(null);
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('pending.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('pending.intro')}</Typography.Paragraph>
      <Table<Open311Pending>
        rowKey="token"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('pending.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('pending.requestedAt'), dataIndex: 'requestedAt', render: (at: string) => chinaMinute(new Date(at)) },
          { title: t('pending.client'), dataIndex: 'client' },
          { title: t('pending.service'), key: 'service', render: (_: unknown, r) => r.serviceName ?? r.serviceCode },
          { title: t('pending.address'), key: 'address', render: (_: unknown, r) => r.addressString ?? r.addressId },
          { title: t('pending.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('pending.media'),
            dataIndex: 'mediaUrl',
            render: (url: string | null) =>
              url ? (
                <a href={url} target="_blank" rel="noreferrer noopener">
                  {t('pending.media')}
                </a>
              ) : null,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" type="primary" onClick={() => setPlacing(r)}>
                  {t('pending.place')}
                </Button>
                <Button size="small" danger onClick={() => setRefusing(r)}>
                  {t('pending.refuse')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {placing && <PlaceDialog request={placing} onClose={() => setPlacing(null)} onDone={reload} />}
      {refusing && <RefuseDialog request={refusing} onClose={() => setRefusing(null)} onDone={reload} />}
    </div>
  );
}
