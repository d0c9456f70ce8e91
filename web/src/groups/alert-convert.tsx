import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS } from '../../../shared/disputes.ts';
import type { BodyOf, HouseholdAlert } from '../api/replies.ts';
import { api } from '../api.ts';
import { PartiesEditor, type PartyRow, useTypeOptions } from '../disputes/dispute-form.tsx';
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
  const [parties, setParties] = useState<PartyRow[]>([{ picked: null, claim: '' }]);
  const { busy, run } = useBusyAction();
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
          <PartiesEditor value={parties} onChange={setParties} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
