/**
 * The words key of a refusal's reason: reasons that carry a number or a name in their key (`at_most_366`,
 * `responsible_is_grid_leader`) map to one key and its values; any other reason is its own key. Pure, so a test can
 * check that every reason the server gives has words.
 */
const SHAPED: readonly [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^at_most_(\d+)_chars$/, 'at_most_chars', (m) => ({ n: m[1] })],
  [/^at_most_(\d+)_months$/, 'at_most_months', (m) => ({ n: m[1] })],
  [/^at_most_(\d+)$/, 'at_most', (m) => ({ n: m[1] })],
  [/^at_least_(\d+)$/, 'at_least', (m) => ({ n: m[1] })],
  [/^period_over_(\d+)_days$/, 'period_over_days', (m) => ({ n: m[1] })],
  [/^responsible_is_(grid_worker|grid_leader)$/, 'responsible_is_role', (m) => ({ role: m[1] })],
];

export function reasonKey(reason: string): { key: string; values: Record<string, string> } {
  for (const [pattern, key, values] of SHAPED) {
    const m = reason.match(pattern);
    if (m) return { key, values: values(m) };
  }
  return { key: reason, values: {} };
}

/** A detail's field as a words key (`params.keywords.2`: `params_keywords`, item 3), or null for a plain field. */
export function fieldKey(field: string): { key: string; item: number | null } {
  const m = field.match(/^(.*)\.(\d+)$/);
  return { key: (m ? m[1] : field).replace(/\./g, '_'), item: m ? Number(m[2]) + 1 : null };
}
