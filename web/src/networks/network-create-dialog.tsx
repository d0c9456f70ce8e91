import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { NETWORK_KINDS, type NetworkKind } from '../types.ts';
import { useShowError } from '../use-show-error.tsx';

interface Values {
  code: string;
  name: string;
  kind: NetworkKind;
}

export function NetworkCreateDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    try {
      await api('/api/territory/networks', { method: 'POST', body: values });
      void message.success(t('common.created'));
      onCreated();
      onClose();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('networks.create')} okText={t('common.create')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={{ kind: 'police_beat' }}>
        <Form.Item name="code" label={t('common.code')} rules={[{ required: true }]}>
          <Input placeholder="YM-JW" />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('networks.kind')} rules={[{ required: true }]}>
          <Select options={NETWORK_KINDS.map((k) => ({ value: k, label: t(`networkKind.${k}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
