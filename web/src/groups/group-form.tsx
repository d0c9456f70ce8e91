import { Alert, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdGroupDetail, HouseRow } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { detailText } from '../error-words.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { useShowError } from '../use-show-error.tsx';

/** The server holds a group to 2–15 houses; the form says so before it asks. */
const MAX_HOUSES = 15;
const FORM_FIELDS: readonly string[] = ['name', 'leadHouseCode'];

interface Props {
  open: boolean;
  gridCode: string;
  editing: HouseholdGroupDetail | null;
  onClose(): void;
  onSaved(g: HouseholdGroupDetail): void;
}

/** Forms a group by picking houses of one grid (houses of other groups cannot be picked), or changes one. */
export function GroupForm({ open, gridCode, editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; leadHouseCode?: string }>();
  const showError = useShowError();
  const { busy, run } = useBusyAction();
  const [picked, setPicked] = useState<string[]>([]);
  const [houseError, setHouseError] = useState<string | null>(null);
  const { data, loading } = useApi('/api/registry/houses', open ? { params: { query: { grid: gridCode, limit: 2000 } } } : null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setHouseError(null);
    setPicked(editing ? editing.houses.map((h) => h.houseCode) : []);
    if (editing) form.setFieldsValue({ name: editing.name, leadHouseCode: editing.leadHouseCode ?? undefined });
  }, [open, editing, form]);

  async function submit(v: { name: string; leadHouseCode?: string }) {
    const body = {
      name: v.name.trim(),
      houseCodes: picked,
      leadHouseCode: v.leadHouseCode && picked.includes(v.leadHouseCode) ? v.leadHouseCode : null,
    };
    setHouseError(null);
    await run(async () => {
      try {
        onSaved(
          editing
            ? await api.PUT('/api/registry/household-groups/{id}', {
                params: { path: { id: editing.id } },
                body: { ...body, version: editing.version },
              })
            : await api.POST('/api/registry/household-groups', { body: { ...body, gridCode } }),
        );
      } catch (err) {
        if (!(err instanceof ApiError) || err.status !== 422) return showError(err);
        // Problems with the picked houses are shown above the table; the others beside their fields.
        const details = err.body.details;
        const houses = details.filter((d) => d.field === 'houseCodes');
        if (houses.length) setHouseError(houses.map((d) => detailText(d)).join(t('common.listSep')));
        const rest = details.filter((d) => d.field !== 'houseCodes');
        form.setFields(
          rest
            .filter((d) => FORM_FIELDS.includes(d.field))
            .map((d) => ({ name: d.field as 'name' | 'leadHouseCode', errors: [detailText(d)] })),
        );
        if (rest.some((d) => !FORM_FIELDS.includes(d.field))) showError(err);
      }
    });
  }

  const houses = data?.items ?? [];
  return (
    <Modal
      open={open}
      title={editing ? t('groups.editTitle', { name: editing.name }) : t('groups.createTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={820}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="group-form">
        <Form.Item name="name" label={t('groups.name')} rules={[{ required: true, whitespace: true, message: t('groups.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="leadHouseCode" label={t('groups.leadHouse')}>
          <Select
            allowClear
            options={picked.map((c) => ({ value: c, label: `${c} ${houses.find((h) => h.code === c)?.address ?? ''}` }))}
            placeholder={t('groups.leadPlaceholder')}
          />
        </Form.Item>
      </Form>
      <Alert
        type={picked.length > MAX_HOUSES ? 'warning' : 'info'}
        showIcon
        message={t('groups.picked', { n: picked.length, max: MAX_HOUSES })}
        style={{ marginBottom: 8 }}
      />
      {houseError && <Alert type="error" showIcon message={houseError} style={{ marginBottom: 8 }} data-testid="group-house-error" />}
      <Table<HouseRow>
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={houses}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (keys) => setPicked(keys as string[]),
          getCheckboxProps: (h) => ({ disabled: !!h.groupId && h.groupId !== editing?.id }),
        }}
        locale={{ emptyText: t('groups.noHouses') }}
        data-testid="group-houses"
        columns={[
          { title: t('groups.houseCode'), dataIndex: 'code', width: 200, render: (c: string) => <span className="mono">{c}</span> },
          { title: t('groups.address'), dataIndex: 'address' },
          { title: t('groups.residents'), dataIndex: 'residents', width: 70 },
          {
            title: '',
            dataIndex: 'groupId',
            width: 110,
            render: (g: string | null) => (g && g !== editing?.id ? <Tag>{t('groups.inOtherGroup')}</Tag> : null),
          },
        ]}
      />
    </Modal>
  );
}
