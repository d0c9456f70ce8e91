import { InboxOutlined } from '@ant-design/icons';
import { Card, Segmented, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryTemplate } from '../api/replies.ts';
import { ImportFailureAlert } from './import-failure.tsx';
import { ImportOutcome } from './import-outcome.tsx';
import { ImportProgressBar } from './import-progress.tsx';
import { TemplateDownloadButton } from './template-download-button.tsx';
import { useRegistryImport } from './use-registry-import.ts';

const TEMPLATES: RegistryTemplate[] = ['person', 'house'];

/** Imports people or houses from a spreadsheet filled in from our template. */
export function RegistryImportCard() {
  const { t } = useTranslation();
  const [template, setTemplate] = useState<RegistryTemplate>('person');
  const { run, busy, progress, result, failure, clear } = useRegistryImport();
  const name = t(`registryImport.${template}`);

  return (
    <Card title={t('registryImport.title')} className="registry-import">
      <Typography.Paragraph type="secondary">{t('registryImport.hint')}</Typography.Paragraph>
      <Space className="import-template" wrap>
        <span>{t('registryImport.template')}</span>
        <Segmented<RegistryTemplate>
          value={template}
          disabled={busy}
          options={TEMPLATES.map((id) => ({ value: id, label: t(`registryImport.${id}`) }))}
          onChange={(id) => {
            setTemplate(id);
            clear();
          }}
        />
        <TemplateDownloadButton template={template} />
      </Space>
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
