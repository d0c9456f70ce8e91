import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Changes the signed-in user's password. `required`: the server admits nothing else until it is changed (someone
 * else chose it), so the dialog cannot be dismissed; onClose follows a change.
 */
export function ChangePasswordDialog({ open, onClose, required = false }: { open: boolean; onClose(): void; required?: boolean }) {
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
      title={t(required ? 'password.requiredTitle' : 'password.title')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      closable={!required}
      maskClosable={!required}
      keyboard={!required}
      cancelButtonProps={required ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {required && <Alert type="warning" showIcon message={t('password.requiredHint')} style={{ marginBottom: 16 }} />}
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
