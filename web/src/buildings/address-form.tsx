import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADDRESS_MAX, ADDRESS_PART_MAX, GRID_CODE_LENGTH, PLACE_NAME_MAX } from '../../../shared/limits.ts';
import type { AddressDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { RecordFormDialog } from '../records/record-form.tsx';

const PARTS = ['road', 'doorNumber', 'estate', 'building', 'unit', 'room'] as const;
const FIELDS = ['fullText', ...PARTS, 'gridCode', 'lng', 'lat'] as const;
type Values = Partial<Record<(typeof FIELDS)[number], string | number | null>>;
const blankToNull = (v: unknown) => (typeof v === 'string' ? v.trim() || null : (v ?? null));

/** Records a standard address (the server gives its code), or edits one on the version it was read at. */
export function AddressForm({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: AddressDetail | null;
  onClose(): void;
  onSaved(a: AddressDetail): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  async function submit(v: Values) {
    const body = Object.fromEntries(FIELDS.map((k) => [k, blankToNull(v[k])]));
    onSaved(
      editing
        ? await api.PUT('/api/registry/addresses/{code}', {
            params: { path: { code: editing.code } },
            body: { ...body, version: editing.version },
          })
        : await api.POST('/api/registry/addresses', { body }),
    );
  }

  return (
    <RecordFormDialog
      open={open}
      title={editing ? t('buildings.addressEditTitle', { code: editing.code }) : t('buildings.addressCreateTitle')}
      form={form}
      fields={FIELDS}
      start={editing ? Object.fromEntries(FIELDS.map((k) => [k, editing[k] ?? undefined])) : undefined}
      save={submit}
      onClose={onClose}
      width={720}
      testId="address-form"
    >
      <Form.Item name="fullText" label={t('buildings.fullText')} extra={t('buildings.fullTextHint')}>
        <Input maxLength={ADDRESS_MAX} />
      </Form.Item>
      <Row gutter={16}>
        {PARTS.map((k) => (
          <Col span={8} key={k}>
            <Form.Item name={k} label={t(`buildings.${k}`)}>
              <Input maxLength={k === 'road' || k === 'estate' ? PLACE_NAME_MAX : ADDRESS_PART_MAX} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="gridCode" label={t('buildings.gridCode')} extra={t('buildings.gridHint')}>
            <Input className="mono" maxLength={GRID_CODE_LENGTH} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lng" label={t('buildings.lng')}>
            <InputNumber min={73} max={136} step={0.0001} className="full-width" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lat" label={t('buildings.lat')}>
            <InputNumber min={3} max={54} step={0.0001} className="full-width" />
          </Form.Item>
        </Col>
      </Row>
    </RecordFormDialog>
  );
}
