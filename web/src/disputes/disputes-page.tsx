import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DISPUTE_STATUSES, DISPUTE_TIERS } from '../../../shared/disputes.ts';
import { PAGE } from '../../../shared/limits.ts';
import type { DisputeSummary } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { DisputeDrawer, STATUS_COLOUR } from './dispute-drawer.tsx';
import { DisputeDialog, useTypeName } from './dispute-form.tsx';
import { DisputeSettingsDialog } from './dispute-settings-dialog.tsx';
import { MediationLight } from './mediation-light.tsx';

const PAGE_SIZE = PAGE.disputes.default;

/** 矛盾纠纷: the disputes of one's jurisdiction by tier, status and round; a drawer to mediate the one owned. */
export function DisputesPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const typeName = useTypeName();
  const [tier, setTier] = useState<(typeof DISPUTE_TIERS)[number] | undefined>();
  const [status, setStatus] = useState<(typeof DISPUTE_STATUSES)[number] | undefined>();
  const [roundId, setRoundId] = useState<string | undefined>();
  // The to-do links here with ?followUp=owed, a case's drawer with ?open=<dispute>.
  const [params, setParams] = useSearchParams();
  const open = params.get('open');
  const setOpen = (id: string | null) =>
    setParams((p) => {
      if (id) p.set('open', id);
      else p.delete('open');
      return p;
    });
  const toggle = (name: 'overdue' | 'followUp', value: string) => (on: boolean) =>
    setParams((p) => {
      if (on) p.set(name, value);
      else p.delete(name);
      return p;
    });
  const overdue = params.get('overdue') === 'true' ? true : undefined;
  const followUp = params.get('followUp') === 'owed' ? ('owed' as const) : undefined;
  const [recording, setRecording] = useState(false);
  const [setting, setSetting] = useState(false);
  const rounds = useApi('/api/disputes/rounds');
  const paged = usePaged(PAGE_SIZE, `${tier}|${status}|${roundId}|${overdue}|${followUp}`);
  const { data, loading, reload } = useApi('/api/disputes', {
    params: { query: { tier, status, roundId, overdue, followUp, ...paged.query } },
  });
  const ownGrid = me?.areas.find((a) => a.level === 'grid')?.code;
  return (
    <div className="page">
      <Space wrap className="page-toolbar">
        <Select
          allowClear
          placeholder={t('disputes.tier')}
          value={tier}
          onChange={setTier}
          style={{ width: 160 }}
          options={DISPUTE_TIERS.map((x) => ({ value: x, label: t(`disputes.tiers.${x}`) }))}
        />
        <Select
          allowClear
          placeholder={t('disputes.status')}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={DISPUTE_STATUSES.map((x) => ({ value: x, label: t(`disputes.statuses.${x}`) }))}
        />
        <Select
          allowClear
          placeholder={t('disputes.round')}
          value={roundId}
          onChange={setRoundId}
          style={{ width: 240 }}
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.subject }))}
        />
        <Checkbox checked={!!overdue} onChange={(e) => toggle('overdue', 'true')(e.target.checked)} data-testid="disputes-overdue">
          {t('disputes.overdueOnly')}
        </Checkbox>
        {can('disputes.mediate') && (
          <Checkbox
            checked={!!followUp}
            onChange={(e) => toggle('followUp', 'owed')(e.target.checked)}
            data-testid="disputes-follow-up-owed"
          >
            {t('disputes.followUpOwed')}
          </Checkbox>
        )}
        {can('disputes.settings') && (
          <Button icon={<SettingOutlined />} onClick={() => setSetting(true)} data-testid="dispute-settings">
            {t('disputes.settings')}
          </Button>
        )}
        {can('disputes.mediate') && ownGrid && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="dispute-record">
            {t('disputes.record')}
          </Button>
        )}
      </Space>
      <Table<DisputeSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={paged.pagination(data?.total)}
        scroll={{ x: 'max-content' }}
        data-testid="disputes-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id) })}
        columns={[
          { title: t('disputes.title'), dataIndex: 'title' },
          { title: t('disputes.type'), render: (_, r) => typeName(r.typeCode) },
          { title: t('disputes.grid'), dataIndex: 'gridName' },
          { title: t('disputes.tier'), render: (_, r) => `${t(`disputes.tiers.${r.tier}`)} · ${r.ownerName}` },
          {
            title: t('disputes.status'),
            render: (_, r) => <Tag color={STATUS_COLOUR[r.status]}>{t(`disputes.statuses.${r.status}`)}</Tag>,
          },
          { title: t('disputes.mediationDue'), render: (_, r) => <MediationLight d={r} /> },
          { title: t('disputes.followUpOn'), render: (_, r) => (r.status === 'resolved' && !r.followedUpAt ? r.followUpOn : '—') },
          { title: t('disputes.risk'), render: (_, r) => t(`disputes.risks.${r.riskLevel}`) },
          { title: t('disputes.occurredOn'), dataIndex: 'occurredOn' },
        ]}
      />
      <DisputeDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
      <DisputeSettingsDialog open={setting} onClose={() => setSetting(false)} />
      {ownGrid && (
        <DisputeDialog
          open={recording}
          gridCode={ownGrid}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            reload();
          }}
        />
      )}
    </div>
  );
}
