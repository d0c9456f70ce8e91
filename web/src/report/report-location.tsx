import { AimOutlined, EnvironmentOutlined, LoadingOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocateResult, Outline } from '../api/replies.ts';
import type { Position } from './use-position.ts';

// OpenLayers is the heaviest part of the page and only a fallback to the device's fix: the form is usable before it.
const PointMap = lazy(async () => ({ default: (await import('../events/point-map.tsx')).PointMap }));

interface Props {
  position: Position;
  point: [number, number] | null;
  located: LocateResult | 'offline' | null;
  outline: Outline | null;
  onPick(lngLat: [number, number]): void;
}

/** Where it is: the device's fix or a tap on the small map, and the grid that point falls in. */
export function ReportLocation({ position, point, located, outline, onPick }: Props) {
  const { t } = useTranslation();
  const status =
    position.status === 'locating' && !point ? (
      <>
        <LoadingOutlined /> {t('report.locating')}
      </>
    ) : position.status === 'failed' && !point ? (
      <span className="text-warning">
        <AimOutlined /> {t('report.noGps')}
      </span>
    ) : position.status === 'located' && position.accuracy !== null ? (
      <span className="secondary">{t('report.located', { m: Math.round(position.accuracy) })}</span>
    ) : (
      <span className="secondary">{t('report.tapHint')}</span>
    );

  return (
    <div className="report-location">
      <div className="report-grid" data-testid="report-grid">
        <EnvironmentOutlined />
        {point === null ? (
          <span className="secondary">—</span>
        ) : located === null ? (
          <LoadingOutlined />
        ) : located === 'offline' ? (
          <span className="secondary" data-testid="report-grid-offline">
            {t('report.gridOffline')}
          </span>
        ) : located.found ? (
          <span>
            <strong>{located.grid?.name}</strong>
            <span className="secondary"> · {located.village?.name}</span>
          </span>
        ) : located.reason === 'outside_jurisdiction' && located.grid ? (
          <span data-testid="report-grid-outside">
            <strong>{located.grid.name}</strong>
            <span className="secondary"> · {located.township?.name}</span>
            <span className="text-warning"> {t('locate.outsideOwnArea')}</span>
          </span>
        ) : (
          <span className="text-danger">{t('locate.notFound')}</span>
        )}
      </div>
      <div className="report-map">
        <Suspense fallback={null}>
          <PointMap outline={outline} point={point} onPick={onPick} />
        </Suspense>
      </div>
      <div className="report-location-status">{status}</div>
    </div>
  );
}
