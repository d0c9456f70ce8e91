const KEEP = 5;
const key = (user: string) => `gezhi.recentItems.${user}`;

/** The catalogue items this user reported most recently, newest first (kept on this device). */
export function recentItems(user: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(user)) ?? '[]');
    return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

export function rememberItem(user: string, code: string): void {
  const next = [code, ...recentItems(user).filter((c) => c !== code)].slice(0, KEEP);
  try {
    localStorage.setItem(key(user), JSON.stringify(next));
  } catch {
    // Private mode or a full store: the list is a convenience only.
  }
}
