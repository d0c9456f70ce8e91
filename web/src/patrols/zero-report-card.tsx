import { CheckCircleOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { FieldSection } from '../field/field-section.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** 零报告 on the phone home of a village workstation: one tap a day, shown only where the county turned it on. */
export function ZeroReportCard() {
  const { t, i18n } = useTranslation();
  const today = useApi('/api/patrols/zero-report');
  const { busy, run } = useBusyAction();
  if (!today.data?.enabled) return null;
  const report = today.data.report;

  const tap = () =>
    run(async () => {
      await api.POST('/api/patrols/zero-report');
      today.reload();
    });

  return (
    <FieldSection title={`${t('patrols.zero.title')} · ${today.data.village.name}`} testId="field-zero-report">
      {report ? (
        <div className="field-line" data-testid="zero-report-done">
          <CheckCircleOutlined className="ok" />{' '}
          {t('patrols.zero.done', {
            time: new Date(report.at).toLocaleTimeString(i18n.language, { timeStyle: 'short' }),
            name: report.byName,
          })}
        </div>
      ) : (
        <Button type="primary" ghost block size="large" loading={busy} onClick={tap} data-testid="zero-report-tap">
          {t('patrols.zero.tap')}
        </Button>
      )}
    </FieldSection>
  );
}
