import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, classColour, gridClasses } from '../../web/src/figures/grid-classes.ts';

/** The command centre map's legend: every value falls in exactly one class, darker for more. */
describe('grid classes', () => {
  it('cuts counts into whole-number ranges covering min to max, darkest last', () => {
    expect(gridClasses([1, 2, null], 'count')).toEqual([
      { from: 1, to: 1, colour: CLASS_COLOURS[3] },
      { from: 2, to: 2, colour: CLASS_COLOURS[4] },
    ]);
    const wide = gridClasses([0, 3, 17, 40], 'count');
    expect(wide.map((c) => [c.from, c.to])).toEqual([
      [0, 8],
      [9, 17],
      [18, 26],
      [27, 35],
      [36, 40],
    ]);
    expect(classColour(wide, 17)).toBe(CLASS_COLOURS[1]);
    expect(classColour(wide, 18)).toBe(CLASS_COLOURS[2]);
    expect(classColour(wide, 40)).toBe(CLASS_COLOURS[4]);
  });

  it('cuts rates into fifths of their span; one value is one darkest class; no value no colour', () => {
    const rates = gridClasses([0.5, 1, 0.75], 'rate');
    expect(rates).toHaveLength(5);
    expect(rates[0].from).toBe(0.5);
    expect(rates[4].to).toBe(1);
    expect(classColour(rates, 0.5)).toBe(CLASS_COLOURS[0]);
    expect(classColour(rates, 0.74)).toBe(CLASS_COLOURS[2]);
    expect(gridClasses([0.8, 0.8], 'rate')).toEqual([{ from: 0.8, to: 0.8, colour: CLASS_COLOURS[4] }]);
    expect(gridClasses([null], 'count')).toEqual([]);
    expect(classColour(rates, null)).toBeNull();
  });
});
