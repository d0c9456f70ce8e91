import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTY_KINDS, type PartyKind, RISK_LEVELS } from '../../../shared/disputes.ts';
import type { BodyOf, HouseholdAlert } from '../api/replies.ts';
import { api } from '../api.ts';
import { PartyPicker, type Picked, useTypeOptions } from '../disputes/dispute-form.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { ItemPicker } from '../report/item-picker.tsx';
import { useBusyAction } from '../use-busy-action.ts';

type DisputeValues = Omit<BodyOf<'/api/fieldwork/alerts/{id}/dispute', 'post'>, 'parties'>;

/** 预警转事件: the catalogue item is the one thing to choose; the place and the words come from the alert. */
export function AlertEventDialog({ alert, onClose, onSaved }: { alert: HouseholdAlert | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalogue = useCatalogue('reporting');
  const { busy, run } = useBusyAction();
  const save = (v: { itemCode: string; description?: string }) =>
    run(async () => {
      if (!alert) return;
      await api.POST('/api/fieldwork/alerts/{id}/event', {
        params: { path: { id: alert.id } },
        body: { itemCode: v.itemCode, description: v.description?.trim() || null },
      });
      void message.success(t('alerts.eventSaved'));
      onSaved();
    });
  return (
    <Modal
      open={alert !== null}
      title={t('alerts.toEvent')}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'alert-event', 'data-testid': 'alert-event-save' }}
    >
      <Form id="alert-event" layout="vertical" onFinish={save}>
        <Form.Item name="itemCode" label={t('alerts.item')} rules={[{ required: true }]}>
          <ItemPicker items={catalogue.items} recent={[]} loading={catalogue.loading} pathOf={catalogue.pathOf} />
        </Form.Item>
        <Form.Item name="description" label={t('alerts.description')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={alert?.note ?? ''} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 预警转纠纷: what the alert does not know — title, type, risk, people, the parties picked from the records. */
export function AlertDisputeDialog({ alert, onClose, onSaved }: { alert: HouseholdAlert | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const typeOptions = useTypeOptions();
  const [parties, setParties] = useState<{ picked: Picked | null; claim: string }[]>([{ picked: null, claim: '' }]);
  const [kind, setKind] = useState<PartyKind>('person');
  const { busy, run } = useBusyAction();
  const setRow = (i: number, row: Partial<(typeof parties)[number]>) =>
    setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...row } : p)));
  const save = (v: DisputeValues) =>
    run(async () => {
      if (!alert) return;
      await api.POST('/api/fieldwork/alerts/{id}/dispute', {
        params: { path: { id: alert.id } },
        body: {
          ...v,
          summary: v.summary?.trim() || null,
          parties: parties.filter((p) => p.picked).map((p) => ({ kind: p.picked!.kind, key: p.picked!.key, claim: p.claim })),
        },
      });
      void message.success(t('alerts.disputeSaved'));
      setParties([{ picked: null, claim: '' }]);
      onSaved();
    });
  return (
    <Modal
      open={alert !== null}
      title={t('alerts.toDispute')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{ loading: busy, htmlType: 'submit', form: 'alert-dispute', 'data-testid': 'alert-dispute-save' }}
    >
      <Form id="alert-dispute" layout="vertical" onFinish={save} initialValues={{ riskLevel: 'low', peopleInvolved: 2 }}>
        <Form.Item name="title" label={t('disputes.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="typeCode" label={t('disputes.type')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={typeOptions} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="riskLevel" label={t('disputes.risk')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={RISK_LEVELS.map((r) => ({ value: r, label: t(`disputes.risks.${r}`) }))} />
          </Form.Item>
          <Form.Item name="peopleInvolved" label={t('disputes.people')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t('alerts.summary')}>
          <Input.TextArea maxLength={500} rows={2} placeholder={alert?.note ?? ''} />
        </Form.Item>
        <Form.Item label={t('disputes.parties')} required>
          <Space direction="vertical" style={{ width: '100%' }}>
            {parties.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before a party is picked
              <div key={i} className="dispute-party-row">
                <PartyPicker kind={p.picked?.kind ?? kind} value={p.picked} onPick={(picked) => setRow(i, { picked })} />
                <Input placeholder={t('disputes.claim')} value={p.claim} onChange={(e) => setRow(i, { claim: e.target.value })} />
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('disputes.removeParty')}
                  onClick={() => setParties((ps) => ps.filter((_, j) => j !== i))}
                />
              </div>
            ))}
            <Space wrap>
              <Select
                value={kind}
                onChange={setKind}
                options={PARTY_KINDS.map((k) => ({ value: k, label: t(`disputes.partyKinds.${k}`) }))}
              />
              <Button icon={<PlusOutlined />} onClick={() => setParties((ps) => [...ps, { picked: null, claim: '' }])}>
                {t('disputes.addParty')}
              </Button>
            </Space>
          </Space>
        </Form.Item>
      </Form>
    </Modal>
  );
}
