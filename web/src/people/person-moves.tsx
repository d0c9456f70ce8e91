import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { showFieldErrors } from '../records/field-errors.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { HousePicker, type PickedHouse } from './house-picker.tsx';
import { codeOptions } from './person-codes.ts';
import { localToday } from './person-kind-fields.tsx';

export type MoveKind = 'move' | 'move-out';

interface Values {
  houseCode?: PickedHouse | null;
  relation?: string;
  movedIn?: string;
  movedOut?: string;
}

const FIELDS = ['houseCode', 'relation', 'movedIn', 'movedOut'] as const;

/**
 * 迁入 (into another house; the residence lived in ends that day) or 迁出 (out of the house lived in; the person stays
 * on record): a day, defaulting to today, sent with the version the person was read at.
 */
export function PersonMoveDialog({
  kind,
  person,
  onClose,
  onSaved,
  onStale,
}: {
  kind: MoveKind | null;
  person: PersonDetail;
  onClose(): void;
  onSaved(p: PersonDetail): void;
  onStale(): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const living = person.residences.find((r) => r.movedOut === null);

  useEffect(() => {
    if (kind) form.resetFields();
  }, [kind, form]);

  async function submit(v: Values) {
    const params = { path: { id: person.id } };
    await run(async () => {
      try {
        onSaved(
          await (kind === 'move'
            ? api.POST('/api/registry/people/{id}/move', {
                params,
                body: {
                  houseCode: v.houseCode?.code ?? '',
                  relation: v.relation ?? null,
                  movedIn: v.movedIn || null,
                  version: person.version,
                },
              })
            : api.POST('/api/registry/people/{id}/move-out', { params, body: { movedOut: v.movedOut || null, version: person.version } })),
        );
      } catch (err) {
        if (err instanceof ApiError && err.body.code === 'registry.record_changed') {
          void message.warning(t('personForm.stale'));
          onStale();
          return;
        }
        if (!showFieldErrors(form, err, FIELDS)) throw err;
      }
    });
  }

  const day = (name: 'movedIn' | 'movedOut') => (
    <Form.Item name={name} label={t(`personForm.${name}`)} extra={t('personForm.today')}>
      <Input type="date" max={localToday()} data-testid={`person-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open={kind !== null}
      title={t(kind === 'move' ? 'personForm.moveTitle' : 'personForm.moveOutTitle', { name: person.name })}
      okText={t(kind === 'move' ? 'personForm.move' : 'personForm.moveOut')}
      okButtonProps={{ danger: kind === 'move-out', 'data-testid': 'person-move-save' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" size="large" onFinish={submit} data-testid="person-move-form">
        {kind === 'move' ? (
          <>
            <Typography.Paragraph type="secondary">{t('personForm.moveHint')}</Typography.Paragraph>
            <Form.Item name="houseCode" label={t('personForm.house')} rules={[{ required: true, message: t('personForm.required') }]}>
              <HousePicker />
            </Form.Item>
            <Form.Item name="relation" label={t('people.relation')}>
              <Select allowClear showSearch optionFilterProp="label" options={codeOptions('relation')} />
            </Form.Item>
            {day('movedIn')}
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {t('personForm.moveOutHint', { address: living?.address ?? living?.houseCode ?? '' })}
            </Typography.Paragraph>
            {day('movedOut')}
          </>
        )}
      </Form>
    </Modal>
  );
}
