import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOSEN_CLOSING_TYPES, OPEN_STATUSES, RATINGS, URGENCIES } from '../../../shared/enums.ts';
import { EXTENSION_WORKING_DAYS, NOTE_MAX } from '../../../shared/limits.ts';
import type { EventAction, EventDetail } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useApi } from '../use-api.ts';
import { useShowError } from '../use-show-error.tsx';
import { PhotoPicker } from './photo-picker.tsx';
import { useDepartments } from './use-departments.ts';

interface Values {
  note?: string;
  photos?: string[];
  targetUnit?: string;
  coUnits?: string[];
  firstResponsibility?: boolean;
  urgency?: (typeof URGENCIES)[number];
  closingType?: (typeof CHOSEN_CLOSING_TYPES)[number];
  rating?: (typeof RATINGS)[number];
  workingDays?: number;
  masterId?: string;
}

interface Props {
  event: EventDetail;
  action: EventAction;
  onClose(): void;
  /** The step was taken: the event as it is now. */
  onDone(event: EventDetail): void;
  /** Someone else changed the event first: reload it. */
  onStale(): void;
}

/**
 * A small form with just what one action needs on this case, as the server says it will check it (`forms`); it
 * sends the version the user saw.
 */
export function ActionDialog({ event, action, onClose, onDone, onStale }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const needs = event.forms[action] ?? { note: 'optional' };
  const departments = useDepartments();
  const when = needs.noteRequiredWhen;
  const watched = Form.useWatch(when?.field ?? 'note', form);
  // A merge into a case that is not a repeat as intake flags them (same item, near, recent) needs the reason: the server says which.
  const repeatIds = new Set(event.possibleRepeats.map((r) => r.id));
  const master = Form.useWatch('masterId', form);
  const gap = useApi(
    '/api/events/{id}/merge-gap',
    needs.master && master ? { params: { path: { id: event.id }, query: { masterId: master } } } : null,
  );
  const mergeApart = needs.master === true && master !== undefined && (gap.data?.gap ?? null) !== null;
  const noteRequired = needs.note === 'required' || (when !== undefined && watched === when.value) || mergeApart;
  const unitOptions = departments.items.map((d) => ({ value: d.code, label: d.name }));
  const others = useApi('/api/events', needs.master ? { params: { query: { status: [...OPEN_STATUSES], limit: 200 } } } : null);
  const label = t(`eventAction.${action}`, { defaultValue: action });

  async function submit(values: Values) {
    setBusy(true);
    try {
      const note = values.note?.trim();
      const reply = await api.POST('/api/events/{id}/actions', {
        params: { path: { id: event.id } },
        body: { action, version: event.version, ...values, note: note || undefined },
      });
      onDone(reply);
    } catch (err) {
      if (err instanceof ApiError && err.body.code === 'event.changed') onStale();
      else showError(err);
    } finally {
      setBusy(false);
    }
  }

  const noteLabel = action === 'handle' ? t('events.handleNote') : noteRequired ? t('events.reason') : t('events.note');
  const days = needs.workingDays;
  return (
    <Modal
      open
      title={`${label} · ${event.caseNo}`}
      okText={label}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      className="action-dialog"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark
        initialValues={{
          ...(days?.required ? { workingDays: Math.min(3, days.max) } : {}),
          ...(days?.requested ? { workingDays: days.requested } : {}),
          ...(needs.closingType ? { closingType: 'normal' } : {}),
          ...(needs.urgency ? { urgency: event.urgency } : {}),
        }}
      >
        {needs.target === 'unit' && (
          <Form.Item name="targetUnit" label={t('events.target')} rules={[{ required: true, message: t('events.targetRule') }]}>
            <Select showSearch optionFilterProp="label" loading={departments.loading} options={unitOptions} data-testid="target-select" />
          </Form.Item>
        )}
        {needs.coUnits && (
          <Form.Item name="coUnits" label={t('events.coUnits')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} data-testid="co-units-select" />
          </Form.Item>
        )}
        {needs.firstResponsibility && (
          <Form.Item name="firstResponsibility" valuePropName="checked">
            <Checkbox>{t('events.firstResponsibility')}</Checkbox>
          </Form.Item>
        )}
        {needs.urgency && (
          <Form.Item name="urgency" label={t('events.urgencyField')}>
            <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
          </Form.Item>
        )}
        {needs.closingType && (
          <Form.Item name="closingType" label={t('events.closingTypeField')}>
            <Radio.Group optionType="button" options={CHOSEN_CLOSING_TYPES.map((c) => ({ value: c, label: t(`closingType.${c}`) }))} />
          </Form.Item>
        )}
        {days?.requested !== undefined && (
          <Alert className="dialog-note" type="info" showIcon message={t('events.requested', { n: days.requested, reason: days.reason })} />
        )}
        {needs.target === 'area' && (
          <Form.Item name="targetUnit" label={t('events.area')} rules={[{ required: true, message: t('events.areaRule') }]}>
            <AreaTreeSelect pick="area" />
          </Form.Item>
        )}
        {needs.master && (
          <Form.Item name="masterId" label={t('events.master')} rules={[{ required: true, message: t('events.masterRule') }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={others.loading}
              options={[
                ...event.possibleRepeats.map((r) => ({
                  value: r.id,
                  label: `${r.caseNo} · ${t('events.possibleRepeat', { m: r.distanceMeters })}`,
                })),
                ...(others.data?.items ?? [])
                  .filter((e) => e.id !== event.id && !repeatIds.has(e.id))
                  .map((e) => ({ value: e.id, label: `${e.caseNo} ${e.description}` })),
              ]}
            />
          </Form.Item>
        )}
        {needs.rating && (
          <Form.Item name="rating" label={t('events.rating')} rules={[{ required: true, message: t('events.ratingRule') }]}>
            <Radio.Group optionType="button" options={RATINGS.map((r) => ({ value: r, label: t(`rating.${r}`) }))} />
          </Form.Item>
        )}
        {days && (
          <Form.Item
            name="workingDays"
            label={days.requested !== undefined ? t('events.grantDays') : t('events.workingDays')}
            extra={days.requested === undefined ? t('events.daysLeft', { n: days.max }) : undefined}
            rules={[{ required: days.required }]}
          >
            <InputNumber min={EXTENSION_WORKING_DAYS.min} max={days.max} precision={0} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={noteLabel}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('events.reasonRule') }] : []}
        >
          <Input.TextArea
            rows={2}
            maxLength={NOTE_MAX}
            autoFocus={!needs.target && !needs.rating}
            placeholder={action === 'handle' ? t('events.handlePlaceholder') : noteRequired ? undefined : t('events.notePlaceholder')}
          />
        </Form.Item>
        {needs.photos && (
          <Form.Item
            name="photos"
            label={t('events.photosField')}
            rules={needs.photos === 'required' ? [{ required: true, type: 'array', min: 1, message: t('events.photosRule') }] : []}
          >
            <PhotoPicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
