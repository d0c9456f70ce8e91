import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AreaDetail } from '../api/replies.ts';
import { formatCount } from '../format.ts';
import { AreaPath } from './area-path.tsx';

interface Props {
  area: AreaDetail;
  openable: string[];
  onOpenArea(code: string): void;
}

export function AreaDetailView({ area, openable, onOpenArea }: Props) {
  const { t } = useTranslation();
  return (
    <div className="detail" data-testid="area-detail">
      <div className="detail-head">
        <Tag color="blue" bordered={false}>
          {t(`level.${area.level}`)}
        </Tag>
        <Typography.Title level={4}>{area.name}</Typography.Title>
      </div>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('territory.code')}>
          <Typography.Text copyable className="mono">
            {area.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('territory.level')}>{t(`level.${area.level}`)}</Descriptions.Item>
        <Descriptions.Item label={t('territory.path')}>
          <AreaPath path={area.path} self={area} openable={openable} onOpen={onOpenArea} />
        </Descriptions.Item>
        <Descriptions.Item label={t('territory.gridCount')}>{formatCount(area.gridCount)}</Descriptions.Item>
      </Descriptions>
      {area.geometry === null && (
        <Typography.Paragraph type="secondary" className="detail-note">
          {t('territory.noOutline')}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" className="detail-note">
        {t('territory.pickHint')}
      </Typography.Paragraph>
    </div>
  );
}
