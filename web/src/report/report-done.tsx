import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportReply } from '../api/replies.ts';

/** The report went in: its case number, and the way to the next one. */
export function ReportDone({ event, itemName, onAnother }: { event: ReportReply; itemName: string; onAnother(): void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('report.sent')}
      subTitle={
        <div className="report-done">
          <div className="report-case-no mono" data-testid="report-case-no">
            {event.caseNo}
          </div>
          <div>
            {itemName} · {event.description}
          </div>
          <div data-testid="report-filed-in">
            {t(event.filedIn.outsideOwnArea ? 'report.filedOutside' : 'report.filedIn', {
              grid: event.filedIn.grid.name,
              owner: event.filedIn.owner.name,
            })}
          </div>
        </div>
      }
      extra={
        <Button type="primary" size="large" block onClick={onAnother}>
          {t('report.another')}
        </Button>
      }
    />
  );
}

/** No signal: the report waits on the phone and goes out when the signal returns; the home's outbox shows it. */
export function ReportQueued({ onAnother }: { onAnother(): void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('field.outbox.queuedTitle')}
      subTitle={<span data-testid="report-queued">{t('field.outbox.queuedHint')}</span>}
      extra={[
        <Button key="another" type="primary" size="large" block onClick={onAnother}>
          {t('report.another')}
        </Button>,
        <Link key="home" to="/m">
          <Button size="large" block className="field-home-link">
            {t('field.backHome')}
          </Button>
        </Link>,
      ]}
    />
  );
}
