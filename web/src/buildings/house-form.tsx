import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRID_CODE_LENGTH, RECORD_CODE_MAX } from '../../../shared/limits.ts';
import type { HouseDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useCodes } from '../orgs/use-codes.ts';
import { RecordFormDialog } from '../records/record-form.tsx';

interface Values {
  code?: string;
  buildingCode?: string;
  unit?: string;
  floor?: number | null;
  room?: string;
  address?: string;
  gridCode?: string;
  use?: string;
  areaM2?: number | null;
  ownerName?: string;
  ownerIdNumber?: string;
  ownerPhone?: string;
  rented?: boolean;
  rentalUse?: string;
  rentalCategory?: string;
  rentalLevel?: string;
  hazards?: string[];
}

const FIELDS = [
  'code',
  'buildingCode',
  'unit',
  'floor',
  'room',
  'address',
  'gridCode',
  'use',
  'areaM2',
  'ownerName',
  'ownerIdNumber',
  'ownerPhone',
  'rented',
  'rentalUse',
  'rentalCategory',
  'rentalLevel',
  'hazards',
] as const;
/** Sealed on the server: the form only ever has them masked, so their boxes start empty. */
const SEALED = ['ownerIdNumber', 'ownerPhone'] as const;
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Records a house (in a building, when one is given) or edits one, sent with the version it was read at. */
export function HouseForm({
  open,
  editing,
  buildingCode,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: HouseDetail | null;
  buildingCode?: string;
  onClose(): void;
  onSaved(h: HouseDetail): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const codes = useCodes();
  const rented = Form.useWatch('rented', form);

  async function submit(v: Values) {
    const sealed = (k: (typeof SEALED)[number]) => (v[k]?.trim() ? { [k]: v[k]!.trim() } : editing ? {} : { [k]: null });
    const body = {
      buildingCode: blankToNull(v.buildingCode),
      unit: blankToNull(v.unit),
      floor: v.floor ?? null,
      room: blankToNull(v.room),
      address: blankToNull(v.address),
      gridCode: blankToNull(v.gridCode),
      use: v.use ?? '',
      areaM2: v.areaM2 ?? null,
      ownerName: blankToNull(v.ownerName),
      // Editing: an empty box keeps the value on record (the form only ever sees it masked).
      ...sealed('ownerIdNumber'),
      ...sealed('ownerPhone'),
      rented: !!v.rented,
      rentalUse: v.rented ? (v.rentalUse ?? null) : null,
      rentalCategory: v.rented ? (v.rentalCategory ?? null) : null,
      rentalLevel: v.rented ? (v.rentalLevel ?? null) : null,
      hazards: v.hazards ?? [],
    };
    onSaved(
      editing
        ? await api.PUT('/api/registry/houses/{code}', {
            params: { path: { code: editing.code } },
            body: { ...body, version: editing.version },
          })
        : await api.POST('/api/registry/houses', { body: { ...body, code: v.code!.trim() } }),
    );
  }

  const required = [{ required: true, whitespace: true, message: t('houses.required') }];
  const text = (name: keyof Values, max: number, span: number, extra?: string) => (
    <Col span={span}>
      <Form.Item name={name} label={t(`houses.${name}`)} extra={extra}>
        <Input maxLength={max} />
      </Form.Item>
    </Col>
  );
  const coded = (name: keyof Values, table: Parameters<typeof codes.options>[0], span: number, multiple = false) => (
    <Col span={span}>
      <Form.Item name={name} label={t(`houses.${name}`)}>
        <Select allowClear options={codes.options(table)} mode={multiple ? 'multiple' : undefined} />
      </Form.Item>
    </Col>
  );
  return (
    <RecordFormDialog
      open={open}
      title={editing ? t('houses.editTitle', { code: editing.code }) : t('houses.createTitle')}
      form={form}
      fields={FIELDS}
      start={
        editing
          ? Object.fromEntries(
              FIELDS.filter((k) => !(SEALED as readonly string[]).includes(k)).map((k) => [
                k,
                editing[k as keyof HouseDetail] ?? undefined,
              ]),
            )
          : { buildingCode, rented: false, use: '01' }
      }
      save={submit}
      onClose={onClose}
      width={760}
      testId="house-form"
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="code"
            label={t('houses.code')}
            rules={editing ? [] : required}
            extra={editing ? t('houses.codeFixed') : undefined}
          >
            <Input className="mono" maxLength={RECORD_CODE_MAX} disabled={!!editing} placeholder={editing?.code} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="buildingCode" label={t('houses.buildingCode')} extra={t('houses.buildingHint')}>
            <Input className="mono" maxLength={RECORD_CODE_MAX} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {text('unit', 20, 8)}
        <Col span={8}>
          <Form.Item name="floor" label={t('houses.floor')}>
            <InputNumber precision={0} className="full-width" />
          </Form.Item>
        </Col>
        {text('room', 20, 8)}
      </Row>
      <Row gutter={16}>
        {text('address', 120, 16, t('houses.addressHint'))}
        <Col span={8}>
          <Form.Item name="gridCode" label={t('houses.gridCode')}>
            <Input className="mono" maxLength={GRID_CODE_LENGTH} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="use" label={t('houses.use')} rules={[{ required: true, message: t('houses.required') }]}>
            <Select options={codes.options('house_use')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="areaM2" label={t('houses.areaM2')}>
            <InputNumber className="full-width" />
          </Form.Item>
        </Col>
        {coded('hazards', 'house_hazard', 8, true)}
      </Row>
      <Row gutter={16}>
        {text('ownerName', 50, 6)}
        {text('ownerIdNumber', 18, 10, editing?.ownerIdNumber ? t('houses.sealedKeep', { masked: editing.ownerIdNumber }) : undefined)}
        {text('ownerPhone', 20, 8, editing?.ownerPhone ? t('houses.sealedKeep', { masked: editing.ownerPhone }) : undefined)}
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="rented" label={t('houses.rented')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {rented && coded('rentalUse', 'rental_use', 6)}
        {rented && coded('rentalCategory', 'rental_category', 6)}
        {rented && coded('rentalLevel', 'rental_level', 6)}
      </Row>
    </RecordFormDialog>
  );
}
