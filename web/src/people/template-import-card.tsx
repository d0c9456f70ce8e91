import { InboxOutlined } from '@ant-design/icons';
import { Card, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistryTemplate } from '../api/replies.ts';
import { ImportFailureAlert } from './import-failure.tsx';
import { ImportOutcome } from './import-outcome.tsx';
import { ImportProgressBar } from './import-progress.tsx';
import { TemplateDownloadButton } from './template-download-button.tsx';
import { useRegistryImport } from './use-registry-import.ts';

/**
 * Imports one template through the registry's import job (matched on the record's natural key, so a second run
 * changes nothing). `ns` names the i18n namespace holding importTitle, importHint and templateName.
 */
export function TemplateImportCard({ template, ns }: { template: RegistryTemplate; ns: string }) {
  const { t } = useTranslation();
  const { run, busy, progress, result, failure } = useRegistryImport();
  const name = t(`${ns}.templateName`);

  return (
    <Card title={t(`${ns}.importTitle`)} className="registry-import">
      <Typography.Paragraph type="secondary">{t(`${ns}.importHint`)}</Typography.Paragraph>
      <TemplateDownloadButton template={template} name={name} />
      <Spin spinning={busy && !progress}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          showUploadList={false}
          multiple={false}
          disabled={busy}
          beforeUpload={(file) => {
            void run(file, template);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('registryImport.drop')}</p>
          <p className="ant-upload-hint">{t('registryImport.dropHint', { name })}</p>
        </Upload.Dragger>
      </Spin>
      {progress && <ImportProgressBar job={progress} />}
      {result && <ImportOutcome result={result} />}
      {failure && <ImportFailureAlert failure={failure} />}
    </Card>
  );
}
