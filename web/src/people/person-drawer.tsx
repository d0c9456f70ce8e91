import { Drawer, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HouseDrawer } from '../buildings/house-drawer.tsx';
import type { PersonDetail } from '../types.ts';
import { useApi } from '../use-api.ts';
import { PersonFacts } from './person-facts.tsx';
import { PersonHistory } from './person-history.tsx';
import { ResidenceTable } from './residence-table.tsx';

/**
 * One person: the record (masked), where they have lived (a click opens the house, whose residents open in
 * turn through `onOpenPerson`), and every change of the record.
 */
export function PersonDrawer({ id, onClose, onOpenPerson }: { id: string | null; onClose(): void; onOpenPerson?(id: string): void }) {
  const { t } = useTranslation();
  const [house, setHouse] = useState<string | null>(null);
  const { data, loading } = useApi<PersonDetail>(id ? `/api/registry/people/${encodeURIComponent(id)}` : null);
  const person = data && data.id === id ? data : null;

  return (
    <Drawer open={id !== null} onClose={onClose} width={680} title={person?.name ?? t('people.detail')} destroyOnHidden>
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
            onOpenPerson={onOpenPerson && ((other) => { setHouse(null); onOpenPerson(other); })}
          />
        </>
      )}
    </Drawer>
  );
}
