import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeName } from '../code-name.tsx';
import { useCodes } from '../orgs/use-codes.ts';
import { codeName } from '../people/person-codes.ts';
import { PersonForm } from '../people/person-form.tsx';
import { RecordDrawer } from '../records/record-drawer.tsx';
import { useApi } from '../use-api.ts';
import { HouseVisits } from '../visits/house-visits.tsx';
import { VisitButton } from '../visits/visit-button.tsx';
import { placeDescriber } from './history-describer.ts';
import { HouseForm } from './house-form.tsx';

/**
 * One house: its facts (owner's ID and phone masked), its building and ten-household group, who lives there now
 * (a click opens the person), edit, register a resident (登记住户), and its history.
 */
export function HouseDrawer({
  code,
  onClose,
  onOpenBuilding,
  onOpenPerson,
  onChanged,
}: {
  code: string | null;
  onClose(): void;
  onOpenBuilding?(code: string): void;
  onOpenPerson?(id: string): void;
  onChanged?(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const codes = useCodes();
  const { data, loading, reload } = useApi('/api/registry/houses/{code}', code ? { params: { path: { code } } } : null);
  const [registering, setRegistering] = useState(false);
  const changed = () => {
    reload();
    onChanged?.();
  };
  const orDash = (v: string | number | null) => (v === null || v === '' ? '—' : String(v));

  return (
    <RecordDrawer
      open={code !== null}
      onClose={onClose}
      record={data && data.code === code ? data : null}
      loading={loading}
      title={(h) => h.address}
      loadingTitle={t('buildings.house')}
      width="min(680px, 100vw)"
      columns={{ xs: 1, sm: 3 }}
      actions={(h) => (
        <>
          <VisitButton code={h.code} onSaved={changed} />
          <Button icon={<UserAddOutlined />} onClick={() => setRegistering(true)} data-testid="house-register-resident">
            {t('personForm.registerResident')}
          </Button>
        </>
      )}
      editForm={(h, dialog) => <HouseForm {...dialog} editing={h} />}
      editTestId="house-edit"
      onChanged={changed}
      cases={(h) => ({ type: 'house', key: h.code })}
      describe={placeDescriber('houses')}
      facts={(h) => (
        <>
          <Descriptions.Item label={t('buildings.houseCode')} span={2}>
            <span className="mono">{h.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.gridCode')}>
            <CodeName name={h.gridName} code={h.gridCode} testId="record-grid" />
            {h.villageName && <div className="secondary">{h.villageName}</div>}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.building')} span={3}>
            {h.building ? (
              onOpenBuilding ? (
                <a
                  onClick={() => onOpenBuilding(h.building!.code)}
                  data-testid="house-building"
                >{`${h.building.name}（${h.building.code}）`}</a>
              ) : (
                `${h.building.name}（${h.building.code}）`
              )
            ) : (
              t('buildings.noBuilding')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('houses.unit')}>{orDash(h.unit)}</Descriptions.Item>
          <Descriptions.Item label={t('houses.floor')}>{orDash(h.floor)}</Descriptions.Item>
          <Descriptions.Item label={t('houses.room')}>{orDash(h.room)}</Descriptions.Item>
          <Descriptions.Item label={t('houses.use')}>{codes.name('house_use', h.use)}</Descriptions.Item>
          <Descriptions.Item label={t('houses.areaM2')}>{orDash(h.areaM2)}</Descriptions.Item>
          <Descriptions.Item label={t('houses.hazards')}>
            {h.hazards.map((c) => codes.name('house_hazard', c)).join(t('common.listSep')) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.rented')} span={3}>
            {h.rented ? (
              <>
                <Tag color="orange">{codes.name('rental_use', h.rentalUse) || t('buildings.yes')}</Tag>
                {h.rentalCategory && <Tag>{codes.name('rental_category', h.rentalCategory)}</Tag>}
                {h.rentalLevel && (
                  <Tag color={h.rentalLevel === 'C' ? 'red' : h.rentalLevel === 'B' ? 'gold' : 'green'}>
                    {codes.name('rental_level', h.rentalLevel)}
                  </Tag>
                )}
              </>
            ) : (
              t('buildings.no')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.group')} span={3}>
            {h.group ? (
              <>
                {h.group.name} {h.group.lead && <Tag color="gold">{t('groups.lead')}</Tag>}
              </>
            ) : (
              t('buildings.noGroup')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.ownerName')}>{h.ownerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('houses.ownerIdNumber')}>
            <span className="mono">{h.ownerIdNumber ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.ownerPhone')}>
            <span className="mono">{h.ownerPhone ?? '—'}</span>
          </Descriptions.Item>
        </>
      )}
      sections={(h) => (
        <>
          <Typography.Title level={5} className="detail-section">
            {t('buildings.residents', { n: h.residents.length })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={h.residents}
            locale={{ emptyText: t('buildings.noResidents') }}
            onRow={(r) => (onOpenPerson ? { onClick: () => onOpenPerson(r.id), className: 'clickable-row' } : {})}
            data-testid="house-residents"
            columns={[
              { title: t('buildings.residentName'), dataIndex: 'name', render: (n: string) => (onOpenPerson ? <a>{n}</a> : n) },
              { title: t('buildings.relation'), dataIndex: 'relation', render: (c: string | null) => codeName('relation', c) || '—' },
              { title: t('buildings.movedIn'), dataIndex: 'movedIn', width: 120 },
            ]}
          />
          <HouseVisits key={h.version} code={h.code} />
        </>
      )}
    >
      {(h) => (
        <>
          <PersonForm
            open={registering}
            editing={null}
            house={h}
            onClose={() => setRegistering(false)}
            onOpenPerson={
              onOpenPerson &&
              ((id) => {
                setRegistering(false);
                onOpenPerson(id);
              })
            }
            onSaved={(p) => {
              setRegistering(false);
              void message.success(t('personForm.registered', { name: p.name }));
              changed();
            }}
          />
        </>
      )}
    </RecordDrawer>
  );
}
