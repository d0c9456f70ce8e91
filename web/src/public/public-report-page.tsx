import { AimOutlined, EnvironmentOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicReport } from '../api/replies.ts';
import { api } from '../api.ts';
import { PointMap } from '../events/point-map.tsx';
import { newIdempotencyKey } from '../report/idempotency-key.ts';
import { usePosition } from '../report/use-position.ts';
import { useApi } from '../use-api.ts';
import { useShowError } from '../use-show-error.tsx';
import { useElder } from './elder-mode.ts';
import { deviceId, rememberCode } from './my-codes.ts';
import { PublicPhotoPicker } from './public-photo-picker.tsx';
import { PublicReportDone } from './public-report-done.tsx';

interface Values {
  photos: string[];
  itemCode: string;
  description: string;
  phone?: string;
}

/** 市民随手拍: photo, place, kind of problem, a line of text, an optional phone; answered with a tracking code. */
export function PublicReportPage() {
  const { t } = useTranslation();
  const elder = useElder();
  // Elder mode asks less: labels read as spoken, the map only when the phone could not find the place or asked.
  const label = (key: string) => t(elder ? `publicReport.elder.${key}` : `publicReport.${key}`);
  const [mapAsked, setMapAsked] = useState(false);
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const catalogue = useApi('/api/public/catalogue');
  const position = usePosition();
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const point = picked ?? position.point;
  // One key per report, kept across retries until the server has it, so a resend never files it twice.
  const key = useRef(newIdempotencyKey());
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<PublicReport | null>(null);

  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const item of catalogue.data?.items ?? []) {
      const group = item.group ?? '';
      groups.set(group, [...(groups.get(group) ?? []), { value: item.code, label: item.name }]);
    }
    return [...groups].map(([label, options]) => ({ label, options }));
  }, [catalogue.data]);

  async function send(values: Values) {
    if (!point) return;
    setSending(true);
    try {
      const phone = values.phone?.trim();
      const device = deviceId();
      const reply = await api.POST('/api/public/reports', {
        body: {
          itemCode: values.itemCode,
          lng: point[0],
          lat: point[1],
          description: values.description.trim(),
          photos: values.photos ?? [],
          ...(phone ? { phone } : {}),
          idempotencyKey: key.current,
          ...(device ? { deviceId: device } : {}),
        },
      });
      key.current = newIdempotencyKey();
      rememberCode(reply.trackingCode);
      setDone(reply);
    } catch (err) {
      showError(err);
    } finally {
      setSending(false);
    }
  }

  if (done) {
    return (
      <PublicReportDone
        report={done}
        onAnother={() => {
          form.resetFields();
          setDone(null);
        }}
      />
    );
  }

  const status =
    position.status === 'locating' && !point ? (
      <>
        <LoadingOutlined /> {t('publicReport.locating')}
      </>
    ) : position.status === 'failed' && !point ? (
      <Typography.Text type="warning">
        <AimOutlined /> {t('publicReport.noGps')}
      </Typography.Text>
    ) : (
      <Typography.Text type="secondary">{t('publicReport.tapHint')}</Typography.Text>
    );

  const photosItem = (
    <Form.Item name="photos" label={label('photos')}>
      <PublicPhotoPicker />
    </Form.Item>
  );

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={send} className="report-form" initialValues={{ photos: [] }}>
      {!elder && photosItem}
      <Form.Item label={label('location')} required>
        <div className="report-location">
          <div className="report-grid" data-testid="public-point">
            <EnvironmentOutlined />
            {point ? (
              <span className="mono">{`${point[0].toFixed(5)}, ${point[1].toFixed(5)}`}</span>
            ) : (
              <span className="secondary">—</span>
            )}
          </div>
          {elder && point && !mapAsked ? (
            <Button type="link" className="elder-change-place" onClick={() => setMapAsked(true)}>
              {t('publicReport.elder.located')} · {t('publicReport.changePlace')}
            </Button>
          ) : (
            <>
              <div className="report-map">
                <PointMap outline={null} point={point} onPick={setPicked} />
              </div>
              <div className="report-location-status">{status}</div>
            </>
          )}
        </div>
      </Form.Item>
      <Form.Item name="itemCode" label={label('item')} rules={[{ required: true, message: t('publicReport.needItem') }]}>
        <Select
          showSearch
          size="large"
          className="full-width"
          placeholder={t('publicReport.itemPlaceholder')}
          loading={catalogue.loading}
          options={options}
          optionFilterProp="label"
          data-testid="public-item"
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={label('description')}
        rules={[{ required: true, whitespace: true, message: t('publicReport.needDescription') }]}
      >
        <Input.TextArea
          size="large"
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={label('descriptionPlaceholder')}
          data-testid="public-description"
        />
      </Form.Item>
      <Form.Item name="phone" label={label('phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('publicReport.phoneInvalid') }]}>
        <Input size="large" inputMode="tel" maxLength={11} autoComplete="tel" data-testid="public-phone" />
      </Form.Item>
      {elder && photosItem}
      <Button type="primary" htmlType="submit" size="large" block loading={sending} disabled={!point} className="report-submit">
        {point ? label('submit') : t('publicReport.needLocation')}
      </Button>
    </Form>
  );
}
