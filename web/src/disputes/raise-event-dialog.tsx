import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useCatalogue } from '../events/use-catalogue.ts';
import { ItemPicker } from '../report/item-picker.tsx';
import { useBusyAction } from '../use-busy-action.ts';

/** 生成事件: a department must act, so the dispute raises a loop case at its point (both required, as the server asks). */
export function RaiseEventDialog({
  dispute,
  open,
  onClose,
  onDone,
}: {
  dispute: DisputeDetail;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemCode: string; description: string }>();
  const catalogue = useCatalogue('reporting');
  const { busy, run } = useBusyAction();
  const submit = (v: { itemCode: string; description: string }) =>
    run(async () => {
      await api.POST('/api/disputes/{id}/event', { params: { path: { id: dispute.id } }, body: { ...v, version: dispute.version } });
      void message.success(t('disputes.eventRaised'));
      form.resetFields();
      onDone();
    });
  return (
    <Modal
      open={open}
      title={t('disputes.raiseEvent')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'raise-event-ok' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('disputes.raiseEventHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="itemCode" label={t('disputes.raiseItem')} rules={[{ required: true }]}>
          <ItemPicker items={catalogue.items} recent={[]} loading={catalogue.loading} pathOf={catalogue.pathOf} />
        </Form.Item>
        <Form.Item name="description" label={t('disputes.raiseDescription')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} rows={3} data-testid="raise-event-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
