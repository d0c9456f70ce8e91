import { Empty, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridCollection } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { formatCount } from '../format.ts';
import { useApi } from '../use-api.ts';
import { AreaDetailView } from './area-detail-view.tsx';
import { AreaTreePanel } from './area-tree-panel.tsx';
import { GridDetailView } from './grid-detail-view.tsx';
import { GridMap } from './grid-map.tsx';
import { withinJurisdiction } from './jurisdiction.ts';
import { LocateTool } from './locate-tool.tsx';
import { useAreaTree } from './use-area-tree.ts';
import { useTerritorySelection } from './use-territory-selection.ts';

/** 区域网格: area tree, map of the chosen area's grids, and the detail of what is selected. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const bound = useMemo(() => new Set(me?.areas.map((a) => a.code)), [me]);
  const tree = useAreaTree();
  const { areaCode, gridCode, openArea, selectGrid, showGridArea, update } = useTerritorySelection();
  const [expanded, setExpanded] = useState<string[]>([]);
  const [picking, setPicking] = useState(false);
  const [point, setPoint] = useState<[number, number] | null>(null);

  const area = useApi('/api/territory/areas/{code}', areaCode ? { params: { path: { code: areaCode } } } : null);
  const grids = useApi('/api/territory/grids', areaCode ? { params: { query: { area: areaCode } } } : null);
  const grid = useApi('/api/territory/grids/{code}', gridCode ? { params: { path: { code: gridCode } } } : null);

  // With nothing chosen yet, open the first root of the caller's jurisdiction (a grid worker's root is their grid).
  const first = tree.nodes[0]?.area;
  useEffect(() => {
    if (!first) return;
    const start = first.level === 'grid' ? { area: null, grid: first.code } : { area: first.code, grid: null };
    update((a, g) => (a || g ? { area: a, grid: g } : start), true);
    setExpanded((prev) => (prev.length ? prev : [first.code]));
  }, [first, update]);

  // A grid chosen on the map, by the locate tool or in the URL: show the deepest area above it that the
  // user may open, unless the map already shows one containing it; and open its branch of the tree.
  const gridAncestors = useMemo(() => grid.data?.path.map((p) => p.code) ?? [], [grid.data]);
  const openableAboveGrid = useMemo(() => withinJurisdiction(gridAncestors, bound), [gridAncestors, bound]);
  useEffect(() => {
    if (!grid.data) return;
    showGridArea(gridAncestors, openableAboveGrid.at(-1) ?? null);
    setExpanded((prev) => [...new Set([...prev, ...gridAncestors])]);
  }, [grid.data, gridAncestors, openableAboveGrid, showGridArea]);

  // A user bound to single grids has no area to show: draw the selected grid alone.
  const drawn = useMemo<GridCollection | null>(() => {
    if (areaCode || !grid.data?.geometry) return grids.data;
    const { code, name, villageCode, areaM2, geometry } = grid.data;
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: code, properties: { code, name, villageCode, areaM2 }, geometry }],
    };
  }, [areaCode, grid.data, grids.data]);

  function open(code: string) {
    openArea(code);
    setExpanded((prev) => (prev.includes(code) ? prev : [...prev, code]));
  }

  return (
    <div className="territory-page">
      <aside className="territory-tree">
        <div className="panel-title">{t('territory.treeTitle')}</div>
        <AreaTreePanel
          {...tree}
          selectedKey={gridCode ?? areaCode}
          expandedKeys={expanded}
          onExpand={setExpanded}
          onSelect={(node) => (node.area.level === 'grid' ? selectGrid(node.key) : open(node.key))}
        />
      </aside>
      <main className="territory-map">
        <GridMap
          outline={area.data?.geometry ?? null}
          grids={drawn}
          selectedGrid={gridCode}
          picking={picking}
          marker={point}
          onGridClick={selectGrid}
          onPick={setPoint}
        >
          {area.data && (
            <div className="map-status">
              {grids.loading ? <Spin size="small" /> : null}
              <span>
                {area.data.name} · {t('territory.gridsDrawn', { n: formatCount(grids.data?.features.length ?? 0) })}
              </span>
            </div>
          )}
          <LocateTool point={point} onPoint={setPoint} picking={picking} onPickingChange={setPicking} onSelectGrid={selectGrid} />
        </GridMap>
      </main>
      <aside className="territory-detail">
        {gridCode ? (
          grid.data ? (
            <Spin spinning={grid.loading}>
              <GridDetailView grid={grid.data} openable={openableAboveGrid} onOpenArea={open} />
            </Spin>
          ) : grid.loading ? (
            <Spin className="panel-spin" />
          ) : (
            <Empty description={t('territory.gridMissing')} />
          )
        ) : area.data ? (
          <AreaDetailView
            area={area.data}
            openable={withinJurisdiction(
              area.data.path.map((p) => p.code),
              bound,
            )}
            onOpenArea={open}
          />
        ) : area.loading ? (
          <Spin className="panel-spin" />
        ) : (
          <Empty description={<Typography.Text type="secondary">{t('territory.chooseArea')}</Typography.Text>} />
        )}
      </aside>
    </div>
  );
}
