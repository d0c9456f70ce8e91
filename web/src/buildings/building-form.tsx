import { Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useShowError } from '../use-show-error.tsx';
import { useBusyAction } from '../use-busy-action.ts';
import { showFieldErrors } from '../orgs/field-errors.ts';
import type { BuildingDetail } from './building-types.ts';

interface Values {
  code?: string;
  name: string;
  estate?: string;
  addressCode?: string;
  address?: string;
  gridCode?: string;
  lng?: number | null;
  lat?: number | null;
  floors?: number | null;
  units?: number | null;
  households?: number | null;
  leaderName?: string;
  leaderPhone?: string;
}

const FIELDS = ['code', 'name', 'estate', 'addressCode', 'address', 'gridCode', 'lng', 'lat', 'floors', 'units', 'households', 'leaderName', 'leaderPhone'] as const;
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Records a building, or edits one (sent with the version it was read at). */
export function BuildingForm({ open, editing, onClose, onSaved }: { open: boolean; editing: BuildingDetail | null; onClose(): void; onSaved(b: BuildingDetail): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const { busy, run } = useBusyAction();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    // The phone box starts empty: the form only ever has the masked phone.
    if (editing) form.setFieldsValue(Object.fromEntries(FIELDS.filter((k) => k !== 'leaderPhone').map((k) => [k, editing[k] ?? undefined])));
  }, [open, editing, form]);

  async function submit(v: Values) {
    const body = {
      name: v.name.trim(), estate: blankToNull(v.estate), addressCode: blankToNull(v.addressCode), address: blankToNull(v.address), gridCode: blankToNull(v.gridCode),
      lng: v.lng ?? null, lat: v.lat ?? null, floors: v.floors ?? null, units: v.units ?? null, households: v.households ?? null, leaderName: blankToNull(v.leaderName),
      // Editing: an empty phone box keeps the phone on record (the form only ever sees it masked).
      ...(v.leaderPhone?.trim() ? { leaderPhone: v.leaderPhone.trim() } : editing ? {} : { leaderPhone: null }),
    };
    await run(async () => {
      try {
        const saved = editing
          ? await api<BuildingDetail>(`/api/registry/buildings/${encodeURIComponent(editing.code)}`, { method: 'PUT', body: { ...body, version: editing.version } })
          : await api<BuildingDetail>('/api/registry/buildings', { method: 'POST', body: { ...body, code: v.code!.trim() } });
        onSaved(saved);
      } catch (err) {
        if (!showFieldErrors(form, err, FIELDS)) showError(err);
      }
    });
  }

  const required = [{ required: true, whitespace: true, message: t('buildings.required') }];
  // The ranges are the server's to check (the template's rules), so a refusal names the field like an import's.
  const int = (name: keyof Values) => (
    <Form.Item name={name} label={t(`buildings.${name}`)}>
      <InputNumber precision={0} className="full-width" />
    </Form.Item>
  );
  return (
    <Modal open={open} title={editing ? t('buildings.editTitle', { name: editing.name }) : t('buildings.createTitle')} okText={t('common.save')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="building-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="code" label={t('buildings.code')} rules={editing ? [] : required} extra={editing ? t('buildings.codeFixed') : undefined}>
              <Input className="mono" maxLength={40} disabled={!!editing} placeholder={editing?.code} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="name" label={t('buildings.name')} rules={required}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="estate" label={t('buildings.estate')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="addressCode" label={t('buildings.addressCode')} extra={t('buildings.addressCodeHint')}>
              <Input className="mono" maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="address" label={t('buildings.address')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="gridCode" label={t('buildings.gridCode')}>
              <Input className="mono" maxLength={15} />
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
        <Row gutter={16}>
          <Col span={8}>{int('floors')}</Col>
          <Col span={8}>{int('units')}</Col>
          <Col span={8}>{int('households')}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="leaderName" label={t('buildings.leaderName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaderPhone" label={t('buildings.leaderPhone')} extra={editing?.leaderPhone ? t('buildings.phoneKeep') : undefined}>
              <Input maxLength={20} placeholder={editing?.leaderPhone ?? undefined} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
