import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FacilityDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useCodes } from '../orgs/use-codes.ts';
import { RecordFormDialog } from '../records/record-form.tsx';

interface Values {
  classCode: string;
  name?: string;
  lng: number;
  lat: number;
  ownerDept: string;
  maintainerDept?: string;
  state: string;
  note?: string;
}

const FIELDS = ['classCode', 'name', 'lng', 'lat', 'ownerDept', 'maintainerDept', 'state', 'note'] as const;

/** Records a component (the server gives its code) or edits one; the class is part of the code and stays. */
export function FacilityForm({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: FacilityDetail | null;
  onClose(): void;
  onSaved(f: FacilityDetail): void;
}) {
  const { t } = useTranslation();
  const codes = useCodes();
  const [form] = Form.useForm<Values>();

  async function submit(v: Values) {
    const body = {
      name: v.name?.trim() || null,
      lng: v.lng,
      lat: v.lat,
      ownerDept: v.ownerDept,
      maintainerDept: v.maintainerDept ?? null,
      state: v.state,
      note: v.note?.trim() || null,
    };
    onSaved(
      editing
        ? await api.PUT('/api/registry/facilities/{code}', {
            params: { path: { code: editing.code } },
            body: { ...body, version: editing.version },
          })
        : await api.POST('/api/registry/facilities', { body: { ...body, classCode: v.classCode } }),
    );
  }

  const required = [{ required: true, message: t('facilities.required') }];
  return (
    <RecordFormDialog
      open={open}
      title={editing ? t('facilities.editTitle', { code: editing.code }) : t('facilities.createTitle')}
      form={form}
      fields={FIELDS}
      start={
        editing ? { ...editing, maintainerDept: editing.maintainerDept ?? undefined, note: editing.note ?? undefined } : { state: '01' }
      }
      save={submit}
      onClose={onClose}
      testId="facility-form"
    >
      <Form.Item
        name="classCode"
        label={t('facilities.classCode')}
        rules={editing ? [] : required}
        extra={editing ? t('facilities.classFixed') : undefined}
      >
        <Select showSearch optionFilterProp="label" disabled={!!editing} options={codes.options('facility_class')} />
      </Form.Item>
      <Form.Item name="name" label={t('facilities.name')} extra={t('facilities.nameHint')}>
        <Input maxLength={30} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="lng" label={t('facilities.lng')} rules={required} extra={t('facilities.pointHint')}>
            <InputNumber min={73} max={136} step={0.0001} className="full-width" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="lat" label={t('facilities.lat')} rules={required}>
            <InputNumber min={3} max={54} step={0.0001} className="full-width" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="ownerDept" label={t('facilities.ownerDept')} rules={required}>
            <Select showSearch optionFilterProp="label" options={codes.departments} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="maintainerDept" label={t('facilities.maintainerDept')}>
            <Select allowClear showSearch optionFilterProp="label" options={codes.departments} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="state" label={t('facilities.state')} rules={required}>
        <Select options={codes.options('facility_state')} />
      </Form.Item>
      <Form.Item name="note" label={t('facilities.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </RecordFormDialog>
  );
}
