import { getHeight, getWidth } from 'ol/extent';
import type { FeatureLike } from 'ol/Feature';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';

/** Which grid is selected or under the pointer; read by the style function at render time. */
export interface GridHighlight {
  selected: string | null;
  hovered: string | null;
}

const BLUE = '#1d5fd1';
const ORANGE = '#e8590c';

const gridStroke = new Stroke({ color: BLUE, width: 1.2 });
const gridFill = new Fill({ color: 'rgba(29, 95, 209, 0.07)' });
const hoverFill = new Fill({ color: 'rgba(29, 95, 209, 0.2)' });
const selectedStroke = new Stroke({ color: ORANGE, width: 3 });
const selectedFill = new Fill({ color: 'rgba(232, 89, 12, 0.2)' });
const labelFill = new Fill({ color: '#1f2937' });
const labelHalo = new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 3 });

// Labels are skipped for grids too small on screen; OpenLayers also hides a label wider than its polygon.
const LABEL_MIN_PX = 40;

export function gridStyle(highlight: GridHighlight) {
  return (feature: FeatureLike, resolution: number): Style => {
    const code = String(feature.getId());
    const selected = code === highlight.selected;
    const extent = feature.getGeometry()?.getExtent();
    const wide = extent ? getWidth(extent) / resolution > LABEL_MIN_PX && getHeight(extent) / resolution > 16 : false;
    return new Style({
      stroke: selected ? selectedStroke : gridStroke,
      fill: selected ? selectedFill : code === highlight.hovered ? hoverFill : gridFill,
      zIndex: selected ? 2 : 1,
      text:
        wide || selected
          ? new Text({
              text: String(feature.get('name') ?? code),
              font: `${selected ? 600 : 400} 12px system-ui, "PingFang SC", "Microsoft YaHei", sans-serif`,
              fill: labelFill,
              stroke: labelHalo,
              overflow: selected,
            })
          : undefined,
    });
  };
}

export const outlineStyle = new Style({
  stroke: new Stroke({ color: '#374151', width: 2, lineDash: [8, 6] }),
  fill: new Fill({ color: 'rgba(255, 255, 255, 0.35)' }),
});

export const markerStyle = new Style({
  image: new Circle({
    radius: 7,
    fill: new Fill({ color: '#d4380d' }),
    stroke: new Stroke({ color: '#fff', width: 2 }),
  }),
});
