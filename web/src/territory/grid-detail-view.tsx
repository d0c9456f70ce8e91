import { Descriptions, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GridDetail } from '../api/replies.ts';
import { formatArea, formatCount } from '../format.ts';
import { AreaPath } from './area-path.tsx';
import { TeamList } from './team-list.tsx';

interface Props {
  grid: GridDetail;
  openable: string[];
  onOpenArea(code: string): void;
}

export function GridDetailView({ grid, openable, onOpenArea }: Props) {
  const { t } = useTranslation();
  const unknown = <Typography.Text type="secondary">{t('common.unknown')}</Typography.Text>;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <div className="detail" data-testid="grid-detail">
      <div className="detail-head">
        <Tag color="orange" bordered={false}>
          {t('level.grid')}
        </Tag>
        <Typography.Title level={4}>{grid.name}</Typography.Title>
      </div>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('territory.code')}>
          <Typography.Text copyable className="mono">
            {grid.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('territory.path')}>
          <AreaPath path={grid.path} self={grid} openable={openable} onOpen={onOpenArea} />
        </Descriptions.Item>
        <Descriptions.Item label={t('territory.area')}>{formatArea(grid.areaM2)}</Descriptions.Item>
        <Descriptions.Item label={t('territory.households')}>
          {grid.households === null ? unknown : formatCount(grid.households)}
        </Descriptions.Item>
        <Descriptions.Item label={t('territory.population')}>
          {grid.population === null ? unknown : formatCount(grid.population)}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} className="detail-section">
        {t('territory.team')}
      </Typography.Title>
      <TeamList team={grid.team} />

      <Typography.Title level={5} className="detail-section">
        {t('territory.professionalUnits')}
      </Typography.Title>
      {grid.professionalUnits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('territory.noUnits')} />
      ) : (
        <List
          size="small"
          dataSource={grid.professionalUnits}
          rowKey={(u) => `${u.networkCode}/${u.unitCode}`}
          renderItem={(u) => (
            <List.Item>
              <div className="unit-row">
                <span>
                  <Typography.Text type="secondary">{u.networkName}</Typography.Text> · {u.unitName}
                </span>
                <Typography.Text type="secondary">{t('territory.overlap', { area: formatArea(u.overlapM2) })}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}

      <Typography.Title level={5} className="detail-section">
        {t('territory.claimedBy')}
      </Typography.Title>
      <div>
        {grid.claimedBy.length === 0
          ? none
          : grid.claimedBy.map((d) => (
              <Tag key={d.code} color="purple">
                {d.name}
              </Tag>
            ))}
      </div>
    </div>
  );
}
