import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportFailure } from './use-registry-import.ts';

/** Why a whole file was refused: the server's message, and for a wrong header the columns at fault. */
export function ImportFailureAlert({ failure }: { failure: ImportFailure }) {
  const { t } = useTranslation();
  const columns = (reason: string) => failure.details.filter((d) => d.reason === reason).map((d) => d.field);
  const missing = columns('missing');
  const duplicate = columns('duplicate');
  const other = failure.details.filter((d) => d.reason !== 'missing' && d.reason !== 'duplicate' && d.message);
  const sep = t('common.listSep');

  return (
    <Alert
      className="io-result"
      type="error"
      showIcon
      data-testid="import-failure"
      message={t('registryImport.failed', { file: failure.file })}
      description={
        <ul className="error-details">
          <li>{failure.message}</li>
          {missing.length > 0 && <li>{t('registryImport.missingColumns', { columns: missing.join(sep) })}</li>}
          {duplicate.length > 0 && <li>{t('registryImport.duplicateColumns', { columns: duplicate.join(sep) })}</li>}
          {other.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a reply's details never change order once shown
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      }
    />
  );
}
