import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const COOKIE = 'gezhi_lang';

function langFromCookie(): Lang {
  const match = document.cookie.match(/(?:^|;\s*)gezhi_lang=([^;]+)/);
  const value = match ? decodeURIComponent(match[1]) : '';
  return (LANGS as readonly string[]).includes(value) ? (value as Lang) : 'zh-CN';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: langFromCookie(),
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false, // resources are bundled: be ready before the first render
});
document.documentElement.lang = i18n.language;

/** Switches the UI language and tells the server, which translates its messages by this cookie. */
export async function setLanguage(lang: Lang): Promise<void> {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the browsers many offices still run
  document.cookie = `${COOKIE}=${encodeURIComponent(lang)}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
