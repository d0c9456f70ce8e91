import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordPlace } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { LinkedRecord, recordLabel } from '../events/linked-record.tsx';
import { useApi } from '../use-api.ts';
import { roundCoordinate } from './use-position.ts';

interface Props {
  /** Where to look around: the device's fix or the worker's last tap, not a point taken from a record. */
  around: [number, number] | null;
  linked: RecordPlace | null;
  onLink(record: RecordPlace): void;
  onUnlink(): void;
}

const sameRecord = (a: RecordPlace | null, b: RecordPlace) => a?.type === b.type && a.key === b.key;

/** Components, organisations and buildings close by, as chips: a tap links the report to one (collect once). */
export function NearbyRecords({ around, linked, onLink, onUnlink }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data } = useApi(
    '/api/registry/nearby',
    around && can('registry.read') ? { params: { query: { lng: roundCoordinate(around[0]), lat: roundCoordinate(around[1]) } } } : null,
  );
  const items = data?.items ?? [];
  if (!items.length && !linked) return null;
  return (
    <div className="nearby-records" data-testid="nearby-records">
      {items.length > 0 && (
        <>
          <span className="secondary nearby-records-title">{t('subject.nearby')}</span>
          <div className="record-chips">
            {items.map((r) => (
              <Tag.CheckableTag
                key={`${r.type}:${r.key}`}
                checked={sameRecord(linked, r)}
                onChange={(on) => (on ? onLink(r) : onUnlink())}
                className="record-chip"
                data-testid="record-chip"
              >
                {recordLabel(t, r)} <span className="secondary">{t('subject.distance', { m: r.distanceMeters })}</span>
              </Tag.CheckableTag>
            ))}
          </div>
        </>
      )}
      {linked && <LinkedRecord record={linked} onUnlink={onUnlink} />}
    </div>
  );
}
