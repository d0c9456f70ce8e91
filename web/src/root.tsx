import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth/auth-context.tsx';
import { AuthGate } from './auth/auth-gate.tsx';
import { currentLang } from './i18n/index.ts';
import { useReducedMotion } from './use-reduced-motion.ts';

export function Root() {
  useTranslation(); // re-render the locale when the language changes
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider
      locale={currentLang() === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1d5fd1', borderRadius: 4, motion: !reducedMotion } }}
      wave={{ disabled: reducedMotion }}
    >
      <AntApp className="ant-app-root">
        <BrowserRouter>
          <AuthProvider>
            <AuthGate />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
