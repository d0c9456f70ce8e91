import 'ol/ol.css';
import { defaults as defaultControls } from 'ol/control/defaults';
import ScaleLine from 'ol/control/ScaleLine';
import { containsExtent, createEmpty, extend, isEmpty } from 'ol/extent';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { fromLonLat, toLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import View from 'ol/View';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { GridCollection, Outline } from '../api/replies.ts';
import { type GridHighlight, gridStyle, markerStyle, outlineStyle } from './map-styles.ts';

declare global {
  interface Window {
    /** Read by browser tests to check that grids were drawn. */
    __gezhiMap?: { gridFeatureCount: number };
  }
}

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const PADDING = [36, 36, 36, 36];

interface GridMapProps {
  outline: Outline | null;
  grids: GridCollection | null;
  selectedGrid: string | null;
  /** When on, a click reports its coordinate through onPick instead of selecting a grid. */
  picking: boolean;
  marker: [number, number] | null;
  onGridClick(code: string): void;
  onPick(lngLat: [number, number]): void;
  children?: ReactNode;
}

function createKit() {
  const highlight: GridHighlight = { selected: null, hovered: null };
  const grids = new VectorSource();
  const outline = new VectorSource();
  const marker = new VectorSource();
  const gridLayer = new VectorLayer({ source: grids, style: gridStyle(highlight), declutter: true });
  const map = new OlMap({
    controls: defaultControls({ attribution: false }).extend([new ScaleLine()]),
    layers: [new VectorLayer({ source: outline, style: outlineStyle }), gridLayer, new VectorLayer({ source: marker, style: markerStyle })],
    view: new View({ center: fromLonLat([113.9, 30.9]), zoom: 8, maxZoom: 20 }),
  });
  return { map, highlight, grids, outline, marker, gridLayer };
}

/** The territory map: area outline, its grids (labelled when zoomed in), the selected grid and a located point. */
export function GridMap(props: GridMapProps) {
  const { outline, grids, selectedGrid, picking, marker, children } = props;
  const target = useRef<HTMLDivElement>(null);
  const [kit] = useState(createKit);
  const handlers = useRef(props);
  useEffect(() => {
    handlers.current = props;
  });

  useEffect(() => {
    const { map, gridLayer, highlight } = kit;
    map.setTarget(target.current ?? undefined);
    const gridAt = (e: MapBrowserEvent) => map.forEachFeatureAtPixel(e.pixel, (f) => f, { layerFilter: (layer) => layer === gridLayer });
    const onClick = (e: MapBrowserEvent) => {
      const h = handlers.current;
      if (h.picking) {
        const [lng, lat] = toLonLat(e.coordinate);
        h.onPick([lng, lat]);
        return;
      }
      const feature = gridAt(e);
      if (feature) h.onGridClick(String(feature.getId()));
    };
    const onMove = (e: MapBrowserEvent) => {
      if (e.dragging) return;
      const feature = handlers.current.picking ? undefined : gridAt(e);
      const code = feature ? String(feature.getId()) : null;
      if (code !== highlight.hovered) {
        highlight.hovered = code;
        gridLayer.changed();
      }
      const element = map.getTargetElement();
      if (element) element.style.cursor = handlers.current.picking ? 'crosshair' : feature ? 'pointer' : '';
    };
    map.on('singleclick', onClick);
    map.on('pointermove', onMove);
    return () => {
      map.un('singleclick', onClick);
      map.un('pointermove', onMove);
      map.setTarget(undefined);
    };
  }, [kit]);

  useEffect(() => {
    kit.grids.clear();
    kit.outline.clear();
    if (grids) {
      const features = geojson.readFeatures(grids);
      for (const f of features) if (f.getId() === undefined) f.setId(f.get('code'));
      kit.grids.addFeatures(features);
    }
    const shape = outline ? geojson.readGeometry(outline) : null;
    if (shape) kit.outline.addFeature(new Feature(shape));
    window.__gezhiMap = { gridFeatureCount: kit.grids.getFeatures().length };
    const extent = createEmpty();
    for (const source of [kit.grids, kit.outline]) if (source.getFeatures().length) extend(extent, source.getExtent() ?? extent);
    if (!isEmpty(extent)) kit.map.getView().fit(extent, { padding: PADDING, duration: 250, maxZoom: 18 });
  }, [kit, grids, outline]);

  useEffect(() => {
    kit.highlight.selected = selectedGrid;
    kit.gridLayer.changed();
    // Bring a grid chosen elsewhere (tree, locate) into view; leave the view alone if it is already visible.
    const extent = selectedGrid ? kit.grids.getFeatureById(selectedGrid)?.getGeometry()?.getExtent() : undefined;
    const view = kit.map.getView();
    const size = kit.map.getSize();
    if (extent && size && !containsExtent(view.calculateExtent(size), extent)) {
      view.fit(extent, { padding: PADDING, duration: 250, maxZoom: 17 });
    }
  }, [kit, selectedGrid]);

  useEffect(() => {
    kit.marker.clear();
    if (marker) kit.marker.addFeature(new Feature(new Point(fromLonLat(marker))));
  }, [kit, marker]);

  useEffect(() => {
    kit.map.getTargetElement()?.style.setProperty('cursor', picking ? 'crosshair' : '');
  }, [kit, picking]);

  return (
    <div className="map-wrap">
      <div ref={target} className="map" data-testid="map" />
      {children}
    </div>
  );
}
