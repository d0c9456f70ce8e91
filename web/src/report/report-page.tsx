import { App, Button, Form, Input } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordPlace, ReportReply } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useEntryTimer } from '../field/entry-times.ts';
import { LocalPhotoPicker } from '../field/local-photo-picker.tsx';
import { removeReport } from '../field/outbox/outbox-db.ts';
import { enqueueReport } from '../field/outbox/outbox-sync.ts';
import { useShowError } from '../use-show-error.tsx';
import { newIdempotencyKey } from './idempotency-key.ts';
import { ItemPicker } from './item-picker.tsx';
import { NearbyCases } from './nearby-cases.tsx';
import { NearbyRecords } from './nearby-records.tsx';
import { recentItems, rememberItem } from './recent-items.ts';
import { ReportDone, ReportQueued } from './report-done.tsx';
import { ReportLocation } from './report-location.tsx';
import { useHomeOutline } from './use-home-outline.ts';
import { useLocate } from './use-locate.ts';
import { usePosition } from './use-position.ts';

interface Values {
  photos: File[];
  itemCode: string;
  description: string;
}

/**
 * 上报事件 on a phone: photos, where, what, one line, and a big button. Every report goes through the outbox: with
 * signal it is sent at once and its case number shown; without, it waits on the phone and is sent when the signal returns.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const catalogue = useCatalogue('reporting');
  const position = usePosition();
  // The point sent: a tap on the map or a linked record's place; nearby records are looked up around the
  // device's fix or the last tap, so linking one does not change the chips offered.
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const [tapped, setTapped] = useState<[number, number] | null>(null);
  const [subject, setSubject] = useState<RecordPlace | null>(null);
  const point = picked ?? position.point;
  const located = useLocate(point);
  const outline = useHomeOutline(me?.areas[0]);
  const user = me?.username ?? '';
  const [recentVersion, setRecentVersion] = useState(0);
  // Read again after each report (recentVersion) so the item just sent moves to the top.
  const recent = useMemo(() => (recentVersion >= 0 ? recentItems(user) : []), [user, recentVersion]);
  // One key per report, kept across retries until the server has it, so a resend never files it twice.
  const key = useRef(newIdempotencyKey());
  const timed = useEntryTimer('report');
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<ReportReply | 'queued' | null>(null);
  const itemCode = Form.useWatch('itemCode', form);

  /** Sends a new report, or with `sameAs` joins that open case ("me too"); without signal it waits in the outbox. */
  async function send(values: Values, sameAs?: string) {
    if (!point) return;
    setSending(true);
    try {
      const item = await enqueueReport({
        key: key.current,
        username: user,
        photos: values.photos ?? [],
        body: {
          itemCode: values.itemCode,
          lng: point[0],
          lat: point[1],
          description: values.description.trim(),
          ...(sameAs ? { sameAs } : subject ? { subject: { type: subject.type, key: subject.key } } : {}),
        },
      });
      if (item.state === 'refused') {
        // Refused while the form is still open: the worker corrects it here, so it leaves the outbox.
        await removeReport(item.key);
        void message.error(item.refusal?.message);
        return;
      }
      timed(key.current); // how long this report took to make: the worker's own burden figure
      rememberItem(user, values.itemCode);
      setRecentVersion((v) => v + 1);
      key.current = newIdempotencyKey();
      setDone(item.reply ?? 'queued');
    } catch (err) {
      showError(err); // the phone's storage refused the item
    } finally {
      setSending(false);
    }
  }

  function tap(lngLat: [number, number]) {
    setPicked(lngLat);
    setTapped(lngLat);
  }

  /** Links the report to a record and moves the point to the record's; the worker may still tap the map to correct it. */
  function link(record: RecordPlace) {
    setSubject(record);
    if (record.lng !== null && record.lat !== null) setPicked([record.lng, record.lat]);
    // Offered, not forced over an item already chosen.
    if (!form.getFieldValue('itemCode')) form.setFieldValue('itemCode', catalogue.itemFor(record));
  }

  function unlink() {
    setSubject(null);
    setPicked(tapped);
  }

  function another() {
    form.resetFields();
    unlink();
    setDone(null);
  }

  if (done === 'queued') return <ReportQueued onAnother={another} />;
  if (done) return <ReportDone event={done} itemName={catalogue.nameOf(done.itemCode)} onAnother={another} />;

  const noPoint = !point && position.status !== 'locating';
  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={send} className="report-form" initialValues={{ photos: [] }}>
      <Form.Item name="photos" label={t('report.photos')}>
        <LocalPhotoPicker size={88} />
      </Form.Item>
      <Form.Item label={t('report.location')} required validateStatus={noPoint ? 'warning' : undefined}>
        <ReportLocation position={position} point={point} located={located} outline={outline} onPick={tap} />
        <NearbyRecords around={tapped ?? position.point} linked={subject} onLink={link} onUnlink={unlink} />
      </Form.Item>
      <Form.Item name="itemCode" label={t('report.item')} rules={[{ required: true, message: t('report.needItem') }]}>
        <ItemPicker items={catalogue.items} recent={recent} loading={catalogue.loading} pathOf={catalogue.pathOf} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('report.description')}
        rules={[{ required: true, whitespace: true, message: t('report.needDescription') }]}
      >
        <Input size="large" maxLength={500} placeholder={t('report.descriptionPlaceholder')} data-testid="report-description" />
      </Form.Item>
      <NearbyCases
        itemCode={itemCode}
        point={point}
        sending={sending}
        // A form with errors shows them where they are; nothing more to do here.
        onMeToo={(id) =>
          void form.validateFields().then(
            (values) => send(values, id),
            () => {},
          )
        }
      />
      <Button type="primary" htmlType="submit" size="large" block loading={sending} disabled={!point} className="report-submit">
        {point ? t('report.submit') : t('report.needLocation')}
      </Button>
    </Form>
  );
}
