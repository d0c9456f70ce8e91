import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../use-api.ts';
import { describeChange } from './visit-changes.ts';

/** 走访记录 of one house, newest first: when, who, how many confirmed and moved out, and what changed. */
export function HouseVisits({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading } = useApi('/api/fieldwork/houses/{code}/visits', { params: { path: { code } } });
  const items = data?.items ?? [];

  return (
    <>
      <Typography.Title level={5} className="detail-section">
        {t('visits.records', { n: items.length })}
      </Typography.Title>
      <List
        size="small"
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('visits.noRecords') }}
        data-testid="house-visits"
        renderItem={(v) => (
          <List.Item className="visit-record" data-testid="visit-record">
            <div className="visit-record-head">
              <Typography.Text strong>{new Date(v.at).toLocaleString(i18n.language)}</Typography.Text>
              <Typography.Text>{v.actorName}</Typography.Text>
              <Typography.Text type="secondary">{t('visits.summary', { confirmed: v.confirmed, movedOut: v.movedOut })}</Typography.Text>
            </div>
            <div className="visit-record-changes">
              {v.changes.length ? (
                v.changes.map((c) => (
                  <Tag key={c} color={c.startsWith('person.movedOut') ? 'orange' : 'blue'}>
                    {describeChange(c)}
                  </Tag>
                ))
              ) : (
                <Tag color="green">{t('visits.noChanges')}</Tag>
              )}
            </div>
            {v.note && (
              <Typography.Paragraph type="secondary" className="visit-record-note">
                {v.note}
              </Typography.Paragraph>
            )}
          </List.Item>
        )}
      />
    </>
  );
}
