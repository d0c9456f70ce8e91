import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicReport } from '../api/replies.ts';

/** The report went in: the tracking code, big and copyable, and the way to follow it. */
export function PublicReportDone({ report, onAnother }: { report: PublicReport; onAnother(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = () =>
    navigator.clipboard
      .writeText(report.trackingCode)
      .then(() => message.success(t('publicReport.copied')))
      .catch(() => {}); // no clipboard over plain HTTP: the code stays on screen to note down
  return (
    <Result
      status="success"
      title={t('publicReport.sent')}
      subTitle={
        <div className="report-done">
          <div>{t('publicReport.keepCode')}</div>
          <div className="report-case-no mono public-code" data-testid="public-tracking-code">
            {report.trackingCode}
          </div>
          <div>
            {report.itemName} · {report.description}
          </div>
        </div>
      }
      extra={
        <Space direction="vertical" className="full-width">
          <Button size="large" block icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('publicReport.copy')}
          </Button>
          <Link to={`/public/track?code=${encodeURIComponent(report.trackingCode)}`}>
            <Button type="primary" size="large" block>
              {t('publicReport.track')}
            </Button>
          </Link>
          <Button size="large" block onClick={onAnother}>
            {t('publicReport.another')}
          </Button>
        </Space>
      }
    />
  );
}
