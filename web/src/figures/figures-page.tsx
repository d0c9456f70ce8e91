import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../shared/china-time.ts';
import type { FigureIndicator as Indicator } from '../api/replies.ts';
import { useDepartments } from '../events/use-departments.ts';
import { currentLang } from '../i18n/index.ts';
import { useApi } from '../use-api.ts';
import { FigureCases, type FigureScope } from './figure-cases.tsx';
import { useAreaOptions } from './use-area-options.ts';

type Fact = FigureScope['fact'];

export type Kind = 'day' | 'month' | 'quarter' | 'year';

const PATTERNS: Record<Kind, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** This day, month, quarter or year in China time, as the API names it. */
export function current(kind: Kind): string {
  const today = chinaDate(new Date());
  if (kind === 'day') return today;
  if (kind === 'month') return today.slice(0, 7);
  if (kind === 'year') return today.slice(0, 4);
  return `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
}

const shown = (ind: Indicator) => (ind.value === null ? '—' : ind.kind === 'rate' ? `${(ind.value * 100).toFixed(1)}%` : String(ind.value));

/** 指标: the indicators of an area (and lead unit) over a period, each with its definition, each opening its cases. */
export function FiguresPage() {
  const { t } = useTranslation();
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  const areas = useAreaOptions();
  const [area, setArea] = useState<string | undefined>(areas.first);
  const [unit, setUnit] = useState<string | undefined>();
  const [kind, setKind] = useState<Kind>('month');
  const [period, setPeriod] = useState(current('month'));
  const [open, setOpen] = useState<FigureScope | null>(null);
  const departments = useDepartments();
  const valid = PATTERNS[kind].test(period);
  const { data, loading, reload } = useApi('/api/figures/indicators', valid ? { params: { query: { area, unit, period } } } : null);

  const openFact = (ind: Indicator, fact: Fact) => setOpen({ area, unit, period, fact, name: ind.name[lang] });
  const link = (ind: Indicator, fact: Fact, text: string, testId: string) => (
    <Button type="link" size="small" onClick={() => openFact(ind, fact)} data-testid={testId}>
      {text}
    </Button>
  );

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('figures.title')}</Typography.Title>
        <Space wrap>
          <Select
            className="figures-area"
            value={area}
            options={areas.options}
            onChange={setArea}
            style={{ minWidth: 180 }}
            aria-label={t('figures.area')}
            data-testid="figures-area"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('figures.allUnits')}
            value={unit}
            onChange={setUnit}
            style={{ minWidth: 200 }}
            options={departments.items.map((d) => ({ value: d.code, label: d.name }))}
            aria-label={t('figures.unit')}
          />
          <Segmented<Kind>
            value={kind}
            onChange={(k) => {
              setKind(k);
              setPeriod(current(k));
            }}
            options={(['day', 'month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`figures.kinds.${k}`) }))}
          />
          <Tooltip title={t('figures.periodRule')}>
            <Input
              value={period}
              onChange={(e) => setPeriod(e.target.value.trim())}
              status={valid ? undefined : 'error'}
              style={{ width: 130 }}
              aria-label={t('figures.period')}
              data-testid="figures-period"
            />
          </Tooltip>
          <Button onClick={reload}>{t('events.refresh')}</Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('figures.cohort')}</Typography.Paragraph>
      <Table<Indicator>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={data?.indicators ?? []}
        pagination={false}
        data-testid="figures-table"
        columns={[
          {
            title: t('figures.indicator'),
            key: 'name',
            render: (_, ind) => (
              <Space size={4}>
                <Tag>{t(`figures.groups.${ind.group}`)}</Tag>
                <span>{ind.name[lang]}</span>
                <Tooltip title={ind.definition[lang]}>
                  <InfoCircleOutlined className="figure-definition" data-testid={`definition-${ind.key}`} />
                </Tooltip>
              </Space>
            ),
          },
          {
            title: t('figures.value'),
            key: 'value',
            align: 'right',
            render: (_, ind) => link(ind, ind.numerator.fact, shown(ind), `figure-${ind.key}`),
          },
          {
            title: t('figures.numerator'),
            key: 'numerator',
            align: 'right',
            render: (_, ind) =>
              ind.kind === 'rate' ? link(ind, ind.numerator.fact, String(ind.numerator.value), `numerator-${ind.key}`) : null,
          },
          {
            title: t('figures.denominator'),
            key: 'denominator',
            align: 'right',
            render: (_, ind) =>
              ind.denominator ? link(ind, ind.denominator.fact, String(ind.denominator.value), `denominator-${ind.key}`) : null,
          },
          { title: t('figures.standard'), dataIndex: 'standard', render: (s: string | null) => s ?? t('figures.none') },
        ]}
      />
      <FigureCases scope={open} onClose={() => setOpen(null)} />
    </div>
  );
}
