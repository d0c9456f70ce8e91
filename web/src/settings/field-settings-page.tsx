import { App, InputNumber, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ReplyOf } from '../api/paths.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

type Setting = ReplyOf<'/api/settings/field', 'get'>['items'][number];

/**
 * 基层减负设置: what the county turned on of the features that could weigh on field workers (all off by default),
 * each changed here on the version read and audited; and what Gezhi does not offer at all.
 */
export function FieldSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, reload } = useApi('/api/settings/field');
  const { busy, run } = useBusyAction();
  const settingValue = (key: string) => data?.items.find((i) => i.key === key)?.value;

  const save = (s: Setting, value: boolean | number) =>
    run(async () => {
      if (!data) return;
      await api.PUT('/api/settings/field/{key}', {
        params: { path: { key: s.key } },
        body: { value, version: s.version, county: data.countyCode },
      });
      void message.success(t('fieldSettings.saved', { name: t(`fieldSettings.keys.${s.key}`) }));
      reload();
    });

  const columns: ColumnsType<Setting> = [
    {
      title: t('fieldSettings.setting'),
      key: 'name',
      render: (_: unknown, s) => (
        <div className={s.under ? 'setting-under' : undefined}>
          <div>{t(`fieldSettings.keys.${s.key}`)}</div>
          <Typography.Text type="secondary">{t(`fieldSettings.explain.${s.key}`)}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('fieldSettings.state'),
      key: 'value',
      width: 200,
      render: (_: unknown, s) => {
        const disabled = busy || (s.under !== null && settingValue(s.under) !== true);
        return s.kind === 'switch' ? (
          <Switch
            checked={s.value === true}
            checkedChildren={t('fieldSettings.on')}
            unCheckedChildren={t('fieldSettings.off')}
            disabled={disabled}
            onChange={(on) => save(s, on)}
            data-testid={`setting-${s.key}`}
          />
        ) : (
          <InputNumber
            key={`${s.key}:${s.version}`}
            min={s.min ?? undefined}
            max={s.max ?? undefined}
            precision={0}
            defaultValue={s.value as number}
            disabled={disabled}
            addonAfter={t('fieldSettings.days', { n: '' }).trim()}
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n !== s.value && n >= (s.min ?? n) && n <= (s.max ?? n)) save(s, n);
            }}
            data-testid={`setting-${s.key}`}
          />
        );
      },
    },
    {
      title: t('fieldSettings.source'),
      key: 'own',
      width: 140,
      render: (_: unknown, s) =>
        s.own ? (
          <Tag color="blue">
            {t('fieldSettings.own')} {s.updatedAt ? new Date(s.updatedAt).toLocaleDateString() : ''}
          </Tag>
        ) : (
          <Tag>{t('fieldSettings.default')}</Tag>
        ),
    },
  ];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>
          {t('fieldSettings.title')}
          {data && <span className="code-name-code mono"> {data.countyCode}</span>}
        </Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('fieldSettings.hint')}</Typography.Paragraph>
      <Table<Setting>
        rowKey="key"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={false}
        data-testid="field-settings-table"
      />
      {data && (
        <div className="settings-not-offered" data-testid="settings-not-offered">
          <Typography.Title level={5}>{t('fieldSettings.notOfferedTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('fieldSettings.notOfferedHint')} {data.notOffered.map((k) => t(`fieldSettings.notOffered.${k}`)).join('、')}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
