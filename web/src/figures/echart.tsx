import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the charts the console draws, not the whole library (about a third of its size).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** Read by browser tests: where each chart drew a bar of its first series, by the chart's test id. */
    __gezhiCharts?: Record<string, { barPixel(dataIndex: number): number[] | null }>;
  }
}

/** The middle of a bar of the first series, in pixels of the chart's box (a horizontal bar when the y axis holds the names). */
function barPixel(instance: echarts.ECharts, dataIndex: number): number[] | null {
  const option = instance.getOption() as { series?: { data?: unknown[] }[]; yAxis?: { type?: string }[] };
  const item = option.series?.[0]?.data?.[dataIndex];
  if (item === undefined) return null;
  const value = Number(typeof item === 'object' && item !== null ? (item as { value: unknown }).value : item);
  const horizontal = option.yAxis?.[0]?.type === 'category';
  return instance.convertToPixel({ seriesIndex: 0 }, horizontal ? [value / 2, dataIndex] : [dataIndex, value / 2]) as number[];
}

/** A thin wrapper of one ECharts instance: made on mount, given each new option, resized with its box, disposed on unmount. */
export function EChart({
  option,
  onClick,
  height = 280,
  testId,
  dark = false,
}: {
  option: echarts.EChartsCoreOption;
  onClick?(params: echarts.ECElementEvent): void;
  height?: number;
  testId?: string;
  /** ECharts' dark theme (the big screen); chosen when the chart is made. */
  dark?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const instance = echarts.init(box.current!, dark ? 'dark' : undefined);
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params));
    if (testId) window.__gezhiCharts = { ...window.__gezhiCharts, [testId]: { barPixel: (i) => barPixel(instance, i) } };
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark, testId]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
