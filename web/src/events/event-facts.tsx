import { Descriptions, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { DueDot } from './due-dot.tsx';
import { EventStatusTag } from './event-status-tag.tsx';
import { recordLabel } from './linked-record.tsx';

interface Props {
  event: EventDetail;
  itemName: string;
  unitName(code: string): string;
}

/** The facts of one case: what, where, who has it and by when. */
export function EventFacts({ event, itemName, unitName }: Props) {
  const { t, i18n } = useTranslation();
  const time = (at: string | null) => (at ? new Date(at).toLocaleString(i18n.language) : '—');
  // On a phone the labels go above their values, not squeezed one character a line beside them.
  const phone = !Grid.useBreakpoint().sm;
  return (
    <Descriptions column={2} size="small" bordered layout={phone ? 'vertical' : 'horizontal'} className="event-facts">
      <Descriptions.Item label={t('events.caseNo')}>
        <span className="mono" data-testid="event-case-no">
          {event.caseNo}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('events.status')}>
        <EventStatusTag status={event.status} />
        {event.suspendedAt && <Tag color="red">{t('events.suspended')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('events.item')} span={2}>
        <CodeName name={event.itemName ?? itemName} code={event.itemCode} />
      </Descriptions.Item>
      <Descriptions.Item label={t('events.description')} span={2}>
        {event.description}
      </Descriptions.Item>
      {event.subject && (
        <Descriptions.Item label={t('subject.label')} span={2}>
          <span data-testid="event-subject">
            {recordLabel(t, event.subject)}{' '}
            {event.subject.address && event.subject.address !== event.subject.name && (
              <span className="secondary">{event.subject.address}</span>
            )}{' '}
            <span className="mono secondary">{event.subject.key}</span>
            {event.subject.name === null && <Typography.Text type="secondary"> {t('subject.notVisible')}</Typography.Text>}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('events.source')}>{t(`source.${event.source}`, { defaultValue: event.source })}</Descriptions.Item>
      {(event.reporterName || event.reporterPhone) && (
        <Descriptions.Item label={t('intake.callerName')}>
          {event.reporterName} <span className="mono">{event.reporterPhone}</span>
        </Descriptions.Item>
      )}
      {event.externalNo && (
        <Descriptions.Item label={t('intake.externalNo')}>
          <span className="mono">{event.externalNo}</span>
        </Descriptions.Item>
      )}
      {event.reports > 1 && (
        <Descriptions.Item label={t('intake.reportsLabel')}>
          {t('intake.reports', { n: event.reports })} {event.repeat && <Tag color="volcano">{t('intake.repeat')}</Tag>}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('events.grid')}>
        <CodeName name={event.gridName} code={event.gridCode} testId="event-grid" />
        {event.villageName && <div className="secondary">{[event.townshipName, event.villageName].filter(Boolean).join(' / ')}</div>}
      </Descriptions.Item>
      <Descriptions.Item label={t('events.reportedAt')}>{time(event.reportedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('events.dueAt')}>
        <DueDot event={event} />
      </Descriptions.Item>
      <Descriptions.Item label={t('events.leadUnit')}>
        <CodeName
          name={event.leadUnitName ?? (event.leadUnit ? unitName(event.leadUnit) : null)}
          code={event.leadUnit}
          testId="event-lead-unit"
        />
      </Descriptions.Item>
      <Descriptions.Item label={t('events.owner')}>
        <CodeName name={event.ownerName} code={event.ownerCode} testId="event-owner" />
      </Descriptions.Item>
      {event.coUnits.length > 0 && (
        <Descriptions.Item label={t('events.coUnits')} span={2}>
          {event.coUnits.map((code, i) => (
            <div key={code}>
              <CodeName name={event.coUnitNames[i]} code={code} />
            </div>
          ))}
        </Descriptions.Item>
      )}
      {event.closedAt && <Descriptions.Item label={t('events.closedAt')}>{time(event.closedAt)}</Descriptions.Item>}
      {event.rating && (
        <Descriptions.Item label={t('events.rating')}>{t(`rating.${event.rating}`, { defaultValue: event.rating })}</Descriptions.Item>
      )}
    </Descriptions>
  );
}
