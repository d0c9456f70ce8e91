import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_CADENCES, FOLLOWERS } from '../../../shared/followups.ts';
import { FOLLOW_UP_DAYS } from '../../../shared/limits.ts';
import type { BodyOf, FollowUpPlan } from '../api/replies.ts';
import { api } from '../api.ts';
import { codeName } from '../people/person-codes.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { usePlanWords } from './follow-up-state.tsx';

type Body = BodyOf<'/api/fieldwork/follow-up-plans/{tagKind}/{tagCode}', 'put'>;
type Values = Pick<Body, 'cadence' | 'intervalDays' | 'follower'>;

const tagName = (p: Pick<FollowUpPlan, 'tagKind' | 'tagCode'>) =>
  codeName(p.tagKind === 'special_group' ? 'specialGroup' : 'keyPerson', p.tagCode);

/** 随访计划: the county's follow-up plan per tag — how often, by whom — starting from the GB/T 31000 defaults. */
export function PlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, reload } = useApi('/api/fieldwork/follow-up-plans');
  const [editing, setEditing] = useState<FollowUpPlan | null>(null);
  const [form] = Form.useForm<Values>();
  const cadence = Form.useWatch('cadence', form);
  const { busy, run } = useBusyAction();
  const planWords = usePlanWords();

  const save = (v: Values) =>
    run(async () => {
      if (!editing || !data) return;
      await api.PUT('/api/fieldwork/follow-up-plans/{tagKind}/{tagCode}', {
        params: { path: { tagKind: editing.tagKind, tagCode: editing.tagCode } },
        body: {
          county: data.countyCode,
          cadence: v.cadence,
          intervalDays: v.cadence === 'days' ? (v.intervalDays ?? null) : null,
          follower: v.follower,
          version: editing.version,
        },
      });
      void message.success(t('plans.saved'));
      setEditing(null);
      reload();
    });

  const columns: ColumnsType<FollowUpPlan> = [
    { title: t('plans.kind'), dataIndex: 'tagKind', width: 120, render: (k: FollowUpPlan['tagKind']) => t(`plans.kinds.${k}`) },
    {
      title: t('plans.tag'),
      key: 'tag',
      render: (_: unknown, p) => (
        <span className="code-name">
          {tagName(p)}
          <span className="code-name-code mono">{p.tagCode}</span>
        </span>
      ),
    },
    { title: t('plans.cadence'), key: 'plan', render: (_: unknown, p) => planWords(p) },
    {
      title: t('plans.source'),
      dataIndex: 'own',
      width: 120,
      render: (own: boolean) => (own ? <Tag color="blue">{t('plans.own')}</Tag> : <Tag>{t('plans.default')}</Tag>),
    },
    {
      key: 'edit',
      width: 100,
      render: (_: unknown, p) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid={`plan-edit-${p.tagKind}-${p.tagCode}`}>
          {t('plans.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('plans.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('plans.hint')}</Typography.Paragraph>
      <Table<FollowUpPlan>
        rowKey={(p) => `${p.tagKind}:${p.tagCode}`}
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={false}
        data-testid="plans-table"
      />
      <Modal
        open={editing !== null}
        title={editing ? t('plans.editTitle', { tag: tagName(editing) }) : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: busy, 'data-testid': 'plan-save' }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={save}
          preserve={false}
          initialValues={editing ? { cadence: editing.cadence, intervalDays: editing.intervalDays, follower: editing.follower } : undefined}
        >
          <Form.Item name="cadence" label={t('plans.cadence')} rules={[{ required: true }]}>
            <Select
              options={FOLLOW_UP_CADENCES.map((c) => ({ value: c, label: t(`followUps.cadences.${c}`, { n: 'N' }) }))}
              data-testid="plan-cadence"
            />
          </Form.Item>
          {cadence === 'days' && (
            <Form.Item name="intervalDays" label={t('plans.intervalDays')} rules={[{ required: true }]}>
              <InputNumber min={FOLLOW_UP_DAYS.min} max={FOLLOW_UP_DAYS.max} precision={0} data-testid="plan-days" />
            </Form.Item>
          )}
          <Form.Item name="follower" label={t('plans.follower')} rules={[{ required: true }]}>
            <Select options={FOLLOWERS.map((f) => ({ value: f, label: t(`followUps.followers.${f}`) }))} data-testid="plan-follower" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
