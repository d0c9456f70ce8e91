import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();

  async function submit(values: Values) {
    await run(async () => {
      await api.POST('/api/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      void message.success(t('password.changed'));
      form.resetFields();
      onClose();
    });
  }

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
