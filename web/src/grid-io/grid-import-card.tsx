import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyOf } from '../api/paths.ts';
import { api } from '../api.ts';
import { ImportProblemsTable } from '../imports/import-problems-table.tsx';
import { useGeoJsonImport } from '../imports/use-geojson-import.ts';

type ImportResult = ReplyOf<'/api/territory/grids/import', 'post'>;

export function GridImportCard() {
  const { t } = useTranslation();
  const { run, busy, problems } = useGeoJsonImport();
  const [result, setResult] = useState<(ImportResult & { file: string }) | null>(null);

  async function upload(file: File) {
    setResult(null);
    const reply = await run(file, (body) => api.POST('/api/territory/grids/import', { body }));
    if (reply) setResult({ ...reply, file: file.name });
  }

  return (
    <Card title={t('gridIo.importTitle')}>
      <Typography.Paragraph type="secondary">{t('gridIo.importHint')}</Typography.Paragraph>
      <Spin spinning={busy}>
        <Upload.Dragger
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          multiple={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('gridIo.drop')}</p>
        </Upload.Dragger>
      </Spin>
      {result && (
        <Alert
          className="io-result"
          type="success"
          showIcon
          data-testid="import-result"
          message={t('gridIo.imported', { file: result.file, imported: result.imported, replaced: result.replaced })}
        />
      )}
      {problems && (
        <div className="io-result">
          <Alert type="error" showIcon message={t('import.problems', { n: problems.length })} className="io-problems-head" />
          <ImportProblemsTable details={problems} />
        </div>
      )}
    </Card>
  );
}
