import { Spin } from 'antd';
import { AppLayout } from '../layout/app-layout.tsx';
import { LoginPage } from './login-page.tsx';
import { useAuth } from './auth-context.tsx';

/** The console for a signed-in user, the login page otherwise. */
export function AuthGate() {
  const { me, loading } = useAuth();
  if (loading) return <Spin className="page-spin" size="large" />;
  return me ? <AppLayout /> : <LoginPage />;
}
