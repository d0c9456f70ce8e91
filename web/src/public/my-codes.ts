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

const DEVICE_KEY = 'gezhi.public.device';

/**
 * A random id this phone keeps and sends with each report, so the server counts it once per case (it stores
 * only a keyed hash). Undefined when storage is switched off: the report goes without one.
 */
export function deviceId(): string | undefined {
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem(DEVICE_KEY, id);
    }
    return id;
  } catch {
    return undefined;
  }
}
