import { PhoneOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_SOURCES } from '../../../shared/enums.ts';
import type { EventDetail, RecordPlace } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { newIdempotencyKey } from '../report/idempotency-key.ts';
import { ItemPicker } from '../report/item-picker.tsx';
import { useHomeOutline } from '../report/use-home-outline.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useBusyAction } from '../use-busy-action.ts';
import { PhotoPicker } from './photo-picker.tsx';
import { PointMap } from './point-map.tsx';
import { RecordSearch } from './record-search.tsx';
import { useCatalogue } from './use-catalogue.ts';

/** What a centre records; a grid worker's own reports come from the phone view. */
const SOURCES = INTAKE_SOURCES;
/** The server's rule: a mobile, or a landline with its area code. */
const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

interface Values {
  source: (typeof SOURCES)[number];
  reporterName?: string;
  reporterPhone?: string;
  externalNo?: string;
  itemCode: string;
  lng: number;
  lat: number;
  description: string;
  photos: string[];
  /** Only an address: the village or township the caller means, and the address as given. */
  areaCode?: string;
  address?: string;
}

/** Where the case is: picked on the map (or from a record), or only an address the named area's grid team places later. */
type Placing = 'map' | 'address';

const blankToUndefined = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** 登记来件: a 12345 hotline work order, a department's or a video platform's report, entered by centre staff. */
export function IntakeDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(event: EventDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const catalogue = useCatalogue('reporting');
  const outline = useHomeOutline(me?.areas[0]);
  const { busy, run } = useBusyAction();
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const point: [number, number] | null = typeof lng === 'number' && typeof lat === 'number' ? [lng, lat] : null;
  const [subject, setSubject] = useState<RecordPlace | null>(null);
  const [placing, setPlacing] = useState<Placing>('map');
  // One key per work order, kept across retries until the server has it, so a resend never files it twice.
  const key = useRef(newIdempotencyKey());

  const caller = (v: Values) => ({
    source: v.source,
    itemCode: v.itemCode,
    description: v.description.trim(),
    reporterName: blankToUndefined(v.reporterName),
    reporterPhone: blankToUndefined(v.reporterPhone),
    externalNo: blankToUndefined(v.externalNo),
    idempotencyKey: key.current,
  });
  const done = () => {
    key.current = newIdempotencyKey();
    form.resetFields();
    setSubject(null);
  };

  const submit = (v: Values) =>
    run(async () => {
      if (placing === 'address') {
        const call = await api.POST('/api/events/calls-to-locate', {
          body: { ...caller(v), areaCode: v.areaCode ?? '', address: (v.address ?? '').trim() },
        });
        void message.success(t('intake.callWaiting', { area: call.areaName ?? call.areaCode }));
        done();
        onClose();
        return;
      }
      const created = await api.POST('/api/events', {
        body: {
          ...caller(v),
          lng: v.lng,
          lat: v.lat,
          photos: v.photos ?? [],
          ...(subject ? { subject: { type: subject.type, key: subject.key } } : {}),
        },
      });
      void message.success(t('intake.created', { caseNo: created.caseNo }));
      done();
      onCreated(created);
    });

  return (
    <Modal
      open={open}
      title={t('intake.title')}
      okText={t('intake.submit')}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ source: 'hotline', photos: [] }}
        data-testid="intake-form"
      >
        <Space className="full-width intake-row" align="start" wrap>
          <Form.Item name="source" label={t('intake.source')} rules={[{ required: true }]}>
            <Select className="intake-source" options={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))} />
          </Form.Item>
          <Form.Item name="externalNo" label={t('intake.externalNo')}>
            <Input maxLength={64} placeholder={t('intake.externalNoPlaceholder')} />
          </Form.Item>
        </Space>
        <Space className="full-width intake-row" align="start" wrap>
          <Form.Item name="reporterName" label={t('intake.callerName')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="reporterPhone" label={t('intake.callerPhone')} rules={[{ pattern: PHONE, message: t('intake.phoneInvalid') }]}>
            <Input maxLength={13} inputMode="tel" />
          </Form.Item>
        </Space>
        <Form.Item name="itemCode" label={t('intake.item')} rules={[{ required: true, message: t('intake.needItem') }]}>
          <ItemPicker items={catalogue.items} recent={[]} loading={catalogue.loading} pathOf={catalogue.pathOf} />
        </Form.Item>
        <Form.Item label={t('intake.placing')}>
          <Radio.Group
            optionType="button"
            value={placing}
            onChange={(e) => setPlacing(e.target.value)}
            options={[
              { value: 'map', label: t('intake.placingMap') },
              { value: 'address', label: t('intake.placingAddress') },
            ]}
            data-testid="intake-placing"
          />
        </Form.Item>
        {placing === 'address' ? (
          <>
            <Form.Item
              name="address"
              label={t('intake.address')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('intake.needAddress') }]}
            >
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item
              name="areaCode"
              label={t('intake.locality')}
              extra={t('intake.localityHint')}
              rules={[{ required: true, message: t('intake.needLocality') }]}
            >
              <AreaTreeSelect pick="locality" data-testid="intake-locality" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item
              label={t('subject.label')}
              extra={subject && (subject.lng !== null ? t('subject.pointFromRecord', { name: subject.name }) : t('subject.noPoint'))}
            >
              <RecordSearch
                value={subject}
                onPick={(record) => {
                  setSubject(record);
                  // The caller's place is the record's; the map still takes a tap to correct it.
                  if (record && record.lng !== null && record.lat !== null) form.setFieldsValue({ lng: record.lng, lat: record.lat });
                  if (!form.getFieldValue('itemCode')) form.setFieldValue('itemCode', catalogue.itemFor(record));
                }}
              />
            </Form.Item>
            <Form.Item label={t('intake.location')} required extra={t('intake.locationHint')}>
              <div className="intake-map">
                <PointMap
                  outline={outline}
                  point={point}
                  onPick={([x, y]) => form.setFieldsValue({ lng: Number(x.toFixed(7)), lat: Number(y.toFixed(7)) })}
                />
              </div>
              <Space className="intake-coords">
                <Form.Item name="lng" noStyle rules={[{ required: true, message: t('intake.needLocation') }]}>
                  <InputNumber min={-180} max={180} step={0.0001} placeholder={t('intake.lng')} aria-label={t('intake.lng')} />
                </Form.Item>
                <Form.Item name="lat" noStyle rules={[{ required: true, message: t('intake.needLocation') }]}>
                  <InputNumber min={-90} max={90} step={0.0001} placeholder={t('intake.lat')} aria-label={t('intake.lat')} />
                </Form.Item>
              </Space>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="description"
          label={t('intake.description')}
          rules={[{ required: true, whitespace: true, message: t('intake.needDescription') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {placing === 'map' && (
          <Form.Item name="photos" label={t('intake.photos')}>
            <PhotoPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

const CENTRES = ['city_center', 'county_center', 'township_center', 'village_center'];

/** The toolbar button that opens the intake dialog: for centre staff, who alone record another source (the server checks it too). */
export function IntakeButton({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [open, setOpen] = useState(false);
  if (!me?.roles.some((r) => CENTRES.includes(r))) return null;
  return (
    <>
      <Button type="primary" icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="intake-open">
        {t('intake.button')}
      </Button>
      <IntakeDialog
        open={open}
        onClose={() => setOpen(false)}
        onCreated={() => {
          setOpen(false);
          onCreated();
        }}
      />
    </>
  );
}
