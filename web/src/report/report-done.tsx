import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
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
