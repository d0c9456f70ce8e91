import { Empty, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import type { ECElementEvent } from 'echarts/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../api/replies.ts';
import { baseDataShown, type CommandCharts, percent } from './command-charts.ts';
import { CommandMap } from './command-map.tsx';
import { EChart } from './echart.tsx';
import type { FigureScope } from './figure-cases.tsx';

/** Which panel: the big screen places each by it. */
export type PanelId = 'map' | 'source' | 'status' | 'colour' | 'trend' | 'items' | 'grids' | 'units' | 'baseData';

interface Props {
  data: Dashboard;
  charts: CommandCharts;
  area: string | undefined;
  period: string;
  dark?: boolean;
  mapHeight: number;
  chartHeight?: number;
  /** Changes when the map should read its figures again. */
  refresh?: number;
  onDrill(scope: FigureScope): void;
  onCase(id: string): void;
  /** Opens the data-quality page at a node (the base-data chart's bars), for those who may read it. */
  onBaseData?(node: { code: string; name: string }): void;
  /** How one panel is framed: a console card, or a big-screen tile. */
  card(id: PanelId, title: string, body: ReactNode, wide?: boolean): ReactNode;
}

/** The command centre's map and charts, each opening the cases it counts; the console page and the big screen frame and place them. */
export function CommandPanels({
  data,
  charts,
  area,
  period,
  dark,
  mapHeight,
  chartHeight = 280,
  refresh,
  onDrill,
  onCase,
  onBaseData,
  card,
}: Props) {
  const { t } = useTranslation();
  const drill = (scope: Omit<FigureScope, 'area'> & { area?: string }) => onDrill({ area, ...scope });
  // The rankings draw largest on top, so the clicked bar's index counts from the end.
  const ranked = <T,>(rows: T[], index: number) => rows[rows.length - 1 - index];
  const chart = (option: EChartsOption, testId: string, onClick: (p: ECElementEvent) => void) => (
    <EChart option={option} testId={testId} height={chartHeight} dark={dark} onClick={onClick} />
  );
  /** A ranking with nothing to rank says so instead of drawing an empty axis. */
  const rankingChart = (rows: unknown[], option: EChartsOption, testId: string, onClick: (p: ECElementEvent) => void) =>
    rows.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('figures.command.nothingToRank')} style={{ height: chartHeight - 40 }} />
    ) : (
      chart(option, testId, onClick)
    );

  return (
    <>
      {card(
        'map',
        t('figures.command.map'),
        <CommandMap
          area={area}
          period={period}
          from={data.period.from}
          to={data.period.to}
          dark={dark}
          height={mapHeight}
          refresh={refresh}
          onCase={onCase}
          onGrid={(grid, indicator) =>
            drill({ area: grid.code, period, fact: indicator.numerator as FigureScope['fact'], name: `${grid.name} ${indicator.name}` })
          }
        />,
        true,
      )}
      {card(
        'source',
        t('figures.command.bySource'),
        chart(charts.source, 'chart-source', (p) =>
          drill({ period, fact: 'reported', source: data.intakeBySource[p.dataIndex].source, name: String(p.name) }),
        ),
      )}
      {card(
        'status',
        t('figures.command.byStatus'),
        chart(charts.status, 'chart-status', (p) =>
          drill({ period: 'all', fact: `open_${data.openByStatus[p.dataIndex].status}` as FigureScope['fact'], name: String(p.name) }),
        ),
      )}
      {card(
        'colour',
        t('figures.command.byColour'),
        chart(charts.colour, 'chart-colour', (p) =>
          drill({ period, fact: `warned_${data.warnedByColour[p.dataIndex].colour}` as FigureScope['fact'], name: String(p.name) }),
        ),
      )}
      {card(
        'trend',
        t('figures.command.trend'),
        chart(charts.trend, 'chart-trend', (p) => {
          const day = data.trend.days[p.dataIndex];
          drill({ period: 'all', day: day.day, fact: p.seriesIndex === 1 ? 'closed' : 'reported', name: `${day.day} ${p.seriesName}` });
        }),
      )}
      {card(
        'items',
        t('figures.command.topItems'),
        rankingChart(data.topItems, charts.items, 'chart-items', (p) => {
          const item = ranked(data.topItems, p.dataIndex);
          drill({ period, item: item.code, fact: 'reported', name: item.name });
        }),
      )}
      {card(
        'grids',
        t('figures.command.topGrids'),
        rankingChart(data.topGrids, charts.grids, 'chart-grids', (p) => {
          const grid = ranked(data.topGrids, p.dataIndex);
          drill({ area: grid.code, period, fact: 'reported', name: grid.name });
        }),
      )}
      {card(
        'units',
        t('figures.command.units'),
        rankingChart(data.units, charts.units, 'chart-units', (p) => {
          const unit = ranked(data.units, p.dataIndex);
          drill({ period, unit: unit.code, fact: 'dispatched', name: `${unit.name} ${t('figures.command.dispatched')}` });
        }),
        true,
      )}
      {card(
        'baseData',
        t('figures.command.baseData', { days: data.baseData.verifiedWithinDays }),
        data.baseData.records === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('figures.command.noBaseData')} style={{ height: chartHeight - 40 }} />
        ) : (
          <>
            <Typography.Text type="secondary" data-testid="base-data-total">
              {t('figures.command.baseDataTotal', {
                records: data.baseData.records,
                verified: data.baseData.verified,
                rate: percent(data.baseData.rate),
              })}
            </Typography.Text>
            {chart(charts.baseData, 'chart-base-data', (p) => onBaseData?.(ranked(baseDataShown(data), p.dataIndex)))}
          </>
        ),
        true,
      )}
    </>
  );
}
