import { PrinterOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../api/replies.ts';
import { EventDrawer } from '../events/event-drawer.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';
import { useTypeName } from './dispute-form.tsx';
import { MediationLight } from './mediation-light.tsx';
import { RaiseEventDialog } from './raise-event-dialog.tsx';
import { StepDialog } from './step-dialog.tsx';

type Step = BodyOf<'/api/disputes/{id}/steps', 'post'>['step'];
export const STATUS_COLOUR = { pending: 'orange', mediating: 'blue', resolved: 'green', referred: 'purple' } as const;

/** One dispute: its facts, time limit, source and raised case, parties, sessions, follow-ups and history; the steps the caller owns. */
export function DisputeDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const { data, loading, reload } = useApi('/api/disputes/{id}', id ? { params: { path: { id } } } : null);
  const [step, setStep] = useState<Step | null>(null);
  const [raising, setRaising] = useState(false);
  const [caseOpen, setCaseOpen] = useState<string | null>(null);
  const d = data && data.id === id ? data : null;
  const changed = () => {
    reload();
    onChanged();
  };
  const caseLink = (eventId: string, label: string) => (
    <Button type="link" size="small" onClick={() => setCaseOpen(eventId)} data-testid={`open-case-${eventId}`}>
      {label}
    </Button>
  );
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
            {d.abilities.map((a) =>
              a === 'event' ? (
                <Button key={a} onClick={() => setRaising(true)} data-testid="step-event">
                  {t('disputes.raiseEvent')}
                </Button>
              ) : (
                <Button key={a} type={a === 'resolve' ? 'primary' : 'default'} onClick={() => setStep(a as Step)} data-testid={`step-${a}`}>
                  {t(`disputes.steps.${a}`)}
                </Button>
              ),
            )}
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
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered data-testid="dispute-facts">
            <Descriptions.Item label={t('disputes.type')}>{typeName(d.typeCode)}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.status')}>
              <Tag color={STATUS_COLOUR[d.status]}>{t(`disputes.statuses.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.tier')}>
              {t(`disputes.tiers.${d.tier}`)} · {d.ownerName}
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.mediationDue')}>
              <MediationLight d={d} />
              {d.provisional && <Typography.Paragraph type="warning">{t('disputes.provisional')}</Typography.Paragraph>}
            </Descriptions.Item>
            <Descriptions.Item label={t('disputes.grid')}>{d.gridName}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.occurredOn')}>{d.occurredOn}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.place')}>{d.place}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.people')}>{d.peopleInvolved}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.amount')}>{d.amountInvolved ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('disputes.risk')}>{t(`disputes.risks.${d.riskLevel}`)}</Descriptions.Item>
            {d.sourceEventId && d.sourceKind && (
              <Descriptions.Item label={t('disputes.source')}>
                {t(`disputes.sources.${d.sourceKind}`)} {caseLink(d.sourceEventId, d.sourceCaseNo ?? t('disputes.openCase'))}
              </Descriptions.Item>
            )}
            {d.eventId && (
              <Descriptions.Item label={t('disputes.raisedEvent')}>{caseLink(d.eventId, t('disputes.openCase'))}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('disputes.summary')} span={2}>
              {d.summary}
            </Descriptions.Item>
            {d.agreement && (
              <Descriptions.Item label={t('disputes.agreement')} span={2}>
                {d.agreement} ({t('disputes.followUpOn')} {d.followUpOn}
                {d.performance ? ` · ${t(`disputes.performances.${d.performance}`)}` : ''})
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
              children: `${s.heldOn} ${t(`disputes.tiers.${s.tier}`)}${s.place ? ` · ${s.place}` : ''} · ${t(`disputes.methods.${s.method}`)} · ${s.mediator} · ${t(
                `disputes.results.${s.result}`,
              )}${s.note ? ` — ${s.note}` : ''}`,
            }))}
          />
          {d.followUps.length > 0 && (
            <>
              <Typography.Title level={5} className="detail-section">
                {t('disputes.followUps')}
              </Typography.Title>
              <Timeline
                data-testid="dispute-follow-ups"
                items={d.followUps.map((f) => ({
                  color: f.performance === 'full' ? 'green' : f.performance === 'partial' ? 'orange' : 'red',
                  children: `${new Date(f.at).toLocaleString()} ${f.actorName ?? ''} · ${t(`disputes.performances.${f.performance}`)} → ${t(
                    `disputes.outcomes.${f.outcome}`,
                  )}${f.note ? `：${f.note}` : ''}`,
                }))}
              />
            </>
          )}
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
              changed();
            }}
          />
          <RaiseEventDialog
            dispute={d}
            open={raising}
            onClose={() => setRaising(false)}
            onDone={() => {
              setRaising(false);
              changed();
            }}
          />
          <EventDrawer
            id={caseOpen}
            itemName={catalogue.nameOf}
            unitName={departments.unitName}
            onClose={() => setCaseOpen(null)}
            onChanged={changed}
          />
        </>
      )}
    </Drawer>
  );
}
