import { Alert, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyOf } from '../api/paths.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { useShowError } from '../use-show-error.tsx';

type Enrolment = ReplyOf<'/api/auth/totp/enrolment', 'post'>;

/**
 * Enrols TOTP: a new secret as an otpauth link and as text in groups of four (no QR library in the build), then a
 * current code confirms it and the ten recovery codes are shown this once; onDone after they were kept.
 */
export function TotpEnrolment({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const { busy, run } = useBusyAction();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  // Once per enrolment: each call makes a new secret, and a second one in flight would replace the one shown.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.POST('/api/auth/totp/enrolment').then(setEnrolment).catch(showError);
  }, [showError]);

  const confirm = ({ code }: { code: string }) =>
    run(async () => {
      setRecoveryCodes((await api.POST('/api/auth/totp/enrolment/confirm', { body: { code } })).recoveryCodes);
    });

  if (recoveryCodes) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={5}>{t('totp.recoveryTitle')}</Typography.Title>
        <Alert type="warning" showIcon message={t('totp.recoveryHint')} />
        <ol className="recovery-codes" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c}>
              <Typography.Text code copyable>
                {c}
              </Typography.Text>
            </li>
          ))}
        </ol>
        <Button type="primary" onClick={onDone}>
          {t('totp.recoverySaved')}
        </Button>
      </Space>
    );
  }
  if (!enrolment) return <Spin />;
  return (
    <Form<{ code: string }> layout="vertical" onFinish={confirm} requiredMark={false}>
      <Typography.Paragraph>{t('totp.intro')}</Typography.Paragraph>
      <Form.Item label={t('totp.uri')}>
        <Typography.Text copyable code data-testid="totp-uri" style={{ wordBreak: 'break-all' }}>
          {enrolment.uri}
        </Typography.Text>
      </Form.Item>
      <Form.Item label={t('totp.secret')}>
        <Typography.Text
          copyable={{ text: enrolment.secret }}
          strong
          data-testid="totp-secret"
          style={{ fontFamily: 'monospace', fontSize: 16 }}
        >
          {enrolment.secretGroups}
        </Typography.Text>
      </Form.Item>
      <Form.Item name="code" label={t('totp.code')} rules={[{ required: true, message: t('totp.codeRequired') }]}>
        <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 160 }} data-testid="totp-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('totp.confirm')}
      </Button>
    </Form>
  );
}
