import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../use-show-error.tsx';
import { useAuth } from './auth-context.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

/** An administrator without a second factor: enrolling is the only thing to do (the server refuses the rest). */
export function TotpEnrolmentFirst() {
  const { t } = useTranslation();
  const { reload, signOut } = useAuth();
  const showError = useShowError();
  return (
    <div className="login-page" data-testid="totp-enrolment-first">
      <Button className="login-lang" onClick={() => signOut().catch(showError)}>
        {t('header.signOut')}
      </Button>
      <Card className="login-card" title={t('totp.requiredTitle')} style={{ width: 520 }}>
        <Alert type="warning" showIcon message={t('totp.requiredHint')} style={{ marginBottom: 16 }} />
        <TotpEnrolment onDone={() => reload().catch(showError)} />
      </Card>
    </div>
  );
}
