import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useLocation } from 'react-router';
import { AppLayout } from '../layout/app-layout.tsx';
import { useAuth } from './auth-context.tsx';
import { LoginPage } from './login-page.tsx';
import { PasswordChangeFirst } from './password-change-first.tsx';
import { TotpEnrolmentFirst } from './totp-enrolment-first.tsx';

const PublicPages = lazy(async () => ({ default: (await import('../public/public-pages.tsx')).PublicPages }));

/**
 * The citizens' pages for anyone; the console for a signed-in user (only the password change, or an administrator's
 * TOTP enrolment, while the server asks for it first), the login page otherwise.
 */
export function AuthGate() {
  const { me, loading } = useAuth();
  const { pathname } = useLocation();
  if (pathname === '/public' || pathname.startsWith('/public/')) {
    return (
      <Suspense fallback={<Spin className="page-spin" size="large" />}>
        <PublicPages />
      </Suspense>
    );
  }
  if (loading) return <Spin className="page-spin" size="large" />;
  if (!me) return <LoginPage />;
  if (me.pendingStep === 'password_change') return <PasswordChangeFirst />;
  if (me.pendingStep === 'totp_enrolment') return <TotpEnrolmentFirst />;
  return <AppLayout />;
}
