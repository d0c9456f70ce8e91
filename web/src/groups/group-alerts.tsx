import { AlertOutlined } from '@ant-design/icons';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import type { HouseholdAlert, HouseholdGroupDetail } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { PhotoThumbs } from '../events/photo-thumbs.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { AlertDisputeDialog, AlertEventDialog } from './alert-convert.tsx';
import { AlertDialog } from './alert-dialog.tsx';

const PAGE_SIZE = PAGE.alerts.default;
const KIND_COLOUR = { stranger: 'orange', fire: 'red', theft: 'volcano', in_need: 'blue' } as const;

/** 联防预警: the group's alerts, its history — raise one for a household, turn one into a case or a dispute. */
export function GroupAlerts({ group }: { group: HouseholdGroupDetail }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const paged = usePaged(PAGE_SIZE, group.id);
  const alerts = useApi('/api/fieldwork/household-groups/{id}/alerts', { params: { path: { id: group.id }, query: paged.query } });
  const [raising, setRaising] = useState(false);
  const [toEvent, setToEvent] = useState<HouseholdAlert | null>(null);
  const [toDispute, setToDispute] = useState<HouseholdAlert | null>(null);
  const address = (code: string | null) =>
    code ? (group.houses.find((h) => h.houseCode === code)?.address ?? code) : t('alerts.byWorker');
  const items = alerts.data?.items ?? [];
  const done = () => {
    setToEvent(null);
    setToDispute(null);
    alerts.reload();
  };

  return (
    <>
      <div className="page-toolbar detail-section">
        <Typography.Title level={5}>{t('alerts.title', { n: alerts.data?.total ?? 0 })}</Typography.Title>
        {can('registry.write') && (
          <Button danger icon={<AlertOutlined />} onClick={() => setRaising(true)} data-testid="alert-raise">
            {t('alerts.raise')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('alerts.hint')}</Typography.Paragraph>
      <List<HouseholdAlert>
        size="small"
        loading={alerts.loading}
        dataSource={items}
        pagination={paged.pagination(alerts.data?.total)}
        locale={{ emptyText: t('alerts.none') }}
        data-testid="group-alerts"
        renderItem={(a) => (
          <List.Item
            className="group-alert"
            data-testid="group-alert"
            actions={
              a.eventId || a.disputeId
                ? [
                    <Tag key="done" color="green">
                      {a.eventId ? t('alerts.becameEvent', { caseNo: a.caseNo ?? '' }) : t('alerts.becameDispute')}
                    </Tag>,
                  ]
                : [
                    can('events.report') && (
                      <Button key="event" size="small" onClick={() => setToEvent(a)} data-testid="alert-to-event">
                        {t('alerts.toEvent')}
                      </Button>
                    ),
                    can('disputes.mediate') && (
                      <Button key="dispute" size="small" onClick={() => setToDispute(a)} data-testid="alert-to-dispute">
                        {t('alerts.toDispute')}
                      </Button>
                    ),
                  ].filter(Boolean)
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={KIND_COLOUR[a.kind]}>{t(`alerts.kinds.${a.kind}`)}</Tag>
                  <span>{address(a.houseCode)}</span>
                </Space>
              }
              description={
                <>
                  {a.note && <div>{a.note}</div>}
                  <div className="secondary">
                    {new Date(a.at).toLocaleString(i18n.language)} · {t('alerts.by', { name: a.actorName })}
                  </div>
                  {a.photos.length > 0 && <PhotoThumbs keys={a.photos} size={48} />}
                </>
              }
            />
          </List.Item>
        )}
      />
      <AlertDialog
        group={group}
        open={raising}
        onClose={() => setRaising(false)}
        onSaved={() => {
          setRaising(false);
          alerts.reload();
        }}
      />
      <AlertEventDialog alert={toEvent} onClose={() => setToEvent(null)} onSaved={done} />
      <AlertDisputeDialog alert={toDispute} onClose={() => setToDispute(null)} onSaved={done} />
    </>
  );
}
