import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../api/replies.ts';
import { api } from '../api.ts';
import { useBusyAction } from '../use-busy-action.ts';

type Values = BodyOf<'/api/territory/networks', 'post'>;
const NETWORK_KINDS: Values['kind'][] = ['police_beat', 'road_section', 'other'];

export function NetworkCreateDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();

  async function submit(values: Values) {
    await run(async () => {
      await api.POST('/api/territory/networks', { body: values });
      void message.success(t('common.created'));
      onCreated();
      onClose();
    });
  }

  return (
    <Modal
      open={open}
      title={t('networks.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
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
