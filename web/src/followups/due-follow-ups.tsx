import { Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { PersonTagList } from '../people/person-tags.tsx';
import { useApi } from '../use-api.ts';
import { FollowUpButton } from './follow-up-button.tsx';
import { FollowUpState } from './follow-up-state.tsx';

/** 随访 on a phone: the tagged people I follow up, missed first; the follow-up form opens from each. */
export function DueFollowUps() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useApi('/api/fieldwork/follow-ups', { params: { query: { limit: 100 } } });
  return (
    <div className="field-visits">
      {list.data && (
        <div className="secondary">
          {t('followUps.fieldHint', { total: list.data.total, missed: list.data.missed })} · {t('followUps.audited')}
        </div>
      )}
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followUps.empty')} /> }}
        renderItem={(f) => (
          <List.Item
            className="field-case follow-up-item"
            data-testid="field-follow-up"
            extra={f.mine && can('followups.visit') ? <FollowUpButton personId={f.personId} onSaved={list.reload} /> : null}
          >
            <div>
              <div>
                <strong>{f.name}</strong> <PersonTagList tags={f} />
              </div>
              <div className="secondary">{f.address ?? t('followUps.noHouse')}</div>
              <FollowUpState followUp={f} />
              {f.assignment && (
                <div className="secondary follow-up-named" data-testid="follow-up-named">
                  {t('followUps.namedBy', { by: f.assignment.assignedByName, reason: f.assignment.reason })}
                </div>
              )}
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
