import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRID_TEAM_ROLES } from '../../../shared/roles.ts';
import type { TeamMember } from '../api/replies.ts';

/** The grid's "1+1+1+N" team, one line per role. */
export function TeamList({ team }: { team: TeamMember[] }) {
  const { t } = useTranslation();
  return (
    <div className="team-list">
      {GRID_TEAM_ROLES.map((role) => {
        const members = team.filter((m) => m.role === role);
        return (
          <div key={role} className="team-row">
            <span className="team-role">{t(`teamRole.${role}`)}</span>
            <span className="team-members">
              {members.length === 0 && <Typography.Text type="secondary">{t('territory.teamEmpty')}</Typography.Text>}
              {members.map((m) => (
                <Space key={m.id} size={4} className="team-member">
                  <span>{m.name}</span>
                  {m.employment && (
                    <Tag bordered={false} color={m.employment === 'full_time' ? 'green' : 'gold'}>
                      {t(`employment.${m.employment}`)}
                    </Tag>
                  )}
                  {m.phone && <Typography.Text type="secondary">{m.phone}</Typography.Text>}
                </Space>
              ))}
            </span>
          </div>
        );
      })}
    </div>
  );
}
