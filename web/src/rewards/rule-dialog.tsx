import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { REWARD_RULE_KINDS, type RewardRuleKind } from '../../../shared/enums.ts';
import { NOTE_MAX, REWARDS } from '../../../shared/limits.ts';
import type { RewardRule } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  kind: RewardRuleKind;
  key: string;
  amount: number;
  note?: string;
}

/** A new rule (kind, what it applies to, amount) or an existing one's amount and note. */
export function RuleDialog({
  county,
  rule,
  open,
  onClose,
  onSaved,
}: {
  county: string;
  rule: RewardRule | null;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? rule?.kind ?? 'case';
  const catalogue = useApi('/api/events/catalogue', open ? { params: { query: { retired: false } } } : null);
  const classes = (catalogue.data?.items ?? []).map((n) => ({ value: n.code, label: `${n.name} ${n.code}` }));
  const save = (v: Values) =>
    run(async () => {
      if (rule)
        await api.PUT('/api/rewards/rules/{id}', {
          params: { path: { id: rule.id } },
          body: { amount: v.amount, note: v.note ?? null, version: rule.version },
        });
      else
        await api.POST('/api/rewards/rules', {
          body: { county, kind: v.kind, key: String(v.key), amount: v.amount, note: v.note ?? null },
        });
      void message.success(t('rewards.rules.saved'));
      onSaved();
    });
  return (
    <Modal
      open={open}
      title={rule ? t('rewards.rules.edit') : t('rewards.rules.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'rule-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={rule ? { kind: rule.kind, key: rule.key, amount: rule.amount, note: rule.note ?? '' } : { kind: 'case' }}
        preserve={false}
        data-testid="rule-form"
      >
        <Form.Item name="kind" label={t('rewards.rules.kind')} rules={[{ required: true }]}>
          <Select
            disabled={rule !== null}
            options={REWARD_RULE_KINDS.map((k) => ({ value: k, label: t(`rewards.kinds.${k}`) }))}
            onChange={() => form.setFieldValue('key', undefined)}
            data-testid="rule-kind"
          />
        </Form.Item>
        {kind === 'case' && (
          <Form.Item name="key" label={t('rewards.rules.itemClass')} extra={t('rewards.rules.itemClassHint')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              disabled={rule !== null}
              options={classes}
              loading={catalogue.loading}
              data-testid="rule-item"
            />
          </Form.Item>
        )}
        {kind === 'task' && (
          <Form.Item name="key" label={t('rewards.rules.task')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={REWARDS.labelMax} disabled={rule !== null} data-testid="rule-task" />
          </Form.Item>
        )}
        {kind === 'star' && (
          <Form.Item name="key" label={t('rewards.rules.stars')} rules={[{ required: true }]}>
            <Select
              disabled={rule !== null}
              options={['5', '4', '3', '2', '1'].map((n) => ({ value: n, label: t('rewards.rules.starsOf', { n }) }))}
              data-testid="rule-stars"
            />
          </Form.Item>
        )}
        <Form.Item name="amount" label={t('rewards.rules.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} max={REWARDS.amountMax} precision={0} data-testid="rule-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('rewards.rules.note')}>
          <Input maxLength={NOTE_MAX} data-testid="rule-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
