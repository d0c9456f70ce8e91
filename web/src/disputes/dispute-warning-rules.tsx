import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Form, type FormInstance, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_PARAMS, WARNING_LEVELS, WARNING_RULE_KINDS, type WarningRuleKind } from '../../../shared/dispute-warnings.ts';
import { DISPUTE_TYPES } from '../../../shared/disputes.ts';
import type { DisputeWarningRuleRow } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { detailText, fieldText } from '../error-words.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { useRuleWords } from './dispute-warning-drawer.tsx';

type Editing = { rule: DisputeWarningRuleRow | null };
interface Values {
  key: string;
  kind: WarningRuleKind;
  level: DisputeWarningRuleRow['level'];
  enabled: boolean;
  days?: number;
  count?: number;
  typeCodes?: string[];
  keywords?: string[];
  minPeople?: number;
  minDaysOverdue?: number;
}

/** The dialog's field a refusal's detail names: `params.keywords.2` is the keywords field. */
const formFieldOf = (field: string) => field.replace(/^(body\.)?(params\.)?/, '').replace(/\.\d+$/, '');
const FORM_FIELDS = ['key', 'kind', 'level', 'days', 'count', 'typeCodes', 'keywords', 'minPeople', 'minDaysOverdue'];

/**
 * A refused rule's problems beside the fields they name, in words (a keyword's position too); true when every one was
 * placed, so nothing more is shown.
 */
function placeRuleProblems(form: FormInstance<Values>, err: unknown): boolean {
  if (!(err instanceof ApiError) || err.status !== 400 || err.body.details.length === 0) return false;
  const placed = err.body.details.filter((d) => FORM_FIELDS.includes(formFieldOf(d.field)));
  const byField = new Map<string, string[]>();
  for (const d of placed) {
    const at = d.field.match(/\.(\d+)$/);
    const words = at ? `${fieldText(d.field)}: ${detailText(d)}` : detailText(d);
    byField.set(formFieldOf(d.field), [...(byField.get(formFieldOf(d.field)) ?? []), words]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
  return placed.length === err.body.details.length;
}

/** One rule's dialog: the fields its kind reads, marked required as the server requires them (RULE_PARAMS). */
function RuleDialog({ editing, onClose, onSaved }: { editing: Editing | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const kind = (Form.useWatch('kind', form) ?? editing?.rule?.kind ?? 'type_cluster') as WarningRuleKind;
  const wanted: readonly string[] = RULE_PARAMS[kind];
  const rule = editing?.rule;
  const submit = (v: Values) =>
    run(async () => {
      const params = {
        ...(wanted.includes('days') ? { days: v.days } : {}),
        ...(wanted.includes('count') ? { count: v.count } : {}),
        ...(kind === 'type_cluster' || kind === 'petition_risk' ? { typeCodes: v.typeCodes ?? [] } : {}),
        ...(kind === 'petition_risk' ? { keywords: v.keywords ?? [] } : {}),
        ...(wanted.includes('minPeople') ? { minPeople: v.minPeople } : {}),
        ...(wanted.includes('minDaysOverdue') ? { minDaysOverdue: v.minDaysOverdue } : {}),
      };
      try {
        await api.PUT('/api/disputes/warning-rules/{key}', {
          params: { path: { key: v.key } },
          body: { kind, level: v.level, enabled: v.enabled, params },
        });
      } catch (err) {
        if (placeRuleProblems(form, err)) return;
        throw err;
      }
      void message.success(t('disputeWarnings.saved'));
      onSaved();
    });
  const types = DISPUTE_TYPES.map((x) => ({ value: x.code, label: `${i18n.language.startsWith('zh') ? x.zh : x.en} ${x.code}` }));
  return (
    <Modal
      open={editing !== null}
      title={rule ? t('disputeWarnings.editRule') : t('disputeWarnings.addRule')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'rule-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={rule ? { ...rule, ...rule.params } : { kind: 'type_cluster', level: 'township', enabled: true, days: 7, count: 3 }}
      >
        <Form.Item name="key" label={t('disputeWarnings.key')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/ }]}>
          <Input disabled={rule !== null && rule !== undefined} maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t('disputeWarnings.kind')} rules={[{ required: true }]}>
          <Select disabled={!!rule} options={WARNING_RULE_KINDS.map((k) => ({ value: k, label: t(`disputeWarnings.kinds.${k}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label={t('disputeWarnings.level')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={WARNING_LEVELS.map((l) => ({ value: l, label: t(`disputeWarnings.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="enabled" label={t('disputeWarnings.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap>
          {wanted.includes('days') && (
            <Form.Item name="days" label={t('disputeWarnings.days')} rules={[{ required: true }]}>
              <InputNumber precision={0} data-testid="rule-days" />
            </Form.Item>
          )}
          {wanted.includes('count') && (
            <Form.Item name="count" label={t('disputeWarnings.count')} rules={[{ required: true }]}>
              <InputNumber precision={0} data-testid="rule-count" />
            </Form.Item>
          )}
          {wanted.includes('minPeople') && (
            <Form.Item name="minPeople" label={t('disputeWarnings.minPeople')} rules={[{ required: true }]}>
              <InputNumber precision={0} />
            </Form.Item>
          )}
          {wanted.includes('minDaysOverdue') && (
            <Form.Item name="minDaysOverdue" label={t('disputeWarnings.minDaysOverdue')} rules={[{ required: true }]}>
              <InputNumber precision={0} min={1} max={365} data-testid="rule-min-days-overdue" />
            </Form.Item>
          )}
        </Space>
        {(kind === 'type_cluster' || kind === 'petition_risk') && (
          <Form.Item name="typeCodes" label={t('disputeWarnings.typeCodes')} rules={[{ required: kind === 'type_cluster' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={types} />
          </Form.Item>
        )}
        {kind === 'petition_risk' && (
          <Form.Item name="keywords" label={t('disputeWarnings.keywords')} rules={[{ required: true }]}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 预警规则: the county's rules (its own or the defaults), changed one by one; 立即研判 runs them all now. */
export function DisputeWarningRules({ onRan }: { onRan(): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const words = useRuleWords();
  const { data, loading, reload } = useApi('/api/disputes/warning-rules');
  const [editing, setEditing] = useState<Editing | null>(null);
  const { busy, run } = useBusyAction();
  const mayEdit = can('disputes.warning_rules');
  const runNow = () =>
    run(async () => {
      const result = await api.POST('/api/disputes/warnings/run', { body: {} });
      void message.success(t('disputeWarnings.ran', result));
      onRan();
    });
  return (
    <>
      {mayEdit && (
        <Space wrap className="page-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="rule-add">
            {t('disputeWarnings.addRule')}
          </Button>
          <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} onClick={runNow} data-testid="rules-run">
            {t('disputeWarnings.run')}
          </Button>
        </Space>
      )}
      <Table<DisputeWarningRuleRow>
        rowKey="key"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="rules-table"
        onRow={(r) => ({ onClick: () => mayEdit && setEditing({ rule: r }) })}
        columns={[
          { title: t('disputeWarnings.kind'), render: (_, r) => t(`disputeWarnings.kinds.${r.kind}`) },
          { title: t('disputeWarnings.rule'), render: (_, r) => words(r.kind, r.params) },
          { title: t('disputeWarnings.level'), render: (_, r) => t(`disputeWarnings.levels.${r.level}`) },
          {
            title: t('disputeWarnings.enabled'),
            render: (_, r) => <Tag color={r.enabled ? 'green' : 'default'}>{r.enabled ? '✓' : '—'}</Tag>,
          },
          {
            title: '',
            render: (_, r) => (r.isDefault ? t('disputeWarnings.isDefault') : `${t('disputeWarnings.changed')} · ${r.updatedByName ?? ''}`),
          },
        ]}
      />
      <RuleDialog
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
    </>
  );
}
