import { chinaDate } from '../../shared/china-time.ts';
import { currentLang } from './i18n/index.ts';

/** "12,345 m²", with km² beside it once the area is large enough for m² to be hard to read. */
export function formatArea(m2: number): string {
  const locale = currentLang();
  const base = `${Math.round(m2).toLocaleString(locale)} m²`;
  if (m2 < 100_000) return base;
  const km2 = (m2 / 1_000_000).toLocaleString(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  return locale === 'en' ? `${base} (${km2} km²)` : `${base}（${km2} km²）`;
}

export function formatCount(n: number): string {
  return n.toLocaleString(currentLang());
}

/** The China date of an ISO instant from the server (a verification stamp), not the UTC date its text starts with. */
export function formatDay(iso: string): string {
  return chinaDate(new Date(iso));
}
