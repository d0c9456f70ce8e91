import { InboxOutlined } from '@ant-design/icons';
import { Card, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportFailureAlert } from '../people/import-failure.tsx';
import { ImportOutcome } from '../people/import-outcome.tsx';
import { ImportProgressBar } from '../people/import-progress.tsx';
import { TemplateDownloadButton } from '../people/template-download-button.tsx';
import { useRegistryImport } from '../people/use-registry-import.ts';

/** Imports buildings through the registry's import (matched on the building code: a second run changes nothing). */
export function BuildingImport() {
  const { t } = useTranslation();
  const { run, busy, progress, result, failure } = useRegistryImport();

  return (
    <Card title={t('buildings.importTitle')} className="registry-import">
      <Typography.Paragraph type="secondary">{t('buildings.importHint')}</Typography.Paragraph>
      <TemplateDownloadButton template="building" name={t('buildings.templateName')} />
      <Spin spinning={busy && !progress}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          showUploadList={false}
          multiple={false}
          disabled={busy}
          beforeUpload={(file) => {
            void run(file, 'building');
            return false;
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('registryImport.drop')}</p>
          <p className="ant-upload-hint">{t('registryImport.dropHint', { name: t('buildings.templateName') })}</p>
        </Upload.Dragger>
      </Spin>
      {progress && <ImportProgressBar job={progress} />}
      {result && <ImportOutcome result={result} />}
      {failure && <ImportFailureAlert failure={failure} />}
    </Card>
  );
}
