import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TASK_FIELD_TYPES, TASK_KINDS, TASK_SUBJECTS, type TaskFieldType } from '../../../shared/enums.ts';
import type { TaskBody } from '../api/replies.ts';
import { api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface FieldValues {
  label: string;
  type: TaskFieldType;
  required?: boolean;
  options?: string[];
}
interface Values {
  title: string;
  kind: TaskBody['kind'];
  subject: TaskBody['subject'];
  description?: string;
  grids: { value: string; label?: string }[];
  deadline: Dayjs;
  subsidy: number;
  fields: FieldValues[];
}

/** The workers of the chosen grids and what they still have open, shown before the task is asked for. */
function WorkerLoad({ grids }: { grids: string[] }) {
  const { t } = useTranslation();
  const load = useApi('/api/tasks/load', grids.length ? { params: { query: { grids: grids.join(',') } } } : null);
  if (!grids.length) return null;
  return (
    <div data-testid="task-load">
      <Typography.Text strong>{t('tasks.load')}</Typography.Text>
      <div className="secondary">{t('tasks.loadHint')}</div>
      <List
        size="small"
        loading={load.loading}
        dataSource={load.data?.items ?? []}
        locale={{ emptyText: t('tasks.loadNone') }}
        renderItem={(w) => (
          <List.Item data-testid="task-load-worker">
            <span>
              {w.workerName} <span className="secondary">{w.grids.map((g) => g.name).join('、')}</span>
            </span>
            <span>
              {t('tasks.openItems', { n: w.openItems })} · {t('tasks.openTasks', { n: w.openTasks })}
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}

/** 拟定任务: title, kind, grids (with the workers' load), deadline, subsidy, and the form built from fields. */
export function TaskDialog({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [form] = Form.useForm<Values>();
  const grids = (Form.useWatch('grids', form) ?? []).map((g) => g.value);
  const fields = Form.useWatch('fields', form) ?? [];
  const save = (v: Values) =>
    run(async () => {
      await api.POST('/api/tasks', {
        body: {
          title: v.title,
          kind: v.kind,
          subject: v.subject,
          description: v.description?.trim() || null,
          gridCodes: v.grids.map((g) => g.value),
          deadline: v.deadline.format('YYYY-MM-DD'),
          subsidy: v.subsidy ?? 0,
          fields: v.fields.map((f, i) => ({
            key: `f${i + 1}`,
            label: f.label,
            type: f.type,
            required: !!f.required,
            ...(f.type === 'choice' ? { options: f.options ?? [] } : {}),
          })),
        },
      });
      void message.success(t('tasks.drafted'));
      onSaved();
    });
  return (
    <Modal
      open={open}
      title={t('tasks.draft')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'task-save' }}
      width={720}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        preserve={false}
        initialValues={{ kind: 'survey', subject: 'house', subsidy: 0, fields: [{ label: '', type: 'text', required: true }] }}
        data-testid="task-form"
      >
        <Form.Item name="title" label={t('tasks.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={80} data-testid="task-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('tasks.kind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={TASK_KINDS.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))}
              data-testid="task-kind"
            />
          </Form.Item>
          <Form.Item name="subject" label={t('tasks.subject')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={TASK_SUBJECTS.map((k) => ({ value: k, label: t(`tasks.subjects.${k}`) }))}
              data-testid="task-subject"
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('tasks.deadline')} rules={[{ required: true }]}>
            <DatePicker data-testid="task-deadline" />
          </Form.Item>
          <Form.Item name="subsidy" label={t('tasks.subsidy')} tooltip={t('tasks.subsidyHint')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10_000} precision={0} data-testid="task-subsidy" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('tasks.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="grids" label={t('tasks.grids')} extra={t('tasks.gridsHint')} rules={[{ required: true }]}>
          <AreaTreeSelect pick="grid" multiple labelInValue data-testid="task-grids" />
        </Form.Item>
        <WorkerLoad grids={grids} />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('tasks.fields')}
        </Typography.Title>
        <div className="secondary">{t('tasks.fieldsHint')}</div>
        <Form.List name="fields">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row, i) => (
                <Space key={row.key} align="start" wrap data-testid={`task-field-${i}`}>
                  <Form.Item
                    name={[row.name, 'label']}
                    rules={[{ required: true, whitespace: true, message: t('tasks.reasons.required') }]}
                  >
                    <Input
                      placeholder={t('tasks.fieldLabel')}
                      maxLength={60}
                      style={{ width: 200 }}
                      data-testid={`task-field-label-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, 'type']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 200 }}
                      options={TASK_FIELD_TYPES.map((k) => ({ value: k, label: t(`tasks.types.${k}`) }))}
                      data-testid={`task-field-type-${i}`}
                    />
                  </Form.Item>
                  {fields[i]?.type === 'choice' && (
                    <Form.Item
                      name={[row.name, 'options']}
                      rules={[{ required: true, type: 'array', min: 2, message: t('tasks.fieldOptionsHint') }]}
                    >
                      <Select
                        mode="tags"
                        tokenSeparators={[',', '，']}
                        placeholder={t('tasks.fieldOptionsHint')}
                        style={{ width: 220 }}
                        data-testid={`task-field-options-${i}`}
                      />
                    </Form.Item>
                  )}
                  <Form.Item name={[row.name, 'required']} valuePropName="checked">
                    <Checkbox data-testid={`task-field-required-${i}`}>{t('tasks.fieldRequired')}</Checkbox>
                  </Form.Item>
                  {rows.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('tasks.removeField')}
                      onClick={() => remove(row.name)}
                    />
                  )}
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ label: '', type: 'text', required: false })}
                data-testid="task-field-add"
              >
                {t('tasks.addField')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
