import { AimOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_KINDS, type AlertKind } from '../../../shared/followups.ts';
import type { HouseholdGroupDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { PhotoPicker } from '../events/photo-picker.tsx';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  kind: AlertKind;
  houseCode?: string | null;
  note?: string;
  photos?: string[];
}

/** 发出联防预警: the kind (the one thing required), the household that raised it, what was seen, photos and the point, optional. */
export function AlertDialog({
  group,
  open,
  onClose,
  onSaved,
}: {
  group: HouseholdGroupDetail;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [point, setPoint] = useState<{ lng: number; lat: number } | null>(null);
  const { busy, run } = useBusyAction();

  const locate = () =>
    navigator.geolocation.getCurrentPosition(
      (p) => setPoint({ lng: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)) }),
      () => void message.warning(t('alerts.locateFailed')),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  const save = (v: Values) =>
    run(async () => {
      await api.POST('/api/fieldwork/household-groups/{id}/alerts', {
        params: { path: { id: group.id } },
        body: { kind: v.kind, houseCode: v.houseCode ?? null, note: v.note?.trim() || null, photos: v.photos ?? [], ...(point ?? {}) },
      });
      void message.success(t('alerts.raised'));
      form.resetFields();
      setPoint(null);
      onSaved();
    });

  return (
    <Modal
      open={open}
      title={t('alerts.raise')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('alerts.save')}
      okButtonProps={{ loading: busy, danger: true, 'data-testid': 'alert-save' }}
      destroyOnHidden
      width="min(520px, 100vw)"
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ houseCode: null }}>
        <Form.Item name="kind" label={t('alerts.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="alert-kind">
            {ALERT_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                {t(`alerts.kinds.${k}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="houseCode" label={t('alerts.house')}>
          <Select
            data-testid="alert-house"
            options={[
              { value: null, label: t('alerts.byWorker') },
              ...group.houses.map((h) => ({
                value: h.houseCode,
                label: `${h.address ?? h.houseCode}${h.lead ? ` · ${t('groups.lead')}` : ''}`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('alerts.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('alerts.notePlaceholder')} data-testid="alert-note" />
        </Form.Item>
        <Form.Item name="photos" label={t('alerts.photos')}>
          <PhotoPicker />
        </Form.Item>
        <Form.Item label={t('alerts.point')}>
          <Button icon={<AimOutlined />} onClick={locate}>
            {t('alerts.locate')}
          </Button>{' '}
          <Typography.Text type="secondary">
            {point ? t('alerts.located', { longitude: point.lng, latitude: point.lat }) : t('alerts.noPoint')}
          </Typography.Text>
        </Form.Item>
      </Form>
    </Modal>
  );
}
