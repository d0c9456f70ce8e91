import { Alert, Collapse, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail, ExplainedDay } from '../api/replies.ts';
import { useApi } from '../use-api.ts';
import { deadlineSpan } from './deadline-span.ts';

const COLOURS: Record<ExplainedDay['reason'], string> = {
  weekend: 'default',
  holiday: 'green',
  adjusted_workday: 'blue',
  override: 'purple',
};

/** 时限说明: which days the case's deadline skipped (weekends, holidays, overrides) and which adjusted days it worked. */
export function DeadlineExplain({ event }: { event: EventDetail }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const span = deadlineSpan(event);
  const { data, loading } = useApi('/api/calendar/explain', open && span ? { params: { query: span } } : null);
  if (!span) return null;
  const time = (at: string) => new Date(at).toLocaleString(i18n.language);
  const dayTag = (d: ExplainedDay) => (
    <Tag key={d.day} color={COLOURS[d.reason]} data-testid="deadline-day" data-reason={d.reason}>
      <span className="mono">{d.day.slice(5)}</span> {t(`deadlineExplain.reason.${d.reason}`)}
      {d.name ? ` · ${d.name}` : ''}
    </Tag>
  );
  return (
    <Collapse
      size="small"
      className="detail-section"
      data-testid="deadline-explain"
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'explain',
          label: t('deadlineExplain.title'),
          children: !data ? (
            <Spin spinning={loading} />
          ) : (
            <Space direction="vertical" className="full-width">
              {data.provisional && (
                <Alert type="warning" showIcon message={t('deadlineExplain.provisional', { years: data.uncoveredYears.join('、') })} />
              )}
              <Typography.Text>
                {t('deadlineExplain.summary', {
                  from: time(span.from),
                  to: time(span.to),
                  days: data.workingDays,
                  hours: data.workingHours,
                })}
              </Typography.Text>
              <div>
                <Typography.Text type="secondary">{t('deadlineExplain.skipped', { n: data.skipped.length })}</Typography.Text>
                <div>{data.skipped.length > 0 ? data.skipped.map(dayTag) : t('deadlineExplain.none')}</div>
              </div>
              {data.worked.length > 0 && (
                <div>
                  <Typography.Text type="secondary">{t('deadlineExplain.worked', { n: data.worked.length })}</Typography.Text>
                  <div>{data.worked.map(dayTag)}</div>
                </div>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
