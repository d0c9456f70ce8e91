import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, WARNING_COLOURS } from '../../../shared/enums.ts';
import type { WarningRules } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

export const COLOURS = WARNING_COLOURS;
export const COLOUR_TAG: Record<string, string> = { blue: 'blue', yellow: 'gold', light_red: 'volcano', purple: 'purple', red: 'red' };
const SANCTIONS: Rule['sanction'][] = [
  'warning.online_notice',
  'warning.online_inspection',
  'warning.quarterly_notice',
  'warning.half_year_yellow_card',
  'warning.year_end_account',
];
const COUNTS = ['minOverdueWorkingDays', 'minEscalations', 'minRepeats'] as const;

type RuleTable = WarningRules;
type Rule = RuleTable['rules'][number];
type Condition = Rule['anyOf'][number];
/** One row per colour; a colour switched off has no rule and never lights. */
type Draft = Record<string, Rule & { enabled: boolean }>;

function draftOf(table: RuleTable): Draft {
  return Object.fromEntries(
    COLOURS.map((colour) => {
      const rule = table.rules.find((r) => r.colour === colour);
      return [
        colour,
        rule
          ? { ...rule, enabled: true }
          : { colour, anyOf: [{ minOverdueWorkingDays: 1 }], sanction: SANCTIONS[COLOURS.indexOf(colour)], enabled: false },
      ];
    }),
  );
}

/** The five-colour rule table: each colour lights when any of its conditions holds. */
export function WarningRulesEditor() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const editable = can('events.configure');
  const { data, loading, reload } = useApi('/api/warnings/rules');
  const { busy, run } = useBusyAction();
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => setDraft(data ? draftOf(data) : null), [data]);

  const update = (colour: string, change: (rule: Draft[string]) => Partial<Draft[string]>) =>
    setDraft((d) => (d ? { ...d, [colour]: { ...d[colour], ...change(d[colour]) } } : d));
  const setCondition = (colour: string, i: number, patch: Condition) =>
    update(colour, (r) => ({
      anyOf: r.anyOf.map((c, j) =>
        j === i ? Object.fromEntries(Object.entries({ ...c, ...patch }).filter(([, v]) => v !== null && v !== undefined)) : c,
      ),
    }));

  const save = (rules: Rule[], done: string) =>
    run(async () => {
      await api.PUT('/api/warnings/rules', { body: { rules } });
      void message.success(t(done));
      reload();
    });
  const enabledRules = () =>
    Object.values(draft ?? {})
      .filter((r) => r.enabled)
      .map(({ colour, anyOf, sanction }) => ({ colour, anyOf, sanction }));

  return (
    <Space direction="vertical" className="full-width">
      <Alert
        type={data?.isDefault ? 'info' : 'success'}
        showIcon
        message={
          data?.isDefault
            ? t('warnings.defaultHint')
            : t('warnings.customHint', {
                by: data?.updatedBy,
                at: data?.updatedAt ? new Date(data.updatedAt).toLocaleString(i18n.language) : '',
              })
        }
        description={editable ? undefined : t('warnings.readOnly')}
      />
      <Table<Draft[string]>
        rowKey="colour"
        loading={loading}
        pagination={false}
        dataSource={draft ? COLOURS.map((c) => draft[c]) : []}
        columns={[
          {
            title: t('warnings.colour'),
            key: 'colour',
            width: 170,
            render: (_, r) => (
              <Space>
                <Switch
                  size="small"
                  checked={r.enabled}
                  disabled={!editable}
                  onChange={(enabled) => update(r.colour, () => ({ enabled }))}
                  aria-label={t('warnings.enabled')}
                />
                <Tag color={COLOUR_TAG[r.colour]}>{t(`eventFilters.warnings.${r.colour}`)}</Tag>
              </Space>
            ),
          },
          {
            title: t('warnings.conditions'),
            key: 'anyOf',
            render: (_, r) => (
              <Space direction="vertical" size={4}>
                {r.anyOf.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a condition has no identity but its place in the rule
                  <Space key={i} wrap size={4} className="warning-condition">
                    <Select
                      allowClear
                      size="small"
                      className="warning-severity"
                      disabled={!editable || !r.enabled}
                      placeholder={t('warnings.anySeverity')}
                      value={c.minSeverity}
                      onChange={(v?: Condition['minSeverity']) => setCondition(r.colour, i, { minSeverity: v })}
                      options={SEVERITIES.map((s) => ({ value: s, label: `${t('warnings.minSeverity')} ${t(`warnings.severity.${s}`)}` }))}
                    />
                    {COUNTS.map((field) => (
                      <InputNumber
                        key={field}
                        size="small"
                        min={0}
                        precision={0}
                        disabled={!editable || !r.enabled}
                        addonBefore={t(`warnings.${field}`)}
                        value={c[field]}
                        onChange={(v) => setCondition(r.colour, i, { [field]: v ?? undefined })}
                      />
                    ))}
                    {editable && r.anyOf.length > 1 && (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('warnings.removeCondition')}
                        onClick={() => update(r.colour, (x) => ({ anyOf: x.anyOf.filter((_, j) => j !== i) }))}
                      />
                    )}
                  </Space>
                ))}
                {editable && r.enabled && (
                  <Button
                    size="small"
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => update(r.colour, (x) => ({ anyOf: [...x.anyOf, { minOverdueWorkingDays: 1 }] }))}
                  >
                    {t('warnings.addCondition')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: t('warnings.sanction'),
            key: 'sanction',
            width: 220,
            render: (_, r) => (
              <Select
                className="full-width"
                disabled={!editable || !r.enabled}
                value={r.sanction}
                onChange={(sanction: Rule['sanction']) => update(r.colour, () => ({ sanction }))}
                options={SANCTIONS.map((s) => ({ value: s, label: t(s) }))}
              />
            ),
          },
        ]}
      />
      {editable && (
        <Space>
          <Button
            type="primary"
            loading={busy}
            onClick={() => void save(enabledRules(), 'warnings.saved')}
            data-testid="warning-rules-save"
          >
            {t('warnings.save')}
          </Button>
          <Popconfirm title={t('warnings.restore')} onConfirm={() => void save([], 'warnings.restored')}>
            <Button loading={busy}>{t('warnings.restore')}</Button>
          </Popconfirm>
        </Space>
      )}
    </Space>
  );
}
