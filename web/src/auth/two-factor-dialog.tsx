import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { useShowError } from '../use-show-error.tsx';
import { useAuth } from './auth-context.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

/** 双因素认证 from the account menu: turn it on (enrol), or off with a current code (the server refuses administrators). */
export function TwoFactorDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, reload } = useAuth();
  const showError = useShowError();
  const { busy, run } = useBusyAction();
  const [enrolling, setEnrolling] = useState(false);

  const close = () => {
    setEnrolling(false);
    onClose();
  };
  const disable = ({ code }: { code: string }) =>
    run(async () => {
      await api.POST('/api/auth/totp/disable', { body: { code } });
      void message.success(t('totp.disabledDone'));
      await reload();
      close();
    });

  let body: React.ReactNode;
  if (enrolling) {
    body = (
      <TotpEnrolment
        onDone={() => {
          reload().catch(showError);
          close();
        }}
      />
    );
  } else if (me?.totpEnabled) {
    body = (
      <>
        <Alert type="success" showIcon message={t('totp.enabled')} style={{ marginBottom: 16 }} />
        <Form<{ code: string }> layout="inline" onFinish={disable}>
          <Form.Item name="code" rules={[{ required: true, message: t('totp.codeRequired') }]} extra={t('totp.disableHint')}>
            <Input autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} />
          </Form.Item>
          <Button danger htmlType="submit" loading={busy}>
            {t('totp.disable')}
          </Button>
        </Form>
      </>
    );
  } else {
    body = (
      <>
        <Alert type="info" showIcon message={t('totp.disabled')} style={{ marginBottom: 16 }} />
        <Button type="primary" onClick={() => setEnrolling(true)} data-testid="totp-enable">
          {t('totp.enable')}
        </Button>
      </>
    );
  }
  return (
    <Modal open={open} title={t('totp.title')} footer={null} onCancel={close} destroyOnHidden maskClosable={!enrolling}>
      {body}
    </Modal>
  );
}
