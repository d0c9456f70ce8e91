import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobOf } from './use-registry-import.ts';

/** A running import: the share of the file read, and the rows read, imported and refused so far. */
export function ImportProgressBar({ job }: { job: ImportJobOf }) {
  const { t } = useTranslation();
  return (
    <div className="io-result" data-testid="import-progress">
      <Progress percent={job.percent} status="active" />
      <Typography.Text type="secondary">
        {t('registryImport.progress', {
          file: job.file,
          read: job.read,
          imported: job.created + job.updated,
          unchanged: job.unchanged,
          rejected: job.rejected,
        })}
      </Typography.Text>
    </div>
  );
}
