/**
 * The briefing's charts, drawn on the server by ECharts into SVG strings (its server-side SVG renderer: no DOM, no
 * canvas) for the PDF to embed. Drawn from the frozen content, so a briefing prints the same charts every time.
 */
import * as echarts from 'echarts';
import type { BriefingContent } from './briefing.core.ts';

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 240;

function svgOf(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    chart.setOption({ animation: false, textStyle: { fontSize: 11 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const pct = (r: number | null) => (r === null ? 0 : Math.round(r * 10_000) / 100);

/** Reported and closed in each area one level down, as bars, with the closing rate as a line. */
export function areasChart(c: BriefingContent): string | null {
  if (c.areas.length === 0) return null;
  return svgOf({
    title: { text: `各地上报与结案（${c.period.text}）`, left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, data: ['上报', '结案', '结案率'] },
    grid: { left: 40, right: 40, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: c.areas.map((a) => a.name), axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '%', max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: '上报', type: 'bar', data: c.areas.map((a) => a.reported), itemStyle: { color: '#5470c6' } },
      { name: '结案', type: 'bar', data: c.areas.map((a) => a.closed), itemStyle: { color: '#91cc75' } },
      { name: '结案率', type: 'line', yAxisIndex: 1, data: c.areas.map((a) => pct(a.closingRate)), itemStyle: { color: '#ee6666' } },
    ],
  });
}

/** The lead units' 按期处置率 this period beside the period before. */
export function unitsChart(c: BriefingContent): string | null {
  const units = c.units.slice(0, 10);
  if (units.length === 0) return null;
  return svgOf({
    title: { text: '处置单位按期处置率', left: 'center', textStyle: { fontSize: 13 } },
    legend: { bottom: 0, data: [c.period.text, c.previous.text] },
    grid: { left: 150, right: 24, top: 36, bottom: 40 },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.name), axisLabel: { fontSize: 10 } },
    xAxis: { type: 'value', max: 100, name: '%' },
    series: [
      { name: c.period.text, type: 'bar', data: units.map((u) => pct(u.onTimeRate)), itemStyle: { color: '#5470c6' } },
      { name: c.previous.text, type: 'bar', data: units.map((u) => pct(u.previousRate)), itemStyle: { color: '#c0c4cc' } },
    ],
  });
}
