import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminNode, CatalogueRule, RuleChoices } from '../api/replies.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { RuleFields } from './rule-fields.tsx';
import { fromRuleForm, type RuleForm, toRuleForm } from './rule-form.ts';

interface Props {
  /** The class the new node goes under; null while closed. */
  parent: AdminNode | null;
  /** An item's rule to start from (a neighbour's), so a new item needs only what differs. */
  startRule: CatalogueRule;
  choices: RuleChoices;
  onClose(): void;
  onAdded(node: AdminNode): void;
}

interface Values {
  name: string;
  rule?: RuleForm;
}

/** A city's own item under a minor class, or own minor class under a major one; the server assigns the code. */
export function AddLocalDialog({ parent, startRule, choices, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const addsItem = parent?.kind === 'minor';

  async function submit(values: Values) {
    if (!parent) return;
    await run(async () => {
      const body = { parentCode: parent.code, name: values.name.trim(), ...(values.rule ? { rule: fromRuleForm(values.rule) } : {}) };
      const added = await api.POST('/api/catalogue', { body });
      void message.success(t('common.created'));
      onAdded(added);
    });
  }

  return (
    <Modal
      open={parent !== null}
      title={t(addsItem ? 'catalogue.addItem' : 'catalogue.addMinor')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={addsItem ? 640 : 420}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('catalogue.addUnder', { name: parent?.name ?? '' })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ name: '', rule: addsItem ? toRuleForm(startRule, choices.stages) : undefined }}
      >
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('catalogue.nameRule') }]}>
          <Input maxLength={60} data-testid="catalogue-new-name" />
        </Form.Item>
        {addsItem && <RuleFields choices={choices} />}
      </Form>
    </Modal>
  );
}
