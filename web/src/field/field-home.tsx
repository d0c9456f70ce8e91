import { CameraOutlined, DesktopOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TODO_QUEUES } from '../../../shared/enums.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { BurdenLine } from '../patrols/burden-line.tsx';
import { PatrolCard } from '../patrols/patrol-card.tsx';
import { ZeroReportCard } from '../patrols/zero-report-card.tsx';
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
  const tasks = useApi(can('tasks.fill') ? '/api/tasks' : null, { params: { query: { status: 'admitted' } } });
  const catalogue = useCatalogue('reporting');
  const outbox = useOutbox();
  const queues = TODO_QUEUES.filter((q) => (counts.data?.todo[q] ?? 0) > 0);
  // The follow-ups I owe are work too: counted by the to-do (numbers only), named on the list's screen (audited there).
  const followUps = counts.data?.followUps ?? null;
  const owed = followUps ? followUps.missed + followUps.dueSoon : 0;
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
      {can('patrols.zero_report') && <ZeroReportCard />}
      {can('patrols.patrol') && <PatrolCard />}
      <OutboxList items={outbox.items} itemName={catalogue.nameOf} onRemove={(key) => void outbox.remove(key)} />
      <FieldSection title={t('field.todo')} testId="field-todo">
        {counts.loading && !counts.data ? (
          <Spin />
        ) : queues.length === 0 && owed === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.todoEmpty')} />
        ) : (
          <>
            {queues.map((q) => (
              <Row
                key={q}
                to={`/m/cases?todo=${q}`}
                label={t(`inbox.queues.${q}`)}
                count={counts.data?.todo[q]}
                testId={`field-todo-${q}`}
              />
            ))}
            {followUps && owed > 0 && (
              <Row
                to="/m/follow-ups"
                label={`${t('followUps.fieldTodo')} · ${t('followUps.fieldDue', followUps)}`}
                count={owed}
                testId="field-todo-follow-ups"
              />
            )}
          </>
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
      {can('followups.visit') && (
        <FieldSection title={t('followUps.title')} testId="field-follow-ups">
          <Row to="/m/follow-ups" label={t('followUps.fieldAll')} testId="field-follow-ups-all" />
        </FieldSection>
      )}
      {tasks.data && (
        <FieldSection title={t('tasks.field.title')} testId="field-tasks">
          <Row to="/m/tasks" label={t('tasks.field.home')} count={tasks.data.items.length} testId="field-tasks-all" />
        </FieldSection>
      )}
      <BurdenLine />
      <FieldSection title={t('training.mine')} testId="field-training">
        <Row to="/m/training" label={t('training.history')} testId="field-training-all" />
      </FieldSection>
      <Link to="/" onClick={chooseConsole} className="field-console" data-testid="field-console">
        <DesktopOutlined /> {t('field.console')}
      </Link>
    </div>
  );
}
