import { App, Button, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import type { CallToLocate } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useHomeOutline } from '../report/use-home-outline.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { PointMap } from './point-map.tsx';

const LIGHT_COLOUR: Record<string, string> = { green: 'green', yellow: 'orange', red: 'red' };

/** Places one waiting call where the caller meant, and files its case. */
function PlaceDialog({ call, onClose, onDone }: { call: CallToLocate; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const outline = useHomeOutline(me?.areas[0]);
  const [point, setPoint] = useState<[number, number] | null>(null);
  const { busy, run } = useBusyAction();
  const submit = () =>
    run(async () => {
      if (!point) {
        void message.warning(t('toLocate.pickPoint'));
        return;
      }
      const filed = await api.POST('/api/events/calls-to-locate/{id}/place', {
        params: { path: { id: call.id } },
        body: { lng: Number(point[0].toFixed(7)), lat: Number(point[1].toFixed(7)) },
      });
      void message.success(t('toLocate.placed', { caseNo: filed.caseNo }));
      onDone();
      onClose();
    });
  return (
    <Modal
      open
      title={t('toLocate.placeTitle', { address: call.address })}
      okText={t('toLocate.place')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Typography.Paragraph>
        {call.itemName ?? call.itemCode} · {call.description}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('toLocate.placeHint', { area: call.areaName ?? call.areaCode })}</Typography.Paragraph>
      <div className="to-locate-map" data-testid="to-locate-map">
        <PointMap outline={outline} point={point} onPick={setPoint} />
      </div>
      <Typography.Text type="secondary" className="mono" data-testid="to-locate-point">
        {point ? t('toLocate.picked', { lng: point[0].toFixed(6), lat: point[1].toFixed(6) }) : t('toLocate.pickPoint')}
      </Typography.Text>
    </Modal>
  );
}

/** 待定位来电: hotline calls that gave only an address, for the grid team of the area named to place on the map. */
export function CallsToLocatePage() {
  const { t, i18n } = useTranslation();
  const { data, loading, reload } = useApi('/api/events/calls-to-locate');
  const [placing, setPlacing] = useState<CallToLocate | null>(null);
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('toLocate.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('toLocate.intro')}</Typography.Paragraph>
      <List<CallToLocate>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('toLocate.empty') }}
        data-testid="calls-to-locate"
        renderItem={(call) => (
          <List.Item
            data-testid="call-to-locate"
            actions={[
              <Button key="place" type="primary" onClick={() => setPlacing(call)}>
                {t('toLocate.place')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  {call.address} <Tag>{call.areaName ?? call.areaCode}</Tag>
                  {call.dueAt && call.light && (
                    <Tag color={LIGHT_COLOUR[call.light]} data-testid={`call-light-${call.light}`}>
                      {t('toLocate.due', { at: chinaMinute(new Date(call.dueAt)) })} · {t(`toLocate.light.${call.light}`)}
                    </Tag>
                  )}
                </span>
              }
              description={
                <>
                  <div>
                    {call.itemName ?? call.itemCode} · {call.description}
                  </div>
                  <div className="secondary">
                    {t(`source.${call.source}`, { defaultValue: call.source })} · {chinaMinute(new Date(call.receivedAt))}
                    {call.reporterName ? ` · ${call.reporterName}` : ''}
                    {call.reporterPhone ? ` ${call.reporterPhone}` : ''}
                    {call.externalNo ? ` · ${t('intake.externalNo')} ${call.externalNo}` : ''}
                  </div>
                </>
              }
            />
          </List.Item>
        )}
        key={i18n.language}
      />
      {placing && <PlaceDialog call={placing} onClose={() => setPlacing(null)} onDone={reload} />}
    </div>
  );
}
