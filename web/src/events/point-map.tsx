import 'ol/ol.css';
import { defaults as defaultControls } from 'ol/control/defaults';
import { containsCoordinate } from 'ol/extent';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import OlMap from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import { fromLonLat, toLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import View from 'ol/View';
import { useEffect, useRef, useState } from 'react';
import type { Outline } from '../api/replies.ts';
import { markerStyle, outlineStyle } from '../territory/map-styles.ts';

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
const PADDING = [16, 16, 16, 16];

interface Props {
  /** Drawn behind the point so the map has something to read without a tile layer (the grid, say). */
  outline: Outline | null;
  point: [number, number] | null;
  /** When set, a tap reports its coordinate. */
  onPick?(lngLat: [number, number]): void;
}

function createKit() {
  const outline = new VectorSource();
  const marker = new VectorSource();
  const map = new OlMap({
    controls: defaultControls({ attribution: false, rotate: false }),
    layers: [new VectorLayer({ source: outline, style: outlineStyle }), new VectorLayer({ source: marker, style: markerStyle })],
    view: new View({ center: fromLonLat([113.75, 31.02]), zoom: 12, maxZoom: 20 }),
  });
  return { map, outline, marker };
}

/** A small map of one point on its grid outline; with onPick, tapping sets the point. */
export function PointMap({ outline, point, onPick }: Props) {
  const target = useRef<HTMLDivElement>(null);
  const [kit] = useState(createKit);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    kit.map.setTarget(target.current ?? undefined);
    const onClick = (e: MapBrowserEvent) => {
      const [lng, lat] = toLonLat(e.coordinate);
      pick.current?.([lng, lat]);
    };
    kit.map.on('singleclick', onClick);
    return () => {
      kit.map.un('singleclick', onClick);
      kit.map.setTarget(undefined);
    };
  }, [kit]);

  useEffect(() => {
    kit.outline.clear();
    const shape = outline ? geojson.readGeometry(outline) : null;
    if (shape) {
      kit.outline.addFeature(new Feature(shape));
      kit.map.getView().fit(shape.getExtent(), { padding: PADDING, maxZoom: 18 });
    }
  }, [kit, outline]);

  useEffect(() => {
    kit.marker.clear();
    if (!point) return;
    const at = fromLonLat(point);
    kit.marker.addFeature(new Feature(new Point(at)));
    const view = kit.map.getView();
    const size = kit.map.getSize();
    // Keep the point in view; without an outline to fit, centre on it close up.
    if (!kit.outline.getFeatures().length) {
      view.setCenter(at);
      view.setZoom(16);
    } else if (size && !containsCoordinate(view.calculateExtent(size), at)) {
      view.setCenter(at);
    }
  }, [kit, point]);

  return <div ref={target} className={onPick ? 'point-map picking' : 'point-map'} data-testid="point-map" />;
}
