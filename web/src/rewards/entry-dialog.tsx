import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, REWARDS } from '../../../shared/limits.ts';
import type { RewardSheet } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  kind: 'task' | 'adjustment';
  workerId: string;
  ruleId?: string;
  amount?: number;
  reference?: string;
  reason: string;
}

/** 手工录入: a commissioned task's subsidy by the county's task rule, or an adjustment, each with the reason the server requires. */
export function EntryDialog({ sheet, open, onClose, onSaved }: { sheet: RewardSheet; open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'task';
  const query = { params: { query: { county: sheet.countyCode } } };
  const workers = useApi('/api/rewards/workers', open ? query : null);
  const rules = useApi('/api/rewards/rules', open ? query : null);
  const tasks = (rules.data?.items ?? []).filter((r) => r.kind === 'task');
  const save = (v: Values) =>
    run(async () => {
      await api.POST('/api/rewards/sheets/{id}/entries', { params: { path: { id: sheet.id } }, body: { ...v, version: sheet.version } });
      void message.success(t('rewards.ledger.entered_ok'));
      onSaved();
    });
  return (
    <Modal
      open={open}
      title={t('rewards.ledger.enter')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'entry-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ kind: 'task' }} preserve={false} data-testid="entry-form">
        <Form.Item name="kind" label={t('rewards.ledger.entryKind')} rules={[{ required: true }]}>
          <Select
            options={(['task', 'adjustment'] as const).map((k) => ({ value: k, label: t(`rewards.kinds.${k}`) }))}
            data-testid="entry-kind"
          />
        </Form.Item>
        <Form.Item name="workerId" label={t('rewards.ledger.worker')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={workers.loading}
            options={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: w.gridName ? `${w.name} · ${w.gridName}` : w.name }))}
            data-testid="entry-worker"
          />
        </Form.Item>
        {kind === 'task' ? (
          <>
            <Form.Item name="ruleId" label={t('rewards.ledger.taskRule')} rules={[{ required: true }]}>
              <Select
                options={tasks.map((r) => ({ value: r.id, label: `${r.key} · ${t('rewards.yuan', { n: r.amount })}` }))}
                data-testid="entry-task"
              />
            </Form.Item>
            <Form.Item name="reference" label={t('rewards.ledger.reference')}>
              <Input maxLength={REWARDS.referenceMax} data-testid="entry-reference" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="amount" label={t('rewards.ledger.adjustAmount')} rules={[{ required: true }]}>
            <InputNumber min={-REWARDS.adjustMax} max={REWARDS.adjustMax} precision={0} data-testid="entry-amount" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('rewards.ledger.reason')}
          rules={[{ required: true, whitespace: true, message: t('rewards.ledger.reasonRule') }]}
        >
          <Input.TextArea maxLength={NOTE_MAX} rows={2} data-testid="entry-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
