import { CompassOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { FieldSection } from '../field/field-section.tsx';
import { newIdempotencyKey } from '../report/idempotency-key.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { usePatrolTrack } from './use-patrol-track.ts';

/** 巡查 on the phone home: start in one tap; while under way, how long so far and the way to end it. */
export function PatrolCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const current = useApi('/api/patrols/current');
  const settings = useApi('/api/settings/field');
  const { busy, run } = useBusyAction();
  const patrol = current.data?.patrol ?? null;
  usePatrolTrack(patrol);
  const days = settings.data?.items.find((i) => i.key === 'patrol_track_days')?.value;

  const start = () =>
    run(async () => {
      await api.POST('/api/patrols', { body: { key: newIdempotencyKey() } });
      current.reload();
    });

  return (
    <FieldSection title={t('patrols.field')} testId="field-patrol">
      {patrol ? (
        <>
          <div className="field-line" data-testid="patrol-under-way">
            {t('patrols.underWay', {
              time: new Date(patrol.startedAt).toLocaleTimeString(i18n.language, { timeStyle: 'short' }),
              minutes: patrol.minutes,
            })}
          </div>
          <div className="field-line secondary">{patrol.tracked ? t('patrols.tracking', { days }) : t('patrols.notTracking')}</div>
          <Button block size="large" onClick={() => navigate(`/m/patrol?end=${patrol.id}`)} data-testid="patrol-end">
            {t('patrols.end')}
          </Button>
        </>
      ) : (
        <Button block size="large" icon={<CompassOutlined />} loading={busy || current.loading} onClick={start} data-testid="patrol-start">
          {t('patrols.start')}
        </Button>
      )}
      <Link to="/m/patrol" className="field-row" data-testid="patrol-mine">
        <span>{t('patrols.recent')}</span>
        <RightOutlined />
      </Link>
    </FieldSection>
  );
}
