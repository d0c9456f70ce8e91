import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, InputNumber, Space, Spin, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../link-button.tsx';
import { useApi } from '../use-api.ts';

interface Props {
  point: [number, number] | null;
  onPoint(point: [number, number] | null): void;
  picking: boolean;
  onPickingChange(picking: boolean): void;
  onSelectGrid(code: string): void;
}

/** 定位: which grid holds a coordinate, typed in or clicked on the map. */
export function LocateTool({ point, onPoint, picking, onPickingChange, onSelectGrid }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [lng, setLng] = useState<number | null>(null);
  const [lat, setLat] = useState<number | null>(null);
  const { data, loading } = useApi('/api/territory/locate', point ? { params: { query: { lng: point[0], lat: point[1] } } } : null);

  useEffect(() => {
    if (!point) return;
    setLng(Number(point[0].toFixed(6)));
    setLat(Number(point[1].toFixed(6)));
  }, [point]);

  function close() {
    setOpen(false);
    onPickingChange(false);
    onPoint(null);
  }

  if (!open) {
    return (
      <Button className="locate-open" icon={<AimOutlined />} onClick={() => setOpen(true)}>
        {t('locate.open')}
      </Button>
    );
  }

  return (
    <Card
      className="locate-card"
      size="small"
      title={t('locate.title')}
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={close} aria-label={t('common.close')} />}
    >
      <Space direction="vertical" size="small" className="full-width">
        <Space.Compact className="full-width">
          <InputNumber<number>
            placeholder={t('locate.lng')}
            value={lng}
            onChange={setLng}
            min={-180}
            max={180}
            step={0.001}
            className="full-width"
          />
          <InputNumber<number>
            placeholder={t('locate.lat')}
            value={lat}
            onChange={setLat}
            min={-90}
            max={90}
            step={0.001}
            className="full-width"
          />
          <Button
            type="primary"
            disabled={lng === null || lat === null}
            onClick={() => lng !== null && lat !== null && onPoint([lng, lat])}
          >
            {t('locate.query')}
          </Button>
        </Space.Compact>
        <Space size="small">
          <Switch size="small" checked={picking} onChange={onPickingChange} />
          <span>{t('locate.pickOnMap')}</span>
        </Space>
        {loading && <Spin size="small" />}
        {!loading && data && !data.found && <Alert type="warning" showIcon message={t('locate.notFound')} />}
        {!loading && data?.found && (
          <Descriptions column={1} size="small" data-testid="locate-result">
            <Descriptions.Item label={t('level.grid')}>
              <LinkButton onClick={() => data.grid && onSelectGrid(data.grid.code)}>{data.grid?.name}</LinkButton>
            </Descriptions.Item>
            <Descriptions.Item label={t('level.village')}>{data.village?.name}</Descriptions.Item>
            <Descriptions.Item label={t('level.township')}>{data.township?.name}</Descriptions.Item>
            <Descriptions.Item label={t('level.county')}>{data.county?.name}</Descriptions.Item>
          </Descriptions>
        )}
      </Space>
    </Card>
  );
}
