import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBusyAction } from '../use-busy-action.ts';

interface Props {
  open: boolean;
  /** Asks the record's reveal route for the field, giving the reason. */
  reveal(reason: string): Promise<{ value: string | null }>;
  label: string;
  onClose(): void;
  onRevealed(value: string | null): void;
}

/** Asks why the full value is needed, then reveals it; the server writes the audit row. */
export function RevealDialog({ open, reveal, label, onClose, onRevealed }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, run } = useBusyAction();

  async function submit({ reason }: { reason: string }) {
    await run(async () => {
      const reply = await reveal(reason.trim());
      onRevealed(reply.value);
    });
  }

  return (
    <Modal
      open={open}
      title={t('reveal.title', { field: label })}
      okText={t('reveal.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('reveal.audited')} className="reveal-audited" />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="reason"
          label={t('reveal.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              min: 2,
              max: 200,
              transform: (v: string | undefined) => v?.trim(),
              message: t('reveal.reasonRule'),
            },
          ]}
        >
          <Input.TextArea autoFocus rows={2} maxLength={200} showCount placeholder={t('reveal.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
