import { App, Button, Drawer, Form, type FormInstance, Input, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { detailText } from '../error-words.ts';
import { useEntryTimer } from '../field/entry-times.ts';
import { FollowUpFacts } from '../followups/follow-up-facts.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { useShowError } from '../use-show-error.tsx';
import { VisitHouseFields } from './visit-house-fields.tsx';
import { VisitResidentCard } from './visit-resident-card.tsx';

type ResidentStatus = 'present' | 'movedOut';

export interface VisitValues {
  residents: { personId: string; status: ResidentStatus; phone?: string }[];
  house: { use: string; rented: boolean; rentalUse?: string | null; rentalCategory?: string | null; rentalLevel?: string | null };
  note?: string;
}

/** A refusal names its field as the server reads the body (`residents[2].phone`, `house.rentalLevel`): the form's path. */
type FieldPath = Parameters<FormInstance<VisitValues>['setFields']>[0][number]['name'];
const pathOf = (field: string): FieldPath | null => {
  const resident = /^residents\[(\d+)\]\.(status|phone)$/.exec(field);
  if (resident) return ['residents', Number(resident[1]), resident[2] as 'status' | 'phone'];
  const house = /^house\.(use|rented|rentalUse|rentalCategory|rentalLevel)$/.exec(field);
  return house ? ['house', house[1] as keyof VisitValues['house']] : null;
};

/** What a visit is of: a house, or a tagged person's follow-up (随访), made as the visit of the house they live in. */
export type VisitOf = { house: string } | { followUp: string };

/**
 * 走访 on a phone: the form filled from the base data — each resident still here or moved out (a new phone if it
 * changed), the house's use and rental grading as recorded — the worker confirms or corrects and saves once. A
 * follow-up is the same form, of the person's house, saved as their follow-up.
 */
export function VisitDrawer({ of, open, onClose, onSaved }: { of: VisitOf; open: boolean; onClose(): void; onSaved(v: Visit): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const showError = useShowError();
  const { busy, run } = useBusyAction();
  const timed = useEntryTimer('house' in of ? 'visit' : 'follow_up', open);
  const houseForm = useApi(
    '/api/fieldwork/houses/{code}/visit-form',
    open && 'house' in of ? { params: { path: { code: of.house } } } : null,
  );
  const followUpForm = useApi(
    '/api/fieldwork/follow-ups/{personId}',
    open && 'followUp' in of ? { params: { path: { personId: of.followUp } } } : null,
  );
  const { loading, reload } = 'house' in of ? houseForm : followUpForm;
  const data = 'house' in of ? houseForm.data : (followUpForm.data?.visit ?? null);
  const person = 'followUp' in of ? followUpForm.data?.followUp : undefined;

  useEffect(() => {
    if (!data) return;
    const { house: h, residents } = data;
    form.resetFields();
    form.setFieldsValue({
      residents: residents.map((r) => ({ personId: r.personId, status: 'present' })),
      house: { use: h.use, rented: h.rented, rentalUse: h.rentalUse, rentalCategory: h.rentalCategory, rentalLevel: h.rentalLevel },
    });
  }, [data, form]);

  async function submit(v: VisitValues) {
    if (!data) return;
    const body = {
      version: data.house.version,
      residents: v.residents.map((r) => ({
        personId: r.personId,
        status: r.status,
        ...(r.phone?.trim() ? { phone: r.phone.trim() } : {}),
      })),
      house: {
        use: v.house.use,
        rented: v.house.rented,
        // An unrented house keeps no grading.
        rentalUse: v.house.rented ? (v.house.rentalUse ?? null) : null,
        rentalCategory: v.house.rented ? (v.house.rentalCategory ?? null) : null,
        rentalLevel: v.house.rented ? (v.house.rentalLevel ?? null) : null,
      },
      note: v.note?.trim() || null,
    };
    await run(async () => {
      try {
        const saved =
          'house' in of
            ? await api.POST('/api/fieldwork/houses/{code}/visits', { params: { path: { code: of.house } }, body })
            : (await api.POST('/api/fieldwork/follow-ups/{personId}/visits', { params: { path: { personId: of.followUp } }, body })).visit;
        timed(saved.id);
        onSaved(saved);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          void message.warning(t('visits.stale'));
          reload();
          return;
        }
        if (!(err instanceof ApiError && err.status === 422)) throw err;
        const placed = err.body.details.map((d) => ({ name: pathOf(d.field), errors: [detailText(d)] }));
        form.setFields(placed.filter((p): p is { name: FieldPath; errors: string[] } => p.name !== null));
        if (placed.some((p) => p.name === null)) showError(err);
      }
    });
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width="min(560px, 100vw)"
      className="visit-drawer"
      title={
        person
          ? t('followUps.visitTitle', { name: person.name })
          : data
            ? t('visits.title', { address: data.house.address })
            : t('visits.visit')
      }
      destroyOnHidden
      footer={
        <Button type="primary" block size="large" loading={busy} disabled={!data} onClick={() => form.submit()} data-testid="visit-save">
          {person ? t('followUps.save') : t('visits.save')}
        </Button>
      }
    >
      {person && !person.houseCode ? (
        <Typography.Paragraph type="warning" data-testid="follow-up-no-house">
          {t('followUps.noHouse')}
        </Typography.Paragraph>
      ) : !data ? (
        <Spin className="panel-spin" spinning={loading} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="visit-form">
          {person && <FollowUpFacts followUp={person} address={data.house.address} />}
          <Typography.Title level={5} className="detail-section">
            {t('visits.residents', { n: data.residents.length })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {data.residents.length ? t('visits.residentsHint') : t('visits.noResidents')}
          </Typography.Paragraph>
          <Form.List name="residents">
            {(items) => items.map((item) => <VisitResidentCard key={item.key} index={item.name} resident={data.residents[item.name]} />)}
          </Form.List>
          <Typography.Title level={5} className="detail-section">
            {t('visits.house')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('visits.houseHint')}</Typography.Paragraph>
          <VisitHouseFields form={form} />
          <Form.Item name="note" label={t('visits.note')}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('visits.notePlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
