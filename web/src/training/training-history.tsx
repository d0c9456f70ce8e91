import { Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrainingHistory } from '../api/replies.ts';

/** A worker's training history: each session attended, newest first, and the totals. */
export function TrainingHistoryList({ history, loading }: { history: TrainingHistory | null; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="training-history">
      {history && history.sessions > 0 && (
        <Typography.Text strong data-testid="training-history-total">
          {t('training.historyTotal', { sessions: history.sessions, hours: history.hours })}
        </Typography.Text>
      )}
      <List
        size="small"
        loading={loading}
        dataSource={history?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.historyNone')} /> }}
        renderItem={(s) => (
          <List.Item data-testid="training-history-item">
            <div>
              <div>{s.topic}</div>
              <div className="secondary">
                {s.heldOn} · {s.hours} {t('training.hours')} · {s.trainer} · {s.areaName}
              </div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
