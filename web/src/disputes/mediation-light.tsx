import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../../shared/china-time.ts';
import type { DisputeSummary } from '../api/replies.ts';

const COLOUR = { green: 'green', yellow: 'gold', red: 'red' } as const;

/** A mediation's time limit: its due day and light; marked provisional when counted past the holiday data. */
export function MediationLight({ d }: { d: Pick<DisputeSummary, 'light' | 'mediationDueAt' | 'provisional'> }) {
  const { t } = useTranslation();
  if (!d.light || !d.mediationDueAt) return <span>—</span>;
  const day = chinaDate(new Date(d.mediationDueAt));
  const tag = (
    <Tag color={COLOUR[d.light]} data-testid="mediation-light" data-light={d.light}>
      {t(`disputes.lights.${d.light}`)} · {t('disputes.dueBy', { date: day })}
      {d.provisional ? ' *' : ''}
    </Tag>
  );
  return d.provisional ? <Tooltip title={t('disputes.provisional')}>{tag}</Tooltip> : tag;
}
