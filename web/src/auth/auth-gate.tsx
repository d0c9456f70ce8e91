import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { landsOnField } from '../field/field-landing.ts';
import { useAuth } from './auth-context.tsx';
import { cameFromHost } from './host-sign-on-params.ts';
import { PasswordChangeFirst } from './password-change-first.tsx';
import { TotpEnrolmentFirst } from './totp-enrolment-first.tsx';

// Each shell is its own chunk: a phone on /m never loads the console's menu, icons and pages.
const PublicPages = lazy(async () => ({ default: (await import('../public/public-pages.tsx')).PublicPages }));
const DeclarePage = lazy(async () => ({ default: (await import('../declare/declare-page.tsx')).DeclarePage }));
const FieldApp = lazy(async () => ({ default: (await import('../field/field-app.tsx')).FieldApp }));
const AppLayout = lazy(async () => ({ default: (await import('../layout/app-layout.tsx')).AppLayout }));
const BigScreen = lazy(async () => ({ default: (await import('../figures/big-screen.tsx')).BigScreen }));
const LoginPage = lazy(async () => ({ default: (await import('./login-page.tsx')).LoginPage }));
const HostSignOn = lazy(async () => ({ default: (await import('./host-sign-on.tsx')).HostSignOn }));

const isUnder = (pathname: string, root: string) => pathname === root || pathname.startsWith(`${root}/`);

/**
 * The citizens' pages and the residents' declaration page a QR code opens (/declare/<token>) for anyone; for a
 * signed-in user the phone app, the command centre's big screen or the console (only the password change, or
 * an administrator's TOTP enrolment, while the server asks for it first); the login page otherwise — on the field
 * routes of a deployment in host mode, the host's sign-on instead.
 */
export function AuthGate() {
  const { me, loading } = useAuth();
  const { pathname, search } = useLocation();
  const spin = <Spin className="page-spin" size="large" />;
  if (isUnder(pathname, '/public')) {
    return (
      <Suspense fallback={spin}>
        <PublicPages />
      </Suspense>
    );
  }
  if (isUnder(pathname, '/declare')) {
    return (
      <Suspense fallback={spin}>
        <Routes>
          <Route path="/declare/:token" element={<DeclarePage />} />
        </Routes>
      </Suspense>
    );
  }
  if (loading) return spin;
  // The field routes in a host super-app sign on through the host (host-sign-on.tsx): its token, or OpenID Connect.
  const field = isUnder(pathname, '/m');
  if (field && (!me || cameFromHost(search))) {
    return (
      <Suspense fallback={spin}>
        <HostSignOn passwordSignIn={<LoginPage />} />
      </Suspense>
    );
  }
  if (me?.pendingStep === 'password_change') return <PasswordChangeFirst />;
  if (me?.pendingStep === 'totp_enrolment') return <TotpEnrolmentFirst />;
  // A grid worker signing in on a phone lands on the phone home, not the desktop territory page.
  if (me && pathname === '/' && landsOnField(me.roles)) return <Navigate to="/m" replace />;
  const shell = field ? <FieldApp /> : isUnder(pathname, '/screen') ? <BigScreen /> : <AppLayout />;
  return <Suspense fallback={spin}>{me ? shell : <LoginPage />}</Suspense>;
}
