import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startOfChinaDay } from '../../../shared/china-time.ts';
import type { AuditEntry } from '../api/replies.ts';
import { apiBlob } from '../api.ts';
import { CodeName } from '../code-name.tsx';
import { zhCN } from '../i18n/zh-CN.ts';
import { saveBlob } from '../save-file.ts';
import { useApi } from '../use-api.ts';
import { useShowError } from '../use-show-error.tsx';

/** Every action the log knows a name for, `area.verb`, from the strings themselves so the filter lists what the page can name. */
const ACTIONS = Object.entries(zhCN.audit.actionName).flatMap(([area, verbs]) => Object.keys(verbs).map((verb) => `${area}.${verb}`));

/** 审计日志: who did what to what and when, by name with the code beside it; read-only, for the audit admin. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const [action, setAction] = useState<string | undefined>();
  const [actorId, setActorId] = useState<string | undefined>();
  /** China days, the last one included: from its start to the start of the day after. */
  const [days, setDays] = useState<{ from?: string; to?: string }>({});
  const [exporting, setExporting] = useState(false);
  const query = {
    ...(action ? { action } : {}),
    ...(actorId ? { actorId } : {}),
    ...(days.from ? { from: startOfChinaDay(days.from).toISOString() } : {}),
    ...(days.to ? { to: new Date(startOfChinaDay(days.to).getTime() + 86_400_000).toISOString() } : {}),
  };
  const { data, loading } = useApi('/api/access/audit', { params: { query: { limit: 200, ...query } } });
  /** The people the entries shown name, to export one person's entries. */
  const actors = useMemo(
    () => [...new Map((data?.items ?? []).flatMap((e) => (e.actorId ? [[e.actorId, e.actorName ?? e.actorId] as const] : []))).entries()],
    [data],
  );

  async function download() {
    setExporting(true);
    try {
      saveBlob(await apiBlob('/api/access/audit/export', { query }), 'audit-log.csv');
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  }
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
        <Space wrap>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.filterAction')}
            style={{ width: 240 }}
            value={action}
            onChange={setAction}
            options={ACTIONS.map((a) => ({ value: a, label: actionName(a) || a }))}
            data-testid="audit-action-filter"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.filterActor')}
            style={{ width: 180 }}
            value={actorId}
            onChange={setActorId}
            options={actors.map(([id, name]) => ({ value: id, label: name }))}
            data-testid="audit-actor-filter"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('audit.from'), t('audit.to')]}
            onChange={(_, [from, to]) => setDays({ from: from || undefined, to: to || undefined })}
            data-testid="audit-date-filter"
          />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        </Space>
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
