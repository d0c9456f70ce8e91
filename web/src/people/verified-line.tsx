import { useTranslation } from 'react-i18next';

/** When a base record was last verified and by whom, as every record's drawer shows it. */
export function VerifiedLine({ at, by }: { at: string | null; by: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {at
        ? t('common.verifiedBy', { at: new Date(at).toLocaleString(i18n.language), by: by ?? t('common.unknown') })
        : t('common.notVerified')}
    </>
  );
}
