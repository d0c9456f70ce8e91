import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBlob } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { useShowError } from '../use-show-error.tsx';
import type { ImportJobOf } from './use-registry-import.ts';

const COUNTS = ['read', 'created', 'updated', 'unchanged', 'rejected'] as const;

/** The counts of one import and, when rows were refused, the Excel report of them. */
export function ImportOutcome({ result }: { result: ImportJobOf }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  async function downloadReport() {
    setBusy(true);
    try {
      saveBlob(await apiBlob('/api/registry/import-jobs/{id}/report', { path: { id: result.id } }), 'import-report.xlsx');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="io-result" data-testid="import-result">
      <Alert
        type={result.rejected > 0 ? 'warning' : 'success'}
        showIcon
        message={
          result.rejected > 0
            ? t('registryImport.doneWithRejected', { file: result.file, n: result.rejected })
            : t('registryImport.done', { file: result.file })
        }
        action={
          result.reportReady && (
            <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={downloadReport}>
              {t('registryImport.downloadReport')}
            </Button>
          )
        }
      />
      <Row gutter={16} className="import-counts">
        {COUNTS.map((k) => (
          <Col key={k} span={4}>
            <Statistic
              title={t(`registryImport.${k}`)}
              value={result[k]}
              valueStyle={k === 'rejected' && result[k] > 0 ? { color: '#cf1322' } : undefined}
              data-testid={`count-${k}`}
            />
          </Col>
        ))}
      </Row>
    </div>
  );
}
