import { Alert, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';

interface Props {
  event: EventDetail;
  unitName(code: string): string;
}

const LIGHT_COLOUR: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };

/**
 * Where the case stands in the loop beyond its status: who owes the current stage, its urgency, what waits for a
 * decision, why it may not be returned, how it was closed, and each co-handler's part with its own clock.
 */
export function EventLoopFacts({ event, unitName }: Props) {
  const { t, i18n } = useTranslation();
  const time = (at: string) => new Date(at).toLocaleString(i18n.language);
  const tags = [
    event.urgency !== 'normal' && (
      <Tag key="urgency" color="red" data-testid="event-urgency">
        {t(`urgency.${event.urgency}`)}
      </Tag>
    ),
    event.closingType && (
      <Tag key="closing" color={event.closingType === 'normal' ? 'green' : 'orange'} data-testid="event-closing-type">
        {t(`closingType.${event.closingType}`)}
      </Tag>
    ),
    event.returnBar && <Tag key="bar">{t(`returnBar.${event.returnBar}`)}</Tag>,
    event.provisional && (
      <Tag key="provisional" color="warning" data-testid="event-provisional">
        {t('events.provisional')}
      </Tag>
    ),
    event.returns > 0 && (
      <Tag key="returns" color="magenta">
        {t('events.returns', { n: event.returns })}
      </Tag>
    ),
  ].filter(Boolean);
  return (
    <div className="event-loop-facts">
      {(event.stageUnit || tags.length > 0) && (
        <Space wrap className="detail-section">
          {event.stageUnit && (
            <Typography.Text data-testid="event-stage-unit">
              {t('events.stageUnit')}：<CodeName name={event.stageUnitName ?? unitName(event.stageUnit)} code={event.stageUnit} />
            </Typography.Text>
          )}
          {tags}
        </Space>
      )}
      {event.extension && (
        <Alert
          type="warning"
          showIcon
          message={t('events.extensionPending', { n: event.extension.workingDays, reason: event.extension.reason })}
        />
      )}
      {event.specialClose && <Alert type="warning" showIcon message={t('events.specialPending', { reason: event.specialClose.reason })} />}
      {event.coParts.length > 0 && (
        <>
          <Typography.Title level={5} className="detail-section">
            {t('events.parts', { n: event.coParts.length })}
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={event.coParts}
            renderItem={(part) => {
              const state = part.repliedAt ? 'answered' : part.signedAt ? 'signed' : 'waiting';
              return (
                <List.Item data-testid="event-part">
                  <Space wrap>
                    <CodeName name={event.coUnitNames[event.coUnits.indexOf(part.unit)] ?? unitName(part.unit)} code={part.unit} />
                    <Tag color={state === 'answered' ? 'green' : undefined}>{t(`events.partState.${state}`)}</Tag>
                    {part.light && <Tag color={LIGHT_COLOUR[part.light]}>{t('events.partDue', { at: time(part.dueAt) })}</Tag>}
                  </Space>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </div>
  );
}
