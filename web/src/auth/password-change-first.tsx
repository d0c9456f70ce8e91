import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../use-show-error.tsx';
import { useAuth } from './auth-context.tsx';
import { ChangePasswordDialog } from './change-password-dialog.tsx';

/** Someone else chose this account's password: changing it is the only thing to do (the server refuses the rest). */
export function PasswordChangeFirst() {
  const { t } = useTranslation();
  const { reload, signOut } = useAuth();
  const showError = useShowError();
  return (
    <div className="login-page" data-testid="password-change-first">
      <Button className="login-lang" style={{ zIndex: 1100 }} onClick={() => signOut().catch(showError)}>
        {t('header.signOut')}
      </Button>
      <ChangePasswordDialog open required onClose={() => reload().catch(showError)} />
    </div>
  );
}
