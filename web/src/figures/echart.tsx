import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the charts the console draws, not the whole library (about a third of its size).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

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
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
