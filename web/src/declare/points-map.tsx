import 'ol/ol.css';
import { defaults as defaultControls } from 'ol/control/defaults';
import { boundingExtent } from 'ol/extent';
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import OlMap from 'ol/Map';
import { fromLonLat } from 'ol/proj';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import View from 'ol/View';
import { useEffect, useRef, useState } from 'react';
import type { DeclarationPoint } from '../api/replies.ts';

const dot = (colour: string) =>
  new Circle({ radius: 8, fill: new Fill({ color: colour }), stroke: new Stroke({ color: '#fff', width: 2 }) });
const CHECKPOINT = dot('#d4380d');
const BUILDING = dot('#1d5fd1');

/** Each point labelled with its name and its declarations (all states), so the busiest checkpoint shows at a glance. */
function pointStyle(feature: Feature) {
  return new Style({
    image: feature.get('kind') === 'building' ? BUILDING : CHECKPOINT,
    text: new Text({
      text: String(feature.get('label')),
      offsetY: -18,
      font: '600 12px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
      fill: new Fill({ color: '#1f2937' }),
      stroke: new Stroke({ color: 'rgba(255,255,255,0.95)', width: 3 }),
    }),
  });
}

function createKit() {
  const source = new VectorSource();
  const map = new OlMap({
    controls: defaultControls({ attribution: false, rotate: false }),
    layers: [new VectorLayer({ source, style: (f) => pointStyle(f as Feature) })],
    view: new View({ center: fromLonLat([113.75, 31.02]), zoom: 12, maxZoom: 18 }),
  });
  return { map, source };
}

/** 申报点分布: a task's QR points on the map, each with its name and how many declared there. */
export function PointsMap({ points }: { points: DeclarationPoint[] }) {
  const target = useRef<HTMLDivElement>(null);
  const [kit] = useState(createKit);
  useEffect(() => {
    kit.map.setTarget(target.current ?? undefined);
    return () => kit.map.setTarget(undefined);
  }, [kit]);
  useEffect(() => {
    kit.source.clear();
    const at = points.map((p) => fromLonLat([p.lng, p.lat]));
    points.forEach((p, i) => {
      const f = new Feature(new Point(at[i]));
      f.set('kind', p.kind);
      f.set('label', `${p.name}（${p.pending + p.confirmed + p.rejected}）`);
      kit.source.addFeature(f);
    });
    if (at.length) kit.map.getView().fit(boundingExtent(at), { padding: [40, 40, 40, 40], maxZoom: 16 });
  }, [kit, points]);
  return <div ref={target} className="point-map" data-testid="declaration-points-map" />;
}
