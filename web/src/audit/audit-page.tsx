import { Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/replies.ts';
import { useApi } from '../use-api.ts';

/** 审计日志: who did what and when; read-only, for the audit admin. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const { data, loading } = useApi('/api/access/audit', { params: { query: { limit: 200, ...(action ? { action } : {}) } } });

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.audit')}</Typography.Title>
        <Input.Search allowClear placeholder={t('audit.filterAction')} style={{ width: 280 }} onSearch={(v) => setAction(v.trim())} />
      </div>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (at: string) => new Date(at).toLocaleString(i18n.language) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 200, render: (n: string | null) => n ?? t('audit.system') },
          { title: t('audit.action'), dataIndex: 'action', width: 200, render: (a: string) => <span className="mono">{a}</span> },
          {
            title: t('audit.target'),
            dataIndex: 'target',
            width: 300,
            render: (x: string | null) => <span className="mono">{x ?? ''}</span>,
          },
          {
            title: t('audit.detail'),
            dataIndex: 'detail',
            render: (d: unknown) => <span className="mono">{d ? JSON.stringify(d) : ''}</span>,
          },
        ]}
      />
    </div>
  );
}
