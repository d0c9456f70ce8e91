import { ArrowRightOutlined } from '@ant-design/icons';
import { Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventStep } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { PhotoThumbs } from './photo-thumbs.tsx';

const COLOURS: Record<string, string> = {
  report: 'blue',
  void: 'gray',
  return: 'red',
  rework: 'red',
  reopen: 'red',
  close: 'green',
  visit: 'green',
  fix_on_spot: 'green',
  supervise: 'orange',
  urge: 'orange',
  supervision_reply: 'orange',
  supervision_close: 'orange',
};

interface Props {
  history: EventStep[];
  /** Code → name of the units and areas the steps mention, from the case's reply. */
  names: Record<string, string>;
  unitName(code: string): string;
}

/** Every step of the case, oldest first: what was done, by whom and when, with its note and photos. */
export function EventHistory({ history, names, unitName }: Props) {
  const unit = (code: string) => <CodeName name={names[code] ?? unitName(code)} code={code} />;
  const { t, i18n } = useTranslation();

  // The parts of a step's data worth reading: where it went, the rating, the days asked for.
  function facts(step: EventStep): [string, ReactNode][] {
    const d = (step.data ?? {}) as Record<string, unknown>;
    const out: [string, ReactNode][] = [];
    if (typeof d.leadUnit === 'string') out.push([t('events.leadUnit'), unit(d.leadUnit)]);
    if (Array.isArray(d.coUnits) && d.coUnits.length > 0)
      out.push([
        t('events.coUnits'),
        <span key="co-units">
          {d.coUnits
            .filter((c): c is string => typeof c === 'string')
            .map((c) => (
              <div key={c}>{unit(c)}</div>
            ))}
        </span>,
      ]);
    if (typeof d.toOwner === 'string') out.push([t('events.owner'), unit(d.toOwner)]);
    if (typeof d.returnedFrom === 'string') out.push([t('events.returnedFrom'), unit(d.returnedFrom)]);
    if (typeof d.rating === 'string') out.push([t('events.rating'), t(`rating.${d.rating}`, { defaultValue: d.rating })]);
    if (typeof d.workingDays === 'number') out.push([t('events.workingDays'), String(d.workingDays)]);
    if ((step.action === 'supervise' || step.action === 'urge') && typeof d.unitCode === 'string') {
      out.push([t('supervision.unit'), unit(d.unitCode)]);
      if (typeof d.method === 'string')
        out.push([t('supervision.methodLabel'), t(`supervision.method.${d.method}`, { defaultValue: d.method })]);
      if (typeof d.dueAt === 'string') out.push([t('supervision.dueAt'), new Date(d.dueAt).toLocaleString(i18n.language)]);
    }
    return out;
  }

  return (
    <Timeline
      className="event-history"
      items={history.map((step) => ({
        key: step.seq,
        color: COLOURS[step.action] ?? 'blue',
        children: (
          <div className="event-step" data-testid="event-step" data-action={step.action}>
            <div className="event-step-head">
              <Typography.Text strong>
                {t([`eventAction.${step.action}`, `supervision.action.${step.action}`], { defaultValue: step.action })}
              </Typography.Text>
              <span>{step.actorName}</span>
              <Typography.Text type="secondary">{new Date(step.at).toLocaleString(i18n.language)}</Typography.Text>
            </div>
            {step.fromStatus !== step.toStatus && (
              <div className="event-step-status">
                {step.fromStatus && (
                  <>
                    <Tag bordered={false}>{t(`eventStatus.${step.fromStatus}`, { defaultValue: step.fromStatus })}</Tag>
                    <ArrowRightOutlined className="history-arrow" />
                  </>
                )}
                <Tag bordered={false} color="blue">
                  {t(`eventStatus.${step.toStatus}`, { defaultValue: step.toStatus })}
                </Tag>
              </div>
            )}
            {facts(step).map(([label, value]) => (
              <div key={label} className="event-step-fact">
                <span className="event-step-label">{label}</span>
                {value}
              </div>
            ))}
            {step.note && <div className="event-step-note">{step.note}</div>}
            {step.photos.length > 0 && <PhotoThumbs keys={step.photos} size={56} />}
          </div>
        ),
      }))}
    />
  );
}
