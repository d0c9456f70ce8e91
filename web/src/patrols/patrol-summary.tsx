import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReplyOf } from '../api/paths.ts';

export type PatrolSummary = ReplyOf<'/api/patrols/{id}', 'get'>;

/** A patrol as it is kept: when, how long, the grids passed, the cases filed during it, the track if shown. */
export function PatrolFacts({ patrol: p, showWho = false }: { patrol: PatrolSummary; showWho?: boolean }) {
  const { t, i18n } = useTranslation();
  const at = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <dl className="patrol-facts" data-testid="patrol-summary">
      {showWho && (
        <>
          <dt>{t('patrols.who')}</dt>
          <dd>
            {p.userName}
            {p.department && <span className="secondary"> · {p.department.name}</span>}
          </dd>
        </>
      )}
      <dt>{t('patrols.when')}</dt>
      <dd>
        {at(p.startedAt)} – {p.endedAt ? at(p.endedAt) : <Tag color="processing">{t('patrols.open')}</Tag>}
      </dd>
      <dt>{t('patrols.duration')}</dt>
      <dd data-testid="patrol-minutes">{t('patrols.minutes', { n: p.minutes })}</dd>
      <dt>{t('patrols.grids')}</dt>
      <dd data-testid="patrol-grids">{p.grids.map((g) => g.name).join('、') || '—'}</dd>
      <dt>{t('patrols.cases')}</dt>
      <dd data-testid="patrol-cases">
        <div>{t('patrols.casesCount', { reported: p.reported, fixed: p.fixedOnSpot })}</div>
        {p.cases.map((c) => (
          <div key={c.id} className="secondary">
            <span className="mono">{c.caseNo}</span> {c.itemName}
            {c.fixedOnSpot && <Tag color="green">{t('patrols.fixedOnSpot')}</Tag>}
          </div>
        ))}
      </dd>
      <dt>{t('patrols.track')}</dt>
      <dd>{p.track ? t('patrols.trackPoints', { n: p.track.length }) : t('patrols.trackNone')}</dd>
      {p.note && (
        <>
          <dt>{t('patrols.note')}</dt>
          <dd>{p.note}</dd>
        </>
      )}
    </dl>
  );
}
