import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NOTE_MAX } from '../../../shared/limits.ts';
import type { SupervisionOrder } from '../api/replies.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Props {
  order: SupervisionOrder;
  onClose(): void;
  onDone(): void;
}

/** The unit's answer to an order addressed to it. */
export function ReplyDialog({ order, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply: string }>();
  const { busy, run } = useBusyAction();

  async function submit({ reply }: { reply: string }) {
    await run(async () => {
      await api.POST('/api/supervision/orders/{id}/reply', { params: { path: { id: order.id } }, body: { reply: reply.trim() } });
      void message.success(t('supervision.replied'));
      onDone();
    });
  }

  return (
    <Modal
      open
      title={t('supervision.reply')}
      okText={t('supervision.reply')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{order.note}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="reply"
          label={t('supervision.replyText')}
          rules={[{ required: true, whitespace: true, message: t('supervision.replyRule') }]}
        >
          <Input.TextArea rows={3} maxLength={NOTE_MAX} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
