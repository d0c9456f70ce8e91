import { LogoutOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { type ComponentType, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context.tsx';
import { useShowError } from '../use-show-error.tsx';

/** A phone screen: a slim bar with the title, and the page; no console menu. */
export function MobileLayout({ title, Component }: { title: string; Component: ComponentType }) {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const showError = useShowError();
  return (
    <div className="mobile-layout">
      <header className="mobile-header">
        <Link to="/" className="brand-mark mobile-brand" title={t('report.desktop')}>
          格治
        </Link>
        <span className="mobile-title">{title}</span>
        <span className="mobile-user">{me?.displayName}</span>
        <Button
          type="text"
          size="small"
          icon={<LogoutOutlined />}
          aria-label={t('header.signOut')}
          onClick={() => signOut().catch(showError)}
        />
      </header>
      <main className="mobile-content">
        <Suspense fallback={<Spin className="page-spin" />}>
          <Component />
        </Suspense>
      </main>
    </div>
  );
}
