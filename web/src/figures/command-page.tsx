import { Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../shared/china-time.ts';
import { useApi } from '../use-api.ts';
import { EChart } from './echart.tsx';
import { FigureCases, type FigureScope } from './figure-cases.tsx';
import { useAreaOptions } from './use-area-options.ts';

const COLOUR_HEX: Record<string, string> = { blue: '#1677ff', yellow: '#fadb14', light_red: '#ff7875', purple: '#722ed1', red: '#cf1322' };

/** 指挥中心: this month's intake by source, open cases by stage, warnings by colour and the 30-day trend; every bar opens its cases. */
export function CommandPage() {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const [area, setArea] = useState<string | undefined>(areas.first);
  const [open, setOpen] = useState<FigureScope | null>(null);
  const period = chinaDate(new Date()).slice(0, 7);
  const { data } = useApi('/api/figures/dashboard', { params: { query: { area, period } } });

  const charts = useMemo(() => {
    if (!data) return null;
    const bar = (labels: string[], values: number[], colours?: string[]): EChartsOption => ({
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      tooltip: {},
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values.map((v, i) => ({ value: v, itemStyle: colours ? { color: colours[i] } : undefined })) }],
    });
    return {
      source: bar(
        data.intakeBySource.map((s) => t(`source.${s.source}`)),
        data.intakeBySource.map((s) => s.n),
      ),
      status: bar(
        data.openByStatus.map((s) => t(`eventStatus.${s.status}`)),
        data.openByStatus.map((s) => s.n),
      ),
      colour: bar(
        data.warnedByColour.map((w) => t(`eventFilters.warnings.${w.colour}`)),
        data.warnedByColour.map((w) => w.n),
        data.warnedByColour.map((w) => COLOUR_HEX[w.colour]),
      ),
      trend: {
        grid: { left: 40, right: 16, top: 32, bottom: 32 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('figures.command.trendReported'), t('figures.command.trendClosed')] },
        xAxis: { type: 'category', data: data.trend.days.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('figures.command.trendReported'), type: 'line', data: data.trend.days.map((d) => d.reported) },
          { name: t('figures.command.trendClosed'), type: 'line', data: data.trend.days.map((d) => d.closed) },
        ],
      } satisfies EChartsOption,
    };
  }, [data, t]);

  const drill = (scope: Omit<FigureScope, 'area'>) => setOpen({ ...scope, area });
  const card = (title: string, body: React.ReactNode) => (
    <Col xs={24} lg={12}>
      <Card size="small" title={title}>
        {body}
      </Card>
    </Col>
  );

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('figures.command.title')}</Typography.Title>
        <Space>
          <Select value={area} options={areas.options} onChange={setArea} style={{ minWidth: 180 }} aria-label={t('figures.area')} />
          <Typography.Text type="secondary">{period}</Typography.Text>
        </Space>
      </div>
      {data && charts && (
        <Space direction="vertical" className="full-width" size="middle">
          <Row gutter={16}>
            {(['reported', 'open', 'closed', 'overdue', 'warned'] as const).map((k) => (
              <Col key={k} xs={12} md={4}>
                <Card size="small" hoverable onClick={() => drill({ period, fact: k, name: t(`figures.command.${k}`) })}>
                  <Statistic title={t(`figures.command.${k}`)} value={data.totals[k]} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            {card(
              t('figures.command.bySource'),
              <EChart
                option={charts.source}
                testId="chart-source"
                onClick={(p) => drill({ period, fact: 'reported', source: data.intakeBySource[p.dataIndex].source, name: String(p.name) })}
              />,
            )}
            {card(
              t('figures.command.byStatus'),
              <EChart
                option={charts.status}
                testId="chart-status"
                onClick={(p) =>
                  drill({
                    period: 'all',
                    fact: `open_${data.openByStatus[p.dataIndex].status}` as FigureScope['fact'],
                    name: String(p.name),
                  })
                }
              />,
            )}
            {card(
              t('figures.command.byColour'),
              <EChart
                option={charts.colour}
                testId="chart-colour"
                onClick={(p) =>
                  drill({ period, fact: `warned_${data.warnedByColour[p.dataIndex].colour}` as FigureScope['fact'], name: String(p.name) })
                }
              />,
            )}
            {card(
              t('figures.command.trend'),
              <EChart
                option={charts.trend}
                testId="chart-trend"
                onClick={(p) => {
                  const day = data.trend.days[p.dataIndex];
                  drill({
                    period: 'all',
                    day: day.day,
                    fact: p.seriesIndex === 1 ? 'closed' : 'reported',
                    name: `${day.day} ${p.seriesName}`,
                  });
                }}
              />,
            )}
          </Row>
        </Space>
      )}
      <FigureCases scope={open} onClose={() => setOpen(null)} />
    </div>
  );
}
