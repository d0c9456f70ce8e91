import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { isAdminRole, ROLES } from '../../../shared/roles.ts';
import type { Department, User } from '../api/replies.ts';
import { api } from '../api.ts';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useBusyAction } from '../use-busy-action.ts';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  roles: string[];
  areas: { value: string; label?: string }[];
  departmentCode?: string;
  phone?: string;
  disabled: boolean;
  resetTotp?: boolean;
}

interface Props {
  /** null: create a user; otherwise edit this one. The dialog is mounted only while open. */
  user: User | null;
  departments: Department[];
  onClose(): void;
  onSaved(): void;
}

function initial(user: User | null): Partial<Values> {
  if (!user) return { roles: [], areas: [], disabled: false };
  return {
    ...user,
    phone: undefined, // the list carries a masked phone; it is only sent when retyped
    departmentCode: user.departmentCode ?? undefined,
    areas: user.areas.map((a) => ({ value: a.code, label: a.name })),
  };
}

export function UserFormDialog({ user, departments, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const roles = Form.useWatch('roles', form) ?? [];
  const adminAccount = [...roles, ...(user?.roles ?? [])].some(isAdminRole);

  async function submit(v: Values) {
    const common = {
      displayName: v.displayName,
      roles: v.roles,
      areaCodes: v.areas.map((a) => a.value),
      departmentCode: v.departmentCode ?? null,
      ...(v.phone ? { phone: v.phone } : {}),
    };
    await run(async () => {
      const saved = user
        ? await api.PATCH('/api/access/users/{id}', {
            params: { path: { id: user.id } },
            body: {
              ...common,
              disabled: v.disabled,
              ...(v.password ? { password: v.password } : {}),
              ...(v.resetTotp ? { resetTotp: true as const } : {}),
            },
          })
        : await api.POST('/api/access/users', { body: { ...common, username: v.username, password: v.password ?? '' } });
      const waits = !!saved.pendingChange && saved.pendingChange !== user?.pendingChange;
      if (waits) void message.info(t('users.awaitingApproval'));
      else void message.success(t(user ? 'common.saved' : 'common.created'));
      onSaved();
      onClose();
    });
  }

  return (
    <Modal
      open
      width={560}
      title={user ? t('users.edit', { name: user.displayName }) : t('users.create')}
      okText={user ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
    >
      {adminAccount && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('users.adminHint')} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial(user)}>
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? t('users.resetPassword') : t('users.password')}
          extra={t('password.rule')}
          rules={[{ required: !user }]}
        >
          <Input.Password autoComplete="new-password" placeholder={user ? t('users.keepPassword') : undefined} />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="areas" label={t('users.areas')} extra={t('users.areasHint')}>
          <AreaTreeSelect multiple labelInValue />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('users.department')}>
          <Select allowClear showSearch optionFilterProp="label" options={departments.map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')}>
          <Input placeholder={user?.phone ? t('users.keepPhone', { phone: user.phone }) : undefined} />
        </Form.Item>
        {user && (
          <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="resetTotp" label={t('users.resetTotp')} extra={t('users.resetTotpHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
