/**
 * The part of a top-down ancestor path the user may open: from the first node they are bound to
 * downwards. Nodes above their binding answer 404, so the UI does not offer them.
 */
export function withinJurisdiction(path: string[], bound: ReadonlySet<string>): string[] {
  const first = path.findIndex((code) => bound.has(code));
  return first < 0 ? [] : path.slice(first);
}
