import { CrownOutlined, DeleteOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdGroupDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { placeDescriber } from '../buildings/history-describer.ts';
import { HouseDrawer } from '../buildings/house-drawer.tsx';
import { CodeName } from '../code-name.tsx';
import { RecordDrawer } from '../records/record-drawer.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { GroupAlerts } from './group-alerts.tsx';
import { GroupForm } from './group-form.tsx';

type Member = HouseholdGroupDetail['houses'][number];

/** One ten-household group: its houses and their people, the lead household (set with one click), verify, disband, history. */
export function GroupDrawer({ id, onClose, onChanged }: { id: string | null; onClose(): void; onChanged(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const { data, loading, reload } = useApi('/api/registry/household-groups/{id}', id ? { params: { path: { id } } } : null);
  const [house, setHouse] = useState<string | null>(null);
  const { busy, run } = useBusyAction();
  const g = data && data.id === id ? data : null;
  const changed = () => {
    reload();
    onChanged();
  };

  const setLead = (x: HouseholdGroupDetail, houseCode: string) =>
    run(async () => {
      await api.PUT('/api/registry/household-groups/{id}', {
        params: { path: { id: x.id } },
        body: { name: x.name, houseCodes: x.houses.map((h) => h.houseCode), leadHouseCode: houseCode, version: x.version },
      });
      void message.success(t('groups.leadSet'));
      changed();
    });
  // On the version shown: a group changed meanwhile is refused (409), not disbanded unseen.
  const remove = (x: HouseholdGroupDetail) =>
    run(async () => {
      await api.DELETE('/api/registry/household-groups/{id}', { params: { path: { id: x.id }, query: { version: x.version } } });
      void message.success(t('groups.removed'));
      onChanged();
      onClose();
    });

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      record={g}
      loading={loading}
      title={(x) => x.name}
      loadingTitle={t('groups.detail')}
      width="min(760px, 100vw)"
      className="group-drawer"
      actions={(x) => (
        <>
          <Popconfirm
            title={t('groups.removeConfirm', { name: x.name })}
            description={t('groups.removeHint', { n: x.members })}
            okText={t('groups.remove')}
            okButtonProps={{ danger: true, 'data-testid': 'group-remove-confirm' }}
            onConfirm={() => remove(x)}
          >
            <Button danger icon={<DeleteOutlined />} disabled={busy} data-testid="group-remove">
              {t('groups.remove')}
            </Button>
          </Popconfirm>
        </>
      )}
      editForm={(x, dialog) => <GroupForm {...dialog} gridCode={x.gridCode} editing={x} />}
      editLabel={t('groups.editMembers')}
      verify={(x) =>
        api.POST('/api/registry/household-groups/{id}/verify', { params: { path: { id: x.id } }, body: { version: x.version } })
      }
      onChanged={changed}
      describe={placeDescriber('groups')}
      facts={(g) => (
        <>
          <Descriptions.Item label={t('groups.gridCode')}>
            <CodeName name={g.gridName} code={g.gridCode} testId="record-grid" />
            {g.villageName && <div className="secondary">{g.villageName}</div>}
          </Descriptions.Item>
          <Descriptions.Item label={t('groups.leadHouse')}>
            <span className="mono">{g.leadHouseCode ?? t('groups.noLead')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('groups.members')}>{g.members}</Descriptions.Item>
          <Descriptions.Item label={t('groups.residents')}>{g.residents}</Descriptions.Item>
        </>
      )}
      sections={(g) => (
        <>
          <Typography.Title level={5} className="detail-section">
            {t('groups.houses', { n: g.houses.length })}
          </Typography.Title>
          <Table<Member>
            size="small"
            rowKey="houseCode"
            pagination={false}
            dataSource={g.houses}
            data-testid="group-members"
            columns={[
              {
                title: t('groups.houseCode'),
                dataIndex: 'houseCode',
                width: 200,
                render: (c: string) => (
                  <a className="mono" onClick={() => setHouse(c)}>
                    {c}
                  </a>
                ),
              },
              {
                title: t('groups.address'),
                dataIndex: 'address',
                render: (a: string | null, m) => (
                  <>
                    {a ?? '—'} {m.lead && <Tag color="gold">{t('groups.lead')}</Tag>}
                  </>
                ),
              },
              { title: t('groups.residents'), dataIndex: 'residents', width: 70 },
              ...(can('registry.write')
                ? [
                    {
                      key: 'lead',
                      width: 120,
                      render: (_: unknown, m: Member) =>
                        !m.lead && (
                          <Button size="small" icon={<CrownOutlined />} disabled={busy} onClick={() => setLead(g, m.houseCode)}>
                            {t('groups.makeLead')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          <GroupAlerts group={g} />
        </>
      )}
    >
      {() => <HouseDrawer code={house} onClose={() => setHouse(null)} />}
    </RecordDrawer>
  );
}
