import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { useShowError } from '../use-show-error.tsx';
import { useAuth } from './auth-context.tsx';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn, completeSignIn } = useAuth();
  const [pendingToken, setPendingToken] = useState<string | null>(null);
  const showError = useShowError();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function attempt(step: () => Promise<void>) {
    setBusy(true);
    setFailure(null);
    try {
      await step();
    } catch (err) {
      // Wrong password or code and lockout are shown in the form; anything else as a message.
      if (err instanceof ApiError && (err.status === 401 || err.status === 429)) {
        setFailure(err.body.message);
        if (err.body.code === 'auth.second_factor_expired') setPendingToken(null);
      } else showError(err);
    } finally {
      setBusy(false);
    }
  }
  const submit = (values: Credentials) =>
    attempt(async () => setPendingToken((await signIn(values.username, values.password))?.pendingToken ?? null));
  const submitCode = ({ code }: { code: string }) => attempt(() => completeSignIn(pendingToken!, code));

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <span className="brand-mark">格治</span>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        {pendingToken ? (
          <Form<{ code: string }> layout="vertical" onFinish={submitCode} requiredMark={false} size="large">
            <Form.Item
              name="code"
              label={t('login.code')}
              extra={t('login.codeHint')}
              rules={[{ required: true, message: t('login.codeRequired') }]}
            >
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" autoFocus data-testid="sign-in-code" />
            </Form.Item>
            {failure && <Alert type="error" showIcon message={failure} className="login-failure" />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.verify')}
            </Button>
          </Form>
        ) : (
          <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            {failure && <Alert type="error" showIcon message={failure} className="login-failure" />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
