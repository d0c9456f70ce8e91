import type { EChartsOption } from 'echarts';
import type { TFunction } from 'i18next';
import type { Dashboard } from '../api/replies.ts';

export const COLOUR_HEX: Record<string, string> = {
  blue: '#1677ff',
  yellow: '#fadb14',
  light_red: '#ff7875',
  purple: '#722ed1',
  red: '#cf1322',
};

const bar = (labels: string[], values: number[], colours?: string[]): EChartsOption => ({
  backgroundColor: 'transparent',
  grid: { left: 40, right: 16, top: 16, bottom: 56 },
  tooltip: {},
  xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: values.map((v, i) => ({ value: v, itemStyle: colours ? { color: colours[i] } : undefined })) }],
});

/** A ranking: names down the left, largest on top, the value at the end of each bar. */
const ranking = (labels: string[], values: number[], format: (v: number) => string = String): EChartsOption => ({
  backgroundColor: 'transparent',
  grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
  tooltip: { valueFormatter: (v) => format(Number(v)) },
  xAxis: { type: 'value', show: false },
  yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 150, overflow: 'truncate' } },
  series: [
    {
      type: 'bar',
      data: [...values].reverse(),
      barMaxWidth: 28,
      label: { show: true, position: 'right', formatter: (p) => format(Number(p.value)) },
    },
  ],
});

export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The nodes the base-data chart shows: the least verified, at most ten. */
export const baseDataShown = (data: Dashboard) => data.baseData.children.slice(0, 10);

/** Every chart of the command centre, from one dashboard reply; the console page and the big screen draw the same. */
export function commandCharts(data: Dashboard, t: TFunction) {
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
      backgroundColor: 'transparent',
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
    items: ranking(
      data.topItems.map((i) => i.name),
      data.topItems.map((i) => i.n),
    ),
    grids: ranking(
      data.topGrids.map((g) => g.name),
      data.topGrids.map((g) => g.n),
    ),
    units: ranking(
      data.units.map((u) => u.name),
      data.units.map((u) => u.onTimeRate),
      percent,
    ),
    baseData: ranking(
      baseDataShown(data).map((c) => c.name),
      baseDataShown(data).map((c) => c.rate),
      percent,
    ),
  };
}

export type CommandCharts = ReturnType<typeof commandCharts>;
