import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADDRESS_CODE_LENGTH,
  ADDRESS_MAX,
  GRID_CODE_LENGTH,
  PERSON_NAME_MAX,
  PHONE_MAX,
  PLACE_NAME_MAX,
  RECORD_CODE_MAX,
} from '../../../shared/limits.ts';
import type { BuildingDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { RecordFormDialog } from '../records/record-form.tsx';
import { LeaderPicker, type PickedPerson } from './leader-picker.tsx';

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
  leaderPersonId?: string | null;
  leaderName?: string;
  leaderPhone?: string;
}

const FIELDS = [
  'code',
  'name',
  'estate',
  'addressCode',
  'address',
  'gridCode',
  'lng',
  'lat',
  'floors',
  'units',
  'households',
  'leaderPersonId',
  'leaderName',
  'leaderPhone',
] as const;
const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);
/** The 楼栋长 is picked from the people on record, or typed when they are not on record. */
type LeaderMode = 'record' | 'typed';

/**
 * What the form sends about the leader. A person picked anew is sent by id (the server takes name and phone from
 * the record); the same person as before is left as it is; a typed leader as today, an empty phone box keeping
 * the phone on record when editing (the form only ever sees it masked).
 */
function leaderBody(mode: LeaderMode, v: Values, editing: BuildingDetail | null) {
  if (mode === 'record') {
    if (!v.leaderPersonId) return { leaderPersonId: null, leaderName: null, leaderPhone: null };
    return v.leaderPersonId === editing?.leaderPersonId ? { leaderName: editing.leaderName } : { leaderPersonId: v.leaderPersonId };
  }
  return {
    leaderPersonId: null,
    leaderName: blankToNull(v.leaderName),
    ...(v.leaderPhone?.trim() ? { leaderPhone: v.leaderPhone.trim() } : editing ? {} : { leaderPhone: null }),
  };
}

/** Records a building, or edits one (sent with the version it was read at). */
export function BuildingForm({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: BuildingDetail | null;
  onClose(): void;
  onSaved(b: BuildingDetail): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<LeaderMode>('record');
  const [leader, setLeader] = useState<PickedPerson | null>(null);

  useEffect(() => {
    if (!open) return;
    // A leader typed and matched to nobody stays typed; otherwise the form starts from the people on record.
    setMode(editing?.leaderName && !editing.leaderPersonId ? 'typed' : 'record');
    setLeader(editing?.leaderPersonId ? { id: editing.leaderPersonId, name: editing.leaderName ?? '', phone: editing.leaderPhone } : null);
  }, [open, editing]);

  async function submit(v: Values) {
    const body = {
      name: v.name.trim(),
      estate: blankToNull(v.estate),
      addressCode: blankToNull(v.addressCode),
      address: blankToNull(v.address),
      gridCode: blankToNull(v.gridCode),
      lng: v.lng ?? null,
      lat: v.lat ?? null,
      floors: v.floors ?? null,
      units: v.units ?? null,
      households: v.households ?? null,
      ...leaderBody(mode, v, editing),
    };
    onSaved(
      editing
        ? await api.PUT('/api/registry/buildings/{code}', {
            params: { path: { code: editing.code } },
            body: { ...body, version: editing.version },
          })
        : await api.POST('/api/registry/buildings', { body: { ...body, code: v.code!.trim() } }),
    );
  }

  const required = [{ required: true, whitespace: true, message: t('buildings.required') }];
  // The ranges are the server's to check (the template's rules), so a refusal names the field like an import's.
  const int = (name: keyof Values) => (
    <Form.Item name={name} label={t(`buildings.${name}`)}>
      <InputNumber precision={0} className="full-width" />
    </Form.Item>
  );
  return (
    <RecordFormDialog
      open={open}
      title={editing ? t('buildings.editTitle', { name: editing.name }) : t('buildings.createTitle')}
      form={form}
      fields={FIELDS}
      // The phone box starts empty: the form only ever has the masked phone.
      start={editing ? Object.fromEntries(FIELDS.filter((k) => k !== 'leaderPhone').map((k) => [k, editing[k] ?? undefined])) : undefined}
      save={submit}
      onClose={onClose}
      width={720}
      testId="building-form"
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="code"
            label={t('buildings.code')}
            rules={editing ? [] : required}
            extra={editing ? t('buildings.codeFixed') : undefined}
          >
            <Input className="mono" maxLength={RECORD_CODE_MAX} disabled={!!editing} placeholder={editing?.code} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="name" label={t('buildings.name')} rules={required}>
            <Input maxLength={PLACE_NAME_MAX} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="estate" label={t('buildings.estate')}>
            <Input maxLength={PLACE_NAME_MAX} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="addressCode" label={t('buildings.addressCode')} extra={t('buildings.addressCodeHint')}>
            <Input className="mono" maxLength={ADDRESS_CODE_LENGTH} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="address" label={t('buildings.address')}>
            <Input maxLength={ADDRESS_MAX} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="gridCode" label={t('buildings.gridCode')}>
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
      <Row gutter={16}>
        <Col span={8}>{int('floors')}</Col>
        <Col span={8}>{int('units')}</Col>
        <Col span={8}>{int('households')}</Col>
      </Row>
      <Form.Item label={t('buildings.leaderName')}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as LeaderMode)} data-testid="leader-mode">
          <Radio value="record">{t('buildings.leaderFromRecord')}</Radio>
          <Radio value="typed">{t('buildings.leaderTyped')}</Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'record' ? (
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="leaderPersonId" label={t('buildings.leaderPerson')} extra={t('buildings.leaderPickHint')}>
              <LeaderPicker person={leader} onPerson={setLeader} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label={t('buildings.leaderNameField')}>
              <Input readOnly value={leader?.name ?? ''} data-testid="leader-name" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item label={t('buildings.leaderPhone')}>
              <Input readOnly className="mono" value={leader?.phone ?? ''} data-testid="leader-phone" />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="leaderName" label={t('buildings.leaderNameField')}>
              <Input maxLength={PERSON_NAME_MAX} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="leaderPhone"
              label={t('buildings.leaderPhone')}
              extra={editing?.leaderPhone ? t('buildings.phoneKeep') : undefined}
            >
              <Input maxLength={PHONE_MAX} placeholder={editing?.leaderPhone ?? undefined} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </RecordFormDialog>
  );
}
