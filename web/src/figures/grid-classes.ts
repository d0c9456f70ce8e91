/** Five shades of one hue, light to dark: more of the indicator is darker, whatever the indicator means. */
export const CLASS_COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

export interface GridClass {
  from: number;
  to: number;
  colour: string;
}

/**
 * The legend of a choropleth: the span of the values cut into at most five classes, each with its colour, the
 * darkest for the largest values. Counts are cut into whole-number ranges (1–2, 3–4, …; fewer classes when the
 * values are few), rates into equal fifths of their span. Empty when no grid has a value.
 */
export function gridClasses(values: readonly (number | null)[], kind: 'count' | 'rate'): GridClass[] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const last = CLASS_COLOURS.length - 1;
  if (max === min) return [{ from: min, to: max, colour: CLASS_COLOURS[last] }];
  if (kind === 'count') {
    const width = Math.ceil((max - min + 1) / CLASS_COLOURS.length);
    const n = Math.ceil((max - min + 1) / width);
    return Array.from({ length: n }, (_, i) => ({
      from: min + i * width,
      to: Math.min(max, min + (i + 1) * width - 1),
      colour: CLASS_COLOURS[last - (n - 1) + i],
    }));
  }
  const step = (max - min) / CLASS_COLOURS.length;
  return CLASS_COLOURS.map((colour, i) => ({ from: min + i * step, to: i === last ? max : min + (i + 1) * step, colour }));
}

/** The colour of a value: the class it falls in (a class holds its upper bound), or null when it has none. */
export function classColour(classes: readonly GridClass[], value: number | null): string | null {
  if (value === null || classes.length === 0) return null;
  return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1]).colour;
}
