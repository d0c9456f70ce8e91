import { Drawer, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HouseDrawer } from '../buildings/house-drawer.tsx';
import { useApi } from '../use-api.ts';
import { PersonActions } from './person-actions.tsx';
import { PersonFacts } from './person-facts.tsx';
import { PersonHistory } from './person-history.tsx';
import { ResidenceTable } from './residence-table.tsx';

/**
 * One person: the record (masked), where they have lived (a click opens the house, whose residents open in
 * turn through `onOpenPerson`), and every change of the record; edit, move in and move out (`onChanged` after each).
 */
export function PersonDrawer({
  id,
  onClose,
  onOpenPerson,
  onChanged,
}: {
  id: string | null;
  onClose(): void;
  onOpenPerson?(id: string): void;
  onChanged?(): void;
}) {
  const { t } = useTranslation();
  const [house, setHouse] = useState<string | null>(null);
  const { data, loading, reload } = useApi('/api/registry/people/{id}', id ? { params: { path: { id } } } : null);
  const person = data && data.id === id ? data : null;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width="min(680px, 100vw)"
      title={person?.name ?? t('people.detail')}
      destroyOnHidden
      extra={
        person && (
          <PersonActions
            person={person}
            onChanged={() => {
              reload();
              onChanged?.();
            }}
          />
        )
      }
    >
      {!person ? (
        <Spin className="panel-spin" spinning={loading} />
      ) : (
        <>
          <PersonFacts person={person} />
          <Typography.Title level={5} className="detail-section">
            {t('people.residences', { n: person.residences.length })}
          </Typography.Title>
          <ResidenceTable residences={person.residences} onOpenHouse={setHouse} />
          <Typography.Title level={5} className="detail-section">
            {t('people.history', { n: person.history.length })}
          </Typography.Title>
          <PersonHistory history={person.history} />
          <HouseDrawer
            code={house}
            onClose={() => setHouse(null)}
            onOpenPerson={
              onOpenPerson &&
              ((other) => {
                setHouse(null);
                onOpenPerson(other);
              })
            }
          />
        </>
      )}
    </Drawer>
  );
}
