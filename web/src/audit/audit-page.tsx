import { Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { zhCN } from '../i18n/zh-CN.ts';
import { useApi } from '../use-api.ts';

/** Every action the log knows a name for, `area.verb`, from the strings themselves so the filter lists what the page can name. */
const ACTIONS = Object.entries(zhCN.audit.actionName).flatMap(([area, verbs]) => Object.keys(verbs).map((verb) => `${area}.${verb}`));

/** 审计日志: who did what to what and when, by name with the code beside it; read-only, for the audit admin. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<string | undefined>();
  const { data, loading } = useApi('/api/access/audit', { params: { query: { limit: 200, ...(action ? { action } : {}) } } });
  const actionName = (a: string) => t(`audit.actionName.${a}`, { defaultValue: '' });
  /** A target without a name of its own: a list kind (导出人员), a record (person:…), a day. */
  const targetLabel = (e: AuditEntry) => {
    if (e.targetName) return e.targetName;
    const kind = e.target?.split(':')[0] ?? '';
    return t(`audit.targetKind.${kind}`, { defaultValue: '' }) || null;
  };
  const detailValue = (v: unknown, names: Record<string, string>): string => {
    if (Array.isArray(v)) return v.map((x) => detailValue(x, names)).join('、');
    if (typeof v === 'string') return names[v] ? `${names[v]}（${v}）` : v;
    if (typeof v === 'boolean') return v ? '✓' : '✗';
    if (v === null || v === undefined) return '—';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.audit')}</Typography.Title>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('audit.filterAction')}
          style={{ width: 280 }}
          value={action}
          onChange={setAction}
          options={ACTIONS.map((a) => ({ value: a, label: actionName(a) || a }))}
          data-testid="audit-action-filter"
        />
      </div>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 960 }}
        data-testid="audit-table"
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => new Date(at).toLocaleString(i18n.language) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 180, render: (n: string | null) => n ?? t('audit.system') },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 220,
            render: (a: string) => <CodeName name={actionName(a)} code={a} testId="audit-action" />,
          },
          {
            title: t('audit.target'),
            dataIndex: 'target',
            width: 280,
            render: (x: string | null, e) => (x ? <CodeName name={targetLabel(e)} code={x} testId="audit-target" /> : ''),
          },
          {
            title: t('audit.detail'),
            dataIndex: 'detail',
            render: (d: unknown, e) =>
              d && typeof d === 'object' && !Array.isArray(d) ? (
                <span className="audit-detail">
                  {Object.entries(d as Record<string, unknown>).map(([k, v]) => (
                    <span key={k} className="audit-detail-item">
                      <span className="secondary">{t(`audit.detailKey.${k}`, { defaultValue: k })}</span>{' '}
                      {k === 'roles' && Array.isArray(v)
                        ? v.map((r) => t(`role.${r}`, { defaultValue: String(r) })).join('、')
                        : detailValue(v, e.names)}
                    </span>
                  ))}
                </span>
              ) : (
                ''
              ),
          },
        ]}
      />
    </div>
  );
}
