import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { currentLang, setLanguage } from '../i18n/index.ts';

const OPTIONS: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch() {
  useTranslation(); // re-render when the language changes
  return <Segmented<Lang> size="small" options={OPTIONS} value={currentLang()} onChange={(lang) => void setLanguage(lang)} />;
}
