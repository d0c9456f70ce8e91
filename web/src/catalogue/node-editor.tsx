import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminNode, RuleChoices } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { RuleFields } from './rule-fields.tsx';
import { fromRuleForm, type RuleForm, toRuleForm } from './rule-form.ts';

interface Props {
  node: AdminNode;
  choices: RuleChoices;
  /** After a change here, or when the server says someone else changed the node first. */
  onChanged(): void;
  onAdd(): void;
  onHistory(): void;
}

interface Values {
  name: string;
  rule?: RuleForm;
}

const KIND_LABEL = { major: 'catalogue.kindMajor', minor: 'catalogue.kindMinor', item: 'catalogue.kindItem' } as const;

/** One node: its name (and an item's rule) to edit, retire or restore, and a local child to add. */
export function NodeEditor({ node, choices, onChanged, onAdd, onHistory }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue({ name: node.name, rule: node.rule ? toRuleForm(node.rule, choices.stages) : undefined });
  }, [form, node, choices]);

  // Every write names the version on screen; a node changed meanwhile is reloaded rather than overwritten.
  const write = (call: (params: { path: { code: string } }, version: number) => Promise<unknown>, done: string) =>
    run(async () => {
      try {
        await call({ path: { code: node.code } }, node.version);
        void message.success(done);
      } catch (err) {
        if (!(err instanceof ApiError && err.body.code === 'catalogue.changed')) throw err;
        void message.warning(t('catalogue.changed'));
      }
      onChanged();
    });

  function save(values: Values) {
    const body = { name: values.name.trim(), ...(values.rule ? { rule: fromRuleForm(values.rule) } : {}) };
    void write((params, version) => api.PUT('/api/catalogue/{code}', { params, body: { ...body, version } }), t('common.saved'));
  }

  return (
    <div data-testid="catalogue-editor" data-code={node.code}>
      <div className="detail-head">
        <Space wrap>
          <Typography.Title level={5} className="catalogue-editor-title">
            {node.name}
          </Typography.Title>
          <Tag>{t(KIND_LABEL[node.kind])}</Tag>
          {node.local && <Tag color="blue">{t('catalogue.local')}</Tag>}
          {node.retired && <Tag>{t('catalogue.retired')}</Tag>}
          <Typography.Text type="secondary" className="mono">
            {node.code} · {t('catalogue.version', { n: node.version })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {node.kind !== 'item' && (
            <Button icon={<PlusOutlined />} onClick={onAdd}>
              {t(node.kind === 'major' ? 'catalogue.addMinor' : 'catalogue.addItem')}
            </Button>
          )}
          <Button icon={<HistoryOutlined />} onClick={onHistory}>
            {t('catalogue.history')}
          </Button>
          <Popconfirm
            title={t(node.retired ? 'catalogue.restoreConfirm' : 'catalogue.retireConfirm')}
            onConfirm={() =>
              write(
                (params, version) =>
                  node.retired
                    ? api.POST('/api/catalogue/{code}/restore', { params, body: { version } })
                    : api.POST('/api/catalogue/{code}/retire', { params, body: { version } }),
                t(node.retired ? 'catalogue.restoredDone' : 'catalogue.retiredDone'),
              )
            }
          >
            <Button danger={!node.retired} loading={busy}>
              {t(node.retired ? 'catalogue.restore' : 'catalogue.retire')}
            </Button>
          </Popconfirm>
        </Space>
      </div>
      <Form<Values> form={form} layout="vertical" onFinish={save} className="catalogue-form">
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('catalogue.nameRule') }]}>
          <Input maxLength={60} />
        </Form.Item>
        {node.kind === 'item' && <RuleFields choices={choices} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}
