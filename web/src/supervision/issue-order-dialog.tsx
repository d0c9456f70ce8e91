import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX, ORDER_WORKING_DAYS } from '../../../shared/limits.ts';
import type { SupervisionOrder } from '../api/replies.ts';
import { api } from '../api.ts';
import { useDepartments } from '../events/use-departments.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useBusyAction } from '../use-busy-action.ts';
import { ORDER_KINDS, ORDER_METHODS, type OrderSubject } from './order-subject.ts';

interface Values {
  kind: (typeof ORDER_KINDS)[number];
  method: (typeof ORDER_METHODS)[number];
  unitCode?: string;
  note: string;
  workingDays: number;
}

interface Props {
  /** The case or unit chosen where the dialog was opened; null lets the user pick a unit. */
  subject: OrderSubject | null;
  onClose(): void;
  onIssued(order: SupervisionOrder): void;
}

/** Issues a 督办 or 催办 order: on the given case or unit, or on a department or area picked here. */
export function IssueOrderDialog({ subject, onClose, onIssued }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const [unitKind, setUnitKind] = useState<'department' | 'area'>('department');
  const departments = useDepartments();

  async function submit(values: Values) {
    await run(async () => {
      const target = subject
        ? 'eventId' in subject
          ? { eventId: subject.eventId }
          : { unitCode: subject.unitCode }
        : { unitCode: values.unitCode };
      const order = await api.POST('/api/supervision/orders', {
        body: { kind: values.kind, method: values.method, note: values.note.trim(), workingDays: values.workingDays, ...target },
      });
      void message.success(t('supervision.issued', { kind: t(`supervision.kind.${order.kind}`) }));
      onIssued(order);
    });
  }

  const title = subject ? ('eventId' in subject ? subject.caseNo : subject.unitName) : t('supervision.onUnit');
  return (
    <Modal
      open
      title={`${t('supervision.issue')} · ${title}`}
      okText={t('supervision.issue')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="issue-order-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ kind: 'supervise', method: 'phone', workingDays: 3 }}
      >
        <Form.Item name="kind" label={t('supervision.kindLabel')}>
          <Radio.Group optionType="button" options={ORDER_KINDS.map((k) => ({ value: k, label: t(`supervision.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="method" label={t('supervision.methodLabel')}>
          <Radio.Group options={ORDER_METHODS.map((m) => ({ value: m, label: t(`supervision.method.${m}`) }))} />
        </Form.Item>
        {!subject && (
          <>
            <Form.Item label={t('supervision.unit')}>
              <Radio.Group
                value={unitKind}
                onChange={(e) => {
                  setUnitKind(e.target.value as 'department' | 'area');
                  form.setFieldValue('unitCode', undefined);
                }}
                options={[
                  { value: 'department', label: t('supervision.unitDepartment') },
                  { value: 'area', label: t('supervision.unitArea') },
                ]}
              />
            </Form.Item>
            <Form.Item name="unitCode" rules={[{ required: true, message: t('supervision.unitRule') }]}>
              {unitKind === 'department' ? (
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={departments.loading}
                  options={departments.items.map((d) => ({ value: d.code, label: d.name }))}
                />
              ) : (
                <AreaTreeSelect pick="area" />
              )}
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={t('supervision.note')}
          rules={[{ required: true, whitespace: true, message: t('supervision.noteRule') }]}
        >
          <Input.TextArea rows={3} maxLength={NOTE_MAX} placeholder={t('supervision.notePlaceholder')} />
        </Form.Item>
        <Form.Item name="workingDays" label={t('supervision.workingDays')} rules={[{ required: true }]}>
          <InputNumber min={ORDER_WORKING_DAYS.min} max={ORDER_WORKING_DAYS.max} precision={0} addonAfter={t('supervision.days')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
