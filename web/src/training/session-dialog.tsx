import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRAINING } from '../../../shared/limits.ts';
import { ApiError, api } from '../api.ts';
import { detailText, fieldText } from '../error-words.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  topic: string;
  heldOn: string;
  hours: number;
  trainer: string;
  attendeeIds: string[];
}

/** 登记培训: topic, day, hours, trainer and the attendees picked from the accounts of my area; all five required, as the server requires them. */
export function SessionDialog({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const team = useApi('/api/training/team', open ? {} : null);
  const { busy, run } = useBusyAction();
  const required = [{ required: true, message: t('declare.required') }];

  const save = (v: Values) =>
    run(async () => {
      try {
        const saved = await api.POST('/api/training/sessions', { body: v });
        void message.success(t('training.saved', { topic: saved.topic }));
        form.resetFields();
        onSaved();
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 400 && err.body.code === 'training.invalid')) throw err;
        form.setFields(
          err.body.details.map((d) => ({
            name: d.field.replace(/^body\./, '').split('.')[0] as keyof Values,
            errors: [`${fieldText(d.field)}: ${detailText(d)}`],
          })),
        );
      }
    });

  return (
    <Modal
      open={open}
      title={t('training.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'session-save' }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ hours: 2 }} data-testid="session-form">
        <Form.Item name="topic" label={t('training.topic')} rules={[{ ...required[0], whitespace: true }]}>
          <Input maxLength={TRAINING.topicMax} data-testid="session-topic" />
        </Form.Item>
        <Form.Item name="heldOn" label={t('training.heldOn')} rules={required}>
          <Input type="date" data-testid="session-held-on" />
        </Form.Item>
        <Form.Item name="hours" label={t('training.hours')} rules={required}>
          <InputNumber min={TRAINING.hoursMin} max={TRAINING.hoursMax} step={0.5} data-testid="session-hours" />
        </Form.Item>
        <Form.Item name="trainer" label={t('training.trainer')} rules={[{ ...required[0], whitespace: true }]}>
          <Input maxLength={TRAINING.trainerMax} data-testid="session-trainer" />
        </Form.Item>
        <Form.Item name="attendeeIds" label={t('training.attendees')} extra={t('training.attendeesHint')} rules={required}>
          <Select
            mode="multiple"
            loading={team.loading}
            optionFilterProp="label"
            data-testid="session-attendees"
            options={(team.data?.items ?? []).map((u) => ({
              value: u.id,
              label: `${u.name}（${u.areas.map((a) => a.name).join('、')}）`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
