import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { HouseDrawer } from '../buildings/house-drawer.tsx';
import { RecordDrawer } from '../records/record-drawer.tsx';
import { useApi } from '../use-api.ts';
import { PersonActions } from './person-actions.tsx';
import { personFacts } from './person-facts.tsx';
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
  const { can } = useAuth();
  const [house, setHouse] = useState<string | null>(null);
  const { data, loading, reload } = useApi('/api/registry/people/{id}', id ? { params: { path: { id } } } : null);
  const changed = () => {
    reload();
    onChanged?.();
  };

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      record={data && data.id === id ? data : null}
      loading={loading}
      title={(p) => p.name}
      loadingTitle={t('people.detail')}
      width="min(680px, 100vw)"
      factsClassName="person-facts"
      actions={(p) => <PersonActions person={p} onChanged={changed} />}
      onChanged={changed}
      facts={(p) => personFacts(p, t, can('registry.unmask'))}
      sections={(p) => (
        <>
          <Typography.Title level={5} className="detail-section">
            {t('people.residences', { n: p.residences.length })}
          </Typography.Title>
          <ResidenceTable residences={p.residences} onOpenHouse={setHouse} />
        </>
      )}
    >
      {() => (
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
      )}
    </RecordDrawer>
  );
}
