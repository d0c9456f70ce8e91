import { LeftOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context.tsx';
import { useOnline } from '../field/use-online.ts';
import { useShowError } from '../use-show-error.tsx';

/** A phone screen: a slim bar with the way home, the title and the user, and the page; no console menu. */
export function MobileLayout({ title, home, children }: { title: string; home: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const showError = useShowError();
  const online = useOnline();
  return (
    <div className="mobile-layout">
      <header className="mobile-header">
        {home ? (
          <span className="brand-mark mobile-brand">格治</span>
        ) : (
          <Link to="/m" className="mobile-back" aria-label={t('field.backHome')} data-testid="field-back">
            <LeftOutlined />
          </Link>
        )}
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
      {!online && (
        <div className="mobile-offline" role="status" data-testid="field-offline">
          {t('field.offline')}
        </div>
      )}
      <main className="mobile-content">
        <Suspense fallback={<Spin className="page-spin" />}>{children}</Suspense>
      </main>
    </div>
  );
}
