import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AuthProvider, useAuth } from './auth/auth-context.tsx';
import { LoginPage } from './auth/login-page.tsx';
import { currentLang } from './i18n/index.ts';
import { AppLayout } from './layout/app-layout.tsx';

function Gate() {
  const { me, loading } = useAuth();
  if (loading) return <Spin className="page-spin" size="large" />;
  return me ? <AppLayout /> : <LoginPage />;
}

export function Root() {
  useTranslation(); // re-render the locale when the language changes
  return (
    <ConfigProvider locale={currentLang() === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d5fd1', borderRadius: 4 } }}>
      <AntApp className="ant-app-root">
        <BrowserRouter>
          <AuthProvider>
            <Gate />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
