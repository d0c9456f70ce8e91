import { Alert, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import type { FollowUp } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { PersonTagList } from '../people/person-tags.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { FollowUpButton } from './follow-up-button.tsx';
import { FollowUpDrawer } from './follow-up-drawer.tsx';
import { FollowUpState, usePlanWords } from './follow-up-state.tsx';

const PAGE_SIZE = PAGE.followUps.default;

/**
 * 重点人员随访: the tagged people of my jurisdiction and where their follow-ups stand. A village or township opens on
 * the missed ones (flagged to them); the grid team sees the people it follows up, and follows up from here.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const follows = can('followups.visit');
  const [missedOnly, setMissedOnly] = useState(!follows);
  const paged = usePaged(PAGE_SIZE, String(missedOnly));
  const list = useApi('/api/fieldwork/follow-ups', { params: { query: { missed: missedOnly, ...paged.query } } });
  const planWords = usePlanWords();
  const [open, setOpen] = useState<string | null>(null);

  const columns: ColumnsType<FollowUp> = [
    {
      title: t('followUps.person'),
      dataIndex: 'name',
      render: (name: string, f) => (
        <>
          <div>{name}</div>
          <div className="mono secondary">{f.idNumber}</div>
        </>
      ),
    },
    { title: t('followUps.tags'), key: 'tags', render: (_: unknown, f) => <PersonTagList tags={f} /> },
    {
      title: t('followUps.place'),
      key: 'grid',
      render: (_: unknown, f) => (
        <>
          <CodeName name={f.gridName} code={f.gridCode} />
          {f.villageName && <div className="secondary">{f.villageName}</div>}
        </>
      ),
    },
    { title: t('followUps.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
    { title: t('followUps.plan'), key: 'plan', render: (_: unknown, f) => planWords(f.plan) },
    { title: t('followUps.last'), dataIndex: 'lastOn', width: 110, render: (d: string | null) => d ?? t('followUps.never') },
    { title: t('followUps.due'), key: 'state', width: 190, render: (_: unknown, f) => <FollowUpState followUp={f} /> },
    {
      title: t('followUps.responsible'),
      key: 'responsible',
      render: (_: unknown, f) => (
        <>
          {f.responsible.length ? (
            f.responsible.map((r) => r.name).join(t('common.listSep'))
          ) : (
            <span className="secondary">{t('followUps.nobody')}</span>
          )}
          {f.assignment && (
            <Tag color="blue" title={f.assignment.reason}>
              {t('followUps.named')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      width: follows ? 170 : 90,
      render: (_: unknown, f: FollowUp) => (
        <Space>
          <Button size="small" onClick={() => setOpen(f.personId)} data-testid="follow-up-open">
            {t('followUps.details')}
          </Button>
          {follows && f.mine && <FollowUpButton personId={f.personId} onSaved={list.reload} />}
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('followUps.title')}</Typography.Title>
        <Switch
          checked={missedOnly}
          onChange={setMissedOnly}
          checkedChildren={t('followUps.missedOnly')}
          unCheckedChildren={t('followUps.missedOnly')}
          data-testid="follow-ups-missed"
        />
      </div>
      <Typography.Paragraph type="secondary">{t('followUps.hint')}</Typography.Paragraph>
      <Alert type="warning" showIcon message={t('followUps.audited')} className="follow-up-audited" />
      {list.data && (
        <Typography.Paragraph strong data-testid="follow-ups-count">
          {t('followUps.count', { total: list.data.people, missed: list.data.missed })}
        </Typography.Paragraph>
      )}
      <Table<FollowUp>
        rowKey="personId"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        locale={{ emptyText: missedOnly ? t('followUps.noneMissed') : t('followUps.empty') }}
        pagination={paged.pagination(list.data?.total)}
        data-testid="follow-ups-table"
      />
      <FollowUpDrawer personId={open} onClose={() => setOpen(null)} onChanged={list.reload} />
    </div>
  );
}
