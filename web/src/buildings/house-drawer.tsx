import { Descriptions, Drawer, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../use-api.ts';
import { codeName } from '../people/person-codes.ts';
import type { HouseDetail } from './building-types.ts';

/** One house: its building (a click opens it), its ten-household group and who lives there now. */
export function HouseDrawer({ code, onClose, onOpenBuilding }: { code: string | null; onClose(): void; onOpenBuilding?(code: string): void }) {
  const { t } = useTranslation();
  const { data, loading } = useApi<HouseDetail>(code ? `/api/registry/houses/${encodeURIComponent(code)}` : null);
  const h = data && data.code === code ? data : null;

  return (
    <Drawer open={code !== null} onClose={onClose} width={600} title={h?.address ?? t('buildings.house')} destroyOnHidden>
      {!h ? (
        <Spin className="panel-spin" spinning={loading} />
      ) : (
        <>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('buildings.houseCode')} span={2}><span className="mono">{h.code}</span></Descriptions.Item>
            <Descriptions.Item label={t('buildings.gridCode')}><span className="mono">{h.gridCode}</span></Descriptions.Item>
            <Descriptions.Item label={t('buildings.rented')}>{h.rented ? t('buildings.yes') : t('buildings.no')}</Descriptions.Item>
            <Descriptions.Item label={t('buildings.building')} span={2}>
              {h.building ? (
                onOpenBuilding ? <a onClick={() => onOpenBuilding(h.building!.code)} data-testid="house-building">{`${h.building.name}（${h.building.code}）`}</a> : `${h.building.name}（${h.building.code}）`
              ) : t('buildings.noBuilding')}
            </Descriptions.Item>
            <Descriptions.Item label={t('buildings.group')} span={2}>
              {h.group ? <>{h.group.name} {h.group.lead && <Tag color="gold">{t('groups.lead')}</Tag>}</> : t('buildings.noGroup')}
            </Descriptions.Item>
            <Descriptions.Item label={t('buildings.ownerName')}>{h.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('buildings.ownerPhone')}><span className="mono">{h.ownerPhone ?? '—'}</span></Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} className="detail-section">{t('buildings.residents', { n: h.residents.length })}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={h.residents}
            locale={{ emptyText: t('buildings.noResidents') }}
            columns={[
              { title: t('buildings.residentName'), dataIndex: 'name' },
              { title: t('buildings.relation'), dataIndex: 'relation', render: (c: string | null) => codeName('relation', c) || '—' },
              { title: t('buildings.movedIn'), dataIndex: 'movedIn', width: 120 },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
