import { App, Button, Descriptions, Drawer, Form, Input, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeWarningDetail, DisputeWarningSummary } from '../api/replies.ts';
import { api } from '../api.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { useTypeName } from './dispute-form.tsx';
import { MissedVisitEvidence } from './missed-visit-evidence.tsx';

export const WARNING_STATE_COLOUR = { open: 'red', handled: 'green', dismissed: 'default' } as const;

/** A rule in words, from its kind and params: 同一当事人 90 天内涉及 3 起以上纠纷. */
export function useRuleWords() {
  const { t } = useTranslation();
  const typeName = useTypeName();
  return (kind: DisputeWarningSummary['kind'], p: DisputeWarningSummary['params']) =>
    t(`disputeWarnings.describe.${kind}`, {
      ...p,
      types: p.typeCodes?.length ? p.typeCodes.map(typeName).join('、') : t('disputeWarnings.anyType'),
      keywords: (p.keywords ?? []).join('、'),
    });
}

/** 处置 / 排除: the reason is required, as the server requires it. */
function CloseDialog({
  warning,
  outcome,
  onClose,
  onDone,
}: {
  warning: DisputeWarningDetail;
  outcome: 'handled' | 'dismissed' | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, run } = useBusyAction();
  const verb = outcome === 'dismissed' ? 'dismiss' : 'handle';
  const submit = (v: { reason: string }) =>
    run(async () => {
      await api.POST('/api/disputes/warnings/{id}/close', {
        params: { path: { id: warning.id } },
        body: { version: warning.version, outcome: outcome!, reason: v.reason },
      });
      void message.success(t(`disputeWarnings.${outcome}`));
      form.resetFields();
      onDone();
    });
  return (
    <Modal
      open={outcome !== null}
      title={t(`disputeWarnings.${verb}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'warning-close-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('disputeWarnings.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={200} rows={3} placeholder={t(`disputeWarnings.reasonHint.${verb}`)} data-testid="warning-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 预警详情: the rule in words, the evidence (the disputes, their parties masked; for missed visits the person and
 * the follow-ups missed), and handle or dismiss.
 */
export function DisputeWarningDrawer({
  id,
  onClose,
  onChanged,
  onOpenDispute,
}: {
  id: string | null;
  onClose(): void;
  onChanged(): void;
  onOpenDispute(id: string): void;
}) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const words = useRuleWords();
  const { data, loading, reload } = useApi('/api/disputes/warnings/{id}', id ? { params: { path: { id } } } : null);
  const [closing, setClosing] = useState<'handled' | 'dismissed' | null>(null);
  const w = data && data.id === id ? data : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(760, window.innerWidth)}
      title={w ? t(`disputeWarnings.kinds.${w.kind}`) : t('disputeWarnings.detail')}
      destroyOnHidden
    >
      {!w ? (
        <Spin spinning={loading} />
      ) : (
        <>
          <Space wrap className="detail-section">
            {w.abilities.includes('handle') && (
              <Button type="primary" onClick={() => setClosing('handled')} data-testid="warning-handle">
                {t('disputeWarnings.handle')}
              </Button>
            )}
            {w.abilities.includes('dismiss') && (
              <Button onClick={() => setClosing('dismissed')} data-testid="warning-dismiss">
                {t('disputeWarnings.dismiss')}
              </Button>
            )}
          </Space>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label={t('disputeWarnings.rule')} span={2}>
              {words(w.kind, w.params)}
            </Descriptions.Item>
            <Descriptions.Item label={t('disputeWarnings.state')}>
              <Tag color={WARNING_STATE_COLOUR[w.state]} data-testid="warning-state">
                {t(`disputeWarnings.states.${w.state}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('disputeWarnings.unit')}>
              {t(`disputeWarnings.levels.${w.level}`)} · <CodeName name={w.unitName} code={w.unitCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('disputeWarnings.raisedAt')}>{new Date(w.raisedAt).toLocaleString()}</Descriptions.Item>
            {w.subjectName && <Descriptions.Item label={t('disputeWarnings.village')}>{w.subjectName}</Descriptions.Item>}
            {w.matchedKeywords.length > 0 && (
              <Descriptions.Item label={t('disputeWarnings.keywordsFound')}>
                {w.matchedKeywords.map((k) => (
                  <Tag key={k} color="volcano">
                    {k}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
            {w.closedAt && (
              <Descriptions.Item label={t(`disputeWarnings.states.${w.state}`)} span={2}>
                <span data-testid="warning-closed">
                  {t('disputeWarnings.closedBy', {
                    name: w.closedByName,
                    at: new Date(w.closedAt).toLocaleString(),
                    what: t(`disputeWarnings.states.${w.state}`),
                    reason: w.reason,
                  })}
                </span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {w.kind === 'missed_visits' ? (
            <MissedVisitEvidence warning={w} />
          ) : (
            <>
              <Typography.Title level={5} className="detail-section">
                {t('disputeWarnings.evidence', { n: w.disputes })}
              </Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={w.evidence}
                scroll={{ x: 'max-content' }}
                data-testid="warning-evidence"
                onRow={(r) => ({ onClick: () => onOpenDispute(r.id) })}
                columns={[
                  { title: t('disputes.title'), dataIndex: 'title' },
                  { title: t('disputes.type'), render: (_, r) => typeName(r.typeCode) },
                  { title: t('disputes.occurredOn'), dataIndex: 'occurredOn' },
                  { title: t('disputes.grid'), dataIndex: 'gridName' },
                  { title: t('disputes.status'), render: (_, r) => t(`disputes.statuses.${r.status}`) },
                  { title: t('disputes.people'), dataIndex: 'peopleInvolved' },
                ]}
              />
              {w.outsideScope > 0 && (
                <Typography.Text type="secondary">{t('disputeWarnings.outsideScope', { n: w.outsideScope })}</Typography.Text>
              )}
              <Typography.Title level={5} className="detail-section">
                {t('disputeWarnings.parties')}
              </Typography.Title>
              <Table
                size="small"
                rowKey={(p) => `${p.kind}:${p.key}`}
                pagination={false}
                dataSource={w.parties}
                scroll={{ x: 'max-content' }}
                data-testid="warning-parties"
                columns={[
                  {
                    title: t('disputes.partyName'),
                    render: (_, p) => (
                      <>
                        {p.name ?? t('disputes.outsideScope')}
                        {p.subject && (
                          <Tag color="red" style={{ marginInlineStart: 8 }}>
                            {t('disputeWarnings.subjectParty')}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                  { title: t('disputes.identifier'), dataIndex: 'identifier', className: 'mono' },
                  { title: t('disputes.phone'), dataIndex: 'phone', className: 'mono' },
                  { title: t('disputeWarnings.inDisputes'), dataIndex: 'disputes' },
                ]}
              />
            </>
          )}
          <CloseDialog
            warning={w}
            outcome={closing}
            onClose={() => setClosing(null)}
            onDone={() => {
              setClosing(null);
              reload();
              onChanged();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
