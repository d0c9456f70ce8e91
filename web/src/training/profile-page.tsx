import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { TrainingHistoryList } from './training-history.tsx';

/** 个人资料: my account, roles and areas, and my training history. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const mine = useApi('/api/training/mine');
  if (!me) return null;
  return (
    <div className="page" data-testid="profile-page">
      <Typography.Title level={4}>{t('training.profile')}</Typography.Title>
      <Descriptions size="small" bordered column={1} style={{ maxWidth: 640, marginBottom: 16 }}>
        <Descriptions.Item label={t('training.account')}>
          {me.displayName} <span className="secondary mono">{me.username}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('training.roles')}>
          {me.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.areas')}>{me.areas.map((a) => a.name).join('、')}</Descriptions.Item>
      </Descriptions>
      <Card title={t('training.history')} size="small" style={{ maxWidth: 640 }}>
        <TrainingHistoryList history={mine.data} loading={mine.loading} />
      </Card>
    </div>
  );
}
