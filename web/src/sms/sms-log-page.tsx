import { Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import { SMS_STATUSES, type SmsStatus } from '../../../shared/sms.ts';
import type { SmsMessage } from '../api/replies.ts';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 20;
const STATUS_COLOUR: Record<SmsStatus, string> = { sending: 'gold', sent: 'green', failed: 'red', refused: 'default' };
const when = (iso: string | null) => (iso ? chinaMinute(new Date(iso)) : '—');

/** 短信记录: every SMS sent or refused in the administrator's jurisdiction, phones masked, newest first. */
export function SmsLogPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SmsStatus | 'all'>('all');
  const [phone, setPhone] = useState('');
  const [page, setPage] = useState(1);
  const query = {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    ...(status === 'all' ? {} : { status }),
    ...(phone ? { phone } : {}),
  };
  const { data, loading } = useApi('/api/sms/messages', { params: { query } });
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('sms.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('sms.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as SmsStatus | 'all');
            setPage(1);
          }}
          options={[{ value: 'all', label: t('sms.all') }, ...SMS_STATUSES.map((s) => ({ value: s, label: t(`sms.status.${s}`) }))]}
        />
        <Input.Search
          allowClear
          placeholder={t('sms.phoneSearch')}
          style={{ width: 220 }}
          onSearch={(v) => {
            setPhone(v.trim());
            setPage(1);
          }}
        />
      </Space>
      <Table<SmsMessage>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('sms.createdAt'), dataIndex: 'createdAt', render: (at: string) => when(at) },
          {
            title: t('sms.recipient'),
            key: 'recipient',
            render: (_: unknown, m) => (
              <div>
                <div>{m.user?.name ?? '—'}</div>
                <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                  {m.phone}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('sms.template'),
            key: 'template',
            render: (_: unknown, m) => (
              <div>
                <div>{t(`sms.templates.${m.template}`)}</div>
                <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                  {m.templateCode}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('sms.text'), dataIndex: 'text', width: 360 },
          {
            title: t('sms.statusLabel'),
            key: 'status',
            render: (_: unknown, m) => (
              <div>
                <Tag color={STATUS_COLOUR[m.status]} data-testid={`sms-status-${m.id}`}>
                  {t(`sms.status.${m.status}`)}
                  {m.refusedBy ? ` · ${t(`sms.refusal.${m.refusedBy}`)}` : ''}
                </Tag>
                {m.error ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.error}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          },
          {
            title: t('sms.provider'),
            key: 'provider',
            render: (_: unknown, m) => (
              <div>
                <div>{t(`sms.providers.${m.provider}`, { defaultValue: m.provider })}</div>
                <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                  {m.providerMessageId ?? ''}
                </Typography.Text>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
