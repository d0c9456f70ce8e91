import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeIdNumber, parseIdNumber } from '../../../shared/id-number.ts';
import { api, ApiError } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { showFieldErrors } from '../orgs/field-errors.ts';
import type { PersonDetail } from '../types.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { HousePicker, type PickedHouse } from './house-picker.tsx';
import { codeName, codeOptions } from './person-codes.ts';

interface Values {
  idNumber?: string;
  name?: string;
  ethnicity?: string;
  phone?: string;
  residentType?: string;
  inflowReason?: string;
  hukouRegion?: string;
  hukouAddress?: string;
  specialGroups?: string[];
  keyPersonTags?: string[];
  houseCode?: PickedHouse | null;
  relation?: string;
  movedIn?: string;
}

/** Form fields named as the server names them, so a refusal lands beside its field. */
const FIELDS = ['idNumber', 'name', 'ethnicity', 'phone', 'residentType', 'inflowReason', 'hukouRegion', 'hukouAddress', 'specialGroups', 'keyPersonTags', 'houseCode', 'relation', 'movedIn'] as const;
const FLOATING = '02';
/** Foreigners are keyed by a passport, not by an ID number: they are not registered with this form. */
const FOREIGNER = '03';
const HAN = '01';
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
/** Today in the browser's calendar, YYYY-MM-DD: the latest day a move may be recorded on. */
export const localToday = () => new Date().toLocaleDateString('sv-SE');

/** The sex and birth date an ID number holds, read as it is typed with the server's own rule (collect once). */
function IdFacts({ idNumber }: { idNumber: string | undefined }) {
  const { t } = useTranslation();
  const id = normalizeIdNumber(idNumber ?? '');
  if (id.length < 18) return null;
  const facts = parseIdNumber(id, localToday());
  if (!facts.ok) return <Alert type="warning" showIcon className="person-form-id" message={t(`personForm.idProblem.${facts.reason}`)} data-testid="id-problem" />;
  return (
    <Descriptions size="small" bordered column={1} className="person-form-id" data-testid="id-facts">
      <Descriptions.Item label={t('people.sex')}>{codeName('sex', facts.sex === 'male' ? '1' : '2')}</Descriptions.Item>
      <Descriptions.Item label={t('people.birthDate')}>{facts.birthDate}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 登记人员 / 编辑: one column with large inputs, for a grid worker at the door on a phone. A new person starts from the
 * ID number (sex and birth date read from it), then the house picked by search; an edit confirms or corrects the
 * facts on record, sent with the version it was read at. The ID number itself is never edited.
 */
export function PersonForm({ open, editing, house, onClose, onSaved, onOpenPerson, onStale }: {
  open: boolean;
  editing: PersonDetail | null;
  /** The house a new person lives in, when the form is opened from it. */
  house?: PickedHouse | null;
  onClose(): void;
  onSaved(person: PersonDetail): void;
  /** The person already on record with the typed ID number. */
  onOpenPerson?(id: string): void;
  /** The record changed meanwhile: read it again. */
  onStale?(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const [idNumber, residentType] = [Form.useWatch('idNumber', form), Form.useWatch('residentType', form)];
  const tags = can('registry.tags');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      const { name, ethnicity, residentType: type, inflowReason, hukouRegion, hukouAddress } = editing;
      form.setFieldsValue({ name, ethnicity, residentType: type, inflowReason: inflowReason ?? undefined, hukouRegion: hukouRegion ?? undefined, hukouAddress: hukouAddress ?? undefined, ...editing.tags });
    } else {
      form.setFieldsValue({ ethnicity: HAN, residentType: '01', houseCode: house ?? null });
    }
  }, [open, editing, house, form]);

  async function submit(v: Values) {
    const facts = {
      name: v.name?.trim(), ethnicity: v.ethnicity, residentType: v.residentType,
      // Only the floating population gives a reason for moving in.
      inflowReason: v.residentType === FLOATING ? (v.inflowReason ?? null) : null,
      hukouRegion: blankToNull(v.hukouRegion), hukouAddress: blankToNull(v.hukouAddress),
      ...(tags ? { specialGroups: v.specialGroups ?? [], keyPersonTags: v.keyPersonTags ?? [] } : {}),
    };
    await run(async () => {
      try {
        const saved = editing
          // An empty phone box keeps the phone on record (the form only ever sees it masked).
          ? await api<PersonDetail>(`/api/registry/people/${editing.id}`, { method: 'PATCH', body: { ...facts, ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}), version: editing.version } })
          : await api<PersonDetail>('/api/registry/people', {
            method: 'POST',
            body: { ...facts, idNumber: v.idNumber?.trim(), phone: blankToNull(v.phone), houseCode: v.houseCode?.code, relation: v.relation ?? null, movedIn: v.movedIn || null },
          });
        onSaved(saved);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409 && err.body.code === 'registry.record_changed') {
          void message.warning(t('personForm.stale'));
          onStale?.();
          return;
        }
        if (err instanceof ApiError && err.body.code === 'registry.person_exists') {
          const existing = err.body.details[0]?.id;
          form.setFields([{ name: 'idNumber', errors: [err.body.message] }]);
          if (typeof existing === 'string' && onOpenPerson) {
            void message.info({ content: <a onClick={() => onOpenPerson(existing)} data-testid="open-existing">{t('personForm.openExisting')}</a>, duration: 8 });
          }
          return;
        }
        if (!showFieldErrors(form, err, FIELDS)) throw err;
      }
    });
  }

  const required = [{ required: true, whitespace: true, message: t('personForm.required') }];
  const select = (name: 'ethnicity' | 'residentType' | 'inflowReason' | 'relation', options: { value: string; label: string }[], rules = required) => (
    <Form.Item name={name} label={t(`people.${name}`)} rules={rules}>
      <Select showSearch optionFilterProp="label" allowClear={rules.length === 0} options={options} data-testid={`person-${name}`} />
    </Form.Item>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(520px, 100vw)"
      className="person-form-drawer"
      title={editing ? t('personForm.editTitle', { name: editing.name }) : t('personForm.createTitle')}
      destroyOnHidden
      footer={<Button type="primary" block size="large" loading={busy} onClick={() => form.submit()} data-testid="person-save">{t('personForm.save')}</Button>}
    >
      <Form form={form} layout="vertical" size="large" onFinish={submit} data-testid="person-form">
        {editing ? (
          <>
            <Form.Item label={t('people.idNumber')}><span className="mono">{editing.idNumber}</span></Form.Item>
            <Typography.Paragraph type="secondary">{t('personForm.idFixed')}</Typography.Paragraph>
          </>
        ) : (
          <>
            <Form.Item name="idNumber" label={t('people.idNumber')} rules={required} extra={t('personForm.idNumberHint')}>
              <Input className="mono" maxLength={18} autoComplete="off" data-testid="person-id-number" />
            </Form.Item>
            <IdFacts idNumber={idNumber} />
          </>
        )}
        <Form.Item name="name" label={t('people.name')} rules={required}>
          <Input maxLength={50} data-testid="person-name" />
        </Form.Item>
        {select('ethnicity', codeOptions('ethnicity'))}
        <Form.Item name="phone" label={t('people.phone')} extra={editing?.phone ? t('personForm.phoneKeep', { masked: editing.phone }) : undefined}>
          <Input type="tel" inputMode="tel" maxLength={20} data-testid="person-phone" />
        </Form.Item>
        {select('residentType', codeOptions('residentType', [FOREIGNER]))}
        {residentType === FLOATING && select('inflowReason', codeOptions('inflowReason'))}
        <Form.Item name="hukouRegion" label={t('people.hukouRegion')}>
          <Input className="mono" inputMode="numeric" maxLength={6} />
        </Form.Item>
        <Form.Item name="hukouAddress" label={t('people.hukouAddress')}>
          <Input maxLength={80} />
        </Form.Item>
        {tags && (
          <>
            <Form.Item name="specialGroups" label={t('people.specialGroups')}><Select mode="multiple" options={codeOptions('specialGroup')} /></Form.Item>
            <Form.Item name="keyPersonTags" label={t('people.keyPersonTags')}><Select mode="multiple" options={codeOptions('keyPerson')} /></Form.Item>
          </>
        )}
        {!editing && (
          <>
            <Form.Item name="houseCode" label={t('personForm.house')} rules={[{ required: true, message: t('personForm.required') }]}>
              <HousePicker />
            </Form.Item>
            {select('relation', codeOptions('relation'), [])}
            <Form.Item name="movedIn" label={t('personForm.movedIn')} extra={t('personForm.today')}>
              <Input type="date" max={localToday()} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
