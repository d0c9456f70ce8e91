import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp, FollowUpPlan } from '../api/replies.ts';

const COLOUR = { on_time: 'green', due_soon: 'orange', missed: 'red' } as const;

/** 按时 / 即将到期 / 漏访, with the due date or how late it is. */
export function FollowUpState({ followUp: f }: { followUp: Pick<FollowUp, 'state' | 'dueOn' | 'daysOverdue'> }) {
  const { t } = useTranslation();
  const when =
    f.dueOn === null
      ? t('followUps.never')
      : f.daysOverdue
        ? t('followUps.overdue', { n: f.daysOverdue })
        : t('followUps.dueOn', { date: f.dueOn });
  return (
    <span data-testid="follow-up-state">
      <Tag color={COLOUR[f.state]}>{t(`followUps.states.${f.state}`)}</Tag>
      <span className="secondary">{when}</span>
    </span>
  );
}

/** 每周 · 网格员: a plan in words. */
export function usePlanWords() {
  const { t } = useTranslation();
  return (p: Pick<FollowUpPlan, 'cadence' | 'intervalDays' | 'follower'>) =>
    `${t(`followUps.cadences.${p.cadence}`, { n: p.intervalDays ?? 0 })} · ${t(`followUps.followers.${p.follower}`)}`;
}
