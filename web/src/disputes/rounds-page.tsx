import { CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUND_KINDS, type RoundKind } from '../../../shared/disputes.ts';
import type { RoundProgress } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { DisputeDialog } from './dispute-form.tsx';

const STATE_COLOUR = { pending: 'default', found: 'orange', none: 'green' } as const;

/** 发起排查: a township picks its villages, a county its townships; the round covers every grid under them. */
function OpenRoundDialog({ open, onClose, onOpened }: { open: boolean; onClose(): void; onOpened(id: string): void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: RoundKind; subject: string; areaCodes: string[]; closesOn: Dayjs }>();
  const root = me?.areas.find((a) => a.level === 'township' || a.level === 'county');
  const children = useApi('/api/territory/areas/{code}/children', root ? { params: { path: { code: root.code } } } : null);
  const { busy, run } = useBusyAction();
  return (
    <Modal
      open={open}
      title={t('rounds.open')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'round-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'monthly' }}
        onFinish={(v) =>
          run(async () => {
            const r = await api.POST('/api/disputes/rounds', { body: { ...v, closesOn: v.closesOn.format('YYYY-MM-DD') } });
            void message.success(t('rounds.opened'));
            onOpened(r.id);
          })
        }
      >
        <Form.Item name="kind" label={t('rounds.kind')} rules={[{ required: true }]}>
          <Select options={ROUND_KINDS.map((k) => ({ value: k, label: t(`rounds.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('rounds.subject')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="round-subject" />
        </Form.Item>
        <Form.Item name="areaCodes" label={t('rounds.areas')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            data-testid="round-areas"
            options={(children.data?.items ?? []).map((a) => ({ value: a.code, label: a.name }))}
          />
        </Form.Item>
        <Form.Item name="closesOn" label={t('rounds.closesOn')} rules={[{ required: true }]}>
          <DatePicker data-testid="round-closes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One round: each village's share reported, and each grid's state; a grid worker records a dispute or declares none. */
function RoundView({ round, reload }: { round: RoundProgress; reload(): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [recordIn, setRecordIn] = useState<string | null>(null);
  const declareNone = (gridCode: string) =>
    run(async () => {
      await api.POST('/api/disputes/rounds/{id}/none', { params: { path: { id: round.id } }, body: { gridCode } });
      void message.success(t('rounds.declared'));
      reload();
    });
  return (
    <>
      <Typography.Title level={5}>
        {round.subject} <Tag>{t(`rounds.kinds.${round.kind}`)}</Tag>
      </Typography.Title>
      <div className="secondary">{t('rounds.due', { date: round.closesOn })}</div>
      <List
        className="detail-section"
        dataSource={round.villages}
        data-testid="round-villages"
        renderItem={(v) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>
                {v.villageName} · {t('rounds.reportedOf', { reported: v.reported, grids: v.grids })} ·{' '}
                {t('rounds.disputes', { n: v.disputes })}
              </span>
              <Progress percent={Math.round((100 * v.reported) / v.grids)} size="small" />
            </Space>
          </List.Item>
        )}
      />
      <List
        dataSource={round.grids}
        data-testid="round-grids"
        renderItem={(g) => (
          <List.Item
            actions={
              can('disputes.mediate')
                ? [
                    <Button
                      key="record"
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setRecordIn(g.gridCode)}
                      data-testid={`round-record-${g.gridCode}`}
                    >
                      {t('disputes.record')}
                    </Button>,
                    g.state === 'pending' && (
                      <Button
                        key="none"
                        size="small"
                        icon={<CheckOutlined />}
                        loading={busy}
                        onClick={() => declareNone(g.gridCode)}
                        data-testid={`round-none-${g.gridCode}`}
                      >
                        {t('rounds.declareNone')}
                      </Button>
                    ),
                  ].filter(Boolean)
                : []
            }
          >
            <List.Item.Meta
              title={g.gridName}
              description={
                <Tag color={STATE_COLOUR[g.state]} data-testid={`round-state-${g.gridCode}`}>
                  {t(`rounds.states.${g.state}`, { n: g.disputes })}
                </Tag>
              }
            />
          </List.Item>
        )}
      />
      {recordIn && (
        <DisputeDialog
          open
          gridCode={recordIn}
          roundId={round.id}
          onClose={() => setRecordIn(null)}
          onSaved={() => {
            setRecordIn(null);
            reload();
          }}
        />
      )}
    </>
  );
}

/** 排查: the screening rounds of one's jurisdiction and the progress of one. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const rounds = useApi('/api/disputes/rounds');
  const [picked, setPicked] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const id = picked ?? rounds.data?.items[0]?.id ?? null;
  const progress = useApi('/api/disputes/rounds/{id}', id ? { params: { path: { id } } } : null);
  return (
    <div className="page rounds-page">
      <Space wrap className="page-toolbar">
        <Select
          style={{ minWidth: 240 }}
          value={id}
          onChange={setPicked}
          placeholder={t('rounds.none')}
          data-testid="round-pick"
          options={(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.subject}（${r.opensOn}）` }))}
        />
        {can('disputes.screen') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="round-open">
            {t('rounds.open')}
          </Button>
        )}
      </Space>
      <Card loading={progress.loading && !progress.data}>
        {progress.data ? (
          <RoundView round={progress.data} reload={progress.reload} />
        ) : (
          <Typography.Text type="secondary">{t('rounds.none')}</Typography.Text>
        )}
      </Card>
      <OpenRoundDialog
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(newId) => {
          setOpening(false);
          rounds.reload();
          setPicked(newId);
        }}
      />
    </div>
  );
}
