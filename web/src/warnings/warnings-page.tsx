import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { CalendarOverrides } from './calendar-overrides.tsx';
import { WarningRulesEditor } from './warning-rules-editor.tsx';
import { WarningTally } from './warning-tally.tsx';

/** 预警管理: the monthly tally of warnings per unit, the rule table behind the colours, and the working calendar. */
export function WarningsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const tabs = [
    { key: 'tally', label: t('warnings.tallyTab'), children: <WarningTally /> },
    { key: 'rules', label: t('warnings.rulesTab'), children: <WarningRulesEditor /> },
    ...(can('events.configure') ? [{ key: 'calendar', label: t('warnings.calendarTab'), children: <CalendarOverrides /> }] : []),
  ];
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('warnings.title')}</Typography.Title>
      </div>
      <Tabs items={tabs} destroyOnHidden />
    </div>
  );
}
