import { Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../use-api.ts';
import { VisitButton } from '../visits/visit-button.tsx';

/** 待走访 on a phone: the houses not visited this round, never visited first; the visit form opens from each. */
export function DueVisits() {
  const { t, i18n } = useTranslation();
  const due = useApi('/api/fieldwork/visits/due', { params: { query: { limit: 50 } } });
  return (
    <div className="field-visits">
      {due.data && <div className="secondary">{t('field.visits.hint', { days: due.data.roundDays, n: due.data.total })}</div>}
      <List
        loading={due.loading}
        dataSource={due.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('field.visits.none')} /> }}
        renderItem={(h) => (
          <List.Item className="field-case" data-testid="field-due-house" extra={<VisitButton code={h.code} onSaved={due.reload} />}>
            <div>
              <div>{h.address}</div>
              <div className="secondary">
                {h.lastVisitAt
                  ? t('field.visits.last', { date: new Date(h.lastVisitAt).toLocaleDateString(i18n.language) })
                  : t('field.visits.never')}
              </div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
