import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../api/replies.ts';

const DAY_MS = 24 * 3600 * 1000;
/** Statuses whose clock has stopped: a deadline no longer says anything about them. */
const FINISHED = new Set(['closed', 'visited', 'voided', 'merged']);

type Urgency = 'overdue' | 'soon' | 'ok';

/** Red when past, yellow within a day, green otherwise. */
export function urgency(due: Date, now = Date.now()): Urgency {
  const left = due.getTime() - now;
  return left < 0 ? 'overdue' : left <= DAY_MS ? 'soon' : 'ok';
}

const COLOUR: Record<Urgency, string> = { overdue: '#e03131', soon: '#f59f00', ok: '#2f9e44' };
const LABEL: Record<Urgency, string> = { overdue: 'events.dueOverdue', soon: 'events.dueSoon', ok: 'events.dueOk' };

/** The handling deadline (or, before dispatch, the current stage's), with a coloured dot. */
export function DueDot({ event }: { event: EventSummary }) {
  const { t, i18n } = useTranslation();
  const at = event.dueAt ?? event.stageDueAt;
  if (!at) return <>—</>;
  const due = new Date(at);
  const text = due.toLocaleString(i18n.language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const stage =
    !event.dueAt && event.stage ? t('events.stageDue', { stage: t(`eventStage.${event.stage}`, { defaultValue: event.stage }) }) : null;
  if (FINISHED.has(event.status)) return <span className="due-finished">{text}</span>;
  const u = urgency(due);
  return (
    <Tooltip title={[stage, t(LABEL[u])].filter(Boolean).join(' · ')}>
      <Badge color={COLOUR[u]} text={text} data-testid={`due-${u}`} />
    </Tooltip>
  );
}
