import { useTranslation } from 'react-i18next';
import { FieldSection } from '../field/field-section.tsx';
import { useApi } from '../use-api.ts';

/** The worker's own burden figure: this week's entries and the time they took (not a score, compared with no one). */
export function BurdenLine() {
  const { t } = useTranslation();
  const week = useApi('/api/burden/mine');
  if (!week.data) return null;
  const { entries, seconds } = week.data;
  const time = seconds < 60 ? t('burden.seconds', { n: seconds }) : t('burden.minutes', { n: Math.round(seconds / 60) });
  return (
    <FieldSection title={t('burden.title')} testId="field-burden">
      <div className="field-line" data-testid="burden-figure">
        {entries === 0 ? t('burden.none') : t('burden.figure', { entries, time })}
      </div>
      <div className="field-line secondary">{t('burden.hint')}</div>
    </FieldSection>
  );
}
