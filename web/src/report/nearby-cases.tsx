import { Alert, Button, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../use-api.ts';
import { roundCoordinate } from './use-position.ts';

interface Props {
  itemCode: string | undefined;
  point: [number, number] | null;
  sending: boolean;
  onMeToo(id: string): void;
}

/** Open cases of the chosen item close by: the reporter may join one ("我也遇到了") instead of sending it again. */
export function NearbyCases({ itemCode, point, sending, onMeToo }: Props) {
  const { t } = useTranslation();
  const { data } = useApi(
    '/api/events/nearby',
    itemCode && point ? { params: { query: { itemCode, lng: roundCoordinate(point[0]), lat: roundCoordinate(point[1]) } } } : null,
  );
  const items = data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert
      type="info"
      className="nearby-cases"
      message={t('intake.nearbyTitle')}
      data-testid="nearby-cases"
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="me-too" type="primary" ghost size="small" loading={sending} onClick={() => onMeToo(c.id)} data-testid="me-too">
                  {t('intake.meToo')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    <span className="mono">{c.caseNo}</span> {c.repeat && <Tag color="volcano">{t('intake.repeat')}</Tag>}
                  </span>
                }
                description={
                  <>
                    <div>{c.description}</div>
                    <span className="secondary">
                      {t('intake.distance', { m: c.distanceMeters })} · {t('intake.reports', { n: c.reports })} ·{' '}
                      {t(`eventStatus.${c.status}`, { defaultValue: c.status })}
                    </span>
                  </>
                }
              />
            </List.Item>
          )}
        />
      }
    />
  );
}
