import { ASSESSEE_KINDS, type AssesseeKind } from '../../../shared/enums.ts';

export { ASSESSEE_KINDS, type AssesseeKind };

/** Stars for grid workers (★★★★☆), the grade itself for units. */
export const bandText = (kind: string, band: string) => (kind === 'grid_worker' ? '★'.repeat(Number(band) || 0) || band : band);

/** A share as a percentage, a count as itself, nothing as a dash. */
export const valueText = (value: number | null, source: string, indicatorKind?: 'count' | 'rate') => {
  if (value === null) return '—';
  if (source === 'manual') return String(value);
  if (indicatorKind === 'count') return String(value);
  return `${(value * 100).toFixed(1)}%`;
};
