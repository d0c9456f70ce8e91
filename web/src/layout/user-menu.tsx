import {
  DesktopOutlined,
  DownOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Dropdown, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context.tsx';
import { ChangePasswordDialog } from '../auth/change-password-dialog.tsx';
import { TwoFactorDialog } from '../auth/two-factor-dialog.tsx';
import { MY_SESSIONS_PATH, PROFILE_PATH } from '../pages.tsx';
import { useShowError } from '../use-show-error.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const showError = useShowError();
  const [changing, setChanging] = useState(false);
  const [twoFactor, setTwoFactor] = useState(false);
  const navigate = useNavigate();
  if (!me) return null;

  const items = [
    { key: 'profile', icon: <IdcardOutlined />, label: t('training.profile') },
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
    { key: 'twoFactor', icon: <SafetyOutlined />, label: t('header.twoFactor') },
    { key: 'sessions', icon: <DesktopOutlined />, label: t('header.mySessions') },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
  ];
  function onClick({ key }: { key: string }) {
    if (key === 'password') setChanging(true);
    if (key === 'twoFactor') setTwoFactor(true);
    if (key === 'sessions') navigate(MY_SESSIONS_PATH);
    if (key === 'profile') navigate(PROFILE_PATH);
    if (key === 'logout') signOut().catch(showError);
  }

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <a className="user-menu" data-testid="user-menu" onClick={(e) => e.preventDefault()}>
          <Space size={6}>
            <UserOutlined />
            <span className="user-name">{me.displayName}</span>
            {me.roles.map((role) => (
              <Tag key={role} color="blue" bordered={false}>
                {t(`role.${role}`, { defaultValue: role })}
              </Tag>
            ))}
            <DownOutlined />
          </Space>
        </a>
      </Dropdown>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
      <TwoFactorDialog open={twoFactor} onClose={() => setTwoFactor(false)} />
    </>
  );
}
