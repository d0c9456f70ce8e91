import { Alert, App, Button, Descriptions, Drawer, Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeIdNumber, parseIdNumber } from '../../../shared/id-number.ts';
import type { PersonDetail } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { LinkButton } from '../link-button.tsx';
import { showFieldErrors } from '../records/field-errors.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { HousePicker, type PickedHouse } from './house-picker.tsx';
import { codeName, codeOptions } from './person-codes.ts';
import { CodeSelect, FLOATING, FOREIGNER, localToday, PersonKindFields, REGISTERED, RESIDENT_ID_CARD } from './person-kind-fields.tsx';

interface Values {
  idType?: string;
  idNumber?: string;
  name?: string;
  sex?: string;
  birthDate?: string;
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
  nationality?: string;
  foreignName?: string;
  visitPurpose?: string;
  arrivalDate?: string;
  departureDate?: string;
  permitType?: string;
  permitExpiry?: string;
  leftBehindType?: string;
}

/** Form fields named as the server names them, so a refusal lands beside its field. */
const FIELDS = [
  'idType',
  'idNumber',
  'name',
  'sex',
  'birthDate',
  'ethnicity',
  'phone',
  'residentType',
  'inflowReason',
  'hukouRegion',
  'hukouAddress',
  'specialGroups',
  'keyPersonTags',
  'houseCode',
  'relation',
  'movedIn',
  'nationality',
  'foreignName',
  'visitPurpose',
  'arrivalDate',
  'departureDate',
  'permitType',
  'permitExpiry',
  'leftBehindType',
] as const;
/** The facts of a person on record the form edits; the rest (number, house, tags) are handled on their own. */
const EDITED = [
  'name',
  'sex',
  'birthDate',
  'ethnicity',
  'residentType',
  'inflowReason',
  'hukouRegion',
  'hukouAddress',
  'nationality',
  'foreignName',
  'visitPurpose',
  'arrivalDate',
  'departureDate',
  'permitType',
  'permitExpiry',
  'leftBehindType',
] as const;
const HAN = '01';
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
/** A kind of person's own field: its value for that kind, null for any other (the template refuses it there). */
const only = (applies: boolean, v: string | undefined) => (applies ? blankToNull(v) : null);

/** The sex and birth date an ID number holds, read as it is typed with the server's own rule (collect once). */
function IdFacts({ idNumber }: { idNumber: string | undefined }) {
  const { t } = useTranslation();
  const id = normalizeIdNumber(idNumber ?? '');
  if (id.length < 18) return null;
  const facts = parseIdNumber(id, localToday());
  if (!facts.ok)
    return (
      <Alert
        type="warning"
        showIcon
        className="person-form-id"
        message={t(`personForm.idProblem.${facts.reason}`)}
        data-testid="id-problem"
      />
    );
  return (
    <Descriptions size="small" bordered column={1} className="person-form-id" data-testid="id-facts">
      <Descriptions.Item label={t('people.sex')}>{codeName('sex', facts.sex === 'male' ? '1' : '2')}</Descriptions.Item>
      <Descriptions.Item label={t('people.birthDate')}>{facts.birthDate}</Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 登记人员 / 编辑: one column with large inputs, for a grid worker at the door on a phone. A new person starts from their
 * document: an ID number gives the sex and birth date; a passport or permit does not, so they are typed, and its holder
 * may be a person from abroad. Then the kind of person's own fields and the house picked by search; an edit confirms or
 * corrects the facts on record, sent with the version it was read at. The document and its number are never edited.
 */
export function PersonForm({
  open,
  editing,
  house,
  onClose,
  onSaved,
  onOpenPerson,
  onStale,
}: {
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
  const [idNumber, residentType, watchedType] = [
    Form.useWatch('idNumber', form),
    Form.useWatch('residentType', form),
    Form.useWatch('idType', form),
  ];
  const idType = editing?.idType ?? watchedType ?? RESIDENT_ID_CARD;
  const idCard = idType === RESIDENT_ID_CARD;
  const foreigner = residentType === FOREIGNER;
  const tags = can('registry.tags');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({ ...Object.fromEntries(EDITED.map((k) => [k, editing[k] || undefined])), ...editing.tags });
    } else {
      form.setFieldsValue({ idType: RESIDENT_ID_CARD, ethnicity: HAN, residentType: REGISTERED, houseCode: house ?? null });
    }
  }, [open, editing, house, form]);

  /** An ID card holder is never a person from abroad: switching to one leaves that kind. */
  function keepKindFitting(changed: Values) {
    if (changed.idType === RESIDENT_ID_CARD && form.getFieldValue('residentType') === FOREIGNER)
      form.setFieldValue('residentType', REGISTERED);
  }

  async function submit(v: Values) {
    const [abroad, floating] = [v.residentType === FOREIGNER, v.residentType === FLOATING];
    const facts = {
      name: blankToNull(v.name),
      ethnicity: only(!abroad, v.ethnicity),
      residentType: v.residentType,
      // An ID number holds the sex and birth date; another document does not, so the form gives them.
      ...(idCard ? {} : { sex: v.sex ?? null, birthDate: blankToNull(v.birthDate) }),
      inflowReason: only(floating, v.inflowReason),
      permitType: only(floating, v.permitType),
      permitExpiry: only(floating, v.permitExpiry),
      leftBehindType: only(v.residentType === REGISTERED, v.leftBehindType),
      hukouRegion: only(!abroad, v.hukouRegion),
      hukouAddress: only(!abroad, v.hukouAddress),
      nationality: only(abroad || !idCard, v.nationality),
      foreignName: only(abroad, v.foreignName),
      visitPurpose: only(abroad, v.visitPurpose),
      arrivalDate: only(abroad, v.arrivalDate),
      departureDate: only(abroad, v.departureDate),
      ...(tags ? { specialGroups: v.specialGroups ?? [], keyPersonTags: v.keyPersonTags ?? [] } : {}),
    };
    await run(async () => {
      try {
        const saved = editing
          ? // An empty phone box keeps the phone on record (the form only ever sees it masked).
            await api.PATCH('/api/registry/people/{id}', {
              params: { path: { id: editing.id } },
              body: { ...facts, ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}), version: editing.version },
            })
          : await api.POST('/api/registry/people', {
              body: {
                ...facts,
                idType: v.idType,
                idNumber: v.idNumber?.trim(),
                phone: blankToNull(v.phone),
                houseCode: v.houseCode?.code,
                relation: v.relation ?? null,
                movedIn: v.movedIn || null,
              },
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
            void message.info({
              content: (
                <LinkButton onClick={() => onOpenPerson(existing)} data-testid="open-existing">
                  {t('personForm.openExisting')}
                </LinkButton>
              ),
              duration: 8,
            });
          }
          return;
        }
        if (!showFieldErrors(form, err, FIELDS)) throw err;
      }
    });
  }

  const required = [{ required: true, whitespace: true, message: t('personForm.required') }];
  const numberLabel = t(idCard ? 'people.idNumber' : 'people.documentNumber');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(520px, 100vw)"
      className="person-form-drawer"
      title={editing ? t('personForm.editTitle', { name: editing.name }) : t('personForm.createTitle')}
      destroyOnHidden
      footer={
        <Button type="primary" block size="large" loading={busy} onClick={() => form.submit()} data-testid="person-save">
          {t('personForm.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" size="large" onFinish={submit} onValuesChange={keepKindFitting} data-testid="person-form">
        {editing ? (
          <>
            <Form.Item label={t('people.idType')}>{codeName('idType', editing.idType)}</Form.Item>
            <Form.Item label={numberLabel}>
              <span className="mono">{editing.idNumber}</span>
            </Form.Item>
            <Typography.Paragraph type="secondary">{t(idCard ? 'personForm.idFixed' : 'personForm.documentFixed')}</Typography.Paragraph>
          </>
        ) : (
          <>
            <CodeSelect name="idType" table="idType" rules={required} />
            <Form.Item
              name="idNumber"
              label={numberLabel}
              rules={required}
              extra={t(idCard ? 'personForm.idNumberHint' : 'personForm.documentHint')}
            >
              <Input className="mono" maxLength={idCard ? 18 : 20} autoComplete="off" data-testid="person-id-number" />
            </Form.Item>
            {idCard && <IdFacts idNumber={idNumber} />}
          </>
        )}
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={foreigner ? [] : required}
          extra={foreigner ? t('personForm.nameOrForeign') : undefined}
        >
          <Input maxLength={50} data-testid="person-name" />
        </Form.Item>
        {!idCard && (
          <>
            <CodeSelect name="sex" table="sex" rules={required} />
            <Form.Item name="birthDate" label={t('people.birthDate')} rules={required}>
              <Input type="date" max={localToday()} data-testid="person-birthDate" />
            </Form.Item>
          </>
        )}
        {!foreigner && <CodeSelect name="ethnicity" table="ethnicity" rules={required} />}
        <Form.Item
          name="phone"
          label={t('people.phone')}
          extra={editing?.phone ? t('personForm.phoneKeep', { masked: editing.phone }) : undefined}
        >
          <Input type="tel" inputMode="tel" maxLength={20} data-testid="person-phone" />
        </Form.Item>
        <CodeSelect name="residentType" table="residentType" rules={required} without={idCard ? [FOREIGNER] : []} />
        {residentType === FLOATING && <CodeSelect name="inflowReason" table="inflowReason" rules={required} />}
        <PersonKindFields residentType={residentType} idCard={idCard} />
        {!foreigner && (
          <>
            <Form.Item name="hukouRegion" label={t('people.hukouRegion')}>
              <Input className="mono" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <Form.Item name="hukouAddress" label={t('people.hukouAddress')}>
              <Input maxLength={80} />
            </Form.Item>
          </>
        )}
        {tags && (
          <>
            <Form.Item name="specialGroups" label={t('people.specialGroups')}>
              <Select mode="multiple" options={codeOptions('specialGroup')} />
            </Form.Item>
            <Form.Item name="keyPersonTags" label={t('people.keyPersonTags')}>
              <Select mode="multiple" options={codeOptions('keyPerson')} />
            </Form.Item>
          </>
        )}
        {!editing && (
          <>
            <Form.Item name="houseCode" label={t('personForm.house')} rules={[{ required: true, message: t('personForm.required') }]}>
              <HousePicker />
            </Form.Item>
            <CodeSelect name="relation" table="relation" />
            <Form.Item name="movedIn" label={t('personForm.movedIn')} extra={t('personForm.today')}>
              <Input type="date" max={localToday()} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
