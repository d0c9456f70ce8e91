import fs from 'node:fs';
import path from 'node:path';
import { DEMO_CITY } from '../server/demo/demo-city.ts';
import { loadCityDivisions } from '../server/demo/divisions.ts';
import { loadCityOutlines } from '../server/territory/echarts-geo.ts';
import type { AreaGeometry } from '../server/territory/geometry.core.ts';
import { generateCountyGrids } from '../server/territory/grid-generation.core.ts';

export interface GridSet {
  name: string;
  grids: { code: string; geometry: AreaGeometry }[];
}

const cacheDir = path.resolve('bench/out');

/** Grids of the given counties of the demo city, generated as the demo does (cached under bench/out). */
export function demoCityGrids(countyCodes: string[] | 'all', name: string): GridSet {
  const file = path.join(cacheDir, `grids-${name}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const div = loadCityDivisions(DEMO_CITY.code4);
  const outlines = loadCityOutlines(DEMO_CITY.province, DEMO_CITY.outlineFile);
  const wanted = outlines.filter((o) => countyCodes === 'all' || countyCodes.includes(o.id));
  const grids = wanted.flatMap((o) =>
    generateCountyGrids({
      countyCode: o.id,
      outline: o.geometry as AreaGeometry,
      townships: div.townships.filter((t) => t.areaCode === o.id),
      villages: div.villages.filter((v) => v.code.startsWith(o.id)),
    }).grids.map((g) => ({ code: g.code, geometry: g.geometry })),
  );
  const set = { name, grids };
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(set));
  return set;
}
