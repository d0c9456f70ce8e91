import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../api/replies.ts';
import { EventStatusTag } from './event-status-tag.tsx';

/**
 * What intake found for the accepting centre: other open cases of the same item close by and recent. Shown
 * above the facts so the centre sees it before it accepts; merging stays its own step.
 */
export function PossibleRepeats({ repeats }: { repeats: EventDetail['possibleRepeats'] }) {
  const { t, i18n } = useTranslation();
  if (repeats.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="detail-section"
      data-testid="possible-repeats"
      message={t('intake.possibleRepeatsTitle', { n: repeats.length })}
      description={
        <>
          <Typography.Paragraph type="secondary">{t('intake.possibleRepeatsHint')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={repeats}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text className="mono">{r.caseNo}</Typography.Text>
                  <EventStatusTag status={r.status} />
                  <Typography.Text type="secondary">{t('intake.distance', { m: r.distanceMeters })}</Typography.Text>
                  <Typography.Text type="secondary">{t('intake.reports', { n: r.reports })}</Typography.Text>
                  <Typography.Text type="secondary">{new Date(r.reportedAt).toLocaleString(i18n.language)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
