import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  code: string;
  name: string;
  areaCode: string;
}

export function DepartmentCreateDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();

  async function submit(values: Values) {
    await run(async () => {
      await api.POST('/api/org/departments', { body: values });
      void message.success(t('common.created'));
      onCreated();
      onClose();
    });
  }

  return (
    <Modal
      open={open}
      title={t('departments.create')}
      okText={t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="code" label={t('common.code')} rules={[{ required: true }]}>
          <Input placeholder="YM-CG" />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input placeholder={t('departments.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="areaCode" label={t('departments.area')} extra={t('departments.areaHint')} rules={[{ required: true }]}>
          <AreaTreeSelect pick="county" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
