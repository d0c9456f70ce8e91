/** The tracking codes this phone sent, newest first, so a citizen who lost the code can still follow up. */
const KEY = 'gezhi.public.codes';
const KEEP = 10;

export function myCodes(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return []; // storage switched off or a damaged entry: nothing remembered
  }
}

export function rememberCode(code: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([code, ...myCodes().filter((c) => c !== code)].slice(0, KEEP)));
  } catch {
    // private browsing may refuse storage; the code is on screen to copy
  }
}
