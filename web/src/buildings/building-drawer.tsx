import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseRow } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { LinkButton } from '../link-button.tsx';
import { ExportButton } from '../people/export-button.tsx';
import { MaskedValue } from '../people/masked-value.tsx';
import { PersonDrawer } from '../people/person-drawer.tsx';
import { RecordDrawer } from '../records/record-drawer.tsx';
import { useApi } from '../use-api.ts';
import { BuildingForm } from './building-form.tsx';
import { placeDescriber } from './history-describer.ts';
import { HouseDrawer } from './house-drawer.tsx';
import { HouseForm } from './house-form.tsx';

/** One building: its facts (leader's phone masked, revealable), its houses one click away, edit and verify, history. */
export function BuildingDrawer({
  code,
  onClose,
  onChanged,
  onOpen,
}: {
  code: string | null;
  onClose(): void;
  onChanged(): void;
  onOpen(code: string): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { data, loading, reload } = useApi('/api/registry/buildings/{code}', code ? { params: { path: { code } } } : null);
  const [house, setHouse] = useState<string | null>(null);
  const [person, setPerson] = useState<string | null>(null);
  const [addingHouse, setAddingHouse] = useState(false);
  const b = data && data.code === code ? data : null;

  const changed = () => {
    reload();
    onChanged();
  };
  const count = (n: number | null) => (n === null ? '—' : String(n));

  return (
    <RecordDrawer
      open={code !== null}
      onClose={onClose}
      record={b}
      loading={loading}
      title={(x) => `${x.estate ?? ''}${x.name}`}
      loadingTitle={t('buildings.detail')}
      width={760}
      columns={3}
      verify={(x) =>
        api.POST('/api/registry/buildings/{code}/verify', { params: { path: { code: x.code } }, body: { version: x.version } })
      }
      editForm={(x, dialog) => <BuildingForm {...dialog} editing={x} />}
      onChanged={changed}
      cases={(x) => ({ type: 'building', key: x.code })}
      describe={placeDescriber('buildings')}
      facts={(b) => (
        <>
          <Descriptions.Item label={t('buildings.code')} span={2}>
            <span className="mono">{b.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.gridCode')}>
            <CodeName name={b.gridName} code={b.gridCode} testId="record-grid" />
            {b.villageName && <div className="secondary">{b.villageName}</div>}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.address')} span={2}>
            {b.address}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.addressCode')}>
            <span className="mono">{b.addressCode ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.floors')}>{count(b.floors)}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.units')}>{count(b.units)}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.households')}>
            {t('buildings.householdsOf', { declared: count(b.households), houses: b.houses })}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.leaderName')}>
            {b.leaderPersonId ? (
              <LinkButton onClick={() => setPerson(b.leaderPersonId)} title={t('buildings.leaderOpen')} data-testid="building-leader">
                {b.leaderName}
              </LinkButton>
            ) : (
              (b.leaderName ?? '—')
            )}{' '}
            {b.leaderPersonId && <Tag color="blue">{t('buildings.leaderOnRecord')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.leaderPhone')} span={2}>
            <MaskedValue
              reveal={(reason) =>
                api.POST('/api/registry/buildings/{code}/reveal', {
                  params: { path: { code: b.code } },
                  body: { field: 'leaderPhone', reason },
                })
              }
              field="leaderPhone"
              label={t('buildings.leaderPhone')}
              masked={b.leaderPhone}
              canReveal={can('registry.unmask')}
            />
          </Descriptions.Item>
        </>
      )}
      sections={(b) => (
        <>
          <Flex justify="space-between" align="baseline">
            <Typography.Title level={5} className="detail-section">
              {t('buildings.houses', { n: b.houseList.length })}
            </Typography.Title>
            <Space>
              <ExportButton
                size="small"
                path="/api/registry/houses/export"
                filter={{ building: b.code }}
                fileName="houses.xlsx"
                hint={t('buildings.housesExportHint')}
                disabled={b.houseList.length === 0}
              />
              {can('registry.write') && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingHouse(true)} data-testid="house-create">
                  {t('houses.createTitle')}
                </Button>
              )}
            </Space>
          </Flex>
          <Table<HouseRow>
            size="small"
            rowKey="code"
            dataSource={b.houseList}
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('buildings.noHouses') }}
            onRow={(h) => ({ onClick: () => setHouse(h.code), className: 'clickable-row' })}
            data-testid="building-houses"
            columns={[
              { title: t('buildings.houseCode'), dataIndex: 'code', width: 200, render: (c: string) => <a className="mono">{c}</a> },
              { title: t('buildings.address'), dataIndex: 'address' },
              { title: t('buildings.residentsCol'), dataIndex: 'residents', width: 80 },
              {
                title: t('buildings.rented'),
                dataIndex: 'rented',
                width: 70,
                render: (r: boolean) => (r ? <Tag color="orange">{t('buildings.yes')}</Tag> : ''),
              },
            ]}
          />
        </>
      )}
    >
      {(b) => (
        <>
          <HouseDrawer
            code={house}
            onClose={() => setHouse(null)}
            onOpenBuilding={(c) => {
              setHouse(null);
              onOpen(c);
            }}
            onOpenPerson={setPerson}
            onChanged={changed}
          />
          <PersonDrawer id={person} onClose={() => setPerson(null)} onOpenPerson={setPerson} />
          <HouseForm
            open={addingHouse}
            editing={null}
            buildingCode={b.code}
            onClose={() => setAddingHouse(false)}
            onSaved={(h) => {
              setAddingHouse(false);
              void message.success(t('common.saved'));
              changed();
              setHouse(h.code);
            }}
          />
        </>
      )}
    </RecordDrawer>
  );
}
