import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { zhCN } from './zh-CN.ts';

const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const COOKIE = 'gezhi_lang';

function langFromCookie(): Lang {
  const match = document.cookie.match(/(?:^|;\s*)gezhi_lang=([^;]+)/);
  const value = match ? decodeURIComponent(match[1]) : '';
  return (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'zh-CN';
}

export const i18n = i18next.createInstance();

/** English is a chunk of its own, fetched when chosen: most users never load it (Chinese is the default). */
async function loadLanguage(lang: Lang): Promise<void> {
  if (lang === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', (await import('./en.ts')).en);
  }
}

const initial = langFromCookie();
void i18n.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN } },
  interpolation: { escapeValue: false },
  initAsync: false, // Chinese is bundled: ready before the first render
});

/** Settles once the language of the cookie is loaded and chosen: main.tsx renders after it. */
export const i18nReady: Promise<void> = loadLanguage(initial)
  .then(() => i18n.changeLanguage(initial))
  .then(() => {
    document.documentElement.lang = i18n.language;
  });

/** Switches the UI language and tells the server, which translates its messages by this cookie. */
export async function setLanguage(lang: Lang): Promise<void> {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the browsers many offices still run
  document.cookie = `${COOKIE}=${encodeURIComponent(lang)}; path=/; max-age=31536000; SameSite=Lax`;
  await loadLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
