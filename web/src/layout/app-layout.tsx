import { Layout, Menu, Result, Space, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context.tsx';
import { InboxBell } from '../inbox/inbox-bell.tsx';
import { MY_SESSIONS_PATH, MySessionsPage, PAGES, PROFILE_PATH, ProfilePage, SECTIONS } from '../pages.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UserMenu } from './user-menu.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const pages = PAGES.filter((p) => can(p.permission));
  const current = pages.find((p) => pathname.startsWith(p.path));
  // A leader lands on the command centre; everyone else on the first page they may open.
  const landing = (me?.roles.includes('leader') && pages.find((p) => p.path === '/command')) || pages[0];

  const sections = SECTIONS.map((section) => ({
    type: 'group' as const,
    key: section,
    label: t(`nav.sections.${section}`),
    children: pages
      .filter((p) => p.menu !== false && p.section === section)
      .map((p) => ({ key: p.path, icon: p.icon, label: t(p.labelKey) })),
  })).filter((s) => s.children.length > 0);

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to="/" className="brand">
          <span className="brand-mark">格治</span>
          <span className="brand-sub">{t('app.tagline')}</span>
        </Link>
        <Space size="middle">
          {can('events.read') && <InboxBell />}
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout className="app-body">
        <Layout.Sider className="app-sider" theme="light" width={184} breakpoint="lg" collapsedWidth={0}>
          <Menu
            className="app-menu"
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            items={sections}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout.Content>
          <Suspense fallback={<Spin className="page-spin" />}>
            <Routes>
              {pages.map(({ path, Component }) => Component && <Route key={path} path={`${path}/*`} element={<Component />} />)}
              <Route path={MY_SESSIONS_PATH} element={<MySessionsPage />} />
              <Route path={PROFILE_PATH} element={<ProfilePage />} />
              <Route
                path="*"
                element={landing ? <Navigate to={landing.path} replace /> : <Result status="403" title={t('app.noPages')} />}
              />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
