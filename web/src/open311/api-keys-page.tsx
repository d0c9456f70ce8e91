import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import { KEY_INTERFACES, type KeyInterface } from '../../../shared/enums.ts';
import { DISPLAY_NAME_MAX } from '../../../shared/limits.ts';
import type { Open311Client } from '../api/replies.ts';
import { api } from '../api.ts';
import { LinkButton } from '../link-button.tsx';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

const when = (iso: string | null) => (iso ? chinaMinute(new Date(iso)) : null);

/** The key just issued or rotated, shown this once. */
function KeyShownOnce({ issued, onClose }: { issued: Open311Client & { apiKey: string }; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('apiKeys.keyFor', { name: issued.name, county: issued.jurisdiction.name })}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Alert type="warning" showIcon message={t('apiKeys.shownOnce')} style={{ marginBottom: 12 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input readOnly value={issued.apiKey} className="mono" data-testid="issued-key" />
        <Button
          icon={<CopyOutlined />}
          onClick={() => navigator.clipboard?.writeText(issued.apiKey).then(() => void message.success(t('apiKeys.copied')))}
        >
          {t('apiKeys.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}

interface IssueForm {
  name: string;
  county: string;
  interfaces: KeyInterface[];
}

function IssueDialog({ onClose, onIssued }: { onClose(): void; onIssued(c: Open311Client & { apiKey: string }): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<IssueForm>();
  const { busy, run } = useBusyAction();
  const submit = (v: IssueForm) =>
    run(async () => {
      onIssued(await api.POST('/api/open311/clients', { body: { name: v.name.trim(), countyCode: v.county, interfaces: v.interfaces } }));
      onClose();
    });
  return (
    <Modal open title={t('apiKeys.issue')} okText={t('apiKeys.issue')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ interfaces: ['open311'] }}>
        <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={DISPLAY_NAME_MAX} placeholder={t('apiKeys.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="county" label={t('apiKeys.jurisdiction')} extra={t('apiKeys.jurisdictionHint')} rules={[{ required: true }]}>
          <AreaTreeSelect pick="county" />
        </Form.Item>
        <Form.Item name="interfaces" label={t('apiKeys.interfaces')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={KEY_INTERFACES.map((i) => ({ value: i, label: t(`apiKeys.interface.${i}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 接入密钥: the Open311 clients of the administrator's counties, each key issued, rotated and revoked here. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { data, loading, reload } = useApi('/api/open311/clients');
  const receivers = useApi('/api/province/receivers');
  const disclosureOf = (c: Open311Client) => receivers.data?.items.find((r) => r.clientId === c.id)?.disclosure ?? 'masked';
  const [issuing, setIssuing] = useState(false);
  const [shown, setShown] = useState<(Open311Client & { apiKey: string }) | null>(null);
  const { run } = useBusyAction();

  const rotate = (c: Open311Client) =>
    modal.confirm({
      title: t('apiKeys.rotate'),
      content: t('apiKeys.rotateConfirm', { name: c.name }),
      onOk: () =>
        run(async () => {
          setShown(await api.POST('/api/open311/clients/{id}/rotate', { params: { path: { id: c.id } } }));
          reload();
        }),
    });
  const revoke = (c: Open311Client) =>
    modal.confirm({
      title: t('apiKeys.revoke'),
      content: t('apiKeys.revokeConfirm', { name: c.name }),
      okButtonProps: { danger: true },
      onOk: () =>
        run(async () => {
          await api.POST('/api/open311/clients/{id}/revoke', { params: { path: { id: c.id } } });
          void message.success(t('apiKeys.revokedDone'));
          reload();
        }),
    });

  // What a province-exchange receiver gets of ID numbers, phones and tags: masked by default, or sealed for it alone.
  const switchDisclosure = (c: Open311Client) => {
    const to = disclosureOf(c) === 'sealed' ? 'masked' : 'sealed';
    modal.confirm({
      title: t(`apiKeys.disclosure.to.${to}`),
      content: t(`apiKeys.disclosure.confirm.${to}`, { name: c.name }),
      onOk: () =>
        run(async () => {
          await api.PUT('/api/province/receivers/{id}/disclosure', { params: { path: { id: c.id } }, body: { disclosure: to } });
          void message.success(t('apiKeys.disclosure.done'));
          receivers.reload();
        }),
    });
  };

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('apiKeys.title')}</Typography.Title>
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
          {t('apiKeys.issue')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <Table<Open311Client>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('apiKeys.name'), dataIndex: 'name' },
          {
            title: t('apiKeys.jurisdiction'),
            key: 'county',
            render: (_: unknown, c) => `${c.jurisdiction.name}（${c.jurisdiction.code}）`,
          },
          {
            title: t('apiKeys.interfaces'),
            dataIndex: 'interfaces',
            render: (list: KeyInterface[], c) =>
              list.map((i) => (
                <Tag key={i}>
                  {t(`apiKeys.interface.${i}`)}
                  {i === 'province' && !c.revokedAt ? `（${t(`apiKeys.disclosure.${disclosureOf(c)}`)}）` : ''}
                </Tag>
              )),
          },
          { title: t('apiKeys.keyHint'), dataIndex: 'keyHint', render: (h: string) => <span className="mono">{h}…</span> },
          { title: t('apiKeys.createdAt'), key: 'created', render: (_: unknown, c) => `${when(c.createdAt)} ${c.createdBy ?? ''}` },
          { title: t('apiKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: (at: string | null) => when(at) ?? t('apiKeys.never') },
          {
            title: t('apiKeys.status'),
            key: 'status',
            render: (_: unknown, c) =>
              c.revokedAt ? <Tag>{t('apiKeys.revoked', { at: when(c.revokedAt) })}</Tag> : <Tag color="green">{t('apiKeys.active')}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c) =>
              c.revokedAt ? null : (
                <Space>
                  <LinkButton onClick={() => rotate(c)}>{t('apiKeys.rotate')}</LinkButton>
                  <LinkButton onClick={() => revoke(c)}>{t('apiKeys.revoke')}</LinkButton>
                  {c.interfaces.includes('province') && (
                    <LinkButton onClick={() => switchDisclosure(c)}>
                      {t(`apiKeys.disclosure.to.${disclosureOf(c) === 'sealed' ? 'masked' : 'sealed'}`)}
                    </LinkButton>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {issuing && (
        <IssueDialog
          onClose={() => setIssuing(false)}
          onIssued={(c) => {
            setShown(c);
            reload();
          }}
        />
      )}
      {shown && <KeyShownOnce issued={shown} onClose={() => setShown(null)} />}
    </div>
  );
}
