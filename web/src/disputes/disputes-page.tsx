import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_STATUSES, DISPUTE_TIERS } from '../../../shared/disputes.ts';
import { PAGE } from '../../../shared/limits.ts';
import type { BodyOf, DisputeSummary } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { DisputeDialog, useTypeName } from './dispute-form.tsx';
import { StepDialog } from './step-dialog.tsx';

type Step = BodyOf<'/api/disputes/{id}/steps', 'post'>['step'];
const PAGE_SIZE = PAGE.disputes.default;
const STATUS_COLOUR = { pending: 'orange', mediating: 'blue', resolved: 'green', referred: 'purple' } as const;

export function DisputeDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const { data, loading, reload } = useApi('/api/disputes/{id}', id ? { params: { path: { id } } } : null);
  const [step, setStep] = useState<Step | null>(null);
  const d = data && data.id === id ? data : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(720, window.innerWidth)}
      title={d?.title ?? t('disputes.detail')}
      destroyOnHidden
    >
      {!d ? (
        <Spin spinning={loading} />
      ) : (
        <>
          <Space wrap className="detail-section">
            {d.abilities.map((a) => (
              <Button key={a} type={a === 'resolve' ? 'primary' : 'default'} onClick={() => setStep(a as Step)} data-testid={`step-${a}`}>
                {t(`disputes.steps.${a}`)}
              </Button>
            ))}
            {d.status === 'resolved' && d.agreement && (
              <Button
                icon={<PrinterOutlined />}
                href={`/api/disputes/${encodeURIComponent(d.id)}/agreement.pdf`}
                target="_blank"
                data-testid="print-agreement"
              >
                {t('disputes.printAgreement')}
              </Button>
            )}
          </Space>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label={t('disputes.type')}>{typeName(d.typeCode)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.status')}>
              <Tag color={STATUS_COLOUR[d.status]}>{t(`disputes.statuses.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.tier')}>
              {t(`disputes.tiers.${d.tier}`)} · {d.ownerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.grid')}>{d.gridName}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.occurredOn')}>{d.occurredOn}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.place')}>{d.place}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.people')}>{d.peopleInvolved}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.amount')}>{d.amountInvolved ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.risk')}>{t(`disputes.risks.${d.riskLevel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.summary')} span={2}>
              {d.summary}
            </Descriptions.Item>
            {d.agreement && (
              <Descriptions.Item label={t('disputes.agreement')} span={2}>
                {d.agreement} ({t('disputes.followUpOn')} {d.followUpOn})
              </Descriptions.Item>
            )}
            {d.referredTo && <Descriptions.Item label={t('disputes.referTo')}>{t(`disputes.referrals.${d.referredTo}`)}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} className="detail-section">
            {t('disputes.parties')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={d.parties}
            scroll={{ x: 'max-content' }}
            data-testid="dispute-parties"
            columns={[
              { title: t('disputes.partyName'), render: (_, p) => p.name ?? t('disputes.outsideScope') },
              { title: t('disputes.identifier'), dataIndex: 'identifier', className: 'mono' },
              { title: t('disputes.phone'), dataIndex: 'phone', className: 'mono' },
              { title: t('disputes.claim'), dataIndex: 'claim' },
            ]}
          />
          <Typography.Title level={5} className="detail-section">
            {t('disputes.sessions', { n: d.sessions.length })}
          </Typography.Title>
          <Timeline
            items={d.sessions.map((s) => ({
              children: `${s.heldOn} ${t(`disputes.tiers.${s.tier}`)} · ${s.mediator} · ${t(`disputes.results.${s.result}`)}${s.note ? ` — ${s.note}` : ''}`,
            }))}
          />
          <Typography.Title level={5} className="detail-section">
            {t('disputes.history')}
          </Typography.Title>
          <Timeline
            data-testid="dispute-history"
            items={d.history.map((h) => {
              const after = (h.after ?? {}) as { step?: string; tier?: string; reason?: string };
              return {
                children: `${new Date(h.at).toLocaleString()} ${h.actorName ?? ''} ${t(`disputes.historySteps.${after.step ?? 'recorded'}`)} ${
                  after.tier ? t(`disputes.tiers.${after.tier}`) : ''
                }${after.reason ? `：${after.reason}` : ''}`,
              };
            })}
          />
          <StepDialog
            dispute={d}
            step={step}
            onClose={() => setStep(null)}
            onDone={() => {
              setStep(null);
              reload();
              onChanged();
            }}
          />
        </>
      )}
    </Drawer>
  );
}

/** 矛盾纠纷: the disputes of one's jurisdiction by tier, status and round; a drawer to mediate the one owned. */
export function DisputesPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const typeName = useTypeName();
  const [tier, setTier] = useState<(typeof DISPUTE_TIERS)[number] | undefined>();
  const [status, setStatus] = useState<(typeof DISPUTE_STATUSES)[number] | undefined>();
  const [roundId, setRoundId] = useState<string | undefined>();
  const [open, setOpen] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const rounds = useApi('/api/disputes/rounds');
  const paged = usePaged(PAGE_SIZE, `${tier}|${status}|${roundId}`);
  const { data, loading, reload } = useApi('/api/disputes', { params: { query: { tier, status, roundId, ...paged.query } } });
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
          { title: t('disputes.risk'), render: (_, r) => t(`disputes.risks.${r.riskLevel}`) },
          { title: t('disputes.occurredOn'), dataIndex: 'occurredOn' },
        ]}
      />
      <DisputeDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
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
