import { CameraOutlined, DesktopOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TODO_QUEUES } from '../../../shared/enums.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useApi } from '../use-api.ts';
import { chooseConsole } from './field-landing.ts';
import { FieldSection } from './field-section.tsx';
import { OutboxList } from './outbox/outbox-list.tsx';
import { useOutbox } from './outbox/use-outbox.ts';

/** A row of the home that opens a list: its label, a count, and the way in. */
function Row({ to, label, count, testId }: { to: string; label: string; count?: number; testId: string }) {
  return (
    <Link to={to} className="field-row" data-testid={testId}>
      <span>{label}</span>
      <span className="field-row-end">
        {count !== undefined && <strong className="field-count">{count}</strong>}
        <RightOutlined />
      </span>
    </Link>
  );
}

/** 工作台: the grid worker's day on one screen — report in one tap, what waits on me, my cases, visits due, the outbox. */
export function FieldHome() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const counts = useApi('/api/inbox/counts');
  const visits = useApi(can('registry.read') ? '/api/fieldwork/visits/due' : null, { params: { query: { limit: 3 } } });
  // Only the counts are shown here (the one person the reply carries is audited as read); the names on the list's screen.
  const followUps = useApi(can('followups.visit') ? '/api/fieldwork/follow-ups' : null, { params: { query: { limit: 1 } } });
  const tasks = useApi(can('tasks.fill') ? '/api/tasks' : null, { params: { query: { status: 'admitted' } } });
  const catalogue = useCatalogue('reporting');
  const outbox = useOutbox();
  const queues = TODO_QUEUES.filter((q) => (counts.data?.todo[q] ?? 0) > 0);
  const area = me?.areas[0];

  return (
    <div className="field-home">
      <div className="field-hello">
        <div className="field-name">{me?.displayName}</div>
        {area && <div className="secondary">{area.name}</div>}
      </div>
      {can('events.report') && (
        <Link to="/m/report" data-testid="field-report">
          <Button type="primary" size="large" block icon={<CameraOutlined />} className="field-report">
            {t('nav.report')}
          </Button>
        </Link>
      )}
      <OutboxList items={outbox.items} itemName={catalogue.nameOf} onRemove={(key) => void outbox.remove(key)} />
      <FieldSection title={t('field.todo')} testId="field-todo">
        {counts.loading && !counts.data ? (
          <Spin />
        ) : queues.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.todoEmpty')} />
        ) : (
          queues.map((q) => (
            <Row key={q} to={`/m/cases?todo=${q}`} label={t(`inbox.queues.${q}`)} count={counts.data?.todo[q]} testId={`field-todo-${q}`} />
          ))
        )}
      </FieldSection>
      <FieldSection title={t('field.cases.title')}>
        <Row to="/m/cases?mine=handling" label={t('field.cases.handling')} testId="field-cases-handling" />
        <Row to="/m/cases?mine=reported" label={t('field.cases.reported')} testId="field-cases-reported" />
      </FieldSection>
      {visits.data && (
        <FieldSection title={t('field.visits.title')} testId="field-visits">
          {visits.data.items.map((h) => (
            <div key={h.code} className="field-line">
              {h.address}
            </div>
          ))}
          <Row
            to="/m/visits"
            label={t('field.visits.all', { days: visits.data.roundDays })}
            count={visits.data.total}
            testId="field-visits-all"
          />
        </FieldSection>
      )}
      {followUps.data && (
        <FieldSection title={t('followUps.title')} testId="field-follow-ups">
          <div className="secondary">{t('followUps.fieldHint', { total: followUps.data.total, missed: followUps.data.missed })}</div>
          <Row
            to="/m/follow-ups"
            label={t('followUps.fieldAll', { n: followUps.data.total })}
            count={followUps.data.missed}
            testId="field-follow-ups-all"
          />
        </FieldSection>
      )}
      {tasks.data && (
        <FieldSection title={t('tasks.field.title')} testId="field-tasks">
          <Row to="/m/tasks" label={t('tasks.field.home')} count={tasks.data.items.length} testId="field-tasks-all" />
        </FieldSection>
      )}
      <Link to="/" onClick={chooseConsole} className="field-console" data-testid="field-console">
        <DesktopOutlined /> {t('field.console')}
      </Link>
    </div>
  );
}
