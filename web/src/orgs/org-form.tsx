import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADDRESS_MAX, CREDIT_CODE_LENGTH, GRID_CODE_LENGTH, ORG_NAME_MAX, PERSON_NAME_MAX, PHONE_MAX } from '../../../shared/limits.ts';
import type { OrganisationDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { RecordFormDialog } from '../records/record-form.tsx';
import { useCodes } from './use-codes.ts';

interface Values {
  creditCode?: string;
  name: string;
  orgType: string;
  address: string;
  gridCode?: string;
  lng?: number | null;
  lat?: number | null;
  legalRep?: string;
  safetyContact?: string;
  safetyContactPhone?: string;
  hazards: string[];
}

const FIELDS = [
  'creditCode',
  'name',
  'orgType',
  'address',
  'gridCode',
  'lng',
  'lat',
  'legalRep',
  'safetyContact',
  'safetyContactPhone',
  'hazards',
] as const;
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Records a new organisation, or edits one (sent with the version it was read at). */
export function OrgForm({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: OrganisationDetail | null;
  onClose(): void;
  onSaved(o: OrganisationDetail): void;
}) {
  const { t } = useTranslation();
  const codes = useCodes();
  const [form] = Form.useForm<Values>();

  async function submit(v: Values) {
    const body = {
      name: v.name.trim(),
      orgType: v.orgType,
      address: v.address.trim(),
      gridCode: blankToNull(v.gridCode),
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      legalRep: blankToNull(v.legalRep),
      safetyContact: blankToNull(v.safetyContact),
      hazards: v.hazards ?? [],
      // Editing: an empty phone box keeps the phone on record (the form only ever sees it masked).
      ...(v.safetyContactPhone?.trim() ? { safetyContactPhone: v.safetyContactPhone.trim() } : editing ? {} : { safetyContactPhone: null }),
    };
    onSaved(
      editing
        ? await api.PUT('/api/registry/organisations/{creditCode}', {
            params: { path: { creditCode: editing.creditCode } },
            body: { ...body, version: editing.version },
          })
        : await api.POST('/api/registry/organisations', { body: { ...body, creditCode: v.creditCode!.trim() } }),
    );
  }

  const required = [{ required: true, whitespace: true, message: t('orgs.required') }];
  return (
    <RecordFormDialog
      open={open}
      title={editing ? t('orgs.editTitle', { name: editing.name }) : t('orgs.createTitle')}
      form={form}
      fields={FIELDS}
      start={
        editing
          ? {
              ...editing,
              legalRep: editing.legalRep ?? undefined,
              safetyContact: editing.safetyContact ?? undefined,
              safetyContactPhone: undefined,
            }
          : { hazards: [] }
      }
      save={submit}
      onClose={onClose}
      width={720}
      testId="org-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="creditCode"
            label={t('orgs.creditCode')}
            rules={editing ? [] : required}
            extra={editing ? t('orgs.creditCodeFixed') : undefined}
          >
            <Input className="mono" maxLength={CREDIT_CODE_LENGTH} disabled={!!editing} placeholder={editing?.creditCode} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="orgType" label={t('orgs.orgType')} rules={required}>
            <Select options={codes.options('org_type')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('orgs.name')} rules={required}>
        <Input maxLength={ORG_NAME_MAX} />
      </Form.Item>
      <Form.Item name="address" label={t('orgs.address')} rules={required}>
        <Input maxLength={ADDRESS_MAX} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="gridCode" label={t('orgs.gridCode')} extra={t('orgs.gridHint')}>
            <Input className="mono" maxLength={GRID_CODE_LENGTH} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lng" label={t('orgs.lng')}>
            <InputNumber min={73} max={136} step={0.0001} className="full-width" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lat" label={t('orgs.lat')}>
            <InputNumber min={3} max={54} step={0.0001} className="full-width" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="legalRep" label={t('orgs.legalRep')}>
            <Input maxLength={PERSON_NAME_MAX} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="safetyContact" label={t('orgs.safetyContact')}>
            <Input maxLength={PERSON_NAME_MAX} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="safetyContactPhone"
            label={t('orgs.safetyContactPhone')}
            extra={editing?.safetyContactPhone ? t('orgs.phoneKeep') : undefined}
          >
            <Input maxLength={PHONE_MAX} placeholder={editing?.safetyContactPhone ?? undefined} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="hazards" label={t('orgs.hazards')}>
        <Select mode="multiple" options={codes.options('org_hazard')} />
      </Form.Item>
    </RecordFormDialog>
  );
}
