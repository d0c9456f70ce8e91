import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { PeopleSearch } from './people-search.tsx';
import { RegistryImportCard } from './registry-import-card.tsx';

/** 实有人口: find the people of one's jurisdiction, read one record, and import people and houses. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { can } = useAuth();

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.people')}</Typography.Title>
      </div>
      {can('registry.write') ? (
        <Tabs
          items={[
            { key: 'search', label: t('people.searchTab'), children: <PeopleSearch /> },
            { key: 'import', label: t('people.importTab'), children: <RegistryImportCard /> },
          ]}
        />
      ) : (
        <PeopleSearch />
      )}
    </div>
  );
}
