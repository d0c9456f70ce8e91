import 'ol/ol.css';
import { Segmented, Select, Space, Typography } from 'antd';
import { defaults as defaultControls } from 'ol/control/defaults';
import ScaleLine from 'ol/control/ScaleLine';
import { isEmpty } from 'ol/extent';
import Feature, { type FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import HeatmapLayer from 'ol/layer/Heatmap';
import TileLayer from 'ol/layer/Tile';
import VectorLayer from 'ol/layer/Vector';
import OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import XYZ from 'ol/source/XYZ';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import View from 'ol/View';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapIndicator } from '../api/replies.ts';
import { currentLang } from '../i18n/index.ts';
import { useApi } from '../use-api.ts';
import { COLOUR_HEX, percent } from './command-charts.ts';
import { classColour, type GridClass, gridClasses } from './grid-classes.ts';

declare global {
  interface Window {
    /** Read by browser tests: what the command centre's map drew. */
    __gezhiCommandMap?: {
      basemap: string;
      grids: number;
      coloured: { code: string; name: string }[];
      points: number;
      layer: string;
      /** Where on the map a grid's inside is, in pixels of the map's box. */
      pixelOf(code: string): number[] | null;
    };
  }
}

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
/** The indicators a map is usually coloured by; any other can be chosen from the figures page's table. */
const MAP_INDICATORS: MapIndicator[] = [
  'reported',
  'closing_rate',
  'on_time_handling_rate',
  'satisfaction_rate',
  'overdue',
  'repeat_share',
];
const LIGHT_HEX: Record<string, string> = { green: '#389e0d', yellow: '#d4b106', red: '#cf1322' };
const CLOSED_HEX = '#8c8c8c';

/** Tianditu's vector map and its labels as XYZ tiles in Web Mercator, under the configured browser key. */
function tiandituLayers(key: string) {
  const url = (layer: string) => `https://t{0-7}.tianditu.gov.cn/DataServer?T=${layer}_w&x={x}&y={y}&l={z}&tk=${key}`;
  return [
    new TileLayer({ source: new XYZ({ url: url('vec'), maxZoom: 18 }) }),
    new TileLayer({ source: new XYZ({ url: url('cva'), maxZoom: 18 }) }),
  ];
}

const outlineStyle = (f: FeatureLike) =>
  new Style({
    stroke: new Stroke({ color: f.get('level') === 'village' ? '#bfbfbf' : '#595959', width: f.get('level') === 'village' ? 1 : 2 }),
    fill: new Fill({ color: f.get('level') === 'village' ? 'rgba(245, 245, 245, 0.6)' : 'rgba(0, 0, 0, 0)' }),
  });

function pointStyle(f: FeatureLike) {
  const colour = f.get('warning') ? COLOUR_HEX[f.get('warning')] : f.get('light') ? LIGHT_HEX[f.get('light')] : CLOSED_HEX;
  return new Style({
    image: new Circle({ radius: 5, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 1.5 }) }),
  });
}

interface Props {
  area: string | undefined;
  period: string;
  /** The period's first and last report day, for the points. */
  from: string;
  to: string;
  dark?: boolean;
  height: number;
  /** Changes when the figures should be read again (the big screen refreshes itself). */
  refresh?: number;
  onGrid(grid: { code: string; name: string }, indicator: { numerator: string; name: string }): void;
  onCase(id: string): void;
}

/**
 * 指挥中心地图: the grids of the area coloured by a chosen indicator over the base map (Tianditu with a key, else
 * the outlines the platform holds), and the period's cases as points coloured by warning and light, or as a heat
 * layer. A grid opens the cases its figure counts; a point opens its case.
 */
export function CommandMap({ area, period, from, to, dark = false, height, refresh = 0, onGrid, onCase }: Props) {
  const { t } = useTranslation();
  const lang = currentLang() === 'en' ? 'en' : 'zh';
  const [indicator, setIndicator] = useState<MapIndicator>('reported');
  const [layer, setLayer] = useState<'points' | 'heat'>('points');
  const figures = useApi('/api/figures/map', area ? { params: { query: { area, period, indicator } } } : null);
  const grids = useApi('/api/territory/grids', area ? { params: { query: { area } } } : null);
  const outlines = useApi('/api/territory/outlines', area && area.length < 15 ? { params: { query: { area } } } : null);
  const points = useApi('/api/events/points', area ? { params: { query: { area, from, to } } } : null);
  const { reload: reloadFigures } = figures;
  const { reload: reloadPoints } = points;
  useEffect(() => {
    if (refresh === 0) return;
    reloadFigures();
    reloadPoints();
  }, [refresh, reloadFigures, reloadPoints]);
  const target = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onGrid, onCase, indicator: null as { numerator: string; name: string } | null });
  const shown = figures.data?.indicator;
  handlers.current = { onGrid, onCase, indicator: shown ? { numerator: shown.numerator, name: shown.name[lang] } : null };

  const classes: GridClass[] = useMemo(
    () =>
      figures.data
        ? gridClasses(
            figures.data.grids.map((g) => g.value),
            figures.data.indicator.kind as 'count' | 'rate',
          )
        : [],
    [figures.data],
  );
  const [kit] = useState(() => {
    const base = new VectorSource();
    const gridSource = new VectorSource();
    const pointSource = new VectorSource();
    const gridLayer = new VectorLayer({ source: gridSource });
    const pointLayer = new VectorLayer({ source: pointSource, style: pointStyle });
    const heatLayer = new HeatmapLayer({ source: pointSource, blur: 18, radius: 10, visible: false });
    const baseLayer = new VectorLayer({ source: base, style: outlineStyle });
    const map = new OlMap({
      controls: defaultControls({ attribution: false }).extend([new ScaleLine()]),
      layers: [baseLayer, gridLayer, heatLayer, pointLayer],
      view: new View({ center: fromLonLat([113.9, 30.9]), zoom: 9, maxZoom: 19 }),
    });
    return { map, base, baseLayer, gridSource, gridLayer, pointSource, pointLayer, heatLayer, tiles: [] as TileLayer[] };
  });

  useEffect(() => {
    const { map, gridLayer, pointLayer } = kit;
    map.setTarget(target.current ?? undefined);
    const onClick = (e: MapBrowserEvent) => {
      const point = pointLayer.getVisible()
        ? map.forEachFeatureAtPixel(e.pixel, (f) => f, { layerFilter: (l) => l === pointLayer })
        : undefined;
      if (point) return handlers.current.onCase(String(point.getId()));
      const grid = map.forEachFeatureAtPixel(e.pixel, (f) => f, { layerFilter: (l) => l === gridLayer });
      const { indicator: shownIndicator } = handlers.current;
      if (grid && shownIndicator) handlers.current.onGrid({ code: String(grid.getId()), name: String(grid.get('name')) }, shownIndicator);
    };
    const onMove = (e: MapBrowserEvent) => {
      if (e.dragging) return;
      const hit = map.hasFeatureAtPixel(e.pixel, { layerFilter: (l) => l === gridLayer || l === pointLayer });
      const element = map.getTargetElement();
      if (element) element.style.cursor = hit ? 'pointer' : '';
    };
    map.on('singleclick', onClick);
    map.on('pointermove', onMove);
    return () => {
      map.un('singleclick', onClick);
      map.un('pointermove', onMove);
      map.setTarget(undefined);
    };
  }, [kit]);

  // The base layer: Tianditu's tiles when the server has a key, else the outlines of the area and what is inside it.
  const basemap = figures.data?.basemap;
  useEffect(() => {
    for (const tile of kit.tiles) kit.map.removeLayer(tile);
    kit.tiles = basemap?.kind === 'tianditu' && basemap.key ? tiandituLayers(basemap.key) : [];
    kit.tiles.forEach((tile, i) => {
      kit.map.getLayers().insertAt(i, tile);
    });
    kit.baseLayer.setVisible(basemap?.kind !== 'tianditu');
  }, [kit, basemap?.kind, basemap?.key]);

  useEffect(() => {
    kit.base.clear();
    if (outlines.data) kit.base.addFeatures(geojson.readFeatures(outlines.data));
  }, [kit, outlines.data]);

  useEffect(() => {
    kit.gridSource.clear();
    if (!grids.data) return;
    const features = geojson.readFeatures(grids.data);
    for (const f of features) if (f.getId() === undefined) f.setId(f.get('code'));
    kit.gridSource.addFeatures(features);
    const extent = kit.gridSource.getExtent();
    if (extent && !isEmpty(extent)) kit.map.getView().fit(extent, { padding: [24, 24, 24, 24], maxZoom: 17 });
  }, [kit, grids.data]);

  useEffect(() => {
    const values = new Map((figures.data?.grids ?? []).map((g) => [g.code, g]));
    const def = figures.data?.indicator;
    const rate = def?.kind === 'rate';
    const stroke = new Stroke({ color: dark ? '#69b1ff' : '#1d5fd1', width: 1 });
    kit.gridLayer.setStyle((f, resolution) => {
      const g = values.get(String(f.getId()));
      const colour = classColour(classes, g?.value ?? null);
      const label = g && g.value !== null ? (rate ? percent(g.value) : String(g.value)) : '';
      return new Style({
        stroke,
        fill: new Fill({ color: colour ? `${colour}cc` : 'rgba(255, 255, 255, 0.05)' }),
        text:
          label && resolution < 40
            ? new Text({
                text: label,
                font: '600 12px system-ui, sans-serif',
                fill: new Fill({ color: '#1f2937' }),
                stroke: new Stroke({ color: '#fff', width: 3 }),
              })
            : undefined,
      });
    });
  }, [kit, figures.data, classes, dark]);

  useEffect(() => {
    kit.pointSource.clear();
    const items = points.data?.items ?? [];
    kit.pointSource.addFeatures(
      items.map((p) => {
        const f = new Feature({ geometry: new Point(fromLonLat([p.lng, p.lat])), warning: p.warning, light: p.light, caseNo: p.caseNo });
        f.setId(p.id);
        return f;
      }),
    );
  }, [kit, points.data]);

  useEffect(() => {
    kit.pointLayer.setVisible(layer === 'points');
    kit.heatLayer.setVisible(layer === 'heat');
  }, [kit, layer]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: grids.data stands for the grid features the count reads from the source
  useEffect(() => {
    window.__gezhiCommandMap = {
      basemap: basemap?.kind ?? 'none',
      grids: kit.gridSource.getFeatures().length,
      coloured: (figures.data?.grids ?? []).filter((g) => g.value !== null).map((g) => ({ code: g.code, name: g.name })),
      points: points.data?.items.length ?? 0,
      layer,
      pixelOf(code) {
        const shape = kit.gridSource.getFeatureById(code)?.getGeometry();
        const inside =
          shape instanceof Polygon
            ? shape.getInteriorPoint()
            : shape instanceof MultiPolygon
              ? shape.getInteriorPoints().getPoint(0)
              : null;
        return inside ? kit.map.getPixelFromCoordinate(inside.getCoordinates().slice(0, 2)) : null;
      },
    };
  }, [kit, basemap?.kind, figures.data, points.data, layer, grids.data]);

  const def = figures.data?.indicator;
  const format = (v: number) => (def?.kind === 'rate' ? percent(v) : String(Math.round(v)));
  return (
    <div className={dark ? 'command-map command-map-dark' : 'command-map'}>
      <Space wrap className="command-map-tools">
        <Select
          value={indicator}
          onChange={setIndicator}
          aria-label={t('figures.command.mapIndicator')}
          style={{ minWidth: 160 }}
          options={MAP_INDICATORS.map((key) => ({ value: key, label: t(`figures.command.indicators.${key}`) }))}
        />
        <Segmented
          value={layer}
          onChange={(v) => setLayer(v as 'points' | 'heat')}
          options={[
            { value: 'points', label: t('figures.command.layerPoints') },
            { value: 'heat', label: t('figures.command.layerHeat') },
          ]}
        />
        {points.data && points.data.total > points.data.items.length && (
          <Typography.Text type="secondary">
            {t('figures.command.pointsNewest', { n: points.data.items.length, total: points.data.total })}
          </Typography.Text>
        )}
      </Space>
      <div ref={target} className="command-map-canvas" style={{ height }} data-testid="command-map" />
      <div className="command-map-legend" data-testid="command-map-legend">
        {def && <Typography.Text strong>{def.name[lang]}</Typography.Text>}
        {classes.map((c) => (
          <span key={c.colour} className="legend-class">
            <i style={{ background: c.colour }} />
            {c.from === c.to ? format(c.to) : `${format(c.from)}–${format(c.to)}`}
          </span>
        ))}
        {def && classes.length === 0 && <Typography.Text type="secondary">{t('figures.command.mapEmpty')}</Typography.Text>}
        <span className="legend-points">
          {(['red', 'purple', 'light_red', 'yellow', 'blue'] as const).map((c) => (
            <span key={c} className="legend-class">
              <i className="dot" style={{ background: COLOUR_HEX[c] }} />
              {t(`eventFilters.warnings.${c}`)}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}
